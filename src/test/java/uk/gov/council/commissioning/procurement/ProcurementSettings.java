package uk.gov.council.commissioning.procurement;

import java.time.Period;
import java.util.List;

/**
 * The council's procurement settings as application.yml has them, for tests that build the rules
 * without Spring; the automatic start never runs.
 */
final class ProcurementSettings {

  private ProcurementSettings() {}

  /** The settings with the regime data read from {@code regimes}. */
  static ProcurementProperties settings(String regimes, boolean electronicSubmission) {
    return new ProcurementProperties(
        regimes,
        electronicSubmission,
        25,
        10,
        "PA2023_LIGHT_TOUCH",
        60,
        List.of(12, 12),
        Period.ofMonths(18),
        "-",
        false);
  }
}
