package uk.gov.council.commissioning.audits;

import java.util.Locale;
import java.util.Optional;

/**
 * A clause's level of risk (seed 001 Part 3.1 Appendix 2), ranked so that the highest of several
 * applies.
 */
public enum RiskLevel {
  LOW(1, "Low"),
  MEDIUM(2, "Medium"),
  HIGH(3, "High");

  /** What a refusal says a level must be. */
  public static final String ALLOWED = "must be Low, Medium or High";

  private final int rank;
  private final String label;

  RiskLevel(int rank, String label) {
    this.rank = rank;
    this.label = label;
  }

  public int rank() {
    return rank;
  }

  public String label() {
    return label;
  }

  /** Medium and High risks go to the contracts manager (§3.2). */
  public boolean concern() {
    return this != LOW;
  }

  /** LOW, Low or low; anything else is empty. */
  public static Optional<RiskLevel> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String name = text.strip().toUpperCase(Locale.ROOT);
    for (RiskLevel level : values()) {
      if (level.name().equals(name)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  static RiskLevel ofRank(int rank) {
    for (RiskLevel level : values()) {
      if (level.rank == rank) {
        return level;
      }
    }
    throw new IllegalArgumentException("No level of risk ranked " + rank);
  }
}
