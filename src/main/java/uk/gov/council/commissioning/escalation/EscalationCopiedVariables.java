package uk.gov.council.commissioning.escalation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.council.commissioning.cases.CopiedVariables;

/**
 * The message an escalation task shows is the body of the email the escalation sent, which the
 * outbox keeps: its changes need no history rows of their own (see {@link CopiedVariables}).
 */
@Configuration(proxyBeanMethods = false)
class EscalationCopiedVariables {

  @Bean
  CopiedVariables escalationMessageCopy() {
    return CopiedVariables.everywhere(Escalations.ESCALATION_MESSAGE);
  }
}
