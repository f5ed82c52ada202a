package uk.gov.council.commissioning.procurement;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.procurement.NoticeRule.Anchor;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The notices a regime requires (regime data), one task each at the point of the procurement it
 * belongs to, due by the date the regime sets. Publication dates are recorded facts: standstill
 * runs from the day the notice that starts it was actually published.
 */
@Component("procurementNotices")
@RequiredArgsConstructor
public class ProcurementNotices {

  /** Sent with their own task (the evaluation's assessment summaries), not a published notice. */
  static final String ASSESSMENT_SUMMARIES = "ASSESSMENT_SUMMARIES";

  private static final Map<String, Anchor> POINTS =
      Map.of(
          "TENDER",
          Anchor.TENDER_NOTICE,
          "AWARD",
          Anchor.AWARD_NOTICE,
          "CONTRACT",
          Anchor.CONTRACT_SIGNATURE);

  /** The fields of the notice form: kept on each task, so the next notice's form opens empty. */
  private static final List<String> ANSWERS =
      List.of("noticeReference", "noticePublishedOn", "newTenderCloseDate");

  private final ProcurementRegister register;
  private final ProcurementRegimes regimes;
  private final ProcurementTimetable timetable;
  private final TimetableChecker checker;
  private final ProcurementDeadlines deadlines;
  private final ProcurementAlerts alerts;
  private final Deadlines caseDeadlines;

  /**
   * The codes of the notices due at this point (TENDER, AWARD or CONTRACT), in the regime's order.
   */
  public List<String> at(DelegateExecution execution, String point) {
    return rulesAt(execution.getProcessBusinessKey(), point).stream()
        .map(NoticeRule::code)
        .toList();
  }

  /** Names the task after its notice and sets the deadline, on the notice's own execution. */
  public void prepare(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    NoticeRule rule = rule(reference, execution.getVariable("noticeCode").toString());
    register.openNoticeTask(reference, execution.getId(), rule.code());
    LocalDate due = due(reference, rule, execution);
    execution.setVariableLocal("noticeName", rule.name() + " (" + rule.code() + ")");
    execution.setVariableLocal("noticeRuleName", rule.name());
    execution.setVariableLocal("noticeDue", deadlines.endOf(due));
    execution.setVariableLocal("noticeDueText", due.format(ProcurementTimetable.DAY));
    execution.setVariableLocal("noticeSource", rule.source());
    execution.setVariableLocal("noticeDescription", describe(rule));
    execution.setVariableLocal("noticeOpensTender", rule.opensTender());
    for (String answer : ANSWERS) {
      execution.setVariableLocal(answer, null);
    }
  }

  /**
   * Checks the notice form. A tender notice published later than planned must still leave the
   * minimum tender period: the officer then gives a new closing date, which is checked like any
   * re-plan.
   */
  public void published(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String reference = execution.getProcessBusinessKey();
    // The notice fixed when the task opened, whatever the completion sent as noticeCode.
    NoticeRule rule =
        rule(
            reference,
            register
                .noticeOfTask(task.getExecutionId())
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "Notice task "
                                + task.getId()
                                + " of "
                                + reference
                                + " has no notice")));
    FormChecks checks = new FormChecks(task.getName(), task);
    String noticeReference = checks.text("noticeReference", 100);
    LocalDate published = checks.date("noticePublishedOn");
    if (published != null && published.isAfter(deadlines.today())) {
      checks.problem("noticePublishedOn", "cannot be in the future");
    }
    LocalDate newClose = rule.opensTender() ? checks.optionalDate("newTenderCloseDate") : null;
    checks.throwIfAny();
    if (rule.opensTender()) {
      timetable.checkTenderOpened(task.getName(), reference, published, newClose);
    }
    CompletedTask.handOver(task, "noticeCode", rule.code());
    CompletedTask.handOver(task, "noticeReference", noticeReference);
    CompletedTask.handOver(task, "noticePublishedOn", published);
    CompletedTask.handOver(task, "newTenderCloseDate", newClose);
    CompletedTask.handOver(task, "by", ProcurementUsers.userOf(task));
    TaskAnswers.keepOnTask(task, ANSWERS);
  }

  /**
   * Records the notice the task checked; a tender notice fixes the tender period from the day it
   * was published.
   */
  public void recordNotice(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    NoticeRule rule = rule(reference, CompletedTask.get(execution, "noticeCode"));
    LocalDate published = LocalDate.parse(CompletedTask.get(execution, "noticePublishedOn"));
    if (rule.opensTender()) {
      String newClose = CompletedTask.get(execution, "newTenderCloseDate");
      timetable.tenderOpened(
          execution, published, newClose == null ? null : LocalDate.parse(newClose));
    }
    register.recordNotice(
        reference,
        rule.code(),
        rule.name(),
        due(reference, rule, execution),
        CompletedTask.get(execution, "noticeReference"),
        published,
        CompletedTask.get(execution, "by"));
  }

  /**
   * Records the {@code CONTRACT_NOTICE} deadline once the contract is signed: the end of the
   * earliest deadline among the notices due after signature, which the overdue timer reads.
   */
  void scheduleContractNotices(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Optional<LocalDate> earliest =
        rulesAt(reference, "CONTRACT").stream()
            .map(r -> due(reference, r, execution))
            .min(Comparator.naturalOrder());
    CaseRef ref = ProcurementCase.of(execution);
    // No notice at this point: a date that never comes, since the activity ends at once.
    caseDeadlines.scheduleAt(
        ref,
        ProcurementCase.CONTRACT_NOTICE.name(),
        deadlines.endOfDay(earliest.orElse(LocalDate.of(9999, 12, 30))),
        ProcurementCase.CONTRACT_NOTICE.seedSection());
    if (earliest.isEmpty()) {
      caseDeadlines.waive(ref, ProcurementCase.CONTRACT_NOTICE.name());
    }
  }

  /** A deadline passed with notices still unrecorded: the leads are told which. */
  public void overdue(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    List<String> recorded =
        register.notices(reference).stream().map(ProcurementRegister.Notice::code).toList();
    List<NoticeRule> missing =
        rulesAt(reference, "CONTRACT").stream().filter(r -> !recorded.contains(r.code())).toList();
    if (missing.isEmpty()) {
      return;
    }
    LocalDate due =
        missing.stream()
            .map(r -> due(reference, r, execution))
            .min(Comparator.naturalOrder())
            .orElseThrow();
    alerts.noticeOverdue(
        execution, missing.stream().map(NoticeRule::name).collect(Collectors.joining(", ")), due);
  }

  /** The day the notice that starts standstill was published, once it is recorded. */
  public Optional<LocalDate> standstillStartedOn(String reference) {
    ProcurementRegime regime = regime(reference);
    List<ProcurementRegister.Notice> notices = register.notices(reference);
    for (int i = notices.size() - 1; i >= 0; i--) {
      ProcurementRegister.Notice notice = notices.get(i);
      if (regime.notice(notice.code()).map(NoticeRule::startsStandstill).orElse(false)) {
        return Optional.of(notice.publishedOn());
      }
    }
    return Optional.empty();
  }

  /**
   * The last day of standstill after an award announced on {@code started}; empty when none
   * applies.
   */
  public Optional<LocalDate> standstillLastDay(TimetablePlan plan, LocalDate started) {
    return Optional.ofNullable(
        checker.standstillEnd(plan.regime(), started, plan.voluntaryStandstill()));
  }

  private List<NoticeRule> rulesAt(String reference, String point) {
    Anchor anchor = POINTS.get(point);
    if (anchor == null) {
      throw new IllegalArgumentException(
          "No notice point " + point + "; one of " + POINTS.keySet());
    }
    return regime(reference).notices().stream()
        .filter(n -> n.anchor() == anchor && !ASSESSMENT_SUMMARIES.equals(n.code()))
        .toList();
  }

  /** The deadline from the planned date it hangs on, or from the signature actually recorded. */
  private LocalDate due(String reference, NoticeRule rule, DelegateExecution execution) {
    TimetablePlan plan = timetable.requirePlan(reference);
    LocalDate anchor =
        switch (rule.anchor()) {
          case TENDER_NOTICE -> plan.tenderNoticeDate();
          case AWARD_NOTICE -> plan.awardNoticeDate();
          case CONTRACT_SIGNATURE -> {
            yield register.contractSignedOn(reference).orElse(plan.contractSignatureDate());
          }
        };
    return RegimeDates.noticeDue(rule, anchor);
  }

  private static String describe(NoticeRule rule) {
    String when =
        switch (rule.timing()) {
          case ON ->
              switch (rule.anchor()) {
                case TENDER_NOTICE -> "Published on the day the tender period opens.";
                case AWARD_NOTICE -> "Published (or sent) on the day the award is announced.";
                case CONTRACT_SIGNATURE -> "Published on the day the contract is entered into.";
              };
          case ON_OR_BEFORE ->
              switch (rule.anchor()) {
                case TENDER_NOTICE ->
                    "Published before the tender notice (on the same day at the latest).";
                case AWARD_NOTICE ->
                    "Sent before the contract award notice (on the same day at the latest).";
                case CONTRACT_SIGNATURE -> "Published before the contract is entered into.";
              };
          case WITHIN_AFTER ->
              "Due within " + rule.days() + " days after " + rule.anchor().event() + ".";
        };
    String standstill =
        rule.startsStandstill() ? " Publishing it starts the standstill period." : "";
    return when
        + standstill
        + (rule.basis() == ProcurementRegime.RuleBasis.COUNCIL_DEFAULT
            ? " (A council default where the law is not settled.)"
            : "");
  }

  private NoticeRule rule(String reference, String code) {
    return regime(reference)
        .notice(code)
        .orElseThrow(
            () -> new IllegalStateException("Regime of " + reference + " has no notice " + code));
  }

  private ProcurementRegime regime(String reference) {
    String id = register.require(reference).regime();
    return regimes.find(id).orElseThrow(() -> new IllegalStateException("Unknown regime " + id));
  }
}
