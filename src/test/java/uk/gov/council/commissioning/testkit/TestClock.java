package uk.gov.council.commissioning.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's clock, which the application reads as "now": set or moved forward by a test, and (as
 * an extension, registered by the kit's test annotations) put back to the real time after each
 * test, since it is JVM-wide and every later test would otherwise run at the moment one test chose.
 */
public final class TestClock implements AfterEachCallback {

  /** The council's time zone: the seeds' deadlines are UK dates and times. */
  public static final ZoneId UK = ZoneId.of("Europe/London");

  /** Sets the clock to a UK local time. */
  public static void set(LocalDateTime ukTime) {
    set(at(ukTime));
  }

  public static void set(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public static void set(Date date) {
    ClockUtil.setCurrentTime(date);
  }

  /** Moves the clock on from what it says now. */
  public static void advance(Duration duration) {
    set(now().plus(duration));
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** A UK local time as the {@link Date} the engine's API takes. */
  public static Date at(LocalDateTime ukTime) {
    return Date.from(ukTime.atZone(UK).toInstant());
  }

  public static void reset() {
    ClockUtil.reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    reset();
  }
}
