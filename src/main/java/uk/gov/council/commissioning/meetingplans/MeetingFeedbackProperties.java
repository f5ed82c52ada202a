package uk.gov.council.commissioning.meetingplans;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The provider's feedback on the contract management meeting process, {@code
 * commissioning.meetings.feedback} (seed 001 Part 3.1 §6: "The frequency of this review is still to
 * be determined", so it is the council's choice).
 *
 * @param everyNthMeeting a provider is surveyed after its first meeting and then after every n-th
 *     (1: after each meeting)
 * @param lapseWorkingDays a survey not answered within this many working days lapses
 */
@Validated
@ConfigurationProperties("commissioning.meetings.feedback")
public record MeetingFeedbackProperties(
    @Positive(message = "commissioning.meetings.feedback.every-nth-meeting must be at least 1")
        @DefaultValue("1")
        int everyNthMeeting,
    @Positive(message = "commissioning.meetings.feedback.lapse-working-days must be at least 1")
        @DefaultValue("10")
        int lapseWorkingDays) {

  /** Whether the provider's {@code meetingNumber}-th meeting (from 1) is surveyed. */
  public boolean surveys(int meetingNumber) {
    return (meetingNumber - 1) % everyNthMeeting == 0;
  }
}
