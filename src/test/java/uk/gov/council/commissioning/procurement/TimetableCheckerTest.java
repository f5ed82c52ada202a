package uk.gov.council.commissioning.procurement;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static uk.gov.council.commissioning.procurement.ProcurementSettings.settings;
import static uk.gov.council.commissioning.procurement.SeedTimetable.seed;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.procurement.TimetableCheck.NoticeDue;
import uk.gov.council.commissioning.procurement.TimetableCheck.Problem;
import uk.gov.council.commissioning.testkit.TestCalendars;
import uk.gov.council.commissioning.web.InvalidRequestException;

class TimetableCheckerTest {

  private static final WorkingDayCalendar ENGLAND = TestCalendars.englandAndWales();

  private static TimetableChecker checker(boolean electronicSubmission) {
    ProcurementProperties properties =
        settings("classpath:procurement/regimes.json", electronicSubmission);
    return new TimetableChecker(new ProcurementRegimes(properties), ENGLAND, properties);
  }

  private final TimetableChecker checker = checker(true);

  private static List<String> fieldsAtFault(TimetableCheck check) {
    return check.problems().stream().map(Problem::field).toList();
  }

  private static NoticeDue notice(TimetableCheck check, String code) {
    return check.notices().stream().filter(n -> n.code().equals(code)).findFirst().orElseThrow();
  }

  /**
   * The seed's dates also pass the full open procedure of the Regulations, whose fixed minima the
   * light touch regime does not have.
   */
  @Test
  void theSeedsDatesAlsoPassTheFullPcrOpenProcedure() {
    TimetableCheck check = checker.check(seed().under("PCR2015").plan());

    assertThat(check.problems()).isEmpty();
    assertThat(check.lawful()).isTrue();
    // 2 March to 29 May 2020 is 88 days; electronic submission (§10.8) makes the reg 27 minimum 30.
    assertThat(check.tenderPeriodDays()).isEqualTo(88);
    assertThat(check.minimumTenderPeriodDays()).isEqualTo(30);
    // Award decision notices sent Wed 2 Sep 2020: the 10th day after is Sat 12 Sep, not a working
    // day, so standstill runs to the end of Mon 14 Sep; the contract may be signed from Tue 15 Sep.
    assertThat(check.standstillApplies()).isTrue();
    assertThat(check.standstillEnds()).isEqualTo(of(2020, 9, 14));
    assertThat(check.contractMayBeEnteredInto()).isEqualTo(of(2020, 9, 15));
    // §10.6(i)-(ii): advertised on Find a Tender (then OJEU) and Contracts Finder, award notices
    // after.
    assertThat(notice(check, "FTS_CONTRACT_NOTICE").due()).isEqualTo(of(2020, 3, 2));
    assertThat(notice(check, "CONTRACTS_FINDER_OPPORTUNITY").due()).isEqualTo(of(2020, 3, 3));
    assertThat(notice(check, "AWARD_DECISION_NOTICES").startsStandstill()).isTrue();
    // Signed Thu 1 Oct 2020: reg 50 allows 30 days after, to Sat 31 Oct 2020.
    assertThat(check.contractDetailsNoticeDue()).isEqualTo(of(2020, 10, 31));
    assertThat(check.notices()).allSatisfy(n -> assertThat(n.source()).isNotBlank());
  }

  /**
   * Seed 000 §10.6: the re-tender of a social care service under the light touch regime of the
   * Regulations (regs 74-76). Advertised on Find a Tender (then OJEU) and Contracts Finder (i),
   * award decision notices and the contract award notice after (ii), no statutory minimum tender
   * period but a reasonable and proportionate one, at least the council's policy minimum (v), and
   * the reg 87 standstill that reg 85 applies to light touch contracts.
   */
  @Test
  void passesSeed000Section6_5UnderTheLightTouchRegimeOfSection10_6() {
    TimetableCheck check = checker.check(seed().plan());

    assertThat(check.regime()).isEqualTo("PCR2015_LIGHT_TOUCH");
    assertThat(check.lawful()).isTrue();
    assertThat(check.problems()).isEmpty();
    // 88 days against the council's policy minimum of 25: no statutory minimum applies.
    assertThat(check.tenderPeriodDays()).isEqualTo(88);
    assertThat(check.minimumTenderPeriodDays()).isEqualTo(25);
    assertThat(check.notes())
        .anySatisfy(
            n -> {
              assertThat(n.field()).isEqualTo("tenderCloseDate");
              assertThat(n.advice())
                  .contains("reasonable and proportionate")
                  .contains("§10.6(v)")
                  .contains("§10.6(iv)");
            });
    assertThat(check.notices())
        .extracting(NoticeDue::code)
        .containsExactly(
            "FTS_CONTRACT_NOTICE",
            "CONTRACTS_FINDER_OPPORTUNITY",
            "AWARD_DECISION_NOTICES",
            "FTS_CONTRACT_AWARD_NOTICE",
            "CONTRACTS_FINDER_AWARD");
    assertThat(notice(check, "FTS_CONTRACT_NOTICE").due()).isEqualTo(of(2020, 3, 2));
    assertThat(notice(check, "FTS_CONTRACT_NOTICE").source()).contains("reg 75(1)", "§10.6(i)");
    assertThat(notice(check, "CONTRACTS_FINDER_OPPORTUNITY").due()).isEqualTo(of(2020, 3, 3));
    assertThat(notice(check, "CONTRACTS_FINDER_OPPORTUNITY").source()).contains("§10.6(i)");
    assertThat(notice(check, "AWARD_DECISION_NOTICES").startsStandstill()).isTrue();
    assertThat(notice(check, "FTS_CONTRACT_AWARD_NOTICE").source()).contains("reg 75", "§10.6(ii)");
    assertThat(notice(check, "CONTRACTS_FINDER_AWARD").source()).contains("§10.6(ii)");
    // Award decision notices sent Wed 2 Sep 2020: the 10th day after is Sat 12 Sep, so standstill
    // runs to the end of Mon 14 Sep (reg 87, applied by reg 85).
    assertThat(check.standstillApplies()).isTrue();
    assertThat(check.standstillEnds()).isEqualTo(of(2020, 9, 14));
    // Signed Thu 1 Oct 2020: the contract award notice within 30 days after, by Sat 31 Oct.
    assertThat(check.contractDetailsNoticeDue()).isEqualTo(of(2020, 10, 31));
  }

  /**
   * Seed 000 §10.6(v): a light touch tender period must be reasonable and proportionate; below the
   * council's policy minimum the plan is refused, naming the policy, not a statute.
   */
  @Test
  void aLightTouchTenderPeriodBelowTheCouncilsPolicyMinimumFails() {
    TimetableCheck check = checker.check(closing("PCR2015_LIGHT_TOUCH", of(2020, 3, 20)).plan());

    Problem problem =
        onlyProblem(
            check,
            "The tender period from 2 March 2020 to 20 March 2020 is 18 days; the Public Contracts"
                + " Regulations 2015, light touch regime sets no minimum for the open procedure,"
                + " and the council's policy minimum is 25 days.");
    assertThat(problem.source())
        .startsWith("Council policy")
        .contains("reasonable and proportionate");
    assertThat(checker.check(closing("PCR2015_LIGHT_TOUCH", of(2020, 3, 27)).plan()).lawful())
        .as("25 days meet the policy")
        .isTrue();
  }

  @Test
  void theStagesPlannedDatesFollowTheSeedsRows() {
    TimetablePlan plan = seed().plan();

    assertThat(plan.plannedStart(ProcurementStage.MARKET_ENGAGEMENT)).isEqualTo(of(2019, 12, 1));
    assertThat(plan.plannedEnd(ProcurementStage.TENDER_PERIOD)).isEqualTo(of(2020, 5, 29));
    assertThat(plan.plannedStart(ProcurementStage.EVALUATION)).isEqualTo(of(2020, 5, 29));
    assertThat(plan.plannedEnd(ProcurementStage.NOTIFICATION_AND_MOBILISATION))
        .isEqualTo(of(2021, 4, 7));
    assertThat(plan.plannedEnd(ProcurementStage.COMMENCEMENT)).isEqualTo(of(2021, 4, 8));
    assertThat(ProcurementStage.EVALUATION.label())
        .isEqualTo("Tender close and evaluation and interviews");
  }

  @Test
  void aTenderPeriodSqueezedBelowTheMinimumFails() {
    SeedTimetable squeezed = seed().under("PCR2015");
    squeezed.tenderCloseDate = of(2020, 3, 27);

    TimetableCheck check = checker.check(squeezed.plan());

    assertThat(check.lawful()).isFalse();
    Problem problem =
        onlyProblem(
            check,
            "The tender period from 2 March 2020 to 27 March 2020 is 25 days; the"
                + " Public Contracts Regulations 2015 minimum for an open procedure with electronic submission is 30 days.");
    assertThat(problem.field()).isEqualTo("tenderCloseDate");
    assertThat(problem.source()).contains("reg 27");
  }

  @Test
  void aContractSignedOnTheLastDayOfStandstillFails() {
    SeedTimetable early = seed().under("PCR2015");
    early.contractSignatureDate = of(2020, 9, 14);

    Problem problem = onlyFault(checker.check(early.plan()), "contractSignatureDate");

    assertThat(problem.reason())
        .contains("signed on 14 September 2020, inside the standstill period")
        .contains("run to the end of 14 September 2020")
        .endsWith("may be entered into from 15 September 2020.");
    assertThat(problem.source()).contains("reg 87");

    early.contractSignatureDate = of(2020, 9, 15);
    assertThat(checker.check(early.plan()).lawful()).isTrue();
  }

  @Test
  void anAwardNoticeBeforeTheAwardReportIsAuthorisedFails() {
    SeedTimetable hasty = seed();
    hasty.awardNoticeDate = of(2020, 8, 28);

    assertThat(onlyFault(checker.check(hasty.plan()), "awardNoticeDate").reason())
        .isEqualTo(
            "The award notice (28 August 2020) is before the award"
                + " report authorisation (1 September 2020): the award can only be announced once the award report is"
                + " authorised.");
  }

  @Test
  void marketEngagementRunningIntoTheTenderPeriodFails() {
    SeedTimetable overlapping = seed();
    overlapping.marketEngagementEnd = of(2020, 3, 13);

    assertThat(fieldsAtFault(checker.check(overlapping.plan())))
        .containsExactly("tenderNoticeDate");
  }

  @Test
  void commencementBeforeTheContractIsSignedFails() {
    SeedTimetable plan = seed();
    plan.commencementDate = of(2020, 9, 30);

    assertThat(fieldsAtFault(checker.check(plan.plan()))).containsExactly("commencementDate");
  }

  @Test
  void everyMissingDateIsNamed() {
    SeedTimetable plan = seed();
    plan.evaluationEnd = null;
    plan.commencementDate = null;

    TimetableCheck check = checker.check(plan.plan());

    assertThat(fieldsAtFault(check)).containsExactly("evaluationEnd", "commencementDate");
    assertThat(check.problems().get(0).reason())
        .startsWith("The date of the end of evaluation and interviews is missing");
  }

  @Test
  void anUnknownRegimeOrProcedureIsABadRequestNamingTheField() {
    assertThatThrownBy(() -> checker.check(seed().under("EU2014").plan()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getErrors())
                  .singleElement()
                  .satisfies(
                      p -> {
                        assertThat(p.field()).isEqualTo("regime");
                        assertThat(p.message())
                            .contains("'EU2014'")
                            .contains("PA2023")
                            .contains("PCR2015_LIGHT_TOUCH");
                      });
            });
    SeedTimetable competitiveFlexible = seed();
    competitiveFlexible.procedure = "COMPETITIVE_FLEXIBLE";
    assertThatThrownBy(() -> checker.check(competitiveFlexible.plan()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getErrors().get(0).field()).isEqualTo("procedure"));
  }

  @Test
  void withoutElectronicSubmissionTheFullPcrMinimumApplies() {
    SeedTimetable plan = seed().under("PCR2015");
    plan.tenderCloseDate = of(2020, 4, 3); // 32 days

    assertThat(checker.check(plan.plan()).lawful()).isTrue();
    TimetableCheck onPaper = checker(false).check(plan.plan());
    assertThat(onPaper.minimumTenderPeriodDays()).isEqualTo(35);
    onlyProblem(
        onPaper,
        "The tender period from 2 March 2020 to 3 April 2020 is 32 days; the Public Contracts"
            + " Regulations 2015 minimum for an open procedure is 35 days.");
  }

  /**
   * PCR 2015 reg 28: 30 days for requests to participate, then 30 for tenders (25 electronically).
   */
  @Test
  void theRestrictedProcedureNeedsTheParticipationPeriodAndTheTenderPeriod() {
    SeedTimetable plan = seed().under("PCR2015");
    plan.procedure = "RESTRICTED";
    plan.tenderCloseDate =
        of(2020, 4, 25); // 54 days from the contract notice on 2 March: under 30 + 25
    TimetableCheck tooShort = checker.check(plan.plan());
    assertThat(tooShort.minimumTenderPeriodDays()).isEqualTo(55);
    assertThat(tooShort.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("tenderCloseDate"));

    plan.tenderCloseDate = of(2020, 4, 26); // 55 days
    assertThat(checker.check(plan.plan()).lawful()).isTrue();
    assertThat(checker(false).check(plan.plan()).minimumTenderPeriodDays())
        .as("on paper: 30 + 30")
        .isEqualTo(60);
  }

  @Test
  void aTimelyPriorInformationNoticeShortensThePcrMinimumTo15Days() {
    SeedTimetable plan = seed().under("PCR2015");
    plan.tenderCloseDate = of(2020, 3, 17); // 15 days
    plan.plannedProcurementNoticeDate = of(2019, 12, 2); // 91 days before the contract notice

    TimetableCheck check = checker.check(plan.plan());

    assertThat(check.minimumTenderPeriodDays()).isEqualTo(15);
    assertThat(check.lawful()).isTrue();
  }

  @Test
  void aPriorInformationNoticeTooCloseToTheContractNoticeShortensNothing() {
    SeedTimetable plan = seed().under("PCR2015");
    plan.tenderCloseDate = of(2020, 3, 17);
    plan.plannedProcurementNoticeDate = of(2020, 2, 10); // 21 days before: under the 35 needed

    TimetableCheck check = checker.check(plan.plan());

    assertThat(check.minimumTenderPeriodDays()).isEqualTo(30);
    assertThat(fieldsAtFault(check)).containsExactly("tenderCloseDate");
    assertThat(check.notes())
        .anySatisfy(
            n -> {
              assertThat(n.field()).isEqualTo("plannedProcurementNoticeDate");
              assertThat(n.advice())
                  .contains(
                      "between 35 days and 12 months before the tender notice (2 March 2020)");
            });
  }

  static Stream<Arguments> tenderPeriodsUnderTheMinimum() {
    return Stream.of(
        arguments(
            "PA2023",
            of(2020, 3, 26), // 24 days
            25,
            "The tender period from 2 March 2020 to 26 March 2020 is 24 days; the"
                + " Procurement Act 2023 minimum for an open procedure with electronic submission is 25 days.",
            "PA 2023 s54"),
        arguments(
            "PA2023_LIGHT_TOUCH",
            of(2020, 3, 20), // 18 days
            25,
            "The tender period from 2 March 2020 to 20 March 2020 is 18 days; the"
                + " Procurement Act 2023, light touch contract sets no minimum for the open procedure, and the council's"
                + " policy minimum is 25 days.",
            "Council policy"));
  }

  /**
   * The Act's minimum is 25 days with electronic submission; light touch has no statutory minimum,
   * but the council's policy applies.
   */
  @ParameterizedTest(name = "{0}, closing {1}")
  @MethodSource("tenderPeriodsUnderTheMinimum")
  void aTenderPeriodUnderTheMinimumIsRefusedNamingWhereTheMinimumComesFrom(
      String regime, LocalDate tenderClose, int minimum, String reason, String sourceStart) {
    TimetableCheck check = checker.check(closing(regime, tenderClose).plan());

    assertThat(check.minimumTenderPeriodDays()).isEqualTo(minimum);
    assertThat(onlyProblem(check, reason).source()).startsWith(sourceStart);
  }

  @Test
  void theActsMinimumIs10DaysAfterAQualifyingPlannedProcurementNotice() {
    SeedTimetable plan = closing("PA2023", of(2020, 3, 12)); // 10 days
    plan.plannedProcurementNoticeDate = of(2020, 1, 22); // exactly 40 days before the tender notice
    assertThat(checker.check(plan.plan()).lawful()).isTrue();
    plan.plannedProcurementNoticeDate = of(2020, 1, 23); // 39 days: too late to count
    assertThat(checker.check(plan.plan()).lawful()).isFalse();
  }

  @Test
  void theActsMinimumWithoutElectronicSubmissionIsMarkedAsACouncilDefault() {
    SeedTimetable plan = seed().under("PA2023");
    plan.tenderCloseDate = of(2020, 3, 30); // 28 days

    TimetableCheck check = checker(false).check(plan.plan());

    assertThat(check.minimumTenderPeriodDays()).isEqualTo(30);
    assertThat(check.lawful()).isFalse();
    assertThat(check.notes())
        .anySatisfy(n -> assertThat(n.advice()).contains("council default, not confirmed law"));
  }

  @Test
  void lightTouchSaysThereIsNoStatutoryMinimum() {
    TimetableCheck check = checker.check(closing("PA2023_LIGHT_TOUCH", of(2020, 3, 20)).plan());

    assertThat(check.notes())
        .anySatisfy(n -> assertThat(n.advice()).contains("no statutory minimum"));
  }

  @Test
  void underPa2023StandstillIsEightWorkingDaysBeginningWithTheAwardNotice() {
    TimetableCheck check = checker.check(seed().under("PA2023").plan());

    assertThat(check.lawful()).isTrue();
    assertThat(check.minimumTenderPeriodDays()).isEqualTo(25);
    // Contract award notice Wed 2 Sep 2020 is day 1: 2, 3, 4, 7, 8, 9, 10, 11 September.
    assertThat(check.standstillEnds()).isEqualTo(of(2020, 9, 11));
    assertThat(check.contractMayBeEnteredInto()).isEqualTo(of(2020, 9, 12));
    assertThat(check.notices())
        .extracting(NoticeDue::code)
        .containsExactly("UK2", "UK4", "ASSESSMENT_SUMMARIES", "UK6", "UK7");
    assertThat(notice(check, "UK2").due()).isEqualTo(of(2020, 3, 2));
    assertThat(notice(check, "UK6").startsStandstill()).isTrue();
    // Signed 1 Oct 2020, day 1 of 30: due by 30 Oct 2020.
    assertThat(check.contractDetailsNoticeDue()).isEqualTo(of(2020, 10, 30));
  }

  @Test
  void underPa2023LightTouchThereIsNoMandatoryStandstillAndTheDetailsNoticeHas120Days() {
    SeedTimetable plan = seed().under("PA2023_LIGHT_TOUCH");
    plan.contractSignatureDate = of(2020, 9, 3);

    TimetableCheck check = checker.check(plan.plan());

    assertThat(check.lawful()).isTrue();
    assertThat(check.standstillApplies()).isFalse();
    assertThat(check.standstillEnds()).isNull();
    assertThat(check.contractMayBeEnteredInto()).isEqualTo(of(2020, 9, 2));
    assertThat(check.notes())
        .anySatisfy(
            n -> {
              assertThat(n.field()).isEqualTo("voluntaryStandstill");
              assertThat(n.source()).contains("s51");
            });
    // Signed 3 Sep 2020, day 1 of 120: due by 31 Dec 2020.
    assertThat(check.contractDetailsNoticeDue()).isEqualTo(of(2020, 12, 31));
  }

  @Test
  void aVoluntaryStandstillUnderLightTouchHoldsTheContractBackLikeAMandatoryOne() {
    SeedTimetable plan = seed().under("PA2023_LIGHT_TOUCH");
    plan.voluntaryStandstill = true;
    plan.contractSignatureDate = of(2020, 9, 11);

    TimetableCheck check = checker.check(plan.plan());

    assertThat(check.standstillEnds()).isEqualTo(of(2020, 9, 11));
    assertThat(fieldsAtFault(check)).containsExactly("contractSignatureDate");
  }

  private LocalDate pa(LocalDate awardNotice) {
    return checker.standstillEnd("PA2023", awardNotice, false);
  }

  private LocalDate pcr(LocalDate decisionNotices) {
    return checker.standstillEnd("PCR2015", decisionNotices, false);
  }

  @Test
  void christmas2025CountsScotlands2JanuaryUnderTheAct() {
    // Tue 23 Dec (1), Wed 24 (2); Thu 25 and Fri 26 Dec bank holidays; Mon 29 (3), Tue 30 (4),
    // Wed 31 (5); Thu 1 Jan bank holiday; Fri 2 Jan a bank holiday in Scotland; Mon 5 (6),
    // Tue 6 (7), Wed 7 Jan 2026 (8). England's own calendar alone would end on Tue 6 Jan.
    assertThat(pa(of(2025, 12, 23))).isEqualTo(of(2026, 1, 7));
    assertThat(ENGLAND.addWorkingDays(of(2025, 12, 23), 7)).isEqualTo(of(2026, 1, 6));
  }

  /** The Procurement Act's eight working days count a bank holiday in any part of the UK. */
  @ParameterizedTest(name = "{0}: award notice {1}, standstill ends {2}")
  @CsvSource({
    // Wed 1 Apr (1), Thu 2 (2); Good Friday 3 Apr and Easter Monday 6 Apr; Tue 7 (3) ... Fri 10
    // (6), Mon 13 (7), Tue 14 Apr 2026 (8).
    "Easter 2026, 2026-04-01, 2026-04-14",
    // Mon 23 Nov (1) ... Fri 27 (5); Mon 30 Nov 2026 St Andrew's Day; Tue 1 Dec (6), Wed 2 (7), Thu
    // 3 Dec (8): Scotland's St Andrew's Day counts for an English council.
    "St Andrew's Day, 2026-11-23, 2026-12-03",
    // Published Sat 7 Mar 2026: the first working day, Mon 9 Mar, is day 1; ... Mon 16 (6);
    // Tue 17 Mar St Patrick's Day (Northern Ireland); Wed 18 (7), Thu 19 Mar 2026 (8).
    "St Patrick's Day and a notice published on a Saturday, 2026-03-07, 2026-03-19",
    "St Patrick's Day, 2026-03-09, 2026-03-19",
    // Thu 1 Jul (1), Fri 2 (2), Mon 5 (3) ... Fri 9 (7); Mon 12 Jul 2027 a bank holiday in Northern
    // Ireland; Tue 13 Jul 2027 (8).
    "the Twelfth of July 2027 in Northern Ireland, 2027-07-01, 2027-07-13"
  })
  void paStandstillOverBankHolidays(String occasion, LocalDate awardNotice, LocalDate end) {
    assertThat(pa(awardNotice)).isEqualTo(end);
  }

  @Test
  void pcrTenDaysEndingOnAWeekendOrBankHolidayMoveToTheNextWorkingDay() {
    // Sent Thu 5 Mar 2026: the 10th day after is Sun 15 Mar; standstill runs to Mon 16 Mar.
    assertThat(pcr(of(2026, 3, 5))).isEqualTo(of(2026, 3, 16));
    // Sent Tue 16 Dec 2025: the 10th day after is Boxing Day; then a weekend; Mon 29 Dec 2025.
    assertThat(pcr(of(2025, 12, 16))).isEqualTo(of(2025, 12, 29));
    // Sent Tue 24 Mar 2026: the 10th day after is Good Friday; then a weekend and Easter Monday;
    // Tue 7 Apr 2026.
    assertThat(pcr(of(2026, 3, 24))).isEqualTo(of(2026, 4, 7));
    // Sent Sat 7 Mar 2026: the 10th day after is Tue 17 Mar, St Patrick's Day, a bank holiday in
    // part of the UK: the safer reading ends on Wed 18 Mar.
    assertThat(pcr(of(2026, 3, 7))).isEqualTo(of(2026, 3, 18));
    // Sent Wed 4 Mar 2026: the 10th day after, Sat 14 Mar, moves to Mon 16 Mar.
    assertThat(pcr(of(2026, 3, 4))).isEqualTo(of(2026, 3, 16));
  }

  @Test
  void noStandstillUnderLightTouchUnlessChosen() {
    assertThat(checker.standstillEnd("PA2023_LIGHT_TOUCH", of(2026, 4, 1), false)).isNull();
    assertThat(checker.standstillEnd("PA2023_LIGHT_TOUCH", of(2026, 4, 1), true))
        .isEqualTo(of(2026, 4, 14));
    assertThat(checker.standstillEnd("PCR2015_LIGHT_TOUCH", of(2026, 3, 5), false))
        .isEqualTo(of(2026, 3, 16));
  }

  @Test
  void contractDetailsNoticeDueDates() {
    LocalDate signed = of(2020, 10, 1);
    assertThat(checker.contractDetailsNoticeDue("PA2023", signed)).isEqualTo(of(2020, 10, 30));
    // 1 Oct 2020 is day 1 of 120: 31 in October, 30 in November, 31 in December, 28 in January.
    assertThat(checker.contractDetailsNoticeDue("PA2023_LIGHT_TOUCH", signed))
        .isEqualTo(of(2021, 1, 28));
    assertThat(checker.contractDetailsNoticeDue("PCR2015", signed)).isEqualTo(of(2020, 10, 31));
    assertThatThrownBy(() -> checker.contractDetailsNoticeDue("NOPE", signed))
        .isInstanceOf(InvalidRequestException.class);
  }

  /** The check's one problem, once its reason is asserted. */
  /** The seed's timetable under {@code regime}, with the tender closing on {@code tenderClose}. */
  private static SeedTimetable closing(String regime, LocalDate tenderClose) {
    SeedTimetable plan = seed().under(regime);
    plan.tenderCloseDate = tenderClose;
    return plan;
  }

  /** The one problem of the check, which must be with {@code field}. */
  private static Problem onlyFault(TimetableCheck check, String field) {
    assertThat(fieldsAtFault(check)).containsExactly(field);
    return check.problems().get(0);
  }

  private static Problem onlyProblem(TimetableCheck check, String reason) {
    assertThat(check.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo(reason));
    return check.problems().get(0);
  }
}
