package uk.gov.council.commissioning.meetingplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.meetingplans.MeetingPlan.Action;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * A meeting's follow-ups on PostgreSQL (the V24 migration and its SQL): the plan written, sent
 * back, agreed, one action overdue (its breach under the new case type), both validated and the
 * plan closed; the survey answered and summarised.
 */
@PostgresProcessTest
class MeetingPlanPostgresTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("mippg", OFFICER, MANAGER).withProviders("MIPPG Alpha", "MIPPG Beta");

  @Autowired MeetingFollowUpStarts starts;
  @Autowired MeetingImprovementPlans plans;
  @Autowired MeetingFeedbackReports feedback;

  @Test
  void aPlanWithAnOverdueActionIsClosedOnceEveryActionIsValidatedAndTheSurveyIsSummarised() {
    BpmnAwareTests.init(engine);
    TestClock.set(LocalDateTime.of(2058, 5, 6, 9, 0));
    Contract contract = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("MIPPG-"));
    long meeting = TestMeetings.meeting(jdbc, contract, LocalDate.of(2058, 5, 5));
    starts.startMeetingImprovementPlan(meeting);
    ProcessInstance instance = runningCase(MeetingPlanSteps.PROCESS_KEY, "MIP-" + meeting);

    completeAs(
        TEAM.alphaUser(),
        instance,
        "Task_WritePlan",
        Map.of("planActions", "Update the complaints policy | Quality lead | 2058-06-30"));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_AgreePlan",
        Map.of("planDecision", "REWORK", "reworkReasons", "Say who trains staff on it"));
    completeAs(
        TEAM.alphaUser(),
        instance,
        "Task_WritePlan",
        Map.of(
            "planActions",
            "Update the complaints policy | Quality lead | 2058-06-30\n"
                + "Train staff on the policy | Training officer | 2058-07-31"));
    completeAs(TEAM.user(OFFICER), instance, "Task_AgreePlan", Map.of("planDecision", "AGREE"));
    assertThat(plans.toReview(contract.reference()))
        .singleElement()
        .satisfies(p -> assertThat(p.progress().actions()).isEqualTo(2));

    fire(
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId("Timer_ActionTargetDate")
            .orderByJobDuedate()
            .asc()
            .listPage(0, 1)
            .get(0));
    assertThat(breachKinds("MEETING_PLAN", "MIP-" + meeting))
        .containsExactly(tuple("ACTION_1", DeadlineBreach.Kind.MISSED));

    requestAndValidateOneAction(instance);
    requestAndValidateOneAction(instance);

    assertThat(instance).isEnded();
    MeetingPlan closed = plans.ofMeeting(meeting).orElseThrow();
    assertThat(closed.status()).isEqualTo(MeetingPlan.CLOSED);
    assertThat(closed.actions()).extracting(Action::status).containsOnly(Action.COMPLETE);
    assertThat(closed.actions().get(0).overdue()).isTrue();
    assertThat(plans.visibleTo(Actor.engine()))
        .extracting(MeetingPlan::meetingId)
        .contains(meeting);

    starts.startMeetingFeedbackSurvey(meeting);
    Map<String, Object> answers = MeetingFeedbackProcessTest.scores("3");
    answers.put("comments", "Useful meeting");
    completeAs(TEAM.alphaUser(), taskAt("MFS-" + meeting, "Task_AnswerSurvey"), answers);
    FeedbackSummary summary = feedback.summary(Year.of(2058));
    assertThat(summary.answered()).isEqualTo(1);
    assertThat(summary.averages().get("notice")).isEqualByComparingTo("3.0");
  }

  /** One of the open actions asked for by the provider and validated by an officer. */
  private void requestAndValidateOneAction(ProcessInstance instance) {
    org.camunda.bpm.engine.task.Task request =
        taskService
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_RequestValidation")
            .listPage(0, 1)
            .get(0);
    completeAs(TEAM.alphaUser(), request, Map.of("evidence", "Done, see the attached note"));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_ValidateAction",
        Map.of("validationDecision", "ACCEPT"));
  }
}
