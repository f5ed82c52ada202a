package uk.gov.council.commissioning.kpireports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.compliance.Quarter;
import uk.gov.council.commissioning.kpis.KpiUnit;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;

/**
 * The tolerance's edges, the reporting-to-calendar quarter mapping and the CSV cells, worked out by
 * hand.
 */
class ReportedVsMeasuredTest {

  private static final KpiReportsProperties FIVE_POINTS =
      new KpiReportsProperties(new BigDecimal("5"), 0);

  @Test
  void aPercentageIsFlaggedOnlyBeyondTheTolerance() {
    assertThat(compare(KpiUnit.PERCENT, "95", "90.0").flagged()).isFalse(); // exactly 5 points
    assertThat(compare(KpiUnit.PERCENT, "95.1", "90.0").flagged()).isTrue();
    assertThat(compare(KpiUnit.PERCENT, "85", "90.0").flagged()).isFalse(); // -5
    assertThat(compare(KpiUnit.PERCENT, "84.9", "90.0").flagged()).isTrue();
    assertThat(compare(KpiUnit.PERCENT, "84.9", "90.0").difference()).isEqualByComparingTo("-5.1");
  }

  @Test
  void valuesAreWrittenPlainly() {
    assertThat(compare(KpiUnit.PERCENT, "100.0000", "50.0").reported().toString()).isEqualTo("100");
    assertThat(compare(KpiUnit.PERCENT, "100.0000", "50.0").difference().toString())
        .isEqualTo("50");
    assertThat(ReportedVsMeasured.plain(new BigDecimal("96.5000")).toString()).isEqualTo("96.5");
  }

  @Test
  void aCountIsFlaggedOnAnyDifferenceByDefault() {
    assertThat(compare(KpiUnit.NUMBER, "3", "3").flagged()).isFalse();
    assertThat(compare(KpiUnit.NUMBER, "2", "3").flagged()).isTrue();
    assertThat(
            ReportedVsMeasured.of(
                    "incidents-reported",
                    KpiUnit.NUMBER,
                    new BigDecimal("2"),
                    new BigDecimal("3"),
                    new KpiReportsProperties(new BigDecimal("5"), 1))
                .flagged())
        .isFalse();
  }

  @Test
  void withNothingReportedOrMeasuredThereIsNoDifferenceAndNoFlag() {
    assertThat(compare(KpiUnit.PERCENT, null, "50.0"))
        .extracting("difference", "flagged")
        .containsExactly(null, false);
    assertThat(compare(KpiUnit.PERCENT, "100", null))
        .extracting("difference", "flagged")
        .containsExactly(null, false);
  }

  @Test
  void aReportingQuarterIsTheCalendarQuarterItCoincidesWith() {
    ReportingYear y = new ReportingYear(2026);
    assertThat(MeasuredFigures.calendarQuarter(y.quarter(1))).isEqualTo(new Quarter(2026, 2));
    assertThat(MeasuredFigures.calendarQuarter(y.quarter(3))).isEqualTo(new Quarter(2026, 4));
    assertThat(MeasuredFigures.calendarQuarter(y.quarter(4))).isEqualTo(new Quarter(2027, 1));
    assertThat(KpiPeriods.quarterOf("2026-27-Q4")).isEqualTo(y.quarter(4));
    assertThat(KpiPeriods.quarterOf("2026/27-Q1")).isEqualTo(new ReportingQuarter(y, 1));
    assertThat(KpiPeriods.quarterOf("2026-27-Q5")).isNull();
    assertThat(KpiPeriods.quarterOf("2026-28-Q1")).isNull();
  }

  @Test
  void csvCellsAreQuotedAndAFormulaIsDisarmed() {
    assertThat(KpiCsv.cell("Staff left, agency used")).isEqualTo("\"Staff left, agency used\"");
    assertThat(KpiCsv.cell("said \"no\"")).isEqualTo("\"said \"\"no\"\"\"");
    assertThat(KpiCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(KpiCsv.cell(new BigDecimal("-5.1"))).isEqualTo("-5.1");
    assertThat(KpiCsv.cell(null)).isEmpty();
    assertThat(KpiCsv.cell(LocalDate.of(2026, 10, 28))).isEqualTo("2026-10-28");
    // UK time with its offset: BST in October.
    assertThat(KpiCsv.cell(Instant.parse("2026-10-14T10:00:00Z")))
        .isEqualTo("2026-10-14T11:00+01:00");
    assertThat(Arrays.asList(KpiCsv.cell(true), KpiCsv.cell(3))).containsExactly("true", "3");
  }

  private static ReportedVsMeasured compare(KpiUnit unit, String reported, String measured) {
    return ReportedVsMeasured.of(
        "complaints-acknowledged-24h",
        unit,
        reported == null ? null : new BigDecimal(reported),
        measured == null ? null : new BigDecimal(measured),
        FIVE_POINTS);
  }
}
