package uk.gov.council.commissioning.meetings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until a capability runs the follow-ups of a meeting, its case starts none. */
@Configuration(proxyBeanMethods = false)
class MeetingFollowUpsDefault {

  @Bean
  @ConditionalOnMissingBean(MeetingFollowUps.class)
  MeetingFollowUps noMeetingFollowUps() {
    return new MeetingFollowUps() {
      @Override
      public void startImprovementPlan(long meetingId) {}

      @Override
      public void startFeedbackSurvey(long meetingId) {}
    };
  }
}
