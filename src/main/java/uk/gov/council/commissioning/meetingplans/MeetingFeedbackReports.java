package uk.gov.council.commissioning.meetingplans;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;

/**
 * The providers' feedback on the meeting process (seed 001 Part 3.1 §6), "summarised, quantified
 * and reported to the CSG" per calendar year of the meetings.
 */
@Service
@RequiredArgsConstructor
public class MeetingFeedbackReports {

  private final MeetingFeedbackRegister register;

  /** The year's surveys of every provider, summarised: for council staff only. */
  @Transactional(readOnly = true)
  public FeedbackSummary summary(Year year) {
    return FeedbackSummary.of(year.getValue(), register.inYear(year));
  }

  /** The year's surveys {@code user} may see: a provider's user only its own organisations'. */
  @Transactional(readOnly = true)
  public List<MeetingFeedback> visibleTo(Year year, Actor user) {
    return ProviderScope.visible(
        user, groups -> register.inYear(year, groups), () -> register.inYear(year));
  }

  @Transactional(readOnly = true)
  public Optional<MeetingFeedback> ofMeeting(long meetingId) {
    return register.ofMeeting(meetingId);
  }
}
