package uk.gov.council.commissioning.meetingplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.ChangedSettingsTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * meeting-feedback with commissioning.meetings.feedback.every-nth-meeting=2: a provider is surveyed
 * after its first meeting, not after its second, and again after its third.
 */
@ChangedSettingsTest
class MeetingFeedbackFrequencyTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("mff").withProviders("MFF Alpha Care", "MFF Beta Support");

  @Autowired MeetingFollowUpStarts starts;
  @Autowired MeetingFeedbackReports reports;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void everySecondMeetingOfTheProviderIsSurveyedStartingWithItsFirst() {
    Contract contract = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("MFF-"));
    TestClock.set(LocalDateTime.of(2055, 12, 1, 9, 0));
    long first = TestMeetings.meeting(jdbc, contract, LocalDate.of(2055, 3, 1));
    long second = TestMeetings.meeting(jdbc, contract, LocalDate.of(2055, 6, 1));
    long third = TestMeetings.meeting(jdbc, contract, LocalDate.of(2055, 9, 1));

    starts.startMeetingFeedbackSurvey(first);
    starts.startMeetingFeedbackSurvey(second);
    starts.startMeetingFeedbackSurvey(third);

    assertThat(taskAt("MFS-" + first, "Task_AnswerSurvey")).isNotNull();
    assertThat(runningCases(MeetingFeedbackSteps.PROCESS_KEY, "MFS-" + second)).isZero();
    assertThat(passed("MFS-" + second))
        .contains("EndEvent_Skipped")
        .doesNotContain("Task_SendSurvey");
    assertThat(taskAt("MFS-" + third, "Task_AnswerSurvey")).isNotNull();
    assertThat(reports.ofMeeting(second).orElseThrow().status()).isEqualTo(MeetingFeedback.SKIPPED);
    assertThat(reports.ofMeeting(third).orElseThrow().meetingNumber()).isEqualTo(3);
    assertThat(reports.summary(java.time.Year.of(2055)).skipped()).isEqualTo(1);
    assertThat(reports.summary(java.time.Year.of(2055)).surveyed()).isEqualTo(2);
  }

  private java.util.List<String> passed(String businessKey) {
    String id =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .singleResult()
            .getId();
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(id)
        .list()
        .stream()
        .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId)
        .toList();
  }
}
