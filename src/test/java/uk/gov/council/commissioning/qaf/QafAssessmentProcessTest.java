package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.qaf.QafTestData.*;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.deadlines.Deadline.State;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Every path and timer of qaf-assessment.bpmn (seed 001 Part 3.3). Jobs are executed explicitly and
 * the engine clock moved. Unless a test says otherwise the QAF is requested on Mon 5 Jan 2026 for a
 * meeting on Wed 20 May 2026: issued Fri 20 Feb 2026 (three months before), due back by the end of
 * Wed 8 Apr 2026 (six weeks before; BST), a contract management issue 14 days later.
 */
@ProcessTest
class QafAssessmentProcessTest extends ProcessTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final String MEETING = "2026-05-20";

  @Autowired QafRepository qafs;
  @Autowired QafCaseService cases;
  @Autowired QafRandomDraw randomDraw;

  Provider alpha;
  String contract;
  String officer;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    users(access);
    alpha = alpha(contracts);
    beta(contracts);
    int n = SEQUENCE.incrementAndGet();
    long unique = System.nanoTime() % 100000;
    // An officer of its own per test, so moderation counts start from nothing.
    officer = "qaf-po-" + n + "-" + unique;
    user(access, officer, Roles.COMMISSIONING_OFFICERS);
    contract = "QAF-C" + n + "-" + unique;
    contract(contracts, alpha, contract, officer);
    randomDraw.use(() -> 0.5);
    TestClock.set(LocalDateTime.of(2026, 1, 5, 9, 0));
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    randomDraw.use(null);
  }

  @Test
  void issuedThreeMonthsAheadReturnedOnTimeGradedAndAgreed() {
    ProcessInstance instance = start(officer, request(contract, MEETING, "FULL"));
    QafAssessment q = qafOf(instance);
    assertThat(q.number()).matches("QAF-2026-\\d{6}");
    assertThat(instance).hasBusinessKey(q.number()).isWaitingAt("Timer_IssueQaf");
    assertThat(q.issueAt()).isEqualTo("2026-02-20T00:00:00Z");
    assertThat(q.returnDueAt()).isEqualTo("2026-04-08T23:00:00Z");
    assertThat(q.reviewingOfficer()).isEqualTo(officer);
    assertThat(q.financialYear()).isEqualTo(2026);
    assertThat(timer(instance, "Timer_IssueQaf").getDuedate()).isEqualTo(q.issueAt());
    assertThat(deadlines.of("QAF", q.number()))
        .extracting(Deadline::kind, Deadline::dueAt, Deadline::state)
        .containsExactly(
            tuple("QAF_ISSUE", q.issueAt(), State.OPEN),
            tuple("QAF_RETURN", q.returnDueAt(), State.OPEN),
            tuple("QAF_NOT_RETURNED", Instant.parse("2026-04-22T23:00:00Z"), State.OPEN));

    fireNotTurningBack(timer(instance, "Timer_IssueQaf"));
    assertThat(instance).isWaitingAt("Task_CompleteQaf");
    Task complete = taskAt(instance, "Task_CompleteQaf");
    assertThat(complete).hasCandidateGroup(ALPHA_GROUP);
    assertThat(complete.getDueDate()).isEqualTo(Date.from(q.returnDueAt()));
    assertThat(outboxBody("qaf:" + instance.getId() + ":issued"))
        .contains("Performance Level C in every core objective", "end of Wed 8 Apr 2026");
    assertThat(qafOf(instance).issuedAt()).isNotNull();

    TestClock.set(LocalDateTime.of(2026, 3, 20, 10, 0));
    taskService.complete(complete.getId(), qafReturn("FULL", "C"));
    assertThat(instance).isWaitingAtExactly("Task_DeskTopReview");
    assertThat(timer(instance, "Timer_QafReturnDue")).isNull();
    Task desk = taskAt(instance, "Task_DeskTopReview");
    assertThat(desk).isAssignedTo(officer);
    assertThat(candidateGroups(desk)).containsExactly("commissioning-officers");
    assertThat(desk.getDueDate()).isNotNull();

    taskService.complete(desk.getId(), deskReview("FULL", "C", Map.of()));
    assertThat(instance)
        .hasPassed("Task_RecordDeskReview", "Task_DecideValidationVisit")
        .isWaitingAt("Task_RespondToGrades");
    assertThat(qafOf(instance).validationVisit()).isFalse();
    assertThat(outboxBody("qaf:" + instance.getId() + ":grades-1"))
        .contains("C1.3 Security, Health and Safety: C");
    taskService.complete(
        taskAt(instance, "Task_RespondToGrades").getId(), Map.of("providerResponse", "AGREE"));

    assertThat(instance)
        .isEnded()
        .hasPassed(
            "Task_RecordQafReturn",
            "Task_RecordProviderResponse",
            "Task_FinaliseGrades",
            "Task_StartImprovementPlans");
    QafAssessment agreed = qafOf(instance);
    assertThat(agreed.status()).isEqualTo("AGREED");
    assertThat(agreed.agreement()).isEqualTo("PROVIDER_AGREED");
    assertThat(agreed.returnedAt()).isEqualTo("2026-03-20T10:00:00Z");
    assertThat(agreed.summarySignedBy()).isEqualTo("Pat Manager, Alpha");
    assertThat(qafs.grades(agreed.id()))
        .extracting(QafGrade::finalGrade)
        .containsOnly("C")
        .hasSize(7);
    assertThat(breachesOf(agreed)).isEmpty();
    assertThat(instance).hasNotPassed("Task_RecordMissedReturn", "Task_RecordLateExplanation");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("qaf-improvement-plan")
                .processInstanceBusinessKeyLike(agreed.number() + "/%")
                .count())
        .isZero();
  }

  @Test
  void anIncompleteReturnGoesBackWithTheReasonsAndTheDeadlineStays() {
    ProcessInstance instance = fullQafIssued();
    Map<String, Object> form = qafReturn("FULL", "C");
    QafTestData.claim(form, QafObjective.C1_3, "B");
    form.put("c13EvidenceB", "✓");
    form.remove("summarySignedBy");
    complete(instance, "Task_CompleteQaf", form);

    assertThat(instance).isWaitingAt("Task_CompleteQaf");
    assertThat(instance).variables().containsEntry("qafComplete", false);
    assertThat((String) runtimeService.getVariable(instance.getId(), "incompleteReasons"))
        .contains(
            "C1.3 level B evidence: written evidence is required (a tick is not evidence)",
            "summary sheet: the name of whoever completed it is required");
    QafAssessment q = qafOf(instance);
    assertThat(q.timesSentBack()).isEqualTo(1);
    assertThat(q.returnedAt()).isNull();
    assertThat(taskAt(instance, "Task_CompleteQaf").getDueDate())
        .isEqualTo(Date.from(q.returnDueAt()));
    assertThat(outboxBody("qaf:" + instance.getId() + ":sent-back-1"))
        .contains("a tick is not evidence");

    form.put("c13EvidenceB", EVIDENCE);
    form.put("summarySignedBy", "Pat Manager");
    complete(instance, "Task_CompleteQaf", form);
    assertThat(instance).isWaitingAt("Task_DeskTopReview");
    assertThat(qafOf(instance).returnedAt()).isNotNull();
  }

  @Test
  void gradesOutsideAToDAreRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = fullQafIssued();
    Map<String, Object> form = qafReturn("FULL", "C");
    form.put("c12Grade", "E");
    form.put("c15Grade", "");
    Task task = taskAt(instance, "Task_CompleteQaf");
    assertThatThrownBy(() -> taskService.complete(task.getId(), form))
        .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
        .hasMessageContainingAll(
            "c12Grade: C1.2 grade: must be A, B, C or D, not \"E\"",
            "c15Grade: C1.5 grade: a grade is required (A, B, C or D)");
    assertThat(instance).isWaitingAt("Task_CompleteQaf");
  }

  @Test
  void anAlarmServiceReturnsQafLiteWithoutC11AndC12() {
    ProcessInstance instance = issued(request(contract, MEETING, "LITE_ALARM"));
    assertThat(instance).variables().containsEntry("alarmService", true);
    complete(instance, "Task_CompleteQaf", qafReturn("LITE_ALARM", "C"));
    assertThat(instance).isWaitingAt("Task_DeskTopReview");
    QafAssessment q = qafOf(instance);
    assertThat(qafs.grades(q.id()))
        .extracting(QafGrade::objective)
        .containsExactly("C1.3", "C1.4", "C1.5", "C1.6", "C1.7");
    complete(instance, "Task_DeskTopReview", deskReview("LITE_ALARM", "C", Map.of()));
    complete(instance, "Task_RespondToGrades", Map.of("providerResponse", "AGREE"));
    assertThat(instance).isEnded();
  }

  @Test
  void
      aLateReturnArrivingWithAnAcceptedExplanationHasItsBreachesWithdrawnAndGoesOnToTheDeskReview() {
    ProcessInstance instance = fullQafIssued();
    QafAssessment q = qafOf(instance);
    Job due = timer(instance, "Timer_QafReturnDue");
    assertThat(due.getDuedate()).isEqualTo(q.returnDueAt());
    fireNotTurningBack(due);

    assertThat(breachesOf(q))
        .extracting(DeadlineBreach::requirement, DeadlineBreach::kind, DeadlineBreach::providerId)
        .containsExactly(tuple("QAF_RETURN", Kind.MISSED, alpha.id()));
    assertThat(outboxBody("qaf:" + instance.getId() + ":return-overdue"))
        .contains("contract compliance issue");

    // The usual case: the late QAF comes with its explanation, and the officer judges it
    // afterwards.
    TestClock.set(LocalDateTime.of(2026, 4, 14, 9, 0));
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    assertThat(instance).isWaitingAtExactly("Task_DeskTopReview", "Task_RecordLateExplanation");
    assertThat(breachesOf(q))
        .extracting(DeadlineBreach::kind)
        .containsExactly(Kind.LATE, Kind.MISSED);
    assertThat(timer(instance, "Timer_QafNotReturned")).isNull();

    Task explanation = taskAt(instance, "Task_RecordLateExplanation");
    assertThat(explanation).isAssignedTo(officer);
    assertThat(candidateGroups(explanation)).containsExactly("commissioning-officers");
    assertThatThrownBy(
            () -> taskService.complete(explanation.getId(), Map.of("explanationGiven", "YES")))
        .hasMessageContaining("lateExplanation: is required");
    assertThat(breachesOf(q)).hasSize(2);
    String reason = "Registered manager on sick leave; the deputy returned it within a week";
    taskService.complete(
        explanation.getId(), Map.of("explanationGiven", "YES", "lateExplanation", reason));

    QafAssessment judged = qafOf(instance);
    assertThat(judged.lateExplanationAccepted()).isTrue();
    assertThat(judged.lateExplanation()).isEqualTo(reason);
    assertThat(breachesOf(q)).isEmpty();
    // The officer's answer stays off the case the provider reads.
    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKeys("explanationGiven", "lateExplanation");
    assertThat(instance).isWaitingAtExactly("Task_DeskTopReview");

    deskReviewed(instance, Map.of());
    complete(instance, "Task_RespondToGrades", Map.of("providerResponse", "AGREE"));
    assertThat(instance)
        .isEnded()
        .hasPassed(
            "Task_RecordExplanationJudgement",
            "EndEvent_LateExplanationRecorded",
            "EndEvent_GradesFinal");
  }

  @Test
  void anExplanationAcceptedBeforeTheQafArrivesLeavesNoBreachWhenItDoesArriveLate() {
    ProcessInstance instance = fullQafIssued();
    QafAssessment q = qafOf(instance);
    fireNotTurningBack(timer(instance, "Timer_QafReturnDue"));
    assertThat(openTasks(instance))
        .containsExactlyInAnyOrder("Task_CompleteQaf", "Task_RecordLateExplanation");
    complete(
        instance,
        "Task_RecordLateExplanation",
        Map.of(
            "explanationGiven",
            "YES",
            "lateExplanation",
            "Office flooded; the provider asked for a week"));
    assertThat(breachesOf(q)).isEmpty();
    assertThat(openTasks(instance)).containsExactly("Task_CompleteQaf");

    TestClock.set(LocalDateTime.of(2026, 4, 14, 9, 0));
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    assertThat(instance).isWaitingAtExactly("Task_DeskTopReview");
    assertThat(breachesOf(q)).isEmpty();
    assertThat(qafOf(instance).lateExplanationAccepted()).isTrue();
  }

  @Test
  void aLateReturnWithoutAnAppropriateExplanationKeepsItsBreaches() {
    ProcessInstance instance = fullQafIssued();
    ProcessInstance other = issued(request(newContract(), MEETING, "FULL"));
    QafAssessment q = qafOf(instance);
    fireNotTurningBack(timer(instance, "Timer_QafReturnDue"));
    TestClock.set(LocalDateTime.of(2026, 4, 14, 9, 0));
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    complete(instance, "Task_RecordLateExplanation", Map.of("explanationGiven", "NO"));

    QafAssessment judged = qafOf(instance);
    assertThat(judged.lateExplanationAccepted()).isFalse();
    assertThat(judged.lateExplanation()).isNull();
    assertThat(breachesOf(q))
        .extracting(DeadlineBreach::kind)
        .containsExactly(Kind.LATE, Kind.MISSED);
    assertThat(instance).isWaitingAtExactly("Task_DeskTopReview");

    // Judged before the QAF arrives: the same, the late return adding its LATE breach.
    fireNotTurningBack(timer(other, "Timer_QafReturnDue"));
    complete(other, "Task_RecordLateExplanation", Map.of("explanationGiven", "NO"));
    complete(other, "Task_CompleteQaf", qafReturn("FULL", "C"));
    assertThat(other).isWaitingAtExactly("Task_DeskTopReview");
    assertThat(breachesOf(qafOf(other)))
        .extracting(DeadlineBreach::kind)
        .containsExactly(Kind.LATE, Kind.MISSED);
  }

  @Test
  void aQafNeverReturnedBecomesAContractManagementIssueThatClosesWhenItArrives() {
    ProcessInstance instance = fullQafIssued();
    QafAssessment q = qafOf(instance);
    fireNotTurningBack(timer(instance, "Timer_QafReturnDue"));
    Job notReturned = timer(instance, "Timer_QafNotReturned");
    assertThat(notReturned.getDuedate()).isEqualTo("2026-04-22T23:00:00Z");
    fireNotTurningBack(notReturned);
    Task issue = taskAt(instance, "Task_ContractManagementIssue");
    assertThat(issue).hasCandidateGroup("contracts-managers");
    assertThat(instance)
        .isWaitingAt(
            "Task_CompleteQaf", "Task_RecordLateExplanation", "Task_ContractManagementIssue");

    Task issueTask = taskAt(instance, "Task_ContractManagementIssue");
    assertThatThrownBy(
            () -> taskService.complete(issueTask.getId(), Map.of("actionTaken", "Phoned")))
        .hasMessageContaining("nonReturnOutcome: must be one of");
    taskService.complete(
        issueTask.getId(),
        Map.of("actionTaken", "Phoned the manager", "nonReturnOutcome", "KEEP_WAITING"));
    assertThat(instance).isWaitingAt("Task_CompleteQaf", "Task_RecordLateExplanation");
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    assertThat(instance).isWaitingAtExactly("Task_DeskTopReview", "Task_RecordLateExplanation");
    assertThat(taskAt(instance, "Task_ContractManagementIssue")).isNull();
    assertThat(breachesOf(q))
        .extracting(DeadlineBreach::kind)
        .containsExactly(Kind.LATE, Kind.MISSED);
    // Returned late: met, after being missed; the non-return stays missed.
    assertThat(deadlineStates("QAF", q.number()))
        .containsExactly(
            tuple("QAF_ISSUE", State.MET),
            tuple("QAF_RETURN", State.MET),
            tuple("QAF_NOT_RETURNED", State.MISSED));
  }

  @Test
  void anAClaimedLeadsToAVisitWithAnAuditAdjustedGradesExplainedAndAgreementAfterDiscussion() {
    ProcessInstance instance = fullQafIssued();
    returnClaiming(instance, QafObjective.C1_4, "A");
    deskReviewed(instance, Map.of("c14OfficerGrade", "A"));

    assertThat(instance).isWaitingAt("Task_ValidationVisit");
    assertThat(qafOf(instance).validationReasons()).isEqualTo("A_GRADE_CLAIMED");
    Map<String, Object> visit = deskReview("FULL", "C", Map.of());
    visit.put("c14OfficerGrade", "B");
    visit.put(
        "c14Explanation",
        "Level A evidence not seen in practice: no service user involvement in policy reviews");
    visit.put("visitDate", "2026-01-05");
    visit.put("visitFindings", "Support plans sampled; safeguarding training records complete");
    supportPlanAudit(visit, "YES");
    Task visitTask = taskAt(instance, "Task_ValidationVisit");
    Map<String, Object> unexplained = new HashMap<>(visit);
    unexplained.remove("c14Explanation");
    assertThatThrownBy(() -> taskService.complete(visitTask.getId(), unexplained))
        .hasMessageContaining(
            "c14Explanation: C1.4: explain why the grade differs from the provider's claim of A");
    taskService.complete(visitTask.getId(), visit);
    QafAssessment q = qafOf(instance);
    assertThat(q.supportPlanAudit()).isTrue();
    assertThat(q.visitDate()).isEqualTo("2026-01-05");
    assertThat(instance).variables().containsEntry("spaFeedbackDueOn", "2026-02-02");
    assertThat(outboxBody("qaf:" + instance.getId() + ":grades-1"))
        .contains(
            "C1.4 Protection from Abuse: B (you claimed A). Why it was adjusted: Level A evidence not seen");

    complete(
        instance,
        "Task_RespondToGrades",
        Map.of(
            "providerResponse",
            "DISAGREE",
            "disagreementReasons",
            "Service users sit on our policy group",
            "furtherEvidence",
            "Minutes of March 2026"));
    assertThat(instance).isWaitingAt("Task_DiscussGrades");
    Map<String, Object> agreed = officerGrades("FULL", "C", Map.of());
    agreed.put("c14OfficerGrade", "A");
    agreed.put("agreementReached", "YES");
    agreed.put("discussionNotes", "Minutes show service users involved");
    complete(instance, "Task_DiscussGrades", agreed);

    assertThat(instance).isEnded().hasPassed("Task_RecordVisit", "Task_RecordDiscussion");
    QafAssessment done = qafOf(instance);
    assertThat(done.agreement()).isEqualTo("AGREED_AFTER_DISCUSSION");
    assertThat(qafs.grades(done.id()))
        .filteredOn(g -> g.objective().equals("C1.4"))
        .extracting(QafGrade::finalGrade)
        .containsExactly("A");
  }

  @Test
  void
      withoutAgreementTheContractsManagerHasAFurtherVisitThenDecidesAndReportsToTheCsgAndADStartsAPlan() {
    ProcessInstance instance = fullQafIssued();
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    complete(instance, "Task_DeskTopReview", deskReview("FULL", "C", Map.of("C1.6", "D")));
    assertThat(outboxBody("qaf:" + instance.getId() + ":grades-1"))
        .contains("C1.6 Complaints: D (you claimed C)");
    disagree(instance, "Our complaints log shows every complaint answered in time");
    complete(
        instance,
        "Task_DiscussGrades",
        Map.of("agreementReached", "NO", "discussionNotes", "No agreement"));
    Task decision = taskAt(instance, "Task_ContractsManagerDecision");
    assertThat(decision).hasCandidateGroup("contracts-managers");
    taskService.complete(decision.getId(), Map.of("furtherVisit", true));
    assertThat(instance).isWaitingAt("Task_ValidationVisit");
    Map<String, Object> visit = deskReview("FULL", "C", Map.of("C1.6", "D"));
    visit.put("visitDate", "2026-01-05");
    visit.put("visitFindings", "Complaints log incomplete");
    complete(instance, "Task_ValidationVisit", visit);
    assertThat(instance).isWaitingAt("Task_ContractsManagerDecision");

    Map<String, Object> finals = new HashMap<>();
    for (QafObjective o : QafObjective.values()) {
      finals.put(o.finalGradeField(), o == QafObjective.C1_6 ? "D" : "C");
    }
    finals.put("furtherVisit", false);
    Task again = taskAt(instance, "Task_ContractsManagerDecision");
    assertThatThrownBy(() -> taskService.complete(again.getId(), finals))
        .hasMessageContaining("concernsToCsg: is required");
    // The explanation given with the officer's D stands unless the manager rewrites it.
    finals.put("c16Explanation", "Complaints log incomplete at the visit");
    finals.put("concernsToCsg", "The provider believes its complaints log was misread");
    taskService.complete(again.getId(), finals);

    assertThat(instance).isEnded().hasPassed("Task_RecordManagerDecision", "Task_ReportToCsg");
    QafAssessment q = qafOf(instance);
    assertThat(q.agreement()).isEqualTo("CONTRACTS_MANAGER_DECIDED");
    assertThat(q.concernsToCsg()).isEqualTo("The provider believes its complaints log was misread");
    assertThat(outboxBody("qaf:" + instance.getId() + ":csg-report")).contains("misread");
    ProcessInstance plan = runningCase("qaf-improvement-plan", q.number() + "/C1.6");
    assertThat(plan).isNotNull().isWaitingAt("Task_SubmitImprovementPlan");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("qaf-improvement-plan")
                .processInstanceBusinessKeyLike(q.number() + "/%")
                .count())
        .isEqualTo(1);
  }

  @Test
  void eachTriggerOfTheTableLeadsToAVisitThroughTheProcess() {
    assertThat(
            reasonsAfterDeskReview(
                Map.of("concernsOverService", true, "concernsDetails", "Three complaints"), 0.5))
        .isEqualTo("CONCERNS_OVER_SERVICE");
    assertThat(
            reasonsAfterDeskReview(
                Map.of(
                    "procurementReview",
                    true,
                    "procurementOverrideReason",
                    "In the tender timetable agreed last week, not yet registered"),
                0.5))
        .isEqualTo("PROCUREMENT_REVIEW");
    assertThat(reasonsAfterDeskReview(Map.of(), 0.05)).isEqualTo("RANDOM_SAMPLE");
    assertThat(
            reasonsAfterDeskReview(
                Map.of("partialValidation", true, "partialValidationSections", "C1.4"), 0.5))
        .isEqualTo("OFFICER_DISCRETION");
    assertThat(reasonsAfterDeskReview(Map.of(), 0.5)).isNull();
  }

  @Test
  void aSignificantChangeSinceLastYearsAgreedQafLeadsToAVisit() {
    // Last year's QAF for the same contract, agreed at D throughout.
    ProcessInstance last = issued(request(contract, "2026-03-25", "FULL"));
    TestClock.set(LocalDateTime.of(2026, 2, 1, 9, 0));
    complete(last, "Task_CompleteQaf", qafReturn("FULL", "D"));
    complete(last, "Task_DeskTopReview", deskReview("FULL", "D", Map.of()));
    complete(last, "Task_RespondToGrades", Map.of("providerResponse", "AGREE"));
    assertThat(qafOf(last).financialYear()).isEqualTo(2025);

    ProcessInstance instance = fullQafIssued();
    assertThat(instance).variables().containsEntry("c13PreviousOfficerGrade", "D");
    returnClaiming(instance, QafObjective.C1_3, "B");
    deskReviewed(instance, Map.of("c13OfficerGrade", "B"));
    QafAssessment q = qafOf(instance);
    assertThat(q.gradeStepsChanged()).isEqualTo(2);
    assertThat(q.validationReasons()).isEqualTo("SIGNIFICANT_CHANGE");
    assertThat(instance).isWaitingAt("Task_ValidationVisit");
  }

  @Test
  void theFirstTwoQafsOfAnOfficerInAYearAreModeratedAndNotTheThird() {
    List<Boolean> moderated = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ProcessInstance instance =
          issued(request(i == 0 ? contract : newContract(), MEETING, "FULL"));
      complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
      complete(instance, "Task_DeskTopReview", deskReview("FULL", "C", Map.of()));
      complete(instance, "Task_RespondToGrades", Map.of("providerResponse", "AGREE"));
      moderated.add(runningCases("qaf-moderation", qafOf(instance).number()) == 1);
    }
    assertThat(moderated).containsExactly(true, true, false);
  }

  @Test
  void badRequestsAreRefusedAndNothingIsCreated() {
    assertRefused(
        request("NO-SUCH-CONTRACT", MEETING, "FULL"),
        "contractReference: no contract NO-SUCH-CONTRACT");
    assertRefused(
        request(contract, "2025-12-01", "FULL"),
        "meetingDate: the contract management meeting must be in" + " the future");
    assertRefused(
        request(contract, "2026-02-01", "FULL"),
        "meetingDate: the meeting on 2026-02-01 is too close");
    assertRefused(
        request(contract, MEETING, "SHORT"), "variant: must be one of FULL, LITE, LITE_ALARM");
    assertRefused(
        request(contract, null, "FULL"),
        "meetingDate: contract " + contract + " has no contract" + " management meeting scheduled");
    Map<String, Object> badOfficer = request(contract, MEETING, "FULL");
    badOfficer.put("reviewingOfficer", ALPHA_USER);
    assertRefused(badOfficer, "reviewingOfficer: " + ALPHA_USER + " is not a purchasing officer");
  }

  @Test
  void aSecondQafForTheSameMeetingIsRefused() {
    ProcessInstance first = start(officer, request(contract, MEETING, "FULL"));
    String number = qafOf(first).number();
    assertThatThrownBy(() -> start(officer, request(contract, MEETING, "LITE")))
        .isInstanceOf(QafDuplicateException.class)
        .hasMessageContaining("already has QAF " + number + " for its meeting on 2026-05-20");
  }

  @Test
  void theNextScheduledMeetingIsUsedAndTheAutomaticStartIssuesDueQafsOnce() {
    cases.scheduleMeeting(contract, java.time.LocalDate.of(2026, 3, 30));
    cases.scheduleMeeting(contract, java.time.LocalDate.of(2026, 9, 30));
    ProcessInstance byHand = start(officer, request(contract, null, "FULL"));
    assertThat(qafOf(byHand).meetingDate()).isEqualTo("2026-03-30");

    String other = newContract();
    cases.scheduleMeeting(other, java.time.LocalDate.of(2026, 4, 1));
    List<String> started = cases.startDue(java.time.LocalDate.of(2026, 1, 5));
    assertThat(started).hasSize(1);
    QafAssessment auto = qafs.findByNumber(started.get(0)).orElseThrow();
    assertThat(auto.contractReference()).isEqualTo(other);
    assertThat(auto.reviewingOfficer()).isEqualTo(officer);
    assertThat(cases.startDue(java.time.LocalDate.of(2026, 1, 5))).isEmpty();
    // Its issue date (1 Jan) has passed: the timer fires at once.
    ProcessInstance autoInstance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(auto.processInstanceId())
            .singleResult();
    fireNotTurningBack(timer(autoInstance, "Timer_IssueQaf"));
    assertThat(autoInstance).isWaitingAt("Task_CompleteQaf");
  }

  @Test
  void anotherProviderCannotSeeOrCompleteTheQafTask() {
    ProcessInstance instance = fullQafIssued();
    assertThat(tasksOffered(instance, BETA_GROUP)).isZero();
    assertThat(tasksOffered(instance, ALPHA_GROUP)).isEqualTo(1);
    assertThat(cases.find(qafOf(instance).number(), Actor.of(null, List.of(BETA_GROUP)))).isEmpty();
    assertThat(cases.find(qafOf(instance).number(), Actor.of(null, List.of(ALPHA_GROUP))))
        .isPresent();
  }

  @Test
  void theProviderCannotReadTheOfficersDeliberationsThroughItsOwnTask() {
    ProcessInstance instance = fullQafIssued();
    returnClaiming(instance, QafObjective.C1_4, "A");
    deskReviewed(
        instance,
        Map.of(
            "c14OfficerGrade",
            "A",
            "c11OfficerComments",
            "Internal: policies copied from another provider",
            "concernsOverService",
            true,
            "concernsDetails",
            "Three complaints from one family this year",
            "partialValidation",
            true,
            "partialValidationSections",
            "C1.3: fire drills suspected missed"));
    Map<String, Object> visit = officerGrades("FULL", "C", Map.of());
    visit.put("c14OfficerGrade", "B");
    visit.put("c14Explanation", "Level A evidence not seen in practice");
    visit.put("visitDate", "2026-01-05");
    visit.put("visitFindings", "Internal: manager evasive about staffing");
    supportPlanAudit(visit, "NO");
    complete(instance, "Task_ValidationVisit", visit);
    disagree(instance, "No");
    complete(
        instance,
        "Task_DiscussGrades",
        Map.of("agreementReached", "NO", "discussionNotes", "Internal: provider defensive"));
    complete(instance, "Task_ContractsManagerDecision", Map.of("furtherVisit", true));
    complete(instance, "Task_ValidationVisit", visit);
    Map<String, Object> finals = new HashMap<>();
    for (QafObjective o : QafObjective.values()) {
      finals.put(o.finalGradeField(), o == QafObjective.C1_4 ? "A" : "C");
    }
    finals.put("furtherVisit", false);
    finals.put("concernsToCsg", "Provider disputes the visit findings");
    // The case's variables are what any provider task of the case reads.
    Map<String, Object> seenByProvider = runtimeService.getVariables(instance.getId());
    assertThat(seenByProvider)
        .doesNotContainKeys(
            "c11OfficerComments",
            "concernsDetails",
            "partialValidationSections",
            "visitFindings",
            "spaSupportPlanInPlace",
            "spaMinimumStandardMet",
            "randomDraw",
            "visitReasons",
            "visitReasonsText",
            "discussionNotes",
            "c14OfficerGrade",
            "c14Explanation",
            "agreementReached",
            "officerDiscretion",
            "concernsOverService");
    complete(instance, "Task_ContractsManagerDecision", finals);
    assertThat(instance).isEnded();
    assertThat(qafOf(instance).concernsToCsg()).isEqualTo("Provider disputes the visit findings");
  }

  @Test
  void theProviderReadsOnlyItsOwnAnswersAndTheGradesLetterThroughTheResponseTask() {
    ProcessInstance instance = fullQafIssued();
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    Map<String, Object> desk = deskReview("FULL", "C", Map.of("C1.6", "D"));
    desk.put("c16OfficerComments", "Internal: complaints log looks rewritten");
    complete(instance, "Task_DeskTopReview", desk);
    Task respond = taskAt(instance, "Task_RespondToGrades");
    identityService.setAuthentication(ALPHA_USER, List.of(ALPHA_GROUP));
    Map<String, Object> seen;
    try {
      seen = taskService.getVariables(respond.getId());
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(seen)
        .containsKey("gradesSummary")
        .doesNotContainKeys(
            "c16OfficerComments",
            "concernsDetails",
            "c16OfficerGrade",
            "c16Explanation",
            "randomDraw",
            "visitReasons",
            "partialValidation");
    assertThat(seen.get("gradesSummary").toString()).contains("C1.6 Complaints: D (you claimed C)");
  }

  @Test
  void theProviderCannotSetTheOfficersGradesOrDecisionsThroughItsOwnTask() {
    ProcessInstance instance = fullQafIssued();
    Map<String, Object> sneaky = qafReturn("FULL", "C");
    sneaky.put("c13OfficerGrade", "A");
    Task completeTask = taskAt(instance, "Task_CompleteQaf");
    assertThatThrownBy(() -> taskService.complete(completeTask.getId(), sneaky))
        .hasMessageContaining("c13OfficerGrade: is not a field of this form");
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    complete(instance, "Task_DeskTopReview", deskReview("FULL", "C", Map.of("C1.3", "D")));

    Task respond = taskAt(instance, "Task_RespondToGrades");
    Map<String, Object> response =
        new HashMap<>(
            Map.of(
                "providerResponse",
                "DISAGREE",
                "disagreementReasons",
                "We disagree",
                "c13OfficerGrade",
                "A",
                "c13Explanation",
                "Agreed by phone",
                "agreementReached",
                "YES"));
    assertThatThrownBy(() -> taskService.complete(respond.getId(), response))
        .hasMessageContaining("c13OfficerGrade: is not a field of this form")
        .hasMessageContaining("agreementReached: is not a field of this form");
    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKeys("c13OfficerGrade", "agreementReached");
    disagree(instance, "We disagree");
    // Even a value left on the case some other way is never read as the officer's answer.
    runtimeService.setVariables(
        instance.getId(),
        Map.of("c13OfficerGrade", "A", "c13Explanation", "x", "agreementReached", "YES"));
    Task discuss = taskAt(instance, "Task_DiscussGrades");
    assertThatThrownBy(
            () ->
                taskService.complete(
                    discuss.getId(), Map.of("discussionNotes", "Talked it through")))
        .hasMessageContaining("agreementReached: must be one of NO, YES");
    Map<String, Object> agreed = officerGrades("FULL", "C", Map.of());
    agreed.put("agreementReached", "YES");
    agreed.put("discussionNotes", "Agreed C after all");
    taskService.complete(discuss.getId(), agreed);
    assertThat(instance).isEnded();
    assertThat(qafs.grades(qafOf(instance).id()))
        .filteredOn(g -> g.objective().equals("C1.3"))
        .extracting(QafGrade::finalGrade)
        .containsExactly("C");
  }

  @Test
  void textLongerThanItsRegisterColumnIsRefusedWithTheFieldsLimit() {
    ProcessInstance instance = fullQafIssued();
    Map<String, Object> form = qafReturn("FULL", "C");
    form.put("summarySignedBy", "x".repeat(201));
    Task completeTask = taskAt(instance, "Task_CompleteQaf");
    assertThatThrownBy(() -> taskService.complete(completeTask.getId(), form))
        .hasMessageContaining("summarySignedBy: must be at most 200 characters");
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    Map<String, Object> desk = deskReview("FULL", "C", Map.of("C1.6", "D"));
    desk.put("c16Explanation", "y".repeat(2001));
    desk.put("concernsOverService", true);
    desk.put("concernsDetails", "z".repeat(2001));
    Task deskTask = taskAt(instance, "Task_DeskTopReview");
    assertThatThrownBy(() -> taskService.complete(deskTask.getId(), desk))
        .hasMessageContaining("c16Explanation: must be at most 2000 characters")
        .hasMessageContaining("concernsDetails: must be at most 2000 characters");
    desk.put("c16Explanation", "y".repeat(2000));
    desk.put("concernsDetails", "z".repeat(2000));
    taskService.complete(deskTask.getId(), desk);
    assertThat(qafs.grades(qafOf(instance).id()))
        .filteredOn(g -> g.objective().equals("C1.6"))
        .extracting(QafGrade::explanation)
        .containsExactly("y".repeat(2000));
  }

  @Test
  void theContractsManagerMayCloseAQafNeverReturnedWhichEndsTheCase() {
    ProcessInstance instance = fullQafIssued();
    fireNotTurningBack(timer(instance, "Timer_QafReturnDue"));
    fireNotTurningBack(timer(instance, "Timer_QafNotReturned"));
    complete(
        instance,
        "Task_ContractManagementIssue",
        Map.of(
            "actionTaken",
            "Default notice considered separately",
            "nonReturnOutcome",
            "CLOSE_NOT_RETURNED"));
    assertThat(instance).isEnded().hasPassed("Task_RecordNonReturn", "EndEvent_QafNotReturned");
    assertThat(qafOf(instance).status()).isEqualTo("NOT_RETURNED");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(breachesOf(qafOf(instance)))
        .extracting(DeadlineBreach::kind)
        .containsExactly(Kind.MISSED);
  }

  @Test
  void withNothingHeldTrigger3IsPreAnsweredNoAndAYesNeedsAReason() {
    randomDraw.use(() -> 0.5);
    ProcessInstance instance = issued(request(contractOfNewProvider(), MEETING, "FULL"));
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    Task desk = taskAt(instance, "Task_DeskTopReview");
    assertThat(taskService.getVariablesLocal(desk.getId()))
        .containsEntry("concernsOverService", false);
    assertThat((String) taskService.getVariableLocal(desk.getId(), "concernsHeldText"))
        .contains(
            "0 complaint(s), 0 serious incident(s), 0 safeguarding alert(s),"
                + " 0 missed or late deadline(s)",
            "Suggested answer: no");

    Map<String, Object> yes = officerGrades("FULL", "C", Map.of());
    yes.put("concernsOverService", true);
    yes.put("concernsDetails", "Neighbours report staff shortages");
    assertThatThrownBy(() -> taskService.complete(desk.getId(), yes))
        .hasMessageContaining("concernsOverrideReason: give the reason");
    assertThat(instance).isWaitingAtExactly("Task_DeskTopReview");

    yes.put("concernsOverrideReason", "Neighbours' reports, not yet complaints");
    taskService.complete(desk.getId(), yes);
    assertThat(qafOf(instance).validationReasons()).isEqualTo("CONCERNS_OVER_SERVICE");
  }

  @Test
  void aProcurementReplacingTheContractPreAnswersTrigger4YesAndANoNeedsAReason() {
    randomDraw.use(() -> 0.5);
    String reference = contractOfNewProvider();
    String procurement = procurementReplacing(reference);
    ProcessInstance instance = issued(request(reference, MEETING, "FULL"));
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    Task desk = taskAt(instance, "Task_DeskTopReview");
    assertThat(taskService.getVariablesLocal(desk.getId()))
        .containsEntry("procurementReview", true)
        .containsEntry("concernsOverService", false);
    assertThat((String) taskService.getVariableLocal(desk.getId(), "procurementHeldText"))
        .contains("1 procurement(s) under way", procurement, "Suggested answer: yes");

    Map<String, Object> no = officerGrades("FULL", "C", Map.of());
    no.put("procurementReview", false);
    assertThatThrownBy(() -> taskService.complete(desk.getId(), no))
        .hasMessageContaining("procurementOverrideReason: give the reason");
    assertThat(instance).isWaitingAtExactly("Task_DeskTopReview");

    no.put("procurementOverrideReason", "The tender covers a different lot");
    taskService.complete(desk.getId(), no);
    assertThat(qafOf(instance).validationReasons()).isNull();
    assertThat(triggerEvidence(instance))
        .containsEntry("PROCUREMENT_OVERRIDE_REASON", "The tender covers a different lot")
        .containsEntry("CONCERNS_OVERRIDE_REASON", null);
    assertThat(triggerEvidence(instance).get("PROCUREMENT_HELD").toString()).contains(procurement);
    assertThat(triggerEvidence(instance).get("CONCERNS_HELD").toString())
        .contains("Suggested answer: no");
  }

  @Test
  void aProcurementUnderWayKeptAsPreAnsweredLeadsToAVisit() {
    randomDraw.use(() -> 0.5);
    String reference = contractOfNewProvider();
    procurementReplacing(reference);
    ProcessInstance instance = issued(request(reference, MEETING, "FULL"));
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    Map<String, Object> kept = officerGrades("FULL", "C", Map.of());
    kept.put("procurementReview", true);
    complete(instance, "Task_DeskTopReview", kept);
    assertThat(qafOf(instance).validationReasons()).isEqualTo("PROCUREMENT_REVIEW");
    assertThat(instance).isWaitingAt("Task_ValidationVisit");
    assertThat(triggerEvidence(instance)).containsEntry("PROCUREMENT_OVERRIDE_REASON", null);
  }

  @Test
  void theYearsApprovedSupplementaryQafGoesOutWithTheQafAndNeedsWrittenEvidence() {
    Map<String, Object> proposal = QafSupplementaryProcessTest.proposal(2026);
    ProcessInstance supplementary =
        runtimeService.startProcessInstanceByKey("qaf-supplementary", proposal);
    String reference =
        (String) runtimeService.getVariable(supplementary.getId(), "supplementaryReference");
    try {
      complete(
          supplementary,
          "Task_CsgDecision",
          Map.of(
              "csgDecision",
              "APPROVE",
              "csgMeetingDate",
              "2025-01-15",
              "csgMinuteReference",
              "CSG/2026/3"));
      assertThat(supplementary).isEnded().hasPassed("EndEvent_Approved");

      ProcessInstance instance = issued(request(contractOfNewProvider(), MEETING, "FULL"));
      assertThat((String) runtimeService.getVariable(instance.getId(), "supplementaryQafText"))
          .contains("Medication good practice", reference, "S1.1 Medication");

      complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
      assertThat(instance).isWaitingAt("Task_CompleteQaf");
      assertThat((String) runtimeService.getVariable(instance.getId(), "incompleteReasons"))
          .contains("Supplementary QAF: written evidence is required");

      Map<String, Object> withEvidence = qafReturn("FULL", "C");
      withEvidence.put(
          "supplementaryEvidence", "Annual competence checks by the registered manager, logged.");
      complete(instance, "Task_CompleteQaf", withEvidence);
      assertThat(instance).isWaitingAt("Task_DeskTopReview");
      assertThat(
              jdbc.sql("SELECT supplementary_evidence FROM qaf_assessment WHERE id = :id")
                  .param("id", qafOf(instance).id())
                  .query(String.class)
                  .single())
          .isEqualTo("Annual competence checks by the registered manager, logged.");
    } finally {
      // Other tests' QAFs of the year must not carry it.
      jdbc.sql("UPDATE qaf_supplementary SET status = 'NOT_APPROVED' WHERE reference = :ref")
          .param("ref", reference)
          .update();
    }
  }

  @Test
  void withNothingHeldThePreAnsweredNoStandsWithoutAReason() {
    randomDraw.use(() -> 0.5);
    ProcessInstance instance = issued(request(contractOfNewProvider(), MEETING, "FULL"));
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    // The officer leaves the pre-answer as it is.
    complete(instance, "Task_DeskTopReview", officerGrades("FULL", "C", Map.of()));
    assertThat(qafOf(instance).validationReasons()).isNull();
    assertThat(instance).isWaitingAt("Task_RespondToGrades");
  }

  @Test
  void aLatePerformanceReturnWithAKpiBelowTriggerIsAConcernOverTheService() {
    randomDraw.use(() -> 0.5);
    String reference = contractOfNewProvider();
    var held = contracts.findByReference(reference).orElseThrow();
    String caseReference = "PR-" + reference + "-2025-Q3";
    jdbc.sql(
            "INSERT INTO performance_return (case_reference, contract_id, provider_id,"
                + " reporting_year, quarter, due_date, status, late)"
                + " VALUES (:ref, :contract, :provider, 2025, 3, DATE '2026-01-30',"
                + " 'ACCEPTED', TRUE)")
        .param("ref", caseReference)
        .param("contract", held.id())
        .param("provider", held.provider().id())
        .update();
    long returnId =
        jdbc.sql("SELECT id FROM performance_return WHERE case_reference = :ref")
            .param("ref", caseReference)
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO performance_return_value (return_id, catalogue_id, kpi_code,"
                + " reported_value, below_trigger) VALUES (:id, 1, 'KPI1', 40, TRUE)")
        .param("id", returnId)
        .update();
    ProcessInstance instance = issued(request(reference, MEETING, "FULL"));
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    Task desk = taskAt(instance, "Task_DeskTopReview");
    assertThat(taskService.getVariablesLocal(desk.getId()))
        .containsEntry("concernsOverService", true);
    assertThat((String) taskService.getVariableLocal(desk.getId(), "concernsHeldText"))
        .contains(
            "0 missed or late deadline(s), 1 late performance return(s),"
                + " 1 KPI value(s) below trigger",
            "Suggested answer: yes");
  }

  @Test
  void withBreachesHeldTrigger3IsPreAnsweredYesLeadsToAVisitAndANoNeedsAReason() {
    randomDraw.use(() -> 0.5);
    ProcessInstance accepted = lateWithoutExplanation(contractOfNewProvider());
    Task desk = taskAt(accepted, "Task_DeskTopReview");
    assertThat(taskService.getVariablesLocal(desk.getId()))
        .containsEntry("concernsOverService", true);
    assertThat((String) taskService.getVariableLocal(desk.getId(), "concernsHeldText"))
        .contains("0 complaint(s)", "2 missed or late deadline(s)", "Suggested answer: yes");
    Map<String, Object> kept = officerGrades("FULL", "C", Map.of());
    kept.put("concernsDetails", "The QAF came back late without an explanation");
    taskService.complete(desk.getId(), kept);
    assertThat(qafOf(accepted).validationReasons()).isEqualTo("CONCERNS_OVER_SERVICE");

    ProcessInstance overridden = lateWithoutExplanation(contractOfNewProvider());
    Task other = taskAt(overridden, "Task_DeskTopReview");
    Map<String, Object> no = officerGrades("FULL", "C", Map.of());
    no.put("concernsOverService", false);
    assertThatThrownBy(() -> taskService.complete(other.getId(), no))
        .hasMessageContaining("concernsOverrideReason: give the reason");
    no.put("concernsOverrideReason", "The late return was the post room's, not the provider's");
    taskService.complete(other.getId(), no);
    assertThat(qafOf(overridden).validationReasons()).isNull();
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  private String reasonsAfterDeskReview(Map<String, Object> extra, double draw) {
    randomDraw.use(() -> draw);
    ProcessInstance instance = issued(request(newContract(), MEETING, "FULL"));
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    deskReviewed(instance, extra);
    QafAssessment q = qafOf(instance);
    assertThat(instance)
        .isWaitingAt(
            q.validationReasons() == null ? "Task_RespondToGrades" : "Task_ValidationVisit");
    return q.validationReasons();
  }

  /** How many of the instance's open tasks the group is a candidate for. */
  private long tasksOffered(ProcessInstance instance, String group) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskCandidateGroupIn(List.of(group))
        .count();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
        .toList();
  }

  private String newContract() {
    String reference = "QAF-X" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    contract(contracts, alpha, reference, officer);
    return reference;
  }

  /**
   * A contract of a provider of its own, so that what the system holds for it (§3.3 trigger 3) is
   * only what the test makes.
   */
  private String contractOfNewProvider() {
    long unique = SEQUENCE.incrementAndGet() * 100000L + System.nanoTime() % 100000;
    Provider own =
        contracts.createProvider(
            "Gamma Care " + unique, "qaf@gamma.example", "provider-gamma-" + unique);
    String reference = "QAF-G" + unique;
    contract(contracts, own, reference, officer);
    return reference;
  }

  /** A procurement under way that replaces the contract (§3.3 trigger 4). */
  private String procurementReplacing(String contractReference) {
    String procurement = "PROC-T-" + contractReference;
    jdbc.sql(
            "INSERT INTO procurement (reference, title, service_area, regime, estimated_value,"
                + " replaces_reference, start_reason, status)"
                + " VALUES (:ref, 'Re-tender', :area, 'LIGHT_TOUCH', 100000, :contract,"
                + " 'MANUAL', 'IN_PROGRESS')")
        .param("ref", procurement)
        .param("area", "Area of " + contractReference)
        .param("contract", contractReference)
        .update();
    return procurement;
  }

  private Map<String, Object> triggerEvidence(ProcessInstance instance) {
    Map<String, Object> row =
        jdbc.sql(
                "SELECT concerns_held, concerns_override_reason, procurement_held,"
                    + " procurement_override_reason FROM qaf_assessment WHERE id = :id")
            .param("id", qafOf(instance).id())
            .query()
            .singleRow();
    Map<String, Object> upper = new java.util.HashMap<>();
    row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
    return upper;
  }

  /** Returned a week late, the lateness not explained: a MISSED and a LATE breach held. */
  private ProcessInstance lateWithoutExplanation(String reference) {
    TestClock.set(LocalDateTime.of(2026, 1, 5, 9, 0));
    ProcessInstance instance = issued(request(reference, MEETING, "FULL"));
    fireNotTurningBack(timer(instance, "Timer_QafReturnDue"));
    TestClock.set(LocalDateTime.of(2026, 4, 14, 9, 0));
    complete(instance, "Task_CompleteQaf", qafReturn("FULL", "C"));
    complete(instance, "Task_RecordLateExplanation", Map.of("explanationGiven", "NO"));
    return instance;
  }

  /** The full QAF of the test's contract, issued for the meeting of 20 May 2026. */
  private ProcessInstance fullQafIssued() {
    return issued(request(contract, MEETING, "FULL"));
  }

  /** The provider returns the QAF graded C throughout but for its claim for the objective. */
  private void returnClaiming(ProcessInstance instance, QafObjective objective, String grade) {
    Map<String, Object> form = qafReturn("FULL", "C");
    QafTestData.claim(form, objective, grade);
    complete(instance, "Task_CompleteQaf", form);
  }

  /** The officer's desk-top review: C throughout, with what the test adds. */
  private void deskReviewed(ProcessInstance instance, Map<String, Object> extra) {
    Map<String, Object> desk = deskReview("FULL", "C", Map.of());
    desk.putAll(extra);
    complete(instance, "Task_DeskTopReview", desk);
  }

  /** A support plan audit at the visit, with the same answer to each of its questions. */
  private static void supportPlanAudit(Map<String, Object> visit, String answer) {
    visit.put("supportPlanAudit", true);
    for (String question :
        List.of(
            "spaSupportPlanInPlace",
            "spaNeedsAssessmentCompleted",
            "spaReviewedInTime",
            "spaServiceUserContributed",
            "spaGoalsFollowedUp",
            "spaMinimumStandardMet")) {
      visit.put(question, answer);
    }
  }

  private void disagree(ProcessInstance instance, String reasons) {
    complete(
        instance,
        "Task_RespondToGrades",
        Map.of("providerResponse", "DISAGREE", "disagreementReasons", reasons));
  }

  private ProcessInstance issued(Map<String, Object> request) {
    ProcessInstance instance = start(officer, request);
    Date now = ClockUtil.getCurrentTime();
    fireNotTurningBack(timer(instance, "Timer_IssueQaf"));
    TestClock.set(now.after(ClockUtil.getCurrentTime()) ? now : ClockUtil.getCurrentTime());
    assertThat(instance).isWaitingAt("Task_CompleteQaf");
    return instance;
  }

  static Map<String, Object> request(String contractReference, String meeting, String variant) {
    Map<String, Object> v = new HashMap<>();
    v.put("contractReference", contractReference);
    v.put("meetingDate", meeting);
    v.put("variant", variant);
    return v;
  }

  private void assertRefused(Map<String, Object> form, String message) {
    assertStartRefused(officer, "qaf-assessment", "qaf_assessment", form, message);
  }

  private ProcessInstance start(String user, Map<String, Object> form) {
    return startSignedIn(user, "qaf-assessment", form);
  }

  private QafAssessment qafOf(ProcessInstance instance) {
    return qafs.findByProcessInstance(instance.getId()).orElseThrow();
  }

  private List<DeadlineBreach> breachesOf(QafAssessment q) {
    return breaches.ofCase("QAF", q.number());
  }

  private void fireNotTurningBack(Job timer) {
    assertThat(timer).as("timer").isNotNull();
    Instant at = timer.getDuedate().toInstant().plusSeconds(60);
    if (at.isAfter(ClockUtil.getCurrentTime().toInstant())) {
      TestClock.set(Date.from(at));
    }
    managementService.executeJob(timer.getId());
  }
}
