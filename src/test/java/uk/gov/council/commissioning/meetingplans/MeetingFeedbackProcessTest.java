package uk.gov.council.commissioning.meetingplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * meeting-feedback (seed 001 Part 3.1 §6) with the default frequency, a survey after every meeting:
 * answered, or lapsed when not answered in time; each test's meetings are in a year of their own so
 * the year's summary counts only them.
 */
@ProcessTest
class MeetingFeedbackProcessTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("mfs").withProviders("MFS Alpha Care", "MFS Beta Support");

  @Autowired MeetingFollowUpStarts starts;
  @Autowired MeetingFeedbackReports reports;

  Contract contract;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    contract = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("MFS-"));
  }

  @Test
  void theProviderAnswersTheSurveyAndTheYearsSummaryQuantifiesIt() {
    long meeting = TestMeetings.meeting(jdbc, contract, LocalDate.of(2052, 5, 12));
    TestClock.set(LocalDateTime.of(2052, 5, 13, 9, 0));
    ProcessInstance instance = start(meeting);

    assertThat(instance).hasPassed("Task_SendSurvey").isWaitingAt("Task_AnswerSurvey");
    assertThat(taskAt(instance, "Task_AnswerSurvey"))
        .hasCandidateGroup(TEAM.alpha().organisationGroup());
    assertThat(outbox("meeting-feedback:" + instance.getId() + ":survey"))
        .contains(TEAM.alphaUser());

    Map<String, Object> answers = scores("4");
    answers.remove("overallScore");
    answers.put("noticeScore", "9");
    assertRefusedAs(
        TEAM.alphaUser(),
        taskAt(instance, "Task_AnswerSurvey"),
        answers,
        "noticeScore:",
        "overallScore:");
    answers = scores("4");
    answers.put("conductScore", "2");
    answers.put("comments", "The agenda came late");
    completeAs(TEAM.alphaUser(), taskAt(instance, "Task_AnswerSurvey"), answers);

    assertThat(instance).isEnded().hasPassed("Task_RecordAnswers");
    MeetingFeedback recorded = reports.ofMeeting(meeting).orElseThrow();
    assertThat(recorded.status()).isEqualTo(MeetingFeedback.ANSWERED);
    assertThat(recorded.conductScore()).isEqualTo(2);
    assertThat(deadlineStates("MEETING_FEEDBACK", "MFS-" + meeting))
        .containsExactly(tuple("SURVEY", Deadline.State.MET));

    FeedbackSummary summary = reports.summary(Year.of(2052));
    assertThat(summary.answered()).isEqualTo(1);
    assertThat(summary.responseRatePercent()).isEqualByComparingTo("100.0");
    assertThat(summary.averages().get("conduct")).isEqualByComparingTo("2.0");
    assertThat(summary.averages().get("overall")).isEqualByComparingTo("4.0");
    assertThat(summary.comments()).anyMatch(c -> c.contains("The agenda came late"));
  }

  @Test
  void aSurveyNotAnsweredInTimeLapsesWithoutABreach() {
    long meeting = TestMeetings.meeting(jdbc, contract, LocalDate.of(2053, 2, 10));
    TestClock.set(LocalDateTime.of(2053, 2, 11, 9, 0));
    ProcessInstance instance = start(meeting);

    fire(timer(instance, "Timer_SurveyLapses"));

    assertThat(instance).isEnded().hasPassed("Task_RecordLapsed");
    assertThat(reports.ofMeeting(meeting).orElseThrow().status()).isEqualTo(MeetingFeedback.LAPSED);
    assertThat(deadlineStates("MEETING_FEEDBACK", "MFS-" + meeting))
        .containsExactly(tuple("SURVEY", Deadline.State.MISSED));
    assertThat(breachKinds("MEETING_FEEDBACK", "MFS-" + meeting)).isEmpty();
    FeedbackSummary summary = reports.summary(Year.of(2053));
    assertThat(summary.lapsed()).isEqualTo(1);
    assertThat(summary.responseRatePercent()).isEqualByComparingTo("0.0");
    assertThat(summary.averages().get("overall")).isNull();
  }

  @Test
  void aMeetingIsSurveyedOnce() {
    long meeting = TestMeetings.meeting(jdbc, contract, LocalDate.of(2054, 2, 10));
    TestClock.set(LocalDateTime.of(2054, 2, 11, 9, 0));
    assertThat(starts.startMeetingFeedbackSurvey(meeting).created()).isTrue();
    assertThat(starts.startMeetingFeedbackSurvey(meeting).created()).isFalse();
    assertThat(runningCases(MeetingFeedbackSteps.PROCESS_KEY, "MFS-" + meeting)).isEqualTo(1);
  }

  private ProcessInstance start(long meeting) {
    starts.startMeetingFeedbackSurvey(meeting);
    return runningCase(MeetingFeedbackSteps.PROCESS_KEY, "MFS-" + meeting);
  }

  static Map<String, Object> scores(String score) {
    Map<String, Object> answers = new HashMap<>();
    for (String question : FeedbackSummary.QUESTIONS.keySet()) {
      answers.put(question + "Score", score);
    }
    return answers;
  }
}
