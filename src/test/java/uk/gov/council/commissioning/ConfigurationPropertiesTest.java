package uk.gov.council.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import uk.gov.council.commissioning.calendar.CalendarProperties;
import uk.gov.council.commissioning.complaints.ComplaintProperties;
import uk.gov.council.commissioning.decisions.DecisionProperties;
import uk.gov.council.commissioning.extension.ExtensionProperties;
import uk.gov.council.commissioning.incidents.IncidentProperties;
import uk.gov.council.commissioning.kpireports.KpiReportsProperties;
import uk.gov.council.commissioning.meetingplans.MeetingFeedbackProperties;
import uk.gov.council.commissioning.meetingplans.MeetingPlanProperties;
import uk.gov.council.commissioning.meetings.MeetingProcessProperties;
import uk.gov.council.commissioning.meetings.MeetingsProperties;
import uk.gov.council.commissioning.procurement.ProcurementProperties;
import uk.gov.council.commissioning.qaf.QafProperties;
import uk.gov.council.commissioning.returns.ReturnDeadlines;
import uk.gov.council.commissioning.returns.ReturnsProperties;
import uk.gov.council.commissioning.returnyear.PerformanceYearProperties;
import uk.gov.council.commissioning.safeguarding.SafeguardingProperties;
import uk.gov.council.commissioning.security.AccessProperties;
import uk.gov.council.commissioning.security.AdminProperties;
import uk.gov.council.commissioning.web.FaultProperties;
import uk.gov.council.commissioning.web.IdempotencyProperties;

/**
 * The properties classes are found the way the application finds them, bound from the shipped
 * application.yml, and a bad value stops the context with a message naming the property.
 */
class ConfigurationPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @ConfigurationPropertiesScan(basePackageClasses = CommissioningApplication.class)
  static class Scanned {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withInitializer(new ConfigDataApplicationContextInitializer())
          .withUserConfiguration(Scanned.class);

  @Test
  void theShippedSettingsBindEveryCapabilitysProperties() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context)
              .hasSingleBean(CalendarProperties.class)
              .hasSingleBean(ComplaintProperties.class)
              .hasSingleBean(DecisionProperties.class)
              .hasSingleBean(ExtensionProperties.class)
              .hasSingleBean(IncidentProperties.class)
              .hasSingleBean(MeetingsProperties.class)
              .hasSingleBean(MeetingProcessProperties.class)
              .hasSingleBean(MeetingPlanProperties.class)
              .hasSingleBean(MeetingFeedbackProperties.class)
              .hasSingleBean(ProcurementProperties.class)
              .hasSingleBean(QafProperties.class)
              .hasSingleBean(ReturnsProperties.class)
              .hasSingleBean(SafeguardingProperties.class)
              .hasSingleBean(AccessProperties.class)
              .hasSingleBean(AdminProperties.class)
              .hasSingleBean(uk.gov.council.commissioning.notify.OutboxDelivery.class)
              .hasSingleBean(ReturnDeadlines.class)
              .hasSingleBean(PerformanceYearProperties.class)
              .hasSingleBean(FaultProperties.class)
              .hasSingleBean(IdempotencyProperties.class);
        });
  }

  @Test
  void theKpiReportsToleranceBindsFromTheShippedSettings() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(KpiReportsProperties.class);
          assertThat(context.getBean(KpiReportsProperties.class).tolerancePercentagePoints())
              .isEqualByComparingTo("5");
          assertThat(context.getBean(KpiReportsProperties.class).toleranceCount()).isZero();
        });
  }

  @Test
  void aNegativeKpiToleranceIsRefusedByItsName() {
    runner
        .withPropertyValues("commissioning.kpi-reports.tolerance-percentage-points=-1")
        .run(
            context ->
                assertRefused(context, "commissioning.kpi-reports.tolerance-percentage-points"));
  }

  @Test
  void aBlankRequiredValueIsRefusedByItsName() {
    runner
        .withPropertyValues("commissioning.admin.username=")
        .run(context -> assertRefused(context, "commissioning.admin", "username"));
  }

  @Test
  void aPeriodThatIsNotPositiveIsRefusedByItsName() {
    runner
        .withPropertyValues("commissioning.incidents.initial-report-within=PT0S")
        .run(context -> assertRefused(context, "commissioning.incidents.initial-report-within"));
    runner
        .withPropertyValues("commissioning.qaf.moderation.due-working-days=0")
        .run(context -> assertRefused(context, "commissioning.qaf.moderation.due-working-days"));
  }

  @Test
  void improvementPlanWorkingDaysMustBePositive() {
    runner
        .withPropertyValues("commissioning.qaf.improvement-plan.resubmission-working-days=0")
        .run(
            context ->
                assertRefused(
                    context, "commissioning.qaf.improvement-plan.resubmission-working-days"));
  }

  @Test
  void theShippedMeetingPriorityLevelsAreGreenYearlyAmberHalfYearlyRedQuarterly() {
    runner.run(
        context ->
            assertThat(context.getBean(MeetingsProperties.class).priorityLevels())
                .containsExactly(
                    java.util.Map.entry("GREEN", 1),
                    java.util.Map.entry("AMBER", 2),
                    java.util.Map.entry("RED", 4)));
  }

  @Test
  void aMeetingPriorityLevelOrDefaultThatDoesNotFitIsRefusedByName() {
    runner
        .withPropertyValues("commissioning.meetings.default-priority=BLUE")
        .run(context -> assertRefused(context, "commissioning.meetings", "BLUE"));
    runner
        .withPropertyValues("commissioning.meetings.priority-levels.RED=5")
        .run(context -> assertRefused(context, "commissioning.meetings", "RED", "not 5"));
    runner
        .withPropertyValues(
            "commissioning.meetings.priority-levels.PURPLE=12",
            "commissioning.meetings.default-priority=PURPLE")
        .run(
            context ->
                assertThat(context.getBean(MeetingsProperties.class).meetingsAYear("PURPLE"))
                    .isEqualTo(12));
  }

  @Test
  void aMeetingsSetUpThatOpensAfterTheLetterIsDueIsRefusedByName() {
    runner
        .withPropertyValues("commissioning.meetings.process.preparation-weeks=2")
        .run(
            context ->
                assertRefused(
                    context,
                    "commissioning.meetings.process.preparation-weeks (2)",
                    "letter-weeks"));
    runner
        .withPropertyValues("commissioning.meetings.process.agenda-days=-1")
        .run(context -> assertRefused(context, "agenda-days must not be negative"));
  }

  @Test
  void theMeetingFollowUpsSettingsBindAndAZeroIsRefusedByName() {
    runner.run(
        context -> {
          assertThat(context.getBean(MeetingPlanProperties.class).planWorkingDays()).isEqualTo(20);
          assertThat(context.getBean(MeetingFeedbackProperties.class).everyNthMeeting())
              .isEqualTo(1);
        });
    runner
        .withPropertyValues("commissioning.meetings.improvement-plan.plan-working-days=0")
        .run(
            context ->
                assertRefused(
                    context, "commissioning.meetings.improvement-plan.plan-working-days"));
    runner
        .withPropertyValues("commissioning.meetings.feedback.every-nth-meeting=0")
        .run(
            context -> assertRefused(context, "commissioning.meetings.feedback.every-nth-meeting"));
  }

  @Test
  void theReturnDeadlinesBindAndAPeriodThatIsNotPositiveIsRefusedByName() {
    runner.run(
        context ->
            assertThat(context.getBean(ReturnDeadlines.class).deadlineAfterQuarterEnd())
                .isEqualTo(java.time.Period.ofDays(28)));
    runner
        .withPropertyValues("commissioning.returns.deadline-after-quarter-end=P0D")
        .run(context -> assertRefused(context, "commissioning.returns.deadline-after-quarter-end"));
    runner
        .withPropertyValues("commissioning.performance-year.review-working-days=0")
        .run(
            context ->
                assertRefused(context, "commissioning.performance-year.review-working-days"));
  }

  private static void assertRefused(
      org.springframework.boot.test.context.assertj.AssertableApplicationContext context,
      String... named) {
    assertThat(context).hasFailed();
    StringBuilder messages = new StringBuilder();
    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertThat(messages.toString()).contains(named);
  }
}
