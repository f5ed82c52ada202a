package uk.gov.council.commissioning.meetingplans;

import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * What follows a contract management meeting (seed 001 Part 3.1 §5-§6): the provider's improvement
 * plan and its survey on the process. The meeting process calls these when a meeting is over;
 * officers can start them from the API too. Each is once per meeting: asked again, it starts
 * nothing and says so.
 */
@Service
@RequiredArgsConstructor
public class MeetingFollowUpStarts {

  /** The case of a meeting's follow-up, and whether this call started it. */
  public record Started(String businessKey, boolean created) {}

  private final CaseStarts caseStarts;
  private final MeetingPlanRegister plans;
  private final MeetingFeedbackRegister surveys;

  /** §5: the provider writes the improvement plan from the meeting's actions. */
  @Transactional
  public Started startMeetingImprovementPlan(long meetingId) {
    requireMeeting(meetingId);
    String key = MeetingPlanSteps.businessKey(meetingId);
    if (plans.planOfMeeting(meetingId).isPresent()
        || caseStarts.isOpen(MeetingPlanSteps.PROCESS_KEY, key)) {
      return new Started(key, false);
    }
    caseStarts.startAsSystem(
        MeetingPlanSteps.PROCESS_KEY, key, Map.of(MeetingPlanSteps.MEETING_ID, meetingId));
    return new Started(key, true);
  }

  /** §6: the provider's survey on the meeting process, when the frequency says so. */
  @Transactional
  public Started startMeetingFeedbackSurvey(long meetingId) {
    requireMeeting(meetingId);
    String key = MeetingFeedbackSteps.businessKey(meetingId);
    if (surveys.ofMeeting(meetingId).isPresent()
        || caseStarts.isOpen(MeetingFeedbackSteps.PROCESS_KEY, key)) {
      return new Started(key, false);
    }
    caseStarts.startAsSystem(
        MeetingFeedbackSteps.PROCESS_KEY, key, Map.of(MeetingPlanSteps.MEETING_ID, meetingId));
    return new Started(key, true);
  }

  private void requireMeeting(long meetingId) {
    if (plans.meeting(meetingId).isEmpty()) {
      throw new InvalidRequestException(
          "meetingId", meetingId + " is not a contract management meeting");
    }
  }
}
