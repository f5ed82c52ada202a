package uk.gov.council.commissioning.qaf;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The QAF's periods (seed 001 Part 3.3). Which changes count as significant and how many providers
 * are sampled for a validation visit are in the decision table {@code qaf-validation-visit.dmn}.
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
    @DefaultValue("PLAN_ACCEPTED") ValidationStart validationStartsFrom,
    @DefaultValue("0 30 6 * * *") String autoStartCron,
    @DefaultValue("true") boolean autoStartOnStartup) {

  public enum ValidationStart {
    PLAN_ACCEPTED,
    PLAN_DUE
  }

  public QafProperties {
    requirePositive("issue-before-meeting", issueBeforeMeeting);
    requirePositive("return-before-meeting", returnBeforeMeeting);
    requirePositive("non-return-after", nonReturnAfter);
    requirePositive("improvement-plan-within", improvementPlanWithin);
    requirePositive("improvement-plan-reminder-before", improvementPlanReminderBefore);
    requirePositive("validation-after", validationAfter);
    if (!returnBeforeMeetingIsAfterIssue(issueBeforeMeeting, returnBeforeMeeting)) {
      throw new IllegalArgumentException(
          "commissioning.qaf.return-before-meeting must leave time after the QAF is issued");
    }
  }

  private static boolean returnBeforeMeetingIsAfterIssue(Period issue, Period ret) {
    // Compared on a fixed day so that months and days can be mixed.
    java.time.LocalDate meeting = java.time.LocalDate.of(2026, 6, 30);
    return meeting.minus(ret).isAfter(meeting.minus(issue));
  }

  private static void requirePositive(String name, Period value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          "commissioning.qaf." + name + " must be a positive period");
    }
  }
}
