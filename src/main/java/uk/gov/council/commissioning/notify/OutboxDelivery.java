package uk.gov.council.commissioning.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the outbox keeps trying a message the mail server refuses, and how long shutdown waits
 * for messages being sent.
 *
 * @param slowRetryEvery after the quick retries (1, 2, 4 and 8 minutes), how often a refused
 *     message is tried again: an outage of the council's mail relay can last hours
 * @param giveUpAfter from when a message was queued, when to stop trying and mark it FAILED for an
 *     administrator to send again
 * @param shutdownGrace how long shutdown waits for batches being sent to be recorded; keep it below
 *     the platform's own stop timeout and Spring's {@code
 *     spring.lifecycle.timeout-per-shutdown-phase}
 * @param claimTimeout how long a batch claimed for sending may go unconfirmed before it is returned
 *     to the queue: the time a node that died while sending holds its messages back. It must
 *     outlast the sending of a whole batch (a slow relay's timeouts included), or a living node's
 *     batch is sent twice
 */
@Validated
@ConfigurationProperties("commissioning.mail.delivery")
public record OutboxDelivery(
    @DefaultValue("PT1H") Duration slowRetryEvery,
    @DefaultValue("P3D") Duration giveUpAfter,
    @DefaultValue("PT20S") Duration shutdownGrace,
    @DefaultValue("PT10M") Duration claimTimeout) {

  static final OutboxDelivery DEFAULTS =
      new OutboxDelivery(
          Duration.ofHours(1), Duration.ofDays(3), Duration.ofSeconds(20), Duration.ofMinutes(10));

  public OutboxDelivery {
    requirePositive("slow-retry-every", slowRetryEvery);
    requirePositive("give-up-after", giveUpAfter);
    requirePositive("shutdown-grace", shutdownGrace);
    requirePositive("claim-timeout", claimTimeout);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          "commissioning.mail.delivery." + name + " must be a positive duration");
    }
  }
}
