package uk.gov.council.commissioning.meetingplans;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.meetings.MeetingActions;
import uk.gov.council.commissioning.meetings.MeetingFollowUps;

/**
 * Joins this capability to the meeting's case: when the minutes are recorded the case starts the
 * improvement plan and the survey here, and the plan opens with the actions the minutes list.
 * Primary so that the meetings capability's do-nothing default never wins.
 */
@Component
@Primary
@RequiredArgsConstructor
class MeetingCaseFollowUps implements MeetingFollowUps, AgreedActions {

  private final MeetingFollowUpStarts starts;
  private final MeetingActions meetingActions;

  @Override
  public void startImprovementPlan(long meetingId) {
    starts.startMeetingImprovementPlan(meetingId);
  }

  @Override
  public void startFeedbackSurvey(long meetingId) {
    starts.startMeetingFeedbackSurvey(meetingId);
  }

  @Override
  public List<AgreedAction> of(long meetingId) {
    return meetingActions.of(meetingId).stream()
        .map(a -> new AgreedAction(a.owner(), a.description(), a.targetDate()))
        .toList();
  }
}
