package uk.gov.council.commissioning.qaf;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The contracts manager's moderation (seed 001 3.3 §3.2), {@code commissioning.qaf.moderation}.
 *
 * @param dueWorkingDays the moderation task is due by the end of this many working days after the
 *     QAF was put forward; the seed sets no time, "2 QAFs per Purchasing Officer per annum" only
 */
@Validated
@ConfigurationProperties("commissioning.qaf.moderation")
public record QafModerationProperties(@DefaultValue("10") int dueWorkingDays) {

  public QafModerationProperties {
    if (dueWorkingDays <= 0) {
      throw new IllegalArgumentException(
          "commissioning.qaf.moderation.due-working-days must be a positive number of working days");
    }
  }
}
