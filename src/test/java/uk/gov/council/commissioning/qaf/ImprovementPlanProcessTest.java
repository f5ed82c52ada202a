package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static uk.gov.council.commissioning.qaf.ImprovementPlanTestData.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.deadlines.Deadline.State;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Every path and timer of qaf-improvement-plan.bpmn (seed 001 3.3 §3.4), with the engine clock
 * moved and jobs executed explicitly (the job executor is off in tests). Grades become final on
 * Monday 2 March 2026 at 10:00 GMT: the plan is due by the end of Monday 16 March
 * (2026-03-17T00:00Z), the reminder fires three days before (2026-03-14T00:00Z); see
 * ImprovementPlanDeadlinesTest.
 */
@ProcessTest
class ImprovementPlanProcessTest extends ImprovementPlanTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final Instant PLAN_DUE = Instant.parse("2026-03-17T00:00:00Z");

  @Autowired DefaultNoticeSender defaultNoticeSender;

  Contract contract;
  String qafNumber;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    users(access);
    int n = SEQUENCE.incrementAndGet();
    long unique = System.nanoTime() % 100000;
    contract = contract(contracts, alpha(contracts), "IP-" + n + "-" + unique);
    beta(contracts);
    qafNumber = "QAF-2025-" + n + unique;
    TestClock.set(LocalDateTime.of(2026, 3, 2, 10, 0));
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    removeStaff(identityService);
  }

  @Test
  void aPlanOnTimeIsAcceptedValidatedAMonthOnAndClosedWithTheNewGrade() {
    long assessment = agreedQaf(jdbc, contract, qafNumber, "C1.3", "C1.5");
    List<String> started = plans.startForFinalDGrades(assessment);

    assertThat(started).hasSize(2);
    assertThat(plans.startForFinalDGrades(assessment)).as("once per standard").isEmpty();
    ProcessInstance instance = instance(started.get(0));
    ImprovementPlan plan = planOf(instance);
    assertThat(instance)
        .hasBusinessKey(qafNumber + "/C1.3")
        .isWaitingAt("Task_SubmitImprovementPlan");
    assertThat(plan.planDueAt()).isEqualTo(PLAN_DUE);
    assertThat(plan.processInstanceId()).isEqualTo(instance.getId());
    Task submit = taskAt(instance, "Task_SubmitImprovementPlan");
    assertThat(submit).hasCandidateGroup(ALPHA_GROUP);
    assertThat(submit.getDueDate()).isEqualTo(Date.from(PLAN_DUE));
    assertThat(timer(instance, "Timer_PlanDue").getDuedate()).isEqualTo(Date.from(PLAN_DUE));
    assertThat(timer(instance, "Timer_PlanReminder").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-03-14T00:00:00Z")));
    assertThat(outbox(planMail(instance, "requested"))).isEqualTo("quality@alpha.example");

    TestClock.set(LocalDateTime.of(2026, 3, 10, 14, 0));
    completeAs(ALPHA_USER, submit, plan());
    assertThat(instance)
        .isWaitingAt("Task_ReviewPlanPurchasingOfficer", "Task_ReviewPlanContractsManager");
    assertThat(taskAt(instance, "Task_ReviewPlanPurchasingOfficer"))
        .hasCandidateGroup("commissioning-officers");
    assertThat(taskAt(instance, "Task_ReviewPlanContractsManager"))
        .hasCandidateGroup("contracts-managers");
    assertThat(taskAt(instance, "Task_ReviewPlanContractsManager").getDueDate()).isNotNull();
    assertThat(timer(instance, "Timer_PlanDue")).as("the plan arrived: no escalation").isNull();

    TestClock.set(LocalDateTime.of(2026, 3, 12, 11, 0));
    acceptBoth(instance);

    ImprovementPlan accepted = planOf(instance);
    assertThat(accepted.submittedAt()).isEqualTo("2026-03-10T14:00:00Z");
    assertThat(accepted.planActions()).startsWith("Review every support plan");
    assertThat(accepted.acceptedAt()).isEqualTo("2026-03-12T11:00:00Z");
    // PLAN_ACCEPTED (the default): the end of 12 April, in BST.
    assertThat(accepted.validationDueAt()).isEqualTo("2026-04-12T23:00:00Z");
    assertThat(instance).isWaitingAt("Timer_ValidatePlan");
    assertThat(timer(instance, "Timer_ValidatePlan").getDuedate())
        .isEqualTo(Date.from(accepted.validationDueAt()));
    assertThat(outbox(planMail(instance, "accepted"))).isEqualTo("quality@alpha.example");

    fire(timer(instance, "Timer_ValidatePlan"));
    Task validate = taskAt(instance, "Task_ValidateImprovement");
    assertThat(validate).hasCandidateGroup("commissioning-officers");
    assertThat(validate.getDueDate()).isNotNull();
    completeAs(OFFICER, validate, Map.of("validationOutcome", "IMPROVED", "newGrade", "B"));

    assertThat(instance).isEnded().hasPassed("Task_ClosePlan");
    ImprovementPlan closed = planOf(instance);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.outcome()).isEqualTo("IMPROVED");
    assertThat(closed.newGrade()).isEqualTo("B");
    assertThat(closed.closedAt()).isNotNull();
    // The QAF's final grade stays as agreed that year; the re-grade is on the plan.
    assertThat(finalGrade(assessment, "C1.3")).isEqualTo("D");
    assertThat(breachesOf(closed)).isEmpty();
    assertThat(outbox(planMail(instance, "closed"))).isEqualTo("quality@alpha.example");
  }

  @Test
  void theProviderIsRemindedBeforeThePlanIsDue() {
    ProcessInstance instance = startPlan();

    fire(timer(instance, "Timer_PlanReminder"));

    assertThat(instance).isWaitingAt("Task_SubmitImprovementPlan");
    assertThat(outbox(planMail(instance, "reminder"))).isEqualTo("quality@alpha.example");
    assertThat(breachesOf(planOf(instance))).isEmpty();
  }

  @Test
  void aLatePlanIsRecordedMissedThenLateAndTheChaseClosesWhenItArrives() {
    ProcessInstance instance = startPlan();

    fire(timer(instance, "Timer_PlanDue"));

    assertThat(instance).isWaitingAt("Task_SubmitImprovementPlan", "Task_ChaseImprovementPlan");
    Task chase = taskAt(instance, "Task_ChaseImprovementPlan");
    assertThat(chase).hasCandidateGroup("contracts-managers");
    assertThat(chase.getDueDate()).isNotNull();
    assertThat(outbox(planMail(instance, "plan-missed")))
        .isEqualTo("quality@alpha.example," + CONTRACT_OFFICER + "@council.example");
    assertThat(breachesOf(planOf(instance)))
        .extracting(DeadlineBreach::kind, DeadlineBreach::requirement, DeadlineBreach::providerId)
        .containsExactly(tuple(Kind.MISSED, "IMPROVEMENT_PLAN", contract.provider().id()));
    assertThat(deadlines.of("QAF_IMPROVEMENT_PLAN", planOf(instance).caseReference()))
        .extracting(Deadline::kind, Deadline::dueAt, Deadline::state)
        .contains(tuple("IMPROVEMENT_PLAN", PLAN_DUE, State.MISSED));
    assertRefusedAs(MANAGER, chase, Map.of(), "chaseAction: is required");

    TestClock.set(LocalDateTime.of(2026, 3, 19, 9, 0));
    completeAs(ALPHA_USER, taskAt(instance, "Task_SubmitImprovementPlan"), plan());

    assertThat(instance)
        .isWaitingAt("Task_ReviewPlanPurchasingOfficer", "Task_ReviewPlanContractsManager");
    assertThat(taskAt(instance, "Task_ChaseImprovementPlan")).as("closed by the plan").isNull();
    assertThat(breachesOf(planOf(instance)))
        .extracting(DeadlineBreach::kind, DeadlineBreach::dueAt)
        .containsExactlyInAnyOrder(tuple(Kind.MISSED, PLAN_DUE), tuple(Kind.LATE, PLAN_DUE));
    assertThat(deadlineStates("QAF_IMPROVEMENT_PLAN", planOf(instance).caseReference()))
        .containsExactlyInAnyOrder(
            tuple("IMPROVEMENT_PLAN", State.MET), tuple("PLAN_REMINDER", State.WAIVED));
  }

  @Test
  void sentBackByThePurchasingOfficerTheProviderSeesBothReviewsAndTheDeadlineStays() {
    ProcessInstance instance = submittedPlan();
    TestClock.set(LocalDateTime.of(2026, 3, 12, 11, 0));

    review(
        instance,
        Map.of("officerDecision", "SEND_BACK", "officerComments", "Target dates are too vague"),
        Map.of("managerDecision", "ACCEPT"));

    assertSentBack(
        instance,
        1,
        "Purchasing officer (sent back): Target dates are too vague",
        "Contracts manager (accepted): no comments");
    // Thursday 12 March + 5 working days: the end of Thursday 19 March.
    Task revise = taskAt(instance, "Task_ReviseImprovementPlan");
    assertThat(revise.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-03-20T00:00:00Z")));
    // The deadline is the register's: a case variable of the same name cannot move it.
    assertThat(planOf(instance).resubmissionDueAt()).isEqualTo("2026-03-20T00:00:00Z");
    runtimeService.setVariable(
        instance.getId(), "resubmissionDue", Date.from(Instant.parse("2027-01-01T00:00:00Z")));
    assertThat(timer(instance, "Timer_RevisionDue").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-03-20T00:00:00Z")));

    // An overdue revision is chased by email and by the contracts managers; the seed's two weeks
    // were
    // met, so no breach. The chase closes when the revision arrives.
    fire(timer(instance, "Timer_RevisionDue"));
    assertThat(outbox(planMail(instance, "revision-overdue-1"))).contains("quality@alpha.example");
    Task chase = taskAt(instance, "Task_ChaseRevisedImprovementPlan");
    assertThat(chase).hasCandidateGroup("contracts-managers");
    assertThat(chase.getDueDate()).isNotNull();
    assertThat(instance)
        .isWaitingAt("Task_ReviseImprovementPlan", "Task_ChaseRevisedImprovementPlan");
    completeAs(ALPHA_USER, taskAt(instance, "Task_ReviseImprovementPlan"), plan());
    assertThat(instance)
        .isWaitingAt("Task_ReviewPlanPurchasingOfficer", "Task_ReviewPlanContractsManager");
    assertThat(taskAt(instance, "Task_ChaseRevisedImprovementPlan"))
        .as("closed by the revision")
        .isNull();
    acceptBoth(instance);

    assertThat(instance).isWaitingAt("Timer_ValidatePlan");
    ImprovementPlan accepted = planOf(instance);
    assertThat(accepted.submittedAt()).isEqualTo("2026-03-10T14:00:00Z");
    assertThat(accepted.lastSubmittedAt()).isAfter(accepted.submittedAt());
    assertThat(breachesOf(accepted)).isEmpty();
  }

  @Test
  void sentBackByTheContractsManager() {
    ProcessInstance instance = submittedPlan();

    review(
        instance,
        Map.of("officerDecision", "ACCEPT", "officerComments", "Sound actions"),
        Map.of(
            "managerDecision",
            "SEND_BACK",
            "managerComments",
            "Name who checks the support plans"));

    assertSentBack(
        instance,
        1,
        "Purchasing officer (accepted): Sound actions",
        "Contracts manager (sent back): Name who checks the support plans");
  }

  @Test
  void sentBackByBothAndThenAgain() {
    ProcessInstance instance = submittedPlan();

    sendBackBoth(instance);
    assertSentBack(
        instance,
        1,
        "Purchasing officer (sent back): Not enough",
        "Contracts manager (sent back): Agreed");
    completeAs(ALPHA_USER, taskAt(instance, "Task_ReviseImprovementPlan"), plan());
    sendBackBoth(instance);

    assertSentBack(
        instance,
        2,
        "Purchasing officer (sent back): Not enough",
        "Contracts manager (sent back): Agreed");
    assertThat(outbox(planMail(instance, "sent-back-2"))).isEqualTo("quality@alpha.example");
  }

  @Test
  void notImprovedIsReportedToTheCoreStrategyGroupAndADefaultNoticeIsIssuedOnce() throws Exception {
    ProcessInstance instance = validationDue();
    notImproved(instance, "Support plans still not reviewed");

    Task report = taskAt(instance, "Task_ReportToCoreStrategyGroup");
    assertThat(report).hasCandidateGroup("contracts-managers");
    assertThat(report.getDueDate()).isNotNull();
    assertRefusedAs(
        MANAGER,
        report,
        Map.of(),
        "csgReport: is required",
        "defaultNoticeDecision: must be one of ISSUE, NO_NOTICE",
        "defaultNoticeReasons: is required");
    TestClock.set(LocalDateTime.of(2026, 4, 21, 10, 0));
    reportToCoreStrategyGroup(
        instance,
        "No progress on C1.3 after the plan",
        "ISSUE",
        "Two months without the promised reviews");

    ImprovementPlan reported = planOf(instance);
    assertThat(reported.reportedToCsgAt()).isEqualTo("2026-04-21T09:00:00Z");
    assertThat(reported.defaultNotice()).isTrue();
    assertThat(reported.csgReport()).isEqualTo("No progress on C1.3 after the plan");
    // Asynchronous: the letter is produced by the job, not in the contracts manager's transaction.
    assertThat(instance).isWaitingAt("Task_IssueDefaultNotice");
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.executeJob(job.getId());

    assertThat(instance).isEnded().hasPassed("Task_IssueDefaultNotice", "Task_ClosePlan");
    assertThat(noticeRows(reported.id())).isEqualTo(1);
    byte[] letter =
        jdbc.sql("SELECT content FROM qaf_default_notice WHERE plan_id = :id")
            .param("id", reported.id())
            .query(byte[].class)
            .single();
    try (var pdf = Loader.loadPDF(letter)) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("Default notice")
          .contains(contract.reference())
          .contains("C1.3")
          .contains("Two months without the promised reviews");
    }
    assertThat(outboxCount(planMail(instance, "default-notice"))).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT attachment_name FROM notification_outbox WHERE idempotency_key = :key")
                .param("key", "qaf-plan:" + instance.getId() + ":default-notice")
                .query(String.class)
                .single())
        .endsWith(".pdf");

    // A retried job (after a failure later in its transaction) finds the letter and queues nothing
    // new.
    TestClock.set(LocalDateTime.of(2026, 4, 22, 10, 0));
    DelegateExecution retry = mock(DelegateExecution.class);
    when(retry.getProcessBusinessKey()).thenReturn(reported.caseReference());
    when(retry.getProcessInstanceId()).thenReturn(instance.getId());
    defaultNoticeSender.execute(retry);
    assertThat(noticeRows(reported.id())).isEqualTo(1);
    assertThat(outboxCount(planMail(instance, "default-notice"))).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT content FROM qaf_default_notice WHERE plan_id = :id")
                .param("id", reported.id())
                .query(byte[].class)
                .single())
        .isEqualTo(letter);
    assertThat(planOf(instance).status()).isEqualTo("CLOSED");
  }

  @Test
  void notImprovedWithoutADefaultNoticeClosesWithTheDecisionRecorded() {
    ProcessInstance instance = validationDue();
    notImproved(instance, "Some progress, not yet C");
    reportToCoreStrategyGroup(
        instance, "Partial progress", "NO_NOTICE", "Progress is being made; next QAF will show");

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_ClosePlan")
        .hasNotPassed("Task_IssueDefaultNotice");
    ImprovementPlan closed = planOf(instance);
    assertThat(closed.outcome()).isEqualTo("NOT_IMPROVED");
    assertThat(closed.validationFindings()).isEqualTo("Some progress, not yet C");
    assertThat(closed.defaultNotice()).isFalse();
    assertThat(closed.reportedToCsgAt()).isNotNull();
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(noticeRows(closed.id())).isZero();
  }

  @Test
  void badInputIsRefusedWithEachFieldNamed() {
    ProcessInstance instance = startPlan();
    assertRefusedAs(
        ALPHA_USER,
        taskAt(instance, "Task_SubmitImprovementPlan"),
        Map.of("planActions", " "),
        "planActions: is required",
        "responsiblePerson: is required",
        "targetDates: is required",
        "evidenceOfImprovement: is required");
    completeAs(ALPHA_USER, taskAt(instance, "Task_SubmitImprovementPlan"), plan());

    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_ReviewPlanPurchasingOfficer"),
        Map.of("officerDecision", "SEND_BACK"),
        "officerComments: say what the provider");
    assertRefusedAs(
        MANAGER,
        taskAt(instance, "Task_ReviewPlanContractsManager"),
        Map.of("managerDecision", "SEND_BACK", "managerComments", ""),
        "managerComments: say what the provider");
    assertRefusedAs(
        MANAGER,
        taskAt(instance, "Task_ReviewPlanContractsManager"),
        Map.of("managerDecision", "MAYBE"),
        "managerDecision: must be one of ACCEPT, SEND_BACK");
    acceptBoth(instance);
    fire(timer(instance, "Timer_ValidatePlan"));
    Task validate = taskAt(instance, "Task_ValidateImprovement");

    assertRefusedAs(
        OFFICER,
        validate,
        Map.of("validationOutcome", "IMPROVED", "newGrade", "D"),
        "newGrade: an improved standard is graded A, B or C");
    assertRefusedAs(
        OFFICER,
        validate,
        Map.of("validationOutcome", "IMPROVED", "newGrade", "E"),
        "newGrade: must be one of A, B, C");
    assertRefusedAs(
        OFFICER, validate, Map.of("validationOutcome", "IMPROVED"), "newGrade: is required");
    assertRefusedAs(
        OFFICER,
        validate,
        Map.of("validationOutcome", "NOT_IMPROVED"),
        "validationFindings: say what was found");
    assertRefusedAs(
        OFFICER, validate, Map.of(), "validationOutcome: must be one of IMPROVED, NOT_IMPROVED");
    assertThat(instance).isWaitingAt("Task_ValidateImprovement");
    assertThat(planOf(instance).validatedAt()).isNull();
  }

  @Test
  void anotherProviderCannotSeeOrCompleteThePlanAndAVariableCannotMoveTheTask() {
    ProcessInstance instance = startPlan();
    Task submit = taskAt(instance, "Task_SubmitImprovementPlan");

    assertThat(visibleTasks(BETA_USER, instance)).isZero();
    assertThat(visibleTasks(ALPHA_USER, instance)).isEqualTo(1);
    assertThatThrownBy(() -> completeAs(BETA_USER, submit, plan()))
        .isInstanceOf(AuthorizationException.class);

    // A providerGroup variable sent with a task cannot hand the revision to another organisation.
    Map<String, Object> withGroup = planWith(Map.of("providerGroup", BETA_GROUP));
    completeAs(ALPHA_USER, submit, withGroup);
    sendBackBoth(instance);
    assertThat(taskAt(instance, "Task_ReviseImprovementPlan")).hasCandidateGroup(ALPHA_GROUP);
    assertThat(visibleTasks(BETA_USER, instance)).isZero();
  }

  @Test
  void theProviderCannotPresetTheCouncilsDecisions() {
    ProcessInstance instance = startPlan();
    Map<String, Object> planted =
        planWith(
            Map.of(
                "officerDecision",
                "ACCEPT",
                "managerDecision",
                "ACCEPT",
                "validationOutcome",
                "IMPROVED",
                "newGrade",
                "A",
                "csgReport",
                "Nothing to report",
                "defaultNoticeDecision",
                "NO_NOTICE",
                "chaseAction",
                "none"));
    completeAs(ALPHA_USER, taskAt(instance, "Task_SubmitImprovementPlan"), planted);

    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKeys(
            "officerDecision",
            "managerDecision",
            "validationOutcome",
            "newGrade",
            "csgReport",
            "defaultNoticeDecision",
            "chaseAction");
    Task officerReview = taskAt(instance, "Task_ReviewPlanPurchasingOfficer");
    assertThat(taskService.getVariable(officerReview.getId(), "officerDecision"))
        .as("the form opens blank")
        .isNull();
    assertRefusedAs(OFFICER, officerReview, Map.of(), "officerDecision: must be one of");
    sendBackBoth(instance);

    // The revision: the same attempt, and the reviewers still decide.
    completeAs(ALPHA_USER, taskAt(instance, "Task_ReviseImprovementPlan"), planted);
    assertRefusedAs(
        MANAGER,
        taskAt(instance, "Task_ReviewPlanContractsManager"),
        Map.of(),
        "managerDecision: must be one of");
    review(
        instance,
        Map.of("officerDecision", "ACCEPT"),
        Map.of("managerDecision", "SEND_BACK", "managerComments", "Still vague"));
    assertThat(instance).isWaitingAt("Task_ReviseImprovementPlan");
    assertThat(planOf(instance).managerDecision()).isEqualTo("SEND_BACK");
  }

  @Test
  void theCouncilsAnswersStayOnItsTasksAndTheProviderSeesOnlyTheReviewComments() {
    ProcessInstance instance = startPlan();
    fire(timer(instance, "Timer_PlanDue"));
    completeAs(
        MANAGER,
        taskAt(instance, "Task_ChaseImprovementPlan"),
        Map.of("chaseAction", "Rang the registered manager"));
    assertThat(providerVariables(instance, "Task_SubmitImprovementPlan"))
        .doesNotContainKey("chaseAction");

    completeAs(ALPHA_USER, taskAt(instance, "Task_SubmitImprovementPlan"), plan());
    review(
        instance,
        Map.of("officerDecision", "SEND_BACK", "officerComments", "Target dates are too vague"),
        Map.of("managerDecision", "ACCEPT", "managerComments", "Fine by me"));

    Map<String, Object> seen = providerVariables(instance, "Task_ReviseImprovementPlan");
    assertThat(seen)
        .doesNotContainKeys(
            "officerDecision", "officerComments", "managerDecision", "managerComments");
    assertThat(seen.get("reviewComments"))
        .asString()
        .contains("Target dates are too vague", "Fine by me");
    ImprovementPlan reviewed = planOf(instance);
    assertThat(reviewed.officerComments()).isEqualTo("Target dates are too vague");
    assertThat(reviewed.managerDecision()).isEqualTo("ACCEPT");

    completeAs(ALPHA_USER, taskAt(instance, "Task_ReviseImprovementPlan"), plan());
    acceptBoth(instance);
    fire(timer(instance, "Timer_ValidatePlan"));
    notImproved(instance, "Support plans still not reviewed");
    reportToCoreStrategyGroup(
        instance, "No progress", "ISSUE", "Two months without the promised reviews");

    assertThat(instance).isWaitingAt("Task_IssueDefaultNotice");
    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKeys(
            "validationOutcome",
            "validationFindings",
            "csgReport",
            "defaultNoticeDecision",
            "defaultNoticeReasons");
    ImprovementPlan reported = planOf(instance);
    assertThat(reported.validationFindings()).isEqualTo("Support plans still not reviewed");
    assertThat(reported.defaultNoticeReasons())
        .isEqualTo("Two months without the promised reviews");
  }

  @Test
  void eachTextIsRefusedByNameBeyondItsRegisterColumn() {
    ProcessInstance instance = startPlan();
    Map<String, Object> tooLong =
        planWith(
            Map.of(
                "planActions",
                "a".repeat(4001),
                "responsiblePerson",
                "r".repeat(201),
                "targetDates",
                "t".repeat(2001),
                "evidenceOfImprovement",
                "e".repeat(4001)));
    assertRefusedAs(
        ALPHA_USER,
        taskAt(instance, "Task_SubmitImprovementPlan"),
        tooLong,
        "planActions: must be at most 4000 characters",
        "responsiblePerson: must be at most 200 characters",
        "targetDates: must be at most 2000 characters",
        "evidenceOfImprovement: must be at most 4000 characters");
    Map<String, Object> atTheLimit = planWith(Map.of("responsiblePerson", "r".repeat(200)));
    completeAs(ALPHA_USER, taskAt(instance, "Task_SubmitImprovementPlan"), atTheLimit);

    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_ReviewPlanPurchasingOfficer"),
        Map.of("officerDecision", "SEND_BACK", "officerComments", "o".repeat(2001)),
        "officerComments: must be at most 2000 characters");
    assertRefusedAs(
        MANAGER,
        taskAt(instance, "Task_ReviewPlanContractsManager"),
        Map.of("managerDecision", "ACCEPT", "managerComments", "m".repeat(2001)),
        "managerComments: must be at most 2000 characters");
    acceptBoth(instance);
    fire(timer(instance, "Timer_ValidatePlan"));
    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_ValidateImprovement"),
        Map.of("validationOutcome", "NOT_IMPROVED", "validationFindings", "f".repeat(4001)),
        "validationFindings: must be at most 4000 characters");
    notImproved(instance, "No change");
    assertRefusedAs(
        MANAGER,
        taskAt(instance, "Task_ReportToCoreStrategyGroup"),
        Map.of(
            "csgReport",
            "c".repeat(4001),
            "defaultNoticeDecision",
            "NO_NOTICE",
            "defaultNoticeReasons",
            "d".repeat(2001)),
        "csgReport: must be at most 4000 characters",
        "defaultNoticeReasons: must be at most 2000 characters");
    assertThat(instance).isWaitingAt("Task_ReportToCoreStrategyGroup");
    assertThat(planOf(instance).responsiblePerson()).hasSize(200);
  }

  // --- helpers --------------------------------------------------------------------------------

  /** What the provider's own user reads through its task. */
  private Map<String, Object> providerVariables(ProcessInstance instance, String activityId) {
    return variablesAs(ALPHA_USER, taskAt(instance, activityId));
  }

  /** The provider's plan with the fields changed or added. */
  private static Map<String, Object> planWith(Map<String, Object> changes) {
    Map<String, Object> form = new HashMap<>(plan());
    form.putAll(changes);
    return form;
  }

  private ProcessInstance startPlan() {
    return planFor(contract, qafNumber, "C1.3");
  }

  private ProcessInstance submittedPlan() {
    ProcessInstance instance = startPlan();
    TestClock.set(LocalDateTime.of(2026, 3, 10, 14, 0));
    completeAs(ALPHA_USER, taskAt(instance, "Task_SubmitImprovementPlan"), plan());
    return instance;
  }

  private ProcessInstance validationDue() {
    ProcessInstance instance = submittedPlan();
    acceptBoth(instance);
    fire(timer(instance, "Timer_ValidatePlan"));
    return instance;
  }

  private void sendBackBoth(ProcessInstance instance) {
    review(
        instance,
        Map.of("officerDecision", "SEND_BACK", "officerComments", "Not enough"),
        Map.of("managerDecision", "SEND_BACK", "managerComments", "Agreed"));
  }

  private void assertSentBack(ProcessInstance instance, int times, String... comments) {
    assertThat(instance).isWaitingAt("Task_ReviseImprovementPlan");
    Task revise = taskAt(instance, "Task_ReviseImprovementPlan");
    assertThat(revise).hasCandidateGroup(ALPHA_GROUP);
    assertThat(revise.getDueDate()).isNotNull();
    assertThat(taskService.getVariable(revise.getId(), "reviewComments"))
        .asString()
        .contains(comments);
    ImprovementPlan plan = planOf(instance);
    assertThat(plan.timesSentBack()).isEqualTo(times);
    assertThat(plan.planDueAt()).as("the original deadline stays").isEqualTo(PLAN_DUE);
    assertThat(plan.acceptedAt()).isNull();
    assertThat(outbox(planMail(instance, "sent-back-" + times))).isEqualTo("quality@alpha.example");
  }

  private long visibleTasks(String user, ProcessInstance instance) {
    identityService.setAuthentication(user, groupsOf(user));
    try {
      return taskService.createTaskQuery().processInstanceId(instance.getId()).count();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<DeadlineBreach> breachesOf(ImprovementPlan plan) {
    return breaches.ofCase("QAF_IMPROVEMENT_PLAN", plan.caseReference());
  }

  private String finalGrade(long assessment, String objective) {
    return jdbc.sql(
            "SELECT final_grade FROM qaf_grade WHERE assessment_id = :id AND objective = :objective")
        .param("id", assessment)
        .param("objective", objective)
        .query(String.class)
        .single();
  }

  /** The outbox key of the plan's email for the event. */
  private static String planMail(ProcessInstance instance, String event) {
    return "qaf-plan:" + instance.getId() + ":" + event;
  }

  private long noticeRows(long planId) {
    return jdbc.sql("SELECT COUNT(*) FROM qaf_default_notice WHERE plan_id = :id")
        .param("id", planId)
        .query(Long.class)
        .single();
  }
}
