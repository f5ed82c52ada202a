package uk.gov.council.commissioning.returnyear;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.returns.ReturnDeadlines;
import uk.gov.council.commissioning.returnyear.LateReturns.LateReturn;

/** The late-returns report's list, CSV and report day (seed 001 Part 3.2 §4.1.6). */
class LateReturnsTest {

  @Test
  void theCsvQuotesCommasAndDefusesFormulas() {
    String csv =
        LateReturns.csv(
            List.of(
                new LateReturn(
                    "PR-A-2026-Q1",
                    "A",
                    "Care, north",
                    "=Alpha",
                    "provider-a",
                    LocalDate.of(2026, 7, 28),
                    null,
                    "AWAITED",
                    null),
                new LateReturn(
                    "PR-B-2026-Q1",
                    "B",
                    "Say \"hi\"",
                    "Beta",
                    "provider-b",
                    LocalDate.of(2026, 7, 28),
                    LocalDate.of(2026, 8, 1),
                    "RECEIVED",
                    Instant.parse("2026-08-03T10:00:00Z"))));
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "case_reference,contract_reference,contract_title,provider,due_date,extended_to,status,received_at",
            "PR-A-2026-Q1,A,\"Care, north\",'=Alpha,2026-07-28,,AWAITED,",
            "PR-B-2026-Q1,B,\"Say \"\"hi\"\"\",Beta,2026-07-28,2026-08-01,RECEIVED,2026-08-03T10:00:00Z");
  }

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
