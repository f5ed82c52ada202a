package uk.gov.council.commissioning.qaf;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the QAF assessment itself, in the {@code commissioning.qaf} block next to the periods
 * of {@link QafProperties}.
 *
 * @param minimumEvidenceCharacters written evidence shorter than this is not evidence (seed 001 3.3
 *     §3: "ticks are not acceptable"); the seed sets no length
 * @param targetPerformanceLevel the reminder sent with the QAF (§2: the target the Core Strategy
 *     Group agreed for the financial year; the seed does not give it)
 * @param councilTaskWorkingDays the council's steps (desk-top review, visit, decisions) are due
 *     this many working days after they arrive; the seed sets no time
 * @param providerResponseWorkingDays the provider answers its grades within this many working days
 * @param supportPlanAuditFeedbackWithin written feedback on a support plan audit is due this long
 *     after the audit (seed 001 Part 3.4 §5.1: within 4 weeks)
 */
@Validated
@ConfigurationProperties("commissioning.qaf")
public record QafAssessmentProperties(
    @DefaultValue("20") int minimumEvidenceCharacters,
    @DefaultValue("Performance Level C in every core objective") String targetPerformanceLevel,
    @DefaultValue("10") int councilTaskWorkingDays,
    @DefaultValue("10") int providerResponseWorkingDays,
    @DefaultValue("P28D") java.time.Period supportPlanAuditFeedbackWithin) {

  public QafAssessmentProperties {
    if (minimumEvidenceCharacters < 1) {
      throw new IllegalArgumentException(
          "commissioning.qaf.minimum-evidence-characters must be at least 1");
    }
    if (targetPerformanceLevel == null || targetPerformanceLevel.isBlank()) {
      throw new IllegalArgumentException("commissioning.qaf.target-performance-level is required");
    }
    if (councilTaskWorkingDays < 1 || providerResponseWorkingDays < 1) {
      throw new IllegalArgumentException("commissioning.qaf task working days must be at least 1");
    }
    if (supportPlanAuditFeedbackWithin == null
        || supportPlanAuditFeedbackWithin.isZero()
        || supportPlanAuditFeedbackWithin.isNegative()) {
      throw new IllegalArgumentException(
          "commissioning.qaf.support-plan-audit-feedback-within must be a positive period");
    }
  }
}
