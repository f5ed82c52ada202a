package uk.gov.council.commissioning.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.council.commissioning.calendar.TimeAcceleration;
import uk.gov.council.commissioning.testkit.TestClock;

@ExtendWith(TestClock.class)
class SafeguardingDeadlinesTest {

  private static final Instant ALERTED = Instant.parse("2026-07-06T10:00:00Z");

  @Test
  void screeningIsDueTheConfiguredTimeAfterTheAlertArrived() {
    TestClock.set(Date.from(ALERTED));
    SafeguardingDeadlines deadlines =
        new SafeguardingDeadlines(
            new TimeAcceleration(1),
            new SafeguardingProperties(Duration.ofHours(12), Duration.ofHours(8)));

    assertThat(deadlines.screeningDue(ALERTED)).isEqualTo(ALERTED.plus(Duration.ofHours(8)));
    assertThat(deadlines.screeningDueAt(ALERTED))
        .isEqualTo(Date.from(ALERTED.plus(Duration.ofHours(8))));
  }

  @Test
  void timeAccelerationCompressesTheTimerButNotTheRealDueTime() {
    TestClock.set(Date.from(ALERTED));
    // 1440: a day passes in a minute.
    SafeguardingDeadlines deadlines =
        new SafeguardingDeadlines(
            new TimeAcceleration(1440),
            new SafeguardingProperties(Duration.ofHours(12), Duration.ofHours(24)));

    assertThat(deadlines.screeningDueAt(ALERTED))
        .isEqualTo(Date.from(ALERTED.plus(Duration.ofMinutes(1))));
    assertThat(deadlines.screeningDue(ALERTED)).isEqualTo(ALERTED.plus(Duration.ofHours(24)));
  }

  @Test
  void theDurationsMustBePositive() {
    assertThatThrownBy(() -> new SafeguardingProperties(Duration.ofHours(12), Duration.ZERO))
        .hasMessageContaining("commissioning.safeguarding.screening-due");
  }
}
