package uk.gov.council.commissioning.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.DeadlineRule;
import uk.gov.council.commissioning.testkit.TestCalendars;

/**
 * The screening deadline's rule. How its timer is compressed when time is accelerated is the
 * deadline kit's (DeadlinesTest), which every process's timers share.
 */
class SafeguardingDeadlinesTest {

  private static final Instant ALERTED = Instant.parse("2026-07-06T10:00:00Z");
  private static final WorkingDayCalendar CALENDAR = TestCalendars.englandAndWales();

  @Test
  void screeningIsDueTheConfiguredTimeAfterTheAlertArrived() {
    DeadlineRule rule =
        new SafeguardingProperties(Duration.ofHours(12), Duration.ofHours(8)).screeningRule();

    assertThat(rule.basis()).isEqualTo(DeadlineRule.Basis.HOURS);
    assertThat(rule.seedSection()).isEqualTo("002 §10.3");
    assertThat(rule.dueFrom(ALERTED, CALENDAR)).isEqualTo(ALERTED.plus(Duration.ofHours(8)));
  }

  @Test
  void aScreeningPeriodOverAWeekendIsNotCountedInWorkingDays() {
    // Fri 10 Jul 2026 18:00 BST + 24 h is Sat 11 Jul 18:00: hours run whatever the day.
    Instant friday = Instant.parse("2026-07-10T17:00:00Z");
    DeadlineRule rule =
        new SafeguardingProperties(Duration.ofHours(12), Duration.ofHours(24)).screeningRule();

    assertThat(rule.dueFrom(friday, CALENDAR)).isEqualTo(Instant.parse("2026-07-11T17:00:00Z"));
  }

  @Test
  void theDurationsMustBePositive() {
    assertThatThrownBy(() -> new SafeguardingProperties(Duration.ofHours(12), Duration.ZERO))
        .hasMessageContaining("commissioning.safeguarding.screening-due");
  }
}
