package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.qaf.QafProperties.ValidationStart;
import uk.gov.council.commissioning.testkit.TestCalendars;
import uk.gov.council.commissioning.testkit.TestDeadlines;

/**
 * When an improvement plan's deadlines fall (seed 001 3.3 §3.4); every deadline ends at UK
 * midnight.
 */
class ImprovementPlanDeadlinesTest {

  private static final WorkingDayCalendar CALENDAR = TestCalendars.englandAndWales();

  private static ImprovementPlanDeadlines deadlines(ValidationStart from) {
    QafProperties qaf =
        new QafProperties(
            Period.ofMonths(3),
            Period.ofDays(42),
            Period.ofDays(14),
            Period.ofDays(14),
            Period.ofDays(3),
            Period.ofMonths(1),
            from,
            "-",
            false,
            20,
            "Performance Level C in every core objective",
            10,
            10,
            Period.ofDays(28),
            new QafProperties.Plan(5, 5, 5),
            new QafProperties.Moderation(10),
            new QafProperties.VisitTriggers(Period.ofMonths(12), 1, 1, 1, 1, 1, 1, 1));
    return new ImprovementPlanDeadlines(CALENDAR, TestDeadlines.withoutRegister(CALENDAR), qaf);
  }

  @Test
  void thePlanIsDueAtTheEndOfTheDayTwoWeeksAfterTheFinalDAndRemindedThreeDaysBefore() {
    ImprovementPlanDeadlines d = deadlines(ValidationStart.PLAN_ACCEPTED);
    // Monday 2 March 2026, 10:00 GMT: due by the end of Monday 16 March.
    Instant due = d.planDue(Instant.parse("2026-03-02T10:00:00Z"));

    assertThat(due).isEqualTo("2026-03-17T00:00:00Z");
    assertThat(d.reminderAt(due)).isEqualTo("2026-03-14T00:00:00Z");
    assertThat(ImprovementPlanTimes.text(due)).isEqualTo("end of Mon 16 Mar 2026");
  }

  @Test
  void aDeadlineAfterTheClocksGoForwardEndsAtUkMidnight() {
    // Graded late on Tuesday 24 March 2026 (GMT); the plan is due by the end of 7 April (BST).
    assertThat(
            deadlines(ValidationStart.PLAN_ACCEPTED).planDue(Instant.parse("2026-03-24T23:30:00Z")))
        .isEqualTo("2026-04-07T23:00:00Z");
  }

  /**
   * A plan due by the end of 16 March 2026. From acceptance, the month runs from the day it was
   * accepted (Friday 20 March: validated after the end of Monday 20 April, BST). From the due date,
   * it runs from the plan's last day (validated after the end of 16 April), however long the review
   * took.
   */
  @ParameterizedTest(name = "{0}, accepted {1}: validation due {2}")
  @CsvSource({
    "PLAN_ACCEPTED, 2026-03-20T15:00:00Z, 2026-04-20T23:00:00Z",
    "PLAN_DUE,      2026-03-20T15:00:00Z, 2026-04-16T23:00:00Z",
    "PLAN_DUE,      2026-04-01T15:00:00Z, 2026-04-16T23:00:00Z"
  })
  void theValidationMonthRunsFromTheConfiguredStart(
      ValidationStart from, Instant accepted, Instant validationDue) {
    Instant planDue = Instant.parse("2026-03-17T00:00:00Z");

    assertThat(deadlines(from).validationDue(planDue, accepted)).isEqualTo(validationDue);
  }
}
