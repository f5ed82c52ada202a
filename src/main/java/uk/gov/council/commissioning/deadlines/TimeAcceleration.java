package uk.gov.council.commissioning.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Compresses deadlines and timers so that a demonstration can run weeks of casework in minutes.
 * With the default factor of 1 every method leaves its input unchanged.
 */
@Component
public class TimeAcceleration {

  private static final Duration SHORTEST = Duration.ofSeconds(1);

  private final double factor;
  private final Clock clock;

  public TimeAcceleration(double factor) {
    this(factor, new EngineClock());
  }

  @Autowired
  public TimeAcceleration(
      @Value("${commissioning.time.acceleration:1}") double factor, Clock clock) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException(
          "commissioning.time.acceleration must be a positive number (1 = real time), was "
              + factor);
    }
    this.factor = factor;
    this.clock = clock;
  }

  public double factor() {
    return factor;
  }

  public boolean isAccelerated() {
    return factor != 1;
  }

  /**
   * {@code real} divided by the factor. A positive duration never shrinks below one second, since
   * shorter timers would fire before anyone could see the task they guard; a duration that was
   * already shorter than that is left as it is.
   */
  public Duration compress(Duration real) {
    Objects.requireNonNull(real, "real");
    if (!isAccelerated() || real.isZero() || real.isNegative()) {
      return real;
    }
    long nanos = Math.round(real.getSeconds() * 1e9 / factor + real.getNano() / factor);
    Duration compressed = Duration.ofNanos(nanos);
    Duration floor = real.compareTo(SHORTEST) < 0 ? real : SHORTEST;
    return compressed.compareTo(floor) < 0 ? floor : compressed;
  }

  /**
   * When a deadline at {@code target} should fall on the engine's clock: now plus the compressed
   * time remaining. The application's clock follows the engine's, so that tests which move it see
   * consistent dates. A target already past is returned unchanged.
   */
  public Date compressUntil(Instant target) {
    Objects.requireNonNull(target, "target");
    Instant now = clock.instant();
    if (!target.isAfter(now)) {
      return Date.from(target);
    }
    return Date.from(now.plus(compress(Duration.between(now, target))));
  }
}
