package uk.gov.council.commissioning.decisions;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The council's own figures for its decisions (application.yml, {@code commissioning.decisions}).
 * No seed gives them: seed 000 only says "for an extension this value" and "for a procurement of
 * this value" (§10.2, §10.7).
 *
 * @param keyDecisionThreshold from this value (pounds) a decision is key
 * @param chiefOfficerLimit below this value (pounds) the Chief Officer decides a non-key decision
 * @param callInWorkingDays working days after publication during which a decision can be called in
 * @param extensionValueBasis which value an extension is routed by: the extension's own cost (the
 *     gateway report's cost of the proposal, seed 000 §10.2 "for an extension this value") or the
 *     contract's whole-life value
 */
@Validated
@ConfigurationProperties("commissioning.decisions")
public record DecisionProperties(
    BigDecimal keyDecisionThreshold,
    BigDecimal chiefOfficerLimit,
    int callInWorkingDays,
    ExtensionValueBasis extensionValueBasis) {

  /** The value an extension's route is chosen by. */
  public enum ExtensionValueBasis {
    EXTENSION,
    WHOLE_LIFE
  }

  public DecisionProperties {
    if (keyDecisionThreshold == null || keyDecisionThreshold.signum() <= 0) {
      throw new IllegalArgumentException(
          "commissioning.decisions.key-decision-threshold must be a positive amount, e.g. 500000");
    }
    if (chiefOfficerLimit == null || chiefOfficerLimit.signum() < 0) {
      throw new IllegalArgumentException(
          "commissioning.decisions.chief-officer-limit must be an amount, e.g. 100000");
    }
    if (callInWorkingDays < 0) {
      throw new IllegalArgumentException(
          "commissioning.decisions.call-in-working-days must not be negative");
    }
    if (extensionValueBasis == null) {
      extensionValueBasis = ExtensionValueBasis.EXTENSION;
    }
  }
}
