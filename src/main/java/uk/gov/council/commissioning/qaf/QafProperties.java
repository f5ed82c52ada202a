package uk.gov.council.commissioning.qaf;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The QAF capability's settings, {@code commissioning.qaf} (seed 001 Part 3.3). Which changes count
 * as significant and how many providers are sampled for a validation visit are in the decision
 * table {@code qaf-validation-visit.dmn}.
 *
 * @param issueBeforeMeeting the QAF is issued this long before the contract management meeting (§2:
 *     three months)
 * @param returnBeforeMeeting and is due back this long before it (§2: six weeks)
 * @param nonReturnAfter a QAF still not returned this long after its deadline is a contract
 *     management issue
 * @param improvementPlanWithin an improvement plan is due this long after a "D" is final (§3.4: two
 *     weeks)
 * @param improvementPlanReminderBefore the provider is reminded this long before the plan is due
 * @param validationAfter the plan is validated this long after {@code validationStartsFrom} (§3.4:
 *     a further month)
 * @param validationStartsFrom PLAN_ACCEPTED (the reviewers accepted the plan) or PLAN_DUE (the end
 *     of the two weeks)
 * @param autoStartCron when the meeting schedule is scanned for QAFs to issue ("-" never)
 * @param autoStartOnStartup also scan when the application starts
 * @param minimumEvidenceCharacters written evidence shorter than this is not evidence (§3: "ticks
 *     are not acceptable"); the seed sets no length
 * @param targetPerformanceLevel the reminder sent with the QAF (§2: the target the Core Strategy
 *     Group agreed for the financial year; the seed does not give it)
 * @param councilTaskWorkingDays the council's steps (desk-top review, visit, decisions) are due
 *     this many working days after they arrive; the seed sets no time
 * @param providerResponseWorkingDays the provider answers its grades within this many working days
 * @param supportPlanAuditFeedbackWithin written feedback on a support plan audit is due this long
 *     after the audit (seed 001 Part 3.4 §5.1: within 4 weeks)
 * @param improvementPlan {@code commissioning.qaf.improvement-plan}
 * @param moderation {@code commissioning.qaf.moderation}
 * @param visitTriggers {@code commissioning.qaf.visit-triggers}
 */
@Validated
@ConfigurationProperties("commissioning.qaf")
public record QafProperties(
    @DefaultValue("P3M") Period issueBeforeMeeting,
    @DefaultValue("P42D") Period returnBeforeMeeting,
    @DefaultValue("P14D") Period nonReturnAfter,
    @DefaultValue("P14D") Period improvementPlanWithin,
    @DefaultValue("P3D") Period improvementPlanReminderBefore,
    @DefaultValue("P1M") Period validationAfter,
    @NotNull(message = "commissioning.qaf.validation-starts-from is required")
        @DefaultValue("PLAN_ACCEPTED")
        ValidationStart validationStartsFrom,
    @NotBlank(message = "commissioning.qaf.auto-start-cron is required")
        @DefaultValue("0 30 6 * * *")
        String autoStartCron,
    @DefaultValue("true") boolean autoStartOnStartup,
    @Positive(message = "commissioning.qaf.minimum-evidence-characters must be at least 1")
        @DefaultValue("20")
        int minimumEvidenceCharacters,
    @NotBlank(message = "commissioning.qaf.target-performance-level is required")
        @DefaultValue("Performance Level C in every core objective")
        String targetPerformanceLevel,
    @Positive(message = "commissioning.qaf.council-task-working-days must be at least 1")
        @DefaultValue("10")
        int councilTaskWorkingDays,
    @Positive(message = "commissioning.qaf.provider-response-working-days must be at least 1")
        @DefaultValue("10")
        int providerResponseWorkingDays,
    @DefaultValue("P28D") Period supportPlanAuditFeedbackWithin,
    @Valid @NotNull(message = "commissioning.qaf.improvement-plan is required") @DefaultValue
        Plan improvementPlan,
    @Valid @NotNull(message = "commissioning.qaf.moderation is required") @DefaultValue
        Moderation moderation,
    @Valid @NotNull(message = "commissioning.qaf.visit-triggers is required") @DefaultValue
        VisitTriggers visitTriggers) {

  public enum ValidationStart {
    PLAN_ACCEPTED,
    PLAN_DUE
  }

  /**
   * Working days the people in an improvement plan (§3.4) have for their tasks; the seed sets none
   * of these. The plan's own periods (two weeks, the reminder, the month to validation) are above.
   *
   * @param resubmissionWorkingDays a plan sent back is due again this many working days after it
   *     was sent back; the original two-week deadline stays the one breaches are measured against
   * @param reviewWorkingDays the purchasing officer and the contracts manager have this long to
   *     review a plan
   * @param councilActionWorkingDays a chase, validation, report to the Core Strategy Group is due
   *     in this long
   */
  public record Plan(
      @Positive(
              message =
                  "commissioning.qaf.improvement-plan.resubmission-working-days must be at least 1")
          @DefaultValue("5")
          int resubmissionWorkingDays,
      @Positive(
              message = "commissioning.qaf.improvement-plan.review-working-days must be at least 1")
          @DefaultValue("5")
          int reviewWorkingDays,
      @Positive(
              message =
                  "commissioning.qaf.improvement-plan.council-action-working-days must be at least 1")
          @DefaultValue("5")
          int councilActionWorkingDays) {}

  /**
   * The contracts manager's moderation (§3.2).
   *
   * @param dueWorkingDays the moderation task is due by the end of this many working days after the
   *     QAF was put forward; the seed sets no time, "2 QAFs per Purchasing Officer per annum" only
   */
  public record Moderation(
      @Positive(message = "commissioning.qaf.moderation.due-working-days must be at least 1")
          @DefaultValue("10")
          int dueWorkingDays) {}

  /**
   * How validation-visit triggers 3 and 4 (§3.3) are pre-answered from what the system holds for
   * the provider over the assessment year: each source answers "yes" once it reaches its threshold;
   * a threshold of 0 leaves that source out. The seed gives no numbers ("eg complaints"), so one of
   * anything is a concern by default.
   *
   * @param lookBack the assessment year: this long before the desk-top review
   * @param complaints trigger 3: complaints about the provider
   * @param seriousIncidents trigger 3: serious incidents
   * @param safeguardingAlerts trigger 3: safeguarding alerts
   * @param breaches trigger 3: deadlines missed or met late
   * @param lateReturns trigger 3 ("inadequate information on the Performance Indicators"): late
   *     performance returns
   * @param kpisBelowTrigger trigger 3: KPI values below their trigger
   * @param procurementReviews trigger 4: procurements under way that replace the contract or cover
   *     its service area ("services reviewed in accordance with the procurement timetable")
   */
  public record VisitTriggers(
      @DefaultValue("P12M") Period lookBack,
      @PositiveOrZero @DefaultValue("1") int complaints,
      @PositiveOrZero @DefaultValue("1") int seriousIncidents,
      @PositiveOrZero @DefaultValue("1") int safeguardingAlerts,
      @PositiveOrZero @DefaultValue("1") int breaches,
      @PositiveOrZero @DefaultValue("1") int lateReturns,
      @PositiveOrZero @DefaultValue("1") int kpisBelowTrigger,
      @PositiveOrZero @DefaultValue("1") int procurementReviews) {

    public VisitTriggers {
      requirePositive("visit-triggers.look-back", lookBack);
    }

    /** A count that reaches its threshold; never for a source left out. */
    static boolean reaches(int count, int threshold) {
      return threshold > 0 && count >= threshold;
    }
  }

  // A Period has no standard positive (or non-null) constraint, and the two meeting periods are
  // checked together.
  public QafProperties {
    requirePositive("issue-before-meeting", issueBeforeMeeting);
    requirePositive("return-before-meeting", returnBeforeMeeting);
    requirePositive("non-return-after", nonReturnAfter);
    requirePositive("improvement-plan-within", improvementPlanWithin);
    requirePositive("improvement-plan-reminder-before", improvementPlanReminderBefore);
    requirePositive("validation-after", validationAfter);
    requirePositive("support-plan-audit-feedback-within", supportPlanAuditFeedbackWithin);
    if (!returnBeforeMeetingIsAfterIssue(issueBeforeMeeting, returnBeforeMeeting)) {
      throw new IllegalArgumentException(
          "commissioning.qaf.return-before-meeting must leave time after the QAF is issued");
    }
  }

  private static boolean returnBeforeMeetingIsAfterIssue(Period issue, Period ret) {
    // Compared on a fixed day so that months and days can be mixed.
    LocalDate meeting = LocalDate.of(2026, 6, 30);
    return meeting.minus(ret).isAfter(meeting.minus(issue));
  }

  private static void requirePositive(String name, Period value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          "commissioning.qaf." + name + " must be a positive period");
    }
  }
}
