package uk.gov.council.commissioning.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retryAfter what a 503 answered while the database cannot be reached tells the client to
 *     wait before it tries again (whole seconds)
 */
@Validated
@ConfigurationProperties("commissioning.faults")
public record FaultProperties(@DefaultValue("PT5S") Duration retryAfter) {

  public FaultProperties {
    if (retryAfter == null || retryAfter.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "commissioning.faults.retry-after must be at least one second");
    }
  }

  /** The Retry-After header's value: delay-seconds. */
  public String retryAfterSeconds() {
    return Long.toString(retryAfter.toSeconds());
  }
}
