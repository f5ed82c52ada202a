package uk.gov.council.commissioning.meetingplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §6: the year's answers "summarised, quantified": counts, response rate, average per question. */
class FeedbackSummaryTest {

  @Test
  void answeredLapsedOpenAndSkippedAreCountedAndEachQuestionAveraged() {
    FeedbackSummary summary =
        FeedbackSummary.of(
            2030,
            List.of(
                survey(MeetingFeedback.ANSWERED, 5, "Clear actions"),
                survey(MeetingFeedback.ANSWERED, 2, null),
                survey(MeetingFeedback.ANSWERED, 4, " "),
                survey(MeetingFeedback.LAPSED, null, null),
                survey(MeetingFeedback.SENT, null, null),
                survey(MeetingFeedback.SKIPPED, null, null)));

    assertThat(summary.meetings()).isEqualTo(6);
    assertThat(summary.surveyed()).isEqualTo(5);
    assertThat(summary.answered()).isEqualTo(3);
    assertThat(summary.lapsed()).isEqualTo(1);
    assertThat(summary.open()).isEqualTo(1);
    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(summary.responseRatePercent()).isEqualByComparingTo("60.0");
    assertThat(summary.averages().get("overall")).isEqualByComparingTo("3.7");
    assertThat(summary.averages().get("notice")).isEqualByComparingTo("3.0");
    assertThat(summary.comments())
        .containsExactly("Provider, meeting of 2030-05-01: Clear actions");
  }

  @Test
  void aYearWithNoSurveyHasNoRateAndNoAverages() {
    FeedbackSummary summary = FeedbackSummary.of(2030, List.of());
    assertThat(summary.responseRatePercent()).isNull();
    assertThat(summary.averages().values()).containsOnlyNulls();
  }

  @Test
  void theFirstMeetingAndThenEveryNthIsSurveyed() {
    MeetingFeedbackProperties everyThird = new MeetingFeedbackProperties(3, 10);
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().filter(everyThird::surveys))
        .containsExactly(1, 4, 7);
    assertThat(new MeetingFeedbackProperties(1, 10).surveys(2)).isTrue();
  }

  private static MeetingFeedback survey(String status, Integer overall, String comments) {
    Integer notice = overall == null ? null : 3;
    return new MeetingFeedback(
        1,
        "MFS-1",
        LocalDate.of(2030, 5, 1),
        "C-1",
        "Provider",
        "provider-x",
        1,
        status,
        null,
        notice,
        notice,
        notice,
        notice,
        overall,
        comments);
  }
}
