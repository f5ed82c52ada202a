package uk.gov.council.commissioning.procurement;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.procurement.ProcurementRegime.RuleBasis;
import uk.gov.council.commissioning.procurement.StandstillRule.CountFrom;
import uk.gov.council.commissioning.procurement.StandstillRule.DayUnit;
import uk.gov.council.commissioning.procurement.StandstillRule.LastDayRule;
import uk.gov.council.commissioning.procurement.TenderingProcedure.MinimumPeriod;
import uk.gov.council.commissioning.procurement.TenderingProcedure.PlannedNoticeReduction;
import uk.gov.council.commissioning.procurement.TimetableCheck.Note;
import uk.gov.council.commissioning.procurement.TimetableCheck.NoticeDue;
import uk.gov.council.commissioning.procurement.TimetableCheck.Problem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * Checks a planned procurement timetable against its regime: every stage dated and in order, a long
 * enough tender period, the contract signed only after standstill, and when each notice is due.
 * Working days come from the council's {@link WorkingDayCalendar}, as the regime defines them.
 */
@Service
@RequiredArgsConstructor
class TimetableChecker {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final String STAGE_ORDER =
      "Seed 000 §6.5: the stages of the procurement timetable, in order";

  /** The plan's dates in stage order, with the words an officer uses for them. */
  private record DateField(String field, String label, Function<TimetablePlan, LocalDate> value) {}

  private static final List<DateField> DATES =
      List.of(
          new DateField(
              "marketEngagementStart",
              "start of market engagement",
              TimetablePlan::marketEngagementStart),
          new DateField(
              "marketEngagementEnd",
              "end of market engagement",
              TimetablePlan::marketEngagementEnd),
          new DateField("tenderNoticeDate", "tender notice", TimetablePlan::tenderNoticeDate),
          new DateField("tenderCloseDate", "tender deadline", TimetablePlan::tenderCloseDate),
          new DateField(
              "evaluationEnd", "end of evaluation and interviews", TimetablePlan::evaluationEnd),
          new DateField(
              "awardAuthorisationEnd",
              "award report authorisation",
              TimetablePlan::awardAuthorisationEnd),
          new DateField("awardNoticeDate", "award notice", TimetablePlan::awardNoticeDate),
          new DateField(
              "contractSignatureDate", "contract signature", TimetablePlan::contractSignatureDate),
          new DateField("commencementDate", "commencement", TimetablePlan::commencementDate));

  /** Why each date must follow the one before it in {@link #DATES}. */
  private static final List<String> WHY_IN_ORDER =
      List.of(
          "market engagement cannot end before it starts",
          "market engagement ends on or before the day the tender notice is published",
          "tenders close after the tender notice is published",
          "evaluation follows the close of tenders",
          "the award report is authorised once evaluation and interviews are finished",
          "the award can only be announced once the award report is authorised",
          "the contract can only be entered into once the award has been announced",
          "the service cannot start before the contract is entered into");

  private final ProcurementRegimes regimes;
  private final WorkingDayCalendar calendar;
  private final ProcurementProperties properties;

  /**
   * Checks the plan. An unknown regime or procedure is a bad request (400 naming the field); a
   * missing or misplaced date is a problem in the answer, so a half-planned timetable can be
   * checked as the officer goes.
   */
  public TimetableCheck check(TimetablePlan plan) {
    Objects.requireNonNull(plan, "plan");
    ProcurementRegime regime = regimes.require(plan.regime());
    TenderingProcedure procedure = requireProcedure(regime, plan.procedure());
    RegimeDates dates = new RegimeDates(regime, calendar);
    Findings findings = new Findings();

    checkEveryDateIsPlanned(plan, findings);
    checkStageOrder(plan, regime, findings);
    Integer minimumTenderDays = checkTenderPeriod(plan, regime, procedure, findings);
    LocalDate standstillEnds = checkStandstill(plan, regime, dates, findings);

    boolean standstillApplies = regime.standstill().mandatory() || plan.voluntaryStandstill();
    LocalDate mayBeEnteredInto =
        standstillEnds != null ? standstillEnds.plusDays(1) : plan.awardNoticeDate();
    List<NoticeDue> notices = regime.notices().stream().map(n -> noticeDue(n, plan)).toList();
    LocalDate contractDetailsDue =
        notices.stream()
            .filter(n -> n.code().equals(regime.contractDetailsNotice()))
            .findFirst()
            .map(NoticeDue::due)
            .orElse(null);
    Long tenderDays =
        plan.tenderNoticeDate() == null || plan.tenderCloseDate() == null
            ? null
            : DAYS.between(plan.tenderNoticeDate(), plan.tenderCloseDate());

    return new TimetableCheck(
        regime.id(),
        regime.name(),
        findings.problems.isEmpty(),
        List.copyOf(findings.problems),
        List.copyOf(findings.notes),
        tenderDays,
        minimumTenderDays,
        standstillApplies,
        standstillEnds,
        mayBeEnteredInto,
        notices,
        contractDetailsDue);
  }

  /**
   * The last day of standstill after an award notice on {@code awardNoticeDate}, or null when the
   * regime requires none and no voluntary standstill is chosen. The contract may be entered into
   * from the day after.
   */
  public LocalDate standstillEnd(String regimeId, LocalDate awardNoticeDate, boolean voluntary) {
    ProcurementRegime regime = regimes.require(regimeId);
    Objects.requireNonNull(awardNoticeDate, "awardNoticeDate");
    if (!regime.standstill().mandatory() && !voluntary) {
      return null;
    }
    return new RegimeDates(regime, calendar).standstillLastDay(awardNoticeDate);
  }

  /** The day the notice that publishes a contract signed on {@code signatureDate} is due by. */
  public LocalDate contractDetailsNoticeDue(String regimeId, LocalDate signatureDate) {
    ProcurementRegime regime = regimes.require(regimeId);
    Objects.requireNonNull(signatureDate, "signatureDate");
    NoticeRule notice = regime.notice(regime.contractDetailsNotice()).orElseThrow();
    return RegimeDates.noticeDue(notice, signatureDate);
  }

  private static TenderingProcedure requireProcedure(ProcurementRegime regime, String procedureId) {
    if (ProcurementRegime.blank(procedureId)) {
      throw new InvalidRequestException(
          "procedure", "is required: one of " + regime.procedureIds() + " under " + regime.name());
    }
    return regime
        .procedure(procedureId)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "procedure",
                    "'"
                        + procedureId
                        + "' is not a procedure of "
                        + regime.name()
                        + ": one of "
                        + regime.procedureIds()));
  }

  private static void checkEveryDateIsPlanned(TimetablePlan plan, Findings findings) {
    for (DateField date : DATES) {
      if (date.value().apply(plan) == null) {
        findings.problem(
            date.field(),
            "The date of the "
                + date.label()
                + " is missing: every stage of the"
                + " timetable needs its date.",
            STAGE_ORDER);
      }
    }
  }

  private static void checkStageOrder(
      TimetablePlan plan, ProcurementRegime regime, Findings findings) {
    for (int i = 1; i < DATES.size(); i++) {
      DateField earlier = DATES.get(i - 1);
      DateField later = DATES.get(i);
      LocalDate from = earlier.value().apply(plan);
      LocalDate to = later.value().apply(plan);
      if (from == null || to == null) {
        continue;
      }
      boolean mustBeLater = later.field().equals("tenderCloseDate");
      if (to.isBefore(from) || (mustBeLater && to.equals(from))) {
        findings.problem(
            later.field(),
            "The "
                + later.label()
                + " ("
                + day(to)
                + ") is "
                + (mustBeLater ? "not after" : "before")
                + " the "
                + earlier.label()
                + " ("
                + day(from)
                + "): "
                + WHY_IN_ORDER.get(i - 1)
                + ".",
            sourceOfOrder(later, regime));
      }
    }
  }

  private static String sourceOfOrder(DateField later, ProcurementRegime regime) {
    if (later.field().equals("contractSignatureDate")) {
      return regime.notices().stream()
          .filter(NoticeRule::startsStandstill)
          .findFirst()
          .map(NoticeRule::source)
          .orElse(STAGE_ORDER);
    }
    return STAGE_ORDER;
  }

  /**
   * Returns the minimum tender period that applied, or null when the tender period is not yet
   * planned.
   */
  private Integer checkTenderPeriod(
      TimetablePlan plan,
      ProcurementRegime regime,
      TenderingProcedure procedure,
      Findings findings) {
    if (procedure.note() != null) {
      findings.note("tenderCloseDate", procedure.note(), regime.legalSource());
    }
    LocalDate notice = plan.tenderNoticeDate();
    LocalDate close = plan.tenderCloseDate();
    if (notice == null || close == null || !close.isAfter(notice)) {
      return null;
    }
    TenderMinimum minimum = tenderMinimum(plan, regime, procedure, findings);
    long days = DAYS.between(notice, close);
    if (days < minimum.days()) {
      findings.problem(
          "tenderCloseDate",
          "The tender period from "
              + day(notice)
              + " to "
              + day(close)
              + " is "
              + days
              + " days; "
              + minimum.description()
              + " is "
              + minimum.days()
              + " days.",
          minimum.source());
    }
    return minimum.days();
  }

  private record TenderMinimum(int days, String description, String source) {}

  private TenderMinimum tenderMinimum(
      TimetablePlan plan,
      ProcurementRegime regime,
      TenderingProcedure procedure,
      Findings findings) {
    if (!procedure.hasStatutoryMinimum()) {
      return new TenderMinimum(
          properties.lightTouchMinimumTenderDays(),
          "the "
              + regime.name()
              + " sets no minimum for the "
              + procedure.name()
              + ", and the council's policy minimum",
          "Council policy (commissioning.procurement.light-touch-minimum-tender-days), not law:"
              + " the council's floor for time limits the law asks to be reasonable and"
              + " proportionate");
    }
    MinimumPeriod base = procedure.minimum();
    int days = base.days();
    String circumstance = "";
    String source = base.source();
    RuleBasis basis = base.basis();
    if (properties.electronicSubmission() && procedure.electronicSubmission() != null) {
      days = procedure.electronicSubmission().days();
      circumstance = " with electronic submission";
      source = procedure.electronicSubmission().source();
      basis = procedure.electronicSubmission().basis();
    }
    PlannedNoticeReduction planned = procedure.plannedNotice();
    if (planned != null
        && plan.plannedProcurementNoticeDate() != null
        && plan.tenderNoticeDate() != null) {
      if (plannedNoticeCounts(
          planned, plan.plannedProcurementNoticeDate(), plan.tenderNoticeDate())) {
        if (planned.days() < days) {
          days = planned.days();
          circumstance =
              " after a "
                  + planned.notice()
                  + " published on "
                  + day(plan.plannedProcurementNoticeDate());
          source = planned.source();
          basis = planned.basis();
        }
      } else {
        findings.note(
            "plannedProcurementNoticeDate",
            "The "
                + planned.notice()
                + " of "
                + day(plan.plannedProcurementNoticeDate())
                + " does not shorten the tender period: it must be published"
                + " between "
                + planned.publishedAtLeastDaysBefore()
                + " days and "
                + planned.publishedAtMostMonthsBefore()
                + " months before the tender notice ("
                + day(plan.tenderNoticeDate())
                + ").",
            planned.source());
      }
    }
    String description =
        "the " + regime.name() + " minimum for an " + procedure.name() + circumstance;
    MinimumPeriod participation = procedure.participation();
    if (participation != null) {
      description +=
          " ("
              + participation.days()
              + " days for requests to participate and "
              + days
              + " for tenders)";
      days += participation.days();
      source = participation.source() + "; " + source;
    }
    if (basis == RuleBasis.COUNCIL_DEFAULT) {
      findings.note(
          "tenderCloseDate",
          "The minimum of " + days + " days is a council default, not confirmed law.",
          source);
    }
    return new TenderMinimum(days, description, source);
  }

  private static boolean plannedNoticeCounts(
      PlannedNoticeReduction planned, LocalDate published, LocalDate tenderNotice) {
    LocalDate earliest = tenderNotice.minusMonths(planned.publishedAtMostMonthsBefore());
    LocalDate latest = tenderNotice.minusDays(planned.publishedAtLeastDaysBefore());
    return !published.isBefore(earliest) && !published.isAfter(latest);
  }

  /**
   * Returns the last day of standstill, or null when none applies or the award notice is not yet
   * planned.
   */
  private static LocalDate checkStandstill(
      TimetablePlan plan, ProcurementRegime regime, RegimeDates dates, Findings findings) {
    StandstillRule rule = regime.standstill();
    if (!rule.mandatory()) {
      findings.note(
          "voluntaryStandstill",
          plan.voluntaryStandstill()
              ? "A voluntary standstill period is planned: the contract waits for it as for a mandatory one."
              : "The "
                  + regime.name()
                  + " does not require a standstill period. A voluntary one of "
                  + rule.length()
                  + " "
                  + unit(rule)
                  + " gives bidders time to raise a challenge before the contract is signed.",
          rule.source());
    }
    LocalDate award = plan.awardNoticeDate();
    if (!(rule.mandatory() || plan.voluntaryStandstill()) || award == null) {
      return null;
    }
    LocalDate last = dates.standstillLastDay(award);
    LocalDate signature = plan.contractSignatureDate();
    if (signature != null && !signature.isAfter(last) && !signature.isBefore(award)) {
      findings.problem(
          "contractSignatureDate",
          "The contract is to be signed on "
              + day(signature)
              + ", inside the standstill period: "
              + describe(rule, award)
              + " run to the end of "
              + day(last)
              + ". The contract may be entered into from "
              + day(last.plusDays(1))
              + ".",
          rule.source());
    }
    return last;
  }

  private static String describe(StandstillRule rule, LocalDate award) {
    String counting =
        rule.countFrom() == CountFrom.EVENT_DAY ? " beginning with " : " counted from ";
    String extension =
        rule.ifLastDayNotWorkingDay() == LastDayRule.EXTEND_TO_NEXT_WORKING_DAY
            ? " (moved on to the next working day when the last day is not one)"
            : "";
    return rule.length()
        + " "
        + unit(rule)
        + counting
        + rule.startsWith()
        + " ("
        + day(award)
        + ")"
        + extension;
  }

  private static String unit(StandstillRule rule) {
    return rule.unit() == DayUnit.WORKING_DAYS ? "working days" : "days";
  }

  private static NoticeDue noticeDue(NoticeRule notice, TimetablePlan plan) {
    LocalDate anchor =
        switch (notice.anchor()) {
          case TENDER_NOTICE -> plan.tenderNoticeDate();
          case AWARD_NOTICE -> plan.awardNoticeDate();
          case CONTRACT_SIGNATURE -> plan.contractSignatureDate();
        };
    LocalDate due = anchor == null ? null : RegimeDates.noticeDue(notice, anchor);
    return new NoticeDue(
        notice.code(),
        notice.name(),
        due,
        when(notice),
        notice.startsStandstill(),
        notice.basis(),
        notice.source());
  }

  private static String when(NoticeRule notice) {
    String event = notice.anchor().event();
    return switch (notice.timing()) {
      case ON -> "on the day " + event;
      case ON_OR_BEFORE -> "on or before the day " + event;
      case WITHIN_AFTER ->
          "within "
              + notice.days()
              + (notice.days() == 1 ? " day" : " days")
              + " after "
              + event
              + (notice.countFrom() == CountFrom.EVENT_DAY
                  ? ", that day counting as the first"
                  : "");
    };
  }

  private static String day(LocalDate date) {
    return date.format(DAY);
  }

  private static final class Findings {
    private final List<Problem> problems = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    void problem(String field, String reason, String source) {
      problems.add(new Problem(field, reason, source));
    }

    void note(String field, String advice, String source) {
      notes.add(new Note(field, advice, source));
    }
  }
}
