package uk.gov.council.commissioning.kpis;

import java.math.BigDecimal;
import java.util.Optional;

/** What a KPI's value is. A yes/no value is held as 1 (yes) or 0 (no). */
public enum KpiUnit {
  /** A count or an amount; may be negative only where the KPI says so (net assets). */
  NUMBER,
  /** 0 to 100 inclusive. */
  PERCENT,
  /** A ratio such as liquidity (current assets / current liabilities). */
  RATIO,
  /** 1 for yes, 0 for no. */
  YES_NO;

  /** Why a value cannot be of this unit; empty when it can. */
  public Optional<String> problem(BigDecimal value) {
    if (value == null) {
      return Optional.of("a value is needed");
    }
    return switch (this) {
      case PERCENT ->
          value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0
              ? Optional.of("a percentage must be between 0 and 100")
              : Optional.empty();
      case YES_NO ->
          value.compareTo(BigDecimal.ONE) == 0 || value.signum() == 0
              ? Optional.empty()
              : Optional.of("must be yes or no");
      case RATIO ->
          value.signum() < 0 ? Optional.of("a ratio cannot be negative") : Optional.empty();
      case NUMBER -> Optional.empty();
    };
  }
}
