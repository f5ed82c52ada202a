package uk.gov.council.commissioning.audits;

import java.util.Optional;

/**
 * The Medium and High definitions of seed 001 Part 3.1 Appendix 2, each an input of the decision
 * table {@code compliance-audit-risk}. Low is what applies when none of them does.
 */
public enum RiskCriterion {
  MINOR_INTERNAL_DISRUPTION(
      "minorInternalDisruption",
      RiskLevel.MEDIUM,
      "Minor disruption internally (e.g. reporting timetable not met)"),
  POSSIBLE_SERVICE_DISRUPTION(
      "possibleServiceDisruption", RiskLevel.MEDIUM, "Possible disruption to the service"),
  SOME_IMPACT_ON_SERVICE_USERS(
      "someImpactOnServiceUsers", RiskLevel.MEDIUM, "Some impact on service users"),
  MINIMAL_REPUTATION_DAMAGE(
      "minimalReputationDamage", RiskLevel.MEDIUM, "Minimal reputation damage"),
  LOW_FINANCIAL_LOSS(
      "lowFinancialLoss",
      RiskLevel.MEDIUM,
      "Low financial loss (value for money, or the service contracted for)"),
  CLAUSE_NOT_COMPLIED(
      "clauseNotComplied",
      RiskLevel.MEDIUM,
      "Relevant clause of the contract not being complied with"),
  NOTICEABLE_DISRUPTION(
      "noticeableDisruption", RiskLevel.HIGH, "Noticeable disruption to the council"),
  POSSIBLE_LOSS_OF_SERVICE(
      "possibleLossOfService", RiskLevel.HIGH, "Possible loss of service (short term)"),
  HEALTH_AND_SAFETY_IMPACT(
      "healthAndSafetyImpact",
      RiskLevel.HIGH,
      "Impact on the health and safety of staff and service users"),
  REPUTATION_DAMAGE(
      "reputationDamage",
      RiskLevel.HIGH,
      "Reputation damage (press coverage, adverse regulatory reports)"),
  FINANCIAL_IMPLICATIONS(
      "financialImplications",
      RiskLevel.HIGH,
      "Financial implications (to the provider or the council)"),
  POSSIBLE_DEFAULT_NOTICE(
      "possibleDefaultNotice", RiskLevel.HIGH, "Possibility of a default notice being issued");

  private final String variable;
  private final RiskLevel level;
  private final String label;

  RiskCriterion(String variable, RiskLevel level, String label) {
    this.variable = variable;
    this.level = level;
    this.label = label;
  }

  /** The decision table's input variable. */
  public String variable() {
    return variable;
  }

  /** The level whose definition this is. */
  public RiskLevel level() {
    return level;
  }

  public String label() {
    return label;
  }

  public String getName() {
    return name();
  }

  public String getLabel() {
    return label;
  }

  static Optional<RiskCriterion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (RiskCriterion criterion : values()) {
      if (criterion.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(criterion);
      }
    }
    return Optional.empty();
  }
}
