package uk.gov.council.commissioning.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention how long an Idempotency-Key and the answer stored for it are kept: a repeat
 *     within it gets the stored answer, one after it is a new request
 * @param cleanupInterval how often expired keys and their answers are deleted
 */
@Validated
@ConfigurationProperties("commissioning.idempotency")
public record IdempotencyProperties(
    @DefaultValue("PT24H") Duration retention, @DefaultValue("PT15M") Duration cleanupInterval) {

  public IdempotencyProperties {
    requirePositive("retention", retention);
    requirePositive("cleanup-interval", cleanupInterval);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          "commissioning.idempotency." + name + " must be a positive duration");
    }
  }
}
