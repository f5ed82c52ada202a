package uk.gov.council.commissioning.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PeriodsTest {

  @Test
  void durationsAreWordedInHoursAndMinutes() {
    assertThat(Periods.of(Duration.parse("PT12H"))).isEqualTo("12 hours");
    assertThat(Periods.of(Duration.parse("PT1H"))).isEqualTo("1 hour");
    assertThat(Periods.of(Duration.parse("P2D"))).isEqualTo("48 hours");
    assertThat(Periods.of(Duration.parse("PT1H30M"))).isEqualTo("1 hour 30 minutes");
    assertThat(Periods.of(Duration.parse("PT45M"))).isEqualTo("45 minutes");
    assertThat(Periods.of(Duration.parse("PT1M"))).isEqualTo("1 minute");
  }

  @Test
  void daysAreWorkingOrCalendarDays() {
    assertThat(Periods.workingDays(3)).isEqualTo("3 working days");
    assertThat(Periods.workingDays(1)).isEqualTo("1 working day");
    assertThat(Periods.days(15)).isEqualTo("15 days");
    assertThat(Periods.days(1)).isEqualTo("1 day");
  }
}
