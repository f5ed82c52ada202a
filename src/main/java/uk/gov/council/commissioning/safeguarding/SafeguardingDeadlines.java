package uk.gov.council.commissioning.safeguarding;

import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.TimeAcceleration;

/**
 * The moments the safeguarding-alert process's due dates and timers fall at. Time acceleration
 * (demos) applies here, once.
 */
@Component("safeguardingDeadlines")
public class SafeguardingDeadlines {

  private final TimeAcceleration acceleration;
  private final SafeguardingProperties properties;

  public SafeguardingDeadlines(TimeAcceleration acceleration, SafeguardingProperties properties) {
    this.acceleration = acceleration;
    this.properties = properties;
  }

  /**
   * When the screening is due: the alert's arrival plus commissioning.safeguarding.screening-due.
   */
  public Instant screeningDue(Instant alertedAt) {
    return alertedAt.plus(properties.screeningDue());
  }

  /** The screening task's due date and the moment its reminder fires. */
  public Date screeningDueAt(Instant alertedAt) {
    return acceleration.compressUntil(screeningDue(alertedAt));
  }
}
