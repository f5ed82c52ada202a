package uk.gov.council.commissioning.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.council.commissioning.testkit.TestClock;

@ExtendWith(TestClock.class)
class TimeAccelerationTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void realTimeChangesNothing() {
    TimeAcceleration realTime = new TimeAcceleration(1);
    TestClock.set(Date.from(NOW));

    assertThat(realTime.isAccelerated()).isFalse();
    assertThat(realTime.compress(Duration.ofDays(5))).isEqualTo(Duration.ofDays(5));
    assertThat(realTime.compress(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(200));
    assertThat(realTime.compressUntil(NOW.plus(Duration.ofDays(14))))
        .isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));
  }

  @Test
  void compressDividesByTheFactor() {
    TimeAcceleration dayPerMinute = new TimeAcceleration(1440);

    assertThat(dayPerMinute.isAccelerated()).isTrue();
    assertThat(dayPerMinute.compress(Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(1));
    assertThat(dayPerMinute.compress(Duration.ofDays(30))).isEqualTo(Duration.ofMinutes(30));
    assertThat(dayPerMinute.compress(Duration.ofMinutes(1)))
        .as("floored")
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(dayPerMinute.compress(Duration.ofMillis(300)))
        .as("already shorter")
        .isEqualTo(Duration.ofMillis(300));
    assertThat(dayPerMinute.compress(Duration.ZERO)).isEqualTo(Duration.ZERO);
    assertThat(new TimeAcceleration(2.5).compress(Duration.ofSeconds(10)))
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void compressUntilCountsFromTheEngineClock() {
    TimeAcceleration dayPerMinute = new TimeAcceleration(1440);
    TestClock.set(Date.from(NOW));

    assertThat(dayPerMinute.compressUntil(NOW.plus(Duration.ofDays(10))))
        .isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(10))));

    TestClock.set(Date.from(NOW.plus(Duration.ofDays(1))));
    assertThat(dayPerMinute.compressUntil(NOW.plus(Duration.ofDays(11))))
        .isEqualTo(Date.from(NOW.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(10))));
  }

  @Test
  void aTargetInThePastIsLeftAlone() {
    TimeAcceleration dayPerMinute = new TimeAcceleration(1440);
    TestClock.set(Date.from(NOW));
    Instant past = NOW.minus(Duration.ofDays(3));

    assertThat(dayPerMinute.compressUntil(past)).isEqualTo(Date.from(past));
    assertThat(dayPerMinute.compressUntil(NOW)).isEqualTo(Date.from(NOW));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void aFactorThatIsNotPositiveIsRefused(double factor) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TimeAcceleration(factor))
        .withMessageContaining("commissioning.time.acceleration");
  }
}
