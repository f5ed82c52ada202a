package uk.gov.council.commissioning.kpireports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the KPI reports answer, as JSON and as the rows of their CSV tables and pages. */
public final class KpiReportViews {

  private KpiReportViews() {}

  /**
   * A return as the reports show it.
   *
   * @param onTime whether it arrived by its deadline (the agreed new date where there is one); null
   *     while it has not arrived
   * @param outcome seed 001 Part 3.2 §4.1.3: MONITOR, CONTRACTS_MANAGER or UNSATISFACTORY; null
   *     when no KPI was below its trigger
   */
  public record ReturnSummary(
      String caseReference,
      String quarter,
      String status,
      LocalDate dueDate,
      LocalDate extendedTo,
      Instant receivedAt,
      Boolean onTime,
      boolean late,
      String mitigation,
      String outcome,
      Instant acceptedAt) {}

  /**
   * One KPI of a contract in one quarter.
   *
   * @param reported the provider's value; null when none was returned
   * @param comparison for a KPI the system measures, the reported and measured values side by side;
   *     null otherwise
   */
  public record KpiLine(
      String catalogue,
      String kpi,
      String area,
      String wording,
      String unit,
      String threshold,
      String reportedBy,
      BigDecimal reported,
      boolean belowTrigger,
      String explanation,
      String consequence,
      ReportedVsMeasured comparison) {}

  /** A quarter of a contract report: the return, if any, and every KPI line. */
  public record QuarterColumn(String quarter, ReturnSummary returned, List<KpiLine> kpis) {}

  /**
   * A KPI over the report's quarters.
   *
   * @param average the mean of the values returned, to two decimal places; null when none
   * @param latest the value of the last quarter that has one
   */
  public record KpiSummary(
      String catalogue,
      String kpi,
      String wording,
      String threshold,
      int quartersReported,
      int breaches,
      BigDecimal latest,
      BigDecimal average,
      int flagged) {}

  /**
   * A contract's returns quarter by quarter: a reporting year, or the rolling twelve months ending
   * with a quarter (seed 001 Part 3.2 §7.1.2).
   */
  public record ContractReport(
      String contractReference,
      String contractTitle,
      String provider,
      String period,
      Instant asAt,
      BigDecimal tolerancePercentagePoints,
      List<QuarterColumn> quarters,
      List<KpiSummary> summary) {}

  /**
   * One contract in the quarterly management report (seed 001 Part 3.2 §7.1.1).
   *
   * @param returnStatus null when no return exists for the quarter
   * @param onTime null when the return has not arrived
   */
  public record ContractQuarterRow(
      String contractReference,
      String contractTitle,
      String provider,
      String returnStatus,
      LocalDate deadline,
      Instant receivedAt,
      Boolean onTime,
      boolean late,
      int breaches,
      List<String> breachedKpis,
      String outcome,
      int flagged,
      List<String> flaggedKpis) {}

  /** The quarterly management report across providers. */
  public record QuarterReport(
      String quarter,
      LocalDate from,
      LocalDate to,
      Instant asAt,
      BigDecimal tolerancePercentagePoints,
      int contracts,
      int returned,
      int returnedOnTime,
      int withBreaches,
      int withFlags,
      List<ContractQuarterRow> rows) {}

  /**
   * A KPI below its threshold or trigger in a quarter's return, with what follows.
   *
   * @param consequence the catalogue's consequence where it names one (seed 004 App A
   *     "Suspension"); otherwise what the return's §4.1.3 outcome leads to
   */
  public record BreachRow(
      String quarter,
      String contractReference,
      String provider,
      String catalogue,
      String kpi,
      String wording,
      String threshold,
      BigDecimal reported,
      String explanation,
      String outcome,
      String consequence) {}

  public record BreachList(String quarter, int breaches, List<BreachRow> rows) {}
}
