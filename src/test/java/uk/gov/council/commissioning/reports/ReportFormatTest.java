package uk.gov.council.commissioning.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportFormatTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "2026-11-23T14:05:00Z, 'Mon 23 Nov 2026, 14:05'",
    "2026-07-01T08:30:00Z, 'Wed 1 Jul 2026, 09:30'",
    "2026-09-30T23:30:00Z, 'Thu 1 Oct 2026, 00:30'"
  })
  void timesAreWrittenInUkTimeSummerAndWinter(Instant time, String written) {
    assertThat(ReportFormat.time(time)).isEqualTo(written);
  }

  @Test
  void machineTimesCarryTheUkOffsetAndNoTimeIsADash() {
    assertThat(ReportFormat.machineTime(Instant.parse("2026-07-01T08:30:00Z")))
        .isEqualTo("2026-07-01T09:30+01:00");
    assertThat(ReportFormat.time(null)).isEqualTo("–");
  }

  @Test
  void septemberIsSep() {
    assertThat(ReportFormat.day(LocalDate.of(2026, 9, 30))).isEqualTo("30 Sep 2026");
  }

  @Test
  void numbersAndPercentagesAreWrittenOutWithADashForNone() {
    assertThat(ReportFormat.percentage(new BigDecimal("87.5"))).isEqualTo("87.5%");
    assertThat(ReportFormat.percentage(new BigDecimal("100.0"))).isEqualTo("100.0%");
    assertThat(ReportFormat.percentage(null)).isEqualTo("–");
    assertThat(ReportFormat.count(0)).isEqualTo("0");
    assertThat(ReportFormat.count(1234)).isEqualTo("1,234");
    assertThat(ReportFormat.count(null)).isEqualTo("–");
  }
}
