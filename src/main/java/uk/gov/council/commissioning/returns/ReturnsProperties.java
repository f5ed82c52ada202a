package uk.gov.council.commissioning.returns;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The quarterly performance return, {@code commissioning.returns} (seed 001 Part 3.2 §4).
 *
 * @param checkWithin §4.1.1 "checked by the Purchasing Officer within two weeks of receipt"; the
 *     contracts managers are told when it is not
 * @param explanationWorkingDays §4.1.3: the provider answers a request for an explanation within
 *     this many working days; the seed gives no time, no answer counts as "failed to respond"
 * @param resubmissionWorkingDays §4.1.2: an incomplete return comes back within this many working
 *     days; the seed gives no time, the provider is reminded once when it does not
 * @param continuedFailureQuarters §4.1.6 "continued failure": this many late quarters in a row
 *     (across reporting years) go to the contracts managers
 * @param taskWorkingDays due date of the council's own tasks in the case, in working days
 */
@Validated
@ConfigurationProperties("commissioning.returns")
public record ReturnsProperties(
    @NotNull(message = "commissioning.returns.check-within is required") @DefaultValue("P14D")
        Duration checkWithin,
    @Positive(message = "commissioning.returns.explanation-working-days must be at least 1")
        @DefaultValue("10")
        int explanationWorkingDays,
    @Positive(message = "commissioning.returns.resubmission-working-days must be at least 1")
        @DefaultValue("10")
        int resubmissionWorkingDays,
    @Positive(message = "commissioning.returns.continued-failure-quarters must be at least 1")
        @DefaultValue("2")
        int continuedFailureQuarters,
    @Positive(message = "commissioning.returns.task-working-days must be at least 1")
        @DefaultValue("5")
        int taskWorkingDays) {

  public ReturnsProperties {
    if (checkWithin != null && (checkWithin.isNegative() || checkWithin.isZero())) {
      throw new IllegalArgumentException("commissioning.returns.check-within must be positive");
    }
  }
}
