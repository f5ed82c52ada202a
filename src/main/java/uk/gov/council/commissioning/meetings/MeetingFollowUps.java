package uk.gov.council.commissioning.meetings;

/**
 * What follows a contract management meeting's minutes in other capabilities (seed 001 Part 3.1 §5,
 * the improvement plan; §6, the provider's feedback on the process). The meeting's case calls both
 * from {@code Task_StartFollowUps}; a capability that runs them provides a bean of this type, which
 * replaces the default that does nothing.
 */
public interface MeetingFollowUps {

  /** §5: the actions agreed at the meeting become the provider's improvement plan. */
  void startImprovementPlan(long meetingId);

  /** §6: the provider is asked for its feedback on the meeting. */
  void startFeedbackSurvey(long meetingId);
}
