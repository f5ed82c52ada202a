package uk.gov.council.commissioning.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.kpis.ReportingYear;

/** The four quarterly deadlines (seed 001 Part 3.2 §2.1.4), a period after each quarter's end. */
class ReturnDeadlinesTest {

  private final ReturnDeadlines deadlines = new ReturnDeadlines(Period.ofDays(28));

  @Test
  void eachQuarterIsDueTheConfiguredPeriodAfterItsLastDay() {
    ReportingYear year = new ReportingYear(2026);
    assertThat(year.quarters().stream().map(deadlines::dueDate))
        .containsExactly(
            LocalDate.of(2026, 7, 28),
            LocalDate.of(2026, 10, 28),
            LocalDate.of(2027, 1, 28),
            LocalDate.of(2027, 4, 28));
    assertThat(deadlines.lastDueDate(year)).isEqualTo(LocalDate.of(2027, 4, 28));
  }

  @Test
  void theDueDateIsTheStartOfTheUkDay() {
    assertThat(ReturnDeadlines.asDate(LocalDate.of(2026, 7, 28)).toInstant())
        .isEqualTo(LocalDate.of(2026, 7, 28).atStartOfDay(ZoneId.of("Europe/London")).toInstant());
  }

  @Test
  void aPeriodThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> new ReturnDeadlines(Period.ZERO))
        .hasMessageContaining("commissioning.returns.deadline-after-quarter-end");
    assertThatThrownBy(() -> new ReturnDeadlines(Period.ofDays(-1)))
        .hasMessageContaining("positive");
  }
}
