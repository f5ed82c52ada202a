package uk.gov.council.commissioning.meetingplans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The year's survey answers "summarised, quantified and reported to the CSG" (seed 001 Part 3.1
 * §6): how many meetings were surveyed and answered, and the average score of each question.
 *
 * @param year the calendar year of the meetings
 * @param responseRatePercent answered as a percentage of surveys sent (answered, lapsed or still
 *     open), to one decimal place; null when none was sent
 * @param averages each question's average score, to one decimal place; null when none answered
 * @param comments the providers' comments, with the meeting they are about
 */
public record FeedbackSummary(
    int year,
    int meetings,
    int surveyed,
    int answered,
    int lapsed,
    int open,
    int skipped,
    BigDecimal responseRatePercent,
    Map<String, BigDecimal> averages,
    List<String> comments) {

  /** The questions, by the name of their score, with what the survey asks. */
  public static final Map<String, String> QUESTIONS = questions();

  private static Map<String, String> questions() {
    Map<String, String> questions = new LinkedHashMap<>();
    questions.put("notice", "Notice of the meeting and the agenda in good time");
    questions.put(
        "preparation", "The areas of concern and the information given before the meeting");
    questions.put("conduct", "The meeting as a fair review of performance against the contract");
    questions.put("actions", "Clear actions, each with an owner and a target date");
    questions.put("overall", "The contract management meeting process overall");
    return java.util.Collections.unmodifiableMap(questions);
  }

  static FeedbackSummary of(int year, List<MeetingFeedback> surveys) {
    int skipped = count(surveys, MeetingFeedback.SKIPPED);
    int answered = count(surveys, MeetingFeedback.ANSWERED);
    int lapsed = count(surveys, MeetingFeedback.LAPSED);
    int open = count(surveys, MeetingFeedback.SENT);
    int surveyed = answered + lapsed + open;
    List<MeetingFeedback> answers =
        surveys.stream().filter(s -> MeetingFeedback.ANSWERED.equals(s.status())).toList();
    Map<String, BigDecimal> averages = new LinkedHashMap<>();
    averages.put("notice", average(answers, MeetingFeedback::noticeScore));
    averages.put("preparation", average(answers, MeetingFeedback::preparationScore));
    averages.put("conduct", average(answers, MeetingFeedback::conductScore));
    averages.put("actions", average(answers, MeetingFeedback::actionsScore));
    averages.put("overall", average(answers, MeetingFeedback::overallScore));
    List<String> comments = new ArrayList<>();
    for (MeetingFeedback s : answers) {
      if (s.comments() != null && !s.comments().isBlank()) {
        comments.add(s.providerName() + ", meeting of " + s.meetingDate() + ": " + s.comments());
      }
    }
    return new FeedbackSummary(
        year,
        surveys.size(),
        surveyed,
        answered,
        lapsed,
        open,
        skipped,
        percent(answered, surveyed),
        averages,
        comments);
  }

  private static int count(List<MeetingFeedback> surveys, String status) {
    return (int) surveys.stream().filter(s -> status.equals(s.status())).count();
  }

  static BigDecimal percent(int part, int whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  private static BigDecimal average(
      List<MeetingFeedback> answers, Function<MeetingFeedback, Integer> score) {
    List<Integer> scores = answers.stream().map(score).filter(s -> s != null).toList();
    if (scores.isEmpty()) {
      return null;
    }
    int sum = scores.stream().mapToInt(Integer::intValue).sum();
    return BigDecimal.valueOf(sum)
        .divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP);
  }
}
