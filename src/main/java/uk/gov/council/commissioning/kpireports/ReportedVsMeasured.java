package uk.gov.council.commissioning.kpireports;

import java.math.BigDecimal;
import uk.gov.council.commissioning.kpis.KpiUnit;

/**
 * A provider's reported value beside the one the system measured for the same KPI and quarter.
 *
 * @param measure the {@code SystemMeasure} key
 * @param reported null when the return has no value for it (not returned yet, or measured only)
 * @param measured null when the system had no case to judge
 * @param difference reported minus measured; null unless both are known
 * @param tolerance the difference allowed for the KPI's unit (percentage points, or a count)
 * @param flagged true when the difference is beyond the tolerance
 */
public record ReportedVsMeasured(
    String measure,
    BigDecimal reported,
    BigDecimal measured,
    BigDecimal difference,
    BigDecimal tolerance,
    boolean flagged) {

  static ReportedVsMeasured of(
      String measure,
      KpiUnit unit,
      BigDecimal reported,
      BigDecimal measured,
      KpiReportsProperties settings) {
    BigDecimal tolerance =
        unit == KpiUnit.PERCENT
            ? settings.tolerancePercentagePoints()
            : BigDecimal.valueOf(settings.toleranceCount());
    BigDecimal difference =
        reported == null || measured == null
            ? null
            : reported.subtract(measured).stripTrailingZeros();
    boolean flagged = difference != null && difference.abs().compareTo(tolerance) > 0;

    return new ReportedVsMeasured(
        measure, plain(reported), measured, plain(difference), tolerance, flagged);
  }

  /** Without trailing zeros, and never in exponent form (100, not 1E+2). */
  static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
