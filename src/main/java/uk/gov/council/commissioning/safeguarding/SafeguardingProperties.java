package uk.gov.council.commissioning.safeguarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import uk.gov.council.commissioning.deadlines.DeadlineRule;

/**
 * @param alertWithin how soon after becoming aware a provider must alert the council to suspected
 *     abuse or neglect (seed 002 App C 5.2: 12 hours)
 * @param screeningDue how soon after the alert the safeguarding team should have screened it (the
 *     seed gives no time: a council choice)
 */
@Validated
@ConfigurationProperties("commissioning.safeguarding")
public record SafeguardingProperties(
    @DefaultValue("PT12H") Duration alertWithin, @DefaultValue("PT24H") Duration screeningDue) {

  public SafeguardingProperties {
    requirePositive("alert-within", alertWithin);
    requirePositive("screening-due", screeningDue);
  }

  /**
   * The screening deadline: {@code screeningDue} after the alert arrived. Seed 002 §10.3 asks for
   * the screening decision but gives no time.
   */
  public DeadlineRule screeningRule() {
    return DeadlineRule.hours(screeningDue, "002 §10.3");
  }

  static void requirePositive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          "commissioning.safeguarding." + name + " must be a positive duration");
    }
  }
}
