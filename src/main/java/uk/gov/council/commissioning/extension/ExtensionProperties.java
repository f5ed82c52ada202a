package uk.gov.council.commissioning.extension;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The extension process's council-set periods (application.yml, {@code commissioning.extension}).
 *
 * @param leadTime contracts ending within this period, with an unused option, get a case started
 * @param escalationNotice how long before the end date an undecided case goes to the contracts
 *     managers
 * @param autoStartOnStartup whether the register is also scanned when the application starts
 */
@Validated
@ConfigurationProperties("commissioning.extension")
public record ExtensionProperties(
    Period leadTime, Period escalationNotice, boolean autoStartOnStartup) {

  public ExtensionProperties {
    if (leadTime == null || leadTime.isNegative() || leadTime.isZero()) {
      throw new IllegalArgumentException(
          "commissioning.extension.lead-time must be a positive period, e.g. P9M");
    }
    if (escalationNotice == null || escalationNotice.isNegative()) {
      throw new IllegalArgumentException(
          "commissioning.extension.escalation-notice must be a period, e.g. P3M");
    }
  }
}
