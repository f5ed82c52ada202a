package uk.gov.council.commissioning.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * performance-return (seed 001 Part 3.2 §4): a quarter's return from its deadline to the §4.1.4
 * log. Each path and timer: accepted on time; incomplete and sent back (§4.1.2) with its reminder;
 * below trigger and explained, or explanation requested, answered or not, and the three §4.1.3
 * outcomes; the two-week check (§4.1.1); late returns with the reminder, mitigation and continued
 * failure across reporting years, and extensions (§4.1.6).
 */
@ProcessTest
class PerformanceReturnProcessTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("prp", OFFICER, MANAGER).withProviders("PRP Alpha Care", "PRP Beta Support");

  static final int YEAR = 2031;

  @Autowired CaseStarts caseStarts;
  @Autowired LateReturns lateReturns;
  @Autowired PerformanceReturns returns;

  Contract contract;
  String prefix;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    contract = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("PRP-"));
    prefix = contract.reference();
    TestReturns.standardCatalogues(jdbc, contract, YEAR, prefix);
    TestReturns.contractPage(jdbc, contract, YEAR, 40);
    TestClock.set(LocalDateTime.of(YEAR, 7, 1, 9, 0));
  }

  @Test
  void aCompleteReturnOnTimeIsCheckedAndLogged() {
    ProcessInstance instance = start(1, LocalDate.of(YEAR, 7, 28));
    String ref = key(1);
    assertThat(instance).hasBusinessKey(ref).isWaitingAt("Task_AwaitReturn");
    assertThat(deadlineStates(ref)).containsExactly(tuple("RETURN", Deadline.State.OPEN));
    assertThat(timer(instance, "Timer_ReturnDeadline").getDuedate())
        .isEqualTo(Date.from(deadlines.endOf(LocalDate.of(YEAR, 7, 28))));

    TestClock.set(LocalDateTime.of(YEAR, 7, 20, 10, 0));
    submit(ref, goodReturn());

    assertThat(instance).isWaitingAt("Task_CheckReturn");
    var check = taskAt(instance, "Task_CheckReturn");
    assertThat(check).hasCandidateGroup(Roles.COMMISSIONING_OFFICERS);
    assertThat((String) taskService.getVariablesLocal(check.getId()).get("preCheckText"))
        .startsWith("Complete.")
        .contains("No KPI below its trigger");
    assertThat(check.getDueDate())
        .isEqualTo(Date.from(TestClock.at(LocalDateTime.of(YEAR, 8, 3, 10, 0)).toInstant()));

    assertRefusedAs(
        TEAM.user(OFFICER), check, Map.of("checkDecision", "INCOMPLETE"), "missingItems:");
    completeAs(
        TEAM.user(OFFICER),
        check,
        Map.of("checkDecision", "COMPLETE", "officeComments", "Entered on the system"));

    assertThat(instance).isEnded().hasPassed("Task_LogAcceptedReturn");
    PerformanceReturn r = row(ref);
    assertThat(r.status()).isEqualTo(PerformanceReturn.ACCEPTED);
    assertThat(r.late()).isFalse();
    assertThat(r.checkedBy()).isEqualTo(TEAM.user(OFFICER));
    assertThat(r.officeComments()).isEqualTo("Entered on the system");
    assertThat(r.acceptedAt()).isNotNull();
    assertThat(r.contractPageId()).isNotNull();
    assertThat(deadlineStates(ref))
        .containsExactlyInAnyOrder(
            tuple("RETURN", Deadline.State.MET), tuple("CHECK", Deadline.State.MET));
    assertThat(breachKinds(PerformanceReturnSteps.CASE_TYPE, ref)).isEmpty();
  }

  @Test
  void anIncompleteReturnGoesBackWithWhatIsMissingAndTheProviderIsRemindedOnce() {
    ProcessInstance instance = start(1, LocalDate.of(YEAR, 7, 28));
    String ref = key(1);
    TestClock.set(LocalDateTime.of(YEAR, 7, 20, 10, 0));
    // No local PI, and unit numbers changed without a word (§4.1.1, §6.1.1).
    submit(
        ref,
        new Submission(
            38, null, null, List.of(value("-SP", "KPI 1", "95"), value("-SP", "SPI 2", "12"))));
    var check = taskAt(instance, "Task_CheckReturn");
    Map<String, Object> shown = taskService.getVariablesLocal(check.getId());
    assertThat((String) shown.get("preCheckText"))
        .contains("local PI " + prefix + "-LOCAL LPI 1")
        .contains("changed from 40 to 38 without an explanation");
    assertThat((String) shown.get("missingItems")).contains("LPI 1");

    completeAs(
        TEAM.user(OFFICER),
        check,
        Map.of("checkDecision", "INCOMPLETE", "missingItems", "Local PI LPI 1; why 38 units"));

    assertThat(instance)
        .hasPassed("Task_SendReturnIncomplete")
        .isWaitingAt("Task_AwaitCorrectedReturn");
    assertThat(row(ref).status()).isEqualTo(PerformanceReturn.INCOMPLETE);
    assertThat(outboxBody("performance-return:" + instance.getId() + ":incomplete-1"))
        .contains("Local PI LPI 1; why 38 units");

    fire(timer(instance, "Timer_ResubmissionDue"));
    assertThat(instance)
        .hasPassed("Task_SendResubmissionReminder")
        .isWaitingAt("Task_AwaitCorrectedReturn");
    assertThat(outbox("performance-return:" + instance.getId() + ":resubmission-reminder-1"))
        .contains(TEAM.alphaUser());
    assertThat(outboxCount("performance-return:" + instance.getId() + ":resubmission-reminder-1"))
        .isEqualTo(1);

    Submission corrected =
        new Submission(
            38,
            "Two flats closed for repair",
            null,
            List.of(
                value("-SP", "KPI 1", "95"),
                value("-SP", "SPI 2", "12"),
                value("-LOCAL", "LPI 1", "4")));
    submit(ref, corrected);
    var again = taskAt(instance, "Task_CheckReturn");
    assertThat((String) taskService.getVariablesLocal(again.getId()).get("preCheckText"))
        .startsWith("Complete.")
        .contains("Unit numbers differ from the locked contract page");
    completeAs(TEAM.user(OFFICER), again, Map.of("checkDecision", "COMPLETE"));

    assertThat(instance).isEnded();
    PerformanceReturn r = row(ref);
    assertThat(r.status()).isEqualTo(PerformanceReturn.ACCEPTED);
    assertThat(r.unitNumbersExplanation()).isEqualTo("Two flats closed for repair");
    assertThat(r.missingItems()).isNull();
  }

  @Test
  void aKpiBelowTriggerWithoutExplanationIsAskedAboutThenMonitoredNextQuarter() {
    ProcessInstance instance = start(1, LocalDate.of(YEAR, 7, 28));
    String ref = key(1);
    TestClock.set(LocalDateTime.of(YEAR, 7, 20, 10, 0));
    submit(ref, withKpi1("85", null));
    completeAs(
        TEAM.user(OFFICER), instance, "Task_CheckReturn", Map.of("checkDecision", "COMPLETE"));

    assertThat(instance).hasPassed("Task_RequestExplanation").isWaitingAt("Task_AwaitExplanation");
    assertThat(row(ref).status()).isEqualTo(PerformanceReturn.EXPLANATION_REQUESTED);
    assertThat(outboxBody("performance-return:" + instance.getId() + ":explanation-request-1"))
        .contains(prefix + "-SP KPI 1 = 85 (trigger ≥ 90, no explanation)");

    returns.explain(
        ref,
        List.of(new PerformanceReturns.Explanation(prefix + "-SP", "KPI 1", "Two staff off sick")),
        auth(TEAM.alphaUser()));

    assertThat(instance).isWaitingAt("Task_AssessExplanation");
    assertThat(deadlineStates(ref)).contains(tuple("EXPLANATION", Deadline.State.MET));
    var assess = taskAt(instance, "Task_AssessExplanation");
    assertThat((String) taskService.getVariablesLocal(assess.getId()).get("valuesText"))
        .contains("KPI 1: 85 BELOW TRIGGER (Two staff off sick)");
    completeAs(TEAM.user(OFFICER), assess, Map.of("outcome", "MONITOR"));

    assertThat(instance).isEnded().hasNotPassed("Task_ContractsManagerDecides");
    PerformanceReturn r = row(ref);
    assertThat(r.outcome()).isEqualTo("MONITOR");
    assertThat(r.status()).isEqualTo(PerformanceReturn.ACCEPTED);
  }

  @Test
  void anExplanationLikelyToContinueGoesToTheContractsManagerAndTheProviderIsTold() {
    ProcessInstance instance = start(1, LocalDate.of(YEAR, 7, 28));
    String ref = key(1);
    TestClock.set(LocalDateTime.of(YEAR, 7, 20, 10, 0));
    submit(ref, withKpi1("70", "Recruitment is hard in the area"));
    completeAs(
        TEAM.user(OFFICER), instance, "Task_CheckReturn", Map.of("checkDecision", "COMPLETE"));

    assertThat(instance)
        .hasNotPassed("Task_RequestExplanation")
        .isWaitingAt("Task_AssessExplanation");
    assertRefusedAs(
        TEAM.user(OFFICER),
        taskAt(instance, "Task_AssessExplanation"),
        Map.of("outcome", "CONTRACTS_MANAGER"),
        "assessment:");
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_AssessExplanation",
        Map.of("outcome", "CONTRACTS_MANAGER", "assessment", "No end in sight"));

    assertThat(row(ref).status()).isEqualTo(PerformanceReturn.WITH_CONTRACTS_MANAGER);
    var decide = taskAt(instance, "Task_ContractsManagerDecides");
    assertThat(decide).hasCandidateGroup(Roles.CONTRACTS_MANAGERS);
    assertThat((String) taskService.getVariablesLocal(decide.getId()).get("outcomeText"))
        .contains("second outcome");
    completeAs(
        TEAM.user(MANAGER),
        decide,
        Map.of("managerAction", "NONE", "managerDecision", "Send a recruitment plan by September"));

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_SendDecisionToProvider", "Task_LogAcceptedReturn");
    assertThat(outboxBody("performance-return:" + instance.getId() + ":decision"))
        .contains("Send a recruitment plan by September");
    PerformanceReturn r = row(ref);
    assertThat(r.outcome()).isEqualTo("CONTRACTS_MANAGER");
    assertThat(r.managerAction()).isEqualTo("NONE");
    assertThat(r.status()).isEqualTo(PerformanceReturn.ACCEPTED);
  }

  @Test
  void anUnsatisfactoryExplanationCanChangeTheMeetingSchedule() {
    ProcessInstance instance = start(1, LocalDate.of(YEAR, 7, 28));
    String ref = key(1);
    TestClock.set(LocalDateTime.of(YEAR, 7, 20, 10, 0));
    submit(ref, withKpi1("60", "Not our fault"));
    completeAs(
        TEAM.user(OFFICER), instance, "Task_CheckReturn", Map.of("checkDecision", "COMPLETE"));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_AssessExplanation",
        Map.of("outcome", "UNSATISFACTORY", "assessment", "Says nothing about the cause"));
    assertThat(
            (String)
                taskService
                    .getVariablesLocal(taskAt(instance, "Task_ContractsManagerDecides").getId())
                    .get("outcomeText"))
        .contains("third outcome");
    completeAs(
        TEAM.user(MANAGER),
        instance,
        "Task_ContractsManagerDecides",
        Map.of(
            "managerAction", "MEETING_SCHEDULE", "managerDecision", "Meetings quarterly from now"));

    assertThat(instance).isEnded();
    PerformanceReturn r = row(ref);
    assertThat(r.outcome()).isEqualTo("UNSATISFACTORY");
    assertThat(r.managerAction()).isEqualTo("MEETING_SCHEDULE");
    assertThat(r.officeComments()).contains("Says nothing about the cause");
  }

  @Test
  void noExplanationInTimeIsTheThirdOutcomeAndCanMeanADefaultNotice() {
    ProcessInstance instance = start(1, LocalDate.of(YEAR, 7, 28));
    String ref = key(1);
    TestClock.set(LocalDateTime.of(YEAR, 7, 20, 10, 0));
    submit(ref, withKpi1("85", null));
    completeAs(
        TEAM.user(OFFICER), instance, "Task_CheckReturn", Map.of("checkDecision", "COMPLETE"));

    Job due = timer(instance, "Timer_ExplanationDue");
    // Ten working days from Sunday 20 July 2031.
    assertThat(due.getDuedate()).isEqualTo(Date.from(deadlines.endOf(LocalDate.of(YEAR, 8, 1))));
    fire(due);

    assertThat(instance)
        .hasPassed("Task_RecordNoResponse")
        .isWaitingAt("Task_ContractsManagerDecides");
    assertThat(row(ref).outcome()).isEqualTo("UNSATISFACTORY");
    assertThat(breachKinds(PerformanceReturnSteps.CASE_TYPE, ref))
        .containsExactly(tuple("EXPLANATION", DeadlineBreach.Kind.MISSED));
    assertRefusedAs(
        TEAM.user(MANAGER),
        taskAt(instance, "Task_ContractsManagerDecides"),
        Map.of("managerAction", "WARNING", "managerDecision", "x"),
        "managerAction:");
    completeAs(
        TEAM.user(MANAGER),
        instance,
        "Task_ContractsManagerDecides",
        Map.of("managerAction", "DEFAULT_NOTICE", "managerDecision", "A default notice is served"));

    assertThat(instance).isEnded();
    assertThat(row(ref).managerAction()).isEqualTo("DEFAULT_NOTICE");
  }

  @Test
  void aReturnNotCheckedInTwoWeeksIsEscalatedOnceAndTheCheckStaysOpen() {
    ProcessInstance instance = start(1, LocalDate.of(YEAR, 7, 28));
    String ref = key(1);
    TestClock.set(LocalDateTime.of(YEAR, 7, 20, 10, 0));
    submit(ref, goodReturn());

    fire(timer(instance, "Timer_Check2Weeks"));

    assertThat(instance).hasPassed("Task_EscalateCheck").isWaitingAt("Task_CheckReturn");
    String key = "performance-return:" + instance.getId() + ":check-overdue-1";
    assertThat(outbox(key)).contains(TEAM.user(MANAGER));
    assertThat(outboxCount(key)).isEqualTo(1);
    assertThat(timer(instance, "Timer_Check2Weeks")).isNull();
    assertThat(deadlineStates(ref)).contains(tuple("CHECK", Deadline.State.MISSED));
    assertThat(breachKinds(PerformanceReturnSteps.CASE_TYPE, ref)).isEmpty();

    completeAs(
        TEAM.user(OFFICER), instance, "Task_CheckReturn", Map.of("checkDecision", "COMPLETE"));
    assertThat(instance).isEnded();
  }

  @Test
  void atTheDeadlineTheProviderIsRemindedTheReasonRecordedAndTheContractsManagerAdvised() {
    ProcessInstance instance = start(1, LocalDate.of(YEAR, 7, 28));
    String ref = key(1);

    fire(timer(instance, "Timer_ReturnDeadline"));

    assertThat(instance)
        .hasPassed("Task_SendReturnReminder")
        .isWaitingAt("Task_AwaitReturn", "Task_RecordMitigation");
    assertThat(outbox("performance-return:" + instance.getId() + ":reminder-1"))
        .contains(TEAM.alphaUser());
    PerformanceReturn late = row(ref);
    assertThat(late.late()).isTrue();
    assertThat(late.lateQuartersInRow()).isEqualTo(1);
    assertThat(late.reminderSentAt()).isNotNull();
    assertThat(breachKinds(PerformanceReturnSteps.CASE_TYPE, ref))
        .containsExactly(tuple("RETURN", DeadlineBreach.Kind.MISSED));
    assertThat(lateReturns.of(quarter(1), LocalDate.ofInstant(TestClock.now(), TestClock.UK)))
        .extracting(LateReturns.LateReturn::caseReference)
        .contains(ref);

    var mitigation = taskAt(instance, "Task_RecordMitigation");
    assertRefusedAs(TEAM.user(OFFICER), mitigation, Map.of(), "mitigation:");
    completeAs(
        TEAM.user(OFFICER), mitigation, Map.of("mitigation", "Manager on long-term sick leave"));
    assertThat(instance).hasPassed("Task_AdviseContractsManager", "EndEvent_LateRecorded");
    assertThat(outbox("performance-return:" + instance.getId() + ":mitigation-1"))
        .contains(TEAM.user(MANAGER));
    assertThat(row(ref).mitigation()).isEqualTo("Manager on long-term sick leave");

    // The late return is still taken.
    submit(ref, goodReturn());
    completeAs(
        TEAM.user(OFFICER), instance, "Task_CheckReturn", Map.of("checkDecision", "COMPLETE"));
    assertThat(instance).isEnded().hasNotPassed("Task_ContinuedFailure");
    PerformanceReturn accepted = row(ref);
    assertThat(accepted.late()).isTrue();
    assertThat(accepted.status()).isEqualTo(PerformanceReturn.ACCEPTED);
    assertThat(deadlineStates(ref)).contains(tuple("RETURN", Deadline.State.MET));
  }

  @Test
  void aSecondLateQuarterInARowAcrossTheYearEndGoesToTheContractsManager() {
    // The previous year's Q4 (January to March 2031) was late.
    TestClock.set(LocalDateTime.of(YEAR, 4, 2, 9, 0));
    ProcessInstance q4 =
        caseStarts.startAsSystem(
            PerformanceReturnSteps.PROCESS_KEY,
            PerformanceReturnSteps.businessKey(contract.reference(), YEAR - 1, 4),
            Map.of(
                "contractReference",
                contract.reference(),
                "reportingYear",
                YEAR - 1,
                "quarter",
                4,
                "dueDate",
                Date.from(deadlines.endOf(LocalDate.of(YEAR, 4, 28)).minusSeconds(1))));
    fire(timer(q4, "Timer_ReturnDeadline"));
    assertThat(q4).hasNotPassed("Gateway_ContinuedFailure");

    TestClock.set(LocalDateTime.of(YEAR, 7, 1, 9, 0));
    ProcessInstance q1 = start(1, LocalDate.of(YEAR, 7, 28));
    fire(timer(q1, "Timer_ReturnDeadline"));
    completeAs(
        TEAM.user(OFFICER), q1, "Task_RecordMitigation", Map.of("mitigation", "No reason given"));

    assertThat(q1).isWaitingAt("Task_AwaitReturn", "Task_ContinuedFailure");
    assertThat(row(key(1)).lateQuartersInRow()).isEqualTo(2);
    var decide = taskAt(q1, "Task_ContinuedFailure");
    assertThat(decide).hasCandidateGroup(Roles.CONTRACTS_MANAGERS);
    completeAs(
        TEAM.user(MANAGER),
        decide,
        Map.of("continuedFailureAction", "Formal warning letter and monthly meetings"));
    assertThat(q1).hasPassed("EndEvent_ContinuedFailureDecided");
    assertThat(
            jdbc.sql(
                    "SELECT continued_failure_action FROM performance_return WHERE case_reference = :r")
                .param("r", key(1))
                .query(String.class)
                .single())
        .isEqualTo("Formal warning letter and monthly meetings");
  }

  @Test
  void anAgreedExtensionMovesTheDeadlineAndItsTimerAndIsNotReportedLate() {
    ProcessInstance instance = start(1, LocalDate.of(YEAR, 7, 28));
    String ref = key(1);
    TestClock.set(LocalDateTime.of(YEAR, 7, 21, 9, 0));
    returns.requestExtension(
        ref, "System migration", LocalDate.of(YEAR, 8, 15), auth(TEAM.alphaUser()));

    assertThat(instance).isWaitingAt("Task_AwaitReturn", "Task_DecideExtension");
    var decide = taskAt(instance, "Task_DecideExtension");
    assertThat(taskService.getVariablesLocal(decide.getId()))
        .containsEntry("agreedDate", LocalDate.of(YEAR, 8, 15).toString());
    assertRefusedAs(
        TEAM.user(OFFICER),
        decide,
        Map.of("extensionDecision", "AGREE", "agreedDate", "2031-07-20"),
        "agreedDate: must be after the deadline in force");
    completeAs(
        TEAM.user(OFFICER),
        decide,
        Map.of("extensionDecision", "AGREE", "agreedDate", "2031-08-11"));

    assertThat(instance).hasPassed("Task_SendExtensionDecision").isWaitingAt("Task_AwaitReturn");
    assertThat(outboxBody("performance-return:" + instance.getId() + ":extension-decision-1"))
        .contains("has been agreed")
        .contains("2031-08-11");
    assertThat(row(ref).extendedTo()).isEqualTo(LocalDate.of(YEAR, 8, 11));
    Job moved = timer(instance, "Timer_ReturnDeadline");
    assertThat(moved.getDuedate()).isEqualTo(Date.from(deadlines.endOf(LocalDate.of(YEAR, 8, 11))));

    // Past the first date: nothing happens.
    TestClock.set(LocalDateTime.of(YEAR, 7, 30, 9, 0));
    executeDueJobs(instance);
    assertThat(instance).hasNotPassed("Task_SendReturnReminder");

    submit(ref, goodReturn());
    completeAs(
        TEAM.user(OFFICER), instance, "Task_CheckReturn", Map.of("checkDecision", "COMPLETE"));
    assertThat(instance).isEnded();
    assertThat(row(ref).late()).isFalse();
    assertThat(lateReturns.of(quarter(1), LocalDate.ofInstant(TestClock.now(), TestClock.UK)))
        .extracting(LateReturns.LateReturn::caseReference)
        .doesNotContain(ref);
  }

  @Test
  void aRefusedExtensionLeavesTheDeadlineAndTheReminderFollows() {
    ProcessInstance instance = start(1, LocalDate.of(YEAR, 7, 28));
    String ref = key(1);
    TestClock.set(LocalDateTime.of(YEAR, 7, 21, 9, 0));
    returns.requestExtension(ref, "Busy", LocalDate.of(YEAR, 9, 30), auth(TEAM.alphaUser()));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_DecideExtension",
        Map.of("extensionDecision", "REFUSE"));

    assertThat(outboxBody("performance-return:" + instance.getId() + ":extension-decision-1"))
        .contains("has been not agreed");
    assertThat(row(ref).extendedTo()).isNull();
    assertThat(returns.extensions(row(ref)))
        .extracting(PerformanceReturn.Extension::decision, PerformanceReturn.Extension::decidedBy)
        .containsExactly(tuple("REFUSED", TEAM.user(OFFICER)));

    fire(timer(instance, "Timer_ReturnDeadline"));
    assertThat(instance).hasPassed("Task_SendReturnReminder");
    assertThat(row(ref).late()).isTrue();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ProcessInstance start(int quarter, LocalDate due) {
    return caseStarts.startAsSystem(
        PerformanceReturnSteps.PROCESS_KEY,
        key(quarter),
        Map.of(
            "contractReference",
            contract.reference(),
            "reportingYear",
            YEAR,
            "quarter",
            quarter,
            "dueDate",
            Date.from(deadlines.endOf(due).minusSeconds(1))));
  }

  private String key(int quarter) {
    return PerformanceReturnSteps.businessKey(contract.reference(), YEAR, quarter);
  }

  private static ReportingQuarter quarter(int n) {
    return new ReportingQuarter(new ReportingYear(YEAR), n);
  }

  private PerformanceReturn row(String ref) {
    return returns.find(ref, uk.gov.council.commissioning.security.Actor.engine()).orElseThrow();
  }

  private List<org.assertj.core.groups.Tuple> deadlineStates(String ref) {
    return deadlineStates(PerformanceReturnSteps.CASE_TYPE, ref);
  }

  private void submit(String ref, Submission submission) {
    assertThat(returns.submit(ref, submission, auth(TEAM.alphaUser())).changed()).isTrue();
  }

  private Authentication auth(String user) {
    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
    groupsOf(user).forEach(g -> authorities.add(new SimpleGrantedAuthority(Roles.authority(g))));
    return new UsernamePasswordAuthenticationToken(user, "n/a", authorities);
  }

  private Submission.Value value(String catalogueSuffix, String kpi, String value) {
    return new Submission.Value(prefix + catalogueSuffix, kpi, new BigDecimal(value), null);
  }

  private Submission goodReturn() {
    return withKpi1("95", null);
  }

  private Submission withKpi1(String kpi1, String explanation) {
    return new Submission(
        40,
        null,
        "All well",
        List.of(
            new Submission.Value(prefix + "-SP", "KPI 1", new BigDecimal(kpi1), explanation),
            value("-SP", "SPI 2", "12"),
            value("-LOCAL", "LPI 1", "3")));
  }
}
