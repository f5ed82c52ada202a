package uk.gov.council.commissioning.returnyear;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.returns.ReturnDeadlines;

/** The late-returns report's day and text (seed 001 Part 3.2 §4.1.6). */
class LateReturnsReportTest {

  @Test
  void theLatestQuarterWhoseDeadlineAndMarginHavePassedIsDue() {
    LateReturnsReport report =
        new LateReturnsReport(
            null,
            new ReturnDeadlines(Period.ofDays(28)),
            new PerformanceYearProperties(
                "-", 1, 1, 1, Period.ofDays(7), "0 0 7 * * ?", List.of(), List.of()),
            null,
            null,
            null,
            null);
    ReportingQuarter q1 = new ReportingYear(2026).quarter(1);
    assertThat(report.reportDay(q1)).isEqualTo(LocalDate.of(2026, 8, 5));
    assertThat(report.dueOn(LocalDate.of(2026, 8, 5))).contains(q1);
    assertThat(report.dueOn(LocalDate.of(2026, 8, 4))).contains(q1.previous());
    assertThat(report.dueOn(LocalDate.of(2027, 5, 6))).contains(new ReportingYear(2026).quarter(4));
  }

  @Test
  void theReportSaysWhenNothingWasLate() {
    assertThat(LateReturnsReport.lines(List.of())).startsWith("None");
  }
}
