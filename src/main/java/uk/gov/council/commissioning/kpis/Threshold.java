package uk.gov.council.commissioning.kpis;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The level a KPI must reach, written the way the seeds write it: "> 1" (liquidity, seed 004 App A
 * C1), "≥ 95" (95% within 3 working days, seed 000 §4.7), "< 5" (complaints under 5% of
 * transactions), "= 100", "= yes". A value that does not reach it is a breach; where the seed
 * writes "> 1", a value of exactly 1 is a breach.
 */
public record Threshold(Comparison comparison, BigDecimal value) {

  private static final Pattern TEXT =
      Pattern.compile("(>=|<=|≥|≤|>|<|=)\\s*(-?\\d+(?:\\.\\d+)?|yes|no)\\s*%?");

  public Threshold {
    if (comparison == null || value == null) {
      throw new IllegalArgumentException("A threshold needs a comparison and a value");
    }
  }

  public enum Comparison {
    GT(">"),
    GE("≥"),
    LT("<"),
    LE("≤"),
    EQ("=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** Reads "> 1", ">= 95", "≥ 95%", "< 5", "= yes"; empty for anything else. */
  public static Optional<Threshold> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    Comparison c =
        switch (m.group(1)) {
          case ">" -> Comparison.GT;
          case ">=", "≥" -> Comparison.GE;
          case "<" -> Comparison.LT;
          case "<=", "≤" -> Comparison.LE;
          default -> Comparison.EQ;
        };
    BigDecimal v =
        switch (m.group(2)) {
          case "yes" -> BigDecimal.ONE;
          case "no" -> BigDecimal.ZERO;
          default -> new BigDecimal(m.group(2));
        };
    return Optional.of(new Threshold(c, v));
  }

  /** True when the value reaches the threshold; false is a breach. */
  public boolean met(BigDecimal actual) {
    int cmp = actual.compareTo(value);
    return switch (comparison) {
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case EQ -> cmp == 0;
    };
  }

  /** "≥ 95", the form {@link #parse} reads. */
  public String text() {
    return comparison.symbol() + " " + value.stripTrailingZeros().toPlainString();
  }

  /**
   * As people read it for the unit: "= yes" for a yes/no, "≥ 95%" for a percentage; {@link #parse}
   * reads it back.
   */
  public String textFor(KpiUnit unit) {
    if (unit == KpiUnit.YES_NO && comparison == Comparison.EQ) {
      if (value.compareTo(BigDecimal.ONE) == 0) {
        return "= yes";
      }
      if (value.signum() == 0) {
        return "= no";
      }
    }
    return unit == KpiUnit.PERCENT ? text() + "%" : text();
  }

  @Override
  public String toString() {
    return text();
  }
}
