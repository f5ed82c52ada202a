package uk.gov.council.commissioning.meetingplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.meetingplans.MeetingPlan.Action;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * meeting-improvement-plan (seed 001 Part 3.1 §5): the provider writes the plan from the meeting's
 * actions, the council agrees it or sends it back with reasons, the provider asks at any time for
 * an action to be validated complete, an action past its target date is escalated, and the plan
 * closes when every action is complete.
 */
@ProcessTest
class MeetingImprovementPlanProcessTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("mip", OFFICER, MANAGER).withProviders("MIP Alpha Care", "MIP Beta Support");

  @Autowired MeetingFollowUpStarts starts;
  @Autowired MeetingImprovementPlans plans;

  Contract contract;
  long meetingId;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    contract = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("MIP-"));
    meetingId = TestMeetings.meeting(jdbc, contract, LocalDate.of(2031, 3, 3));
    TestClock.set(LocalDateTime.of(2031, 3, 4, 9, 0));
  }

  @Test
  void sentBackWithReasonsThenAgreedAndEveryActionValidatedTheNextDayClosesThePlan() {
    ProcessInstance instance = start();
    assertThat(instance).hasBusinessKey("MIP-" + meetingId).isWaitingAt("Task_WritePlan");
    assertThat(taskAt(instance, "Task_WritePlan"))
        .hasCandidateGroup(TEAM.alpha().organisationGroup());
    assertThat(outbox("meeting-improvement-plan:" + instance.getId() + ":plan-needed"))
        .contains(TEAM.alphaUser());

    // §3.5: every action has an owner and a target date; refused naming the field and the line.
    assertRefusedAs(
        TEAM.alphaUser(),
        taskAt(instance, "Task_WritePlan"),
        Map.of(
            "planActions",
            "Train staff |  | 2031-06-30\nReview rotas | Manager |\nAudit | Manager | 2031-01-01"),
        "planActions: line 1 has no action owner",
        "planActions: line 2 has no target date",
        "planActions: line 3 has the target date 2031-01-01, which is in the past");
    assertRefusedAs(
        TEAM.alphaUser(),
        taskAt(instance, "Task_WritePlan"),
        Map.of("planActions", "  "),
        "planActions:");
    assertThat(plans.ofMeeting(meetingId).orElseThrow().actions()).isEmpty();

    completeAs(
        TEAM.alphaUser(),
        taskAt(instance, "Task_WritePlan"),
        Map.of("planActions", "Train staff in medication | Registered manager | 2031-06-30"));
    assertThat(instance).isWaitingAt("Task_AgreePlan");
    Task agree = taskAt(instance, "Task_AgreePlan");
    assertThat(agree).hasCandidateGroup(Roles.COMMISSIONING_OFFICERS);
    assertThat((String) taskService.getVariablesLocal(agree.getId()).get("actionsText"))
        .contains("Train staff in medication");
    assertRefusedAs(TEAM.user(OFFICER), agree, Map.of("planDecision", "REWORK"), "reworkReasons:");

    completeAs(
        TEAM.user(OFFICER),
        agree,
        Map.of("planDecision", "REWORK", "reworkReasons", "Add an action on staffing levels"));

    assertThat(instance).hasPassed("Task_SendRework").isWaitingAt("Task_WritePlan");
    assertThat(outboxBody("meeting-improvement-plan:" + instance.getId() + ":rework-1"))
        .contains("Add an action on staffing levels");
    Task again = taskAt(instance, "Task_WritePlan");
    assertThat(taskService.getVariablesLocal(again.getId()))
        .containsEntry("reworkReasonsText", "Add an action on staffing levels")
        .containsEntry(
            "planActions", "Train staff in medication | Registered manager | 2031-06-30");
    assertThat(plans.ofMeeting(meetingId).orElseThrow().status()).isEqualTo(MeetingPlan.DRAFTING);

    completeAs(
        TEAM.alphaUser(),
        again,
        Map.of(
            "planActions",
            "Train staff in medication | Registered manager | 2031-06-30\n"
                + "Recruit two night staff | Operations director | 2031-07-31"));
    completeAs(TEAM.user(OFFICER), instance, "Task_AgreePlan", Map.of("planDecision", "AGREE"));

    assertThat(instance).hasPassed("Task_SendAgreed");
    assertThat(actionTasks(instance, "Task_RequestValidation")).hasSize(2);
    MeetingPlan agreed = plans.ofMeeting(meetingId).orElseThrow();
    assertThat(agreed.status()).isEqualTo(MeetingPlan.AGREED);
    assertThat(agreed.round()).isEqualTo(2);
    assertThat(agreed.actions())
        .extracting(Action::number, Action::owner, Action::targetDate, Action::status)
        .containsExactly(
            tuple(1, "Registered manager", LocalDate.of(2031, 6, 30), Action.OPEN),
            tuple(2, "Operations director", LocalDate.of(2031, 7, 31), Action.OPEN));
    assertThat(deadlineStates("MEETING_PLAN", "MIP-" + meetingId))
        .contains(
            tuple("PLAN", Deadline.State.MET),
            tuple("ACTION_1", Deadline.State.OPEN),
            tuple("ACTION_2", Deadline.State.OPEN));

    // §5: no need to wait for the next meeting: asked and validated in April.
    TestClock.set(LocalDateTime.of(2031, 4, 7, 10, 0));
    Task request1 = actionTask(instance, "Task_RequestValidation", 1);
    assertRefusedAs(TEAM.alphaUser(), request1, Map.of(), "evidence:");
    completeAs(TEAM.alphaUser(), request1, Map.of("evidence", "Training records for all 14 staff"));
    assertThat(plans.ofMeeting(meetingId).orElseThrow().actions().get(0).status())
        .isEqualTo(Action.VALIDATION_REQUESTED);
    Task validate1 = actionTask(instance, "Task_ValidateAction", 1);
    assertThat(validate1).hasCandidateGroup(Roles.COMMISSIONING_OFFICERS);
    assertThat(taskService.getVariablesLocal(validate1.getId()))
        .containsEntry("evidenceText", "Training records for all 14 staff");
    completeAs(TEAM.user(OFFICER), validate1, Map.of("validationDecision", "ACCEPT"));

    // Rejected with reasons: the provider is told and may ask again.
    completeAs(
        TEAM.alphaUser(),
        actionTask(instance, "Task_RequestValidation", 2),
        Map.of("evidence", "Adverts placed"));
    Task validate2 = actionTask(instance, "Task_ValidateAction", 2);
    assertRefusedAs(
        TEAM.user(OFFICER), validate2, Map.of("validationDecision", "REJECT"), "rejectionReasons:");
    completeAs(
        TEAM.user(OFFICER),
        validate2,
        Map.of("validationDecision", "REJECT", "rejectionReasons", "No one appointed yet"));
    assertThat(outboxBody("meeting-improvement-plan:" + instance.getId() + ":action-rejected-2001"))
        .contains("No one appointed yet");
    Task request2 = actionTask(instance, "Task_RequestValidation", 2);
    assertThat(taskService.getVariablesLocal(request2.getId()))
        .containsEntry("rejectionReasonsText", "No one appointed yet")
        .containsEntry("evidence", null);
    MeetingPlan midway = plans.ofMeeting(meetingId).orElseThrow();
    assertThat(midway.progress().complete()).isEqualTo(1);
    assertThat(midway.progressText()).isEqualTo("1 of 2 complete (50.0%)");
    assertThat(plans.toReview(contract.reference()))
        .extracting(MeetingPlan::meetingId)
        .containsExactly(meetingId);

    completeAs(TEAM.alphaUser(), request2, Map.of("evidence", "Two night staff started on 1 May"));
    completeAs(
        TEAM.user(OFFICER),
        actionTask(instance, "Task_ValidateAction", 2),
        Map.of("validationDecision", "ACCEPT"));

    assertThat(instance).isEnded().hasPassed("Task_ClosePlan", "Task_SendClosed");
    MeetingPlan closed = plans.ofMeeting(meetingId).orElseThrow();
    assertThat(closed.status()).isEqualTo(MeetingPlan.CLOSED);
    assertThat(closed.actions()).allMatch(Action::complete);
    assertThat(closed.actions().get(0).validatedBy()).isEqualTo(TEAM.user(OFFICER));
    assertThat(plans.toReview(contract.reference())).isEmpty();
    assertThat(outbox("meeting-improvement-plan:" + instance.getId() + ":closed"))
        .contains(TEAM.user(MANAGER));
    assertThat(breachKinds("MEETING_PLAN", "MIP-" + meetingId)).isEmpty();
  }

  @Test
  void anActionPastItsTargetDateIsEscalatedOnceAndTheChaseEndsWhenItIsValidated() {
    ProcessInstance instance = agreedPlan("Fix the fire door | Maintenance lead | 2031-04-10");
    Job timer = timer(instance, "Timer_ActionTargetDate");
    assertThat(timer.getDuedate())
        .isEqualTo(java.util.Date.from(deadlines.endOf(LocalDate.of(2031, 4, 10))));

    fire(timer);

    Task chase = taskAt(instance, "Task_ChaseOverdueAction");
    assertThat(chase).hasCandidateGroup(Roles.CONTRACTS_MANAGERS);
    assertThat((String) taskService.getVariable(chase.getId(), "escalationMessage"))
        .contains("Fix the fire door")
        .contains("2031-04-10");
    assertThat(outbox("meeting-improvement-plan:" + instance.getId() + ":action-overdue-1"))
        .contains(TEAM.user(MANAGER))
        .contains(TEAM.alphaUser());
    assertThat(breachKinds("MEETING_PLAN", "MIP-" + meetingId))
        .containsExactly(tuple("ACTION_1", DeadlineBreach.Kind.MISSED));
    assertThat(plans.ofMeeting(meetingId).orElseThrow().progress().overdue()).isEqualTo(1);
    assertRefusedAs(TEAM.user(MANAGER), chase, Map.of(), "chaseNote:");

    // The provider can still ask; once validated the chase closes by itself with the plan.
    completeAs(
        TEAM.alphaUser(),
        taskAt(instance, "Task_RequestValidation"),
        Map.of("evidence", "New door fitted and signed off"));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_ValidateAction",
        Map.of("validationDecision", "ACCEPT"));

    assertThat(instance).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(deadlineStates("MEETING_PLAN", "MIP-" + meetingId))
        .contains(tuple("ACTION_1", Deadline.State.MET));
    assertThat(breachKinds("MEETING_PLAN", "MIP-" + meetingId)).hasSize(1);
  }

  @Test
  void aPlanNotWrittenInTimeIsReportedAndTheTaskStaysOpen() {
    ProcessInstance instance = start();

    fire(timer(instance, "Timer_PlanDue"));

    assertThat(instance).hasPassed("Task_PlanOverdue").isWaitingAt("Task_WritePlan");
    assertThat(outbox("meeting-improvement-plan:" + instance.getId() + ":plan-overdue-1"))
        .contains(TEAM.alphaUser())
        .contains(TEAM.user(OFFICER));
    assertThat(deadlineStates("MEETING_PLAN", "MIP-" + meetingId))
        .containsExactly(tuple("PLAN", Deadline.State.MISSED));
    assertThat(breachKinds("MEETING_PLAN", "MIP-" + meetingId)).isEmpty();
  }

  @Test
  void aMeetingHasOnePlanAndAnUnknownMeetingIsRefusedByName() {
    assertThat(starts.startMeetingImprovementPlan(meetingId).created()).isTrue();
    assertThat(starts.startMeetingImprovementPlan(meetingId).created()).isFalse();
    assertThat(runningCases(MeetingPlanSteps.PROCESS_KEY, "MIP-" + meetingId)).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> starts.startMeetingImprovementPlan(Long.MAX_VALUE))
        .hasMessageContaining("meetingId");
  }

  private ProcessInstance start() {
    starts.startMeetingImprovementPlan(meetingId);
    return runningCase(MeetingPlanSteps.PROCESS_KEY, "MIP-" + meetingId);
  }

  private ProcessInstance agreedPlan(String actions) {
    ProcessInstance instance = start();
    completeAs(TEAM.alphaUser(), instance, "Task_WritePlan", Map.of("planActions", actions));
    completeAs(TEAM.user(OFFICER), instance, "Task_AgreePlan", Map.of("planDecision", "AGREE"));
    return instance;
  }

  private List<Task> actionTasks(ProcessInstance instance, String activityId) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(activityId)
        .list();
  }

  private Task actionTask(ProcessInstance instance, String activityId, int action) {
    return actionTasks(instance, activityId).stream()
        .filter(
            t -> ((Number) taskService.getVariable(t.getId(), "actionNumber")).intValue() == action)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + activityId + " for action " + action));
  }
}
