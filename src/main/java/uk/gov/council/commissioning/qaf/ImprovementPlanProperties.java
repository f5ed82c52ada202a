package uk.gov.council.commissioning.qaf;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Working days the people in an improvement plan (seed 001 3.3 §3.4) have for their tasks; the seed
 * sets none of these. The plan's own periods (two weeks, the reminder, the month to validation) are
 * in {@link QafProperties}.
 *
 * @param resubmissionWorkingDays a plan sent back is due again this many working days after it was
 *     sent back; the original two-week deadline stays the one breaches are measured against
 * @param reviewWorkingDays the purchasing officer and the contracts manager have this long to
 *     review a plan
 * @param councilActionWorkingDays a chase, validation, report to the Core Strategy Group is due in
 *     this long
 */
@Validated
@ConfigurationProperties("commissioning.qaf.improvement-plan")
public record ImprovementPlanProperties(
    @DefaultValue("5") int resubmissionWorkingDays,
    @DefaultValue("5") int reviewWorkingDays,
    @DefaultValue("5") int councilActionWorkingDays) {

  public ImprovementPlanProperties {
    requirePositive("resubmission-working-days", resubmissionWorkingDays);
    requirePositive("review-working-days", reviewWorkingDays);
    requirePositive("council-action-working-days", councilActionWorkingDays);
  }

  private static void requirePositive(String name, int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException(
          "commissioning.qaf.improvement-plan." + name + " must be at least 1 working day");
    }
  }
}
