package uk.gov.council.commissioning.meetings;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Seed 001 Part 3.1 §2: "Number of Contract Management Meetings planned for the month, versus
 * number completed, % compliance to schedule". Planned: meetings whose date falls in the month.
 * Held: those of them recorded as held (on whatever day). The percentage is held ÷ planned × 100 to
 * one decimal place, rounded half up; with nothing planned there is no schedule to comply with, so
 * it is null (shown as "none planned"), neither 0 % nor 100 %.
 *
 * @param compliancePercent null when nothing was planned
 */
public record ComplianceToSchedule(int planned, int held, BigDecimal compliancePercent) {

  public ComplianceToSchedule {
    if (planned < 0 || held < 0 || held > planned) {
      throw new IllegalArgumentException(
          "held (" + held + ") must be between 0 and planned (" + planned + ")");
    }
  }

  public static ComplianceToSchedule of(int planned, int held) {
    BigDecimal percent =
        planned == 0
            ? null
            : BigDecimal.valueOf(held)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(planned), 1, RoundingMode.HALF_UP);
    return new ComplianceToSchedule(planned, held, percent);
  }

  /** Two sets of figures together (providers into the council's total). */
  public ComplianceToSchedule plus(ComplianceToSchedule other) {
    return of(planned + other.planned, held + other.held);
  }

  /** As a report shows it: "75.0%", or "none planned". */
  public String percentText() {
    return compliancePercent == null ? "none planned" : compliancePercent.toPlainString() + "%";
  }
}
