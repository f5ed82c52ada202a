package uk.gov.council.commissioning.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The application's one clock. It reads the process engine's clock rather than the system's: the
 * engine decides when timers are due, and process tests move the engine's clock to make them due,
 * so the application must see the same "now" or it would record times that disagree with the timers
 * that caused them. Outside tests the engine's clock is the system clock.
 */
@Component
public class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock() {
    this(ZoneId.systemDefault());
  }

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
