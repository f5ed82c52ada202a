package uk.gov.council.commissioning.qaf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.DeadlineRule;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.qaf.QafProperties.ValidationStart;

/**
 * When an improvement plan's deadlines fall (seed 001 3.3 §3.4). Every deadline ends at midnight UK
 * time, at the end of its last day. The steps record them as {@code case_deadline} rows, which the
 * timers read through {@link Deadlines#timer}.
 */
@Component("improvementPlanDeadlines")
public class ImprovementPlanDeadlines {

  /** The kinds of the plan's {@code case_deadline} rows, read by qaf-improvement-plan's timers. */
  public static final String PLAN = ImprovementPlanSteps.REQUIREMENT;

  public static final String REMINDER = "PLAN_REMINDER";
  public static final String RESUBMISSION = "PLAN_RESUBMISSION";
  public static final String VALIDATION = "PLAN_VALIDATION";

  static final String SECTION = "001 Part 3.3 §3.4";

  private final WorkingDayCalendar calendar;
  private final Deadlines deadlines;
  private final QafProperties qaf;
  private final QafProperties.Plan properties;

  public ImprovementPlanDeadlines(
      WorkingDayCalendar calendar, Deadlines deadlines, QafProperties qaf) {
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.qaf = qaf;
    this.properties = qaf.improvementPlan();
  }

  /**
   * §3.4 "an improvement plan will be expected from the Provider within two weeks" of the final
   * "D".
   */
  public Instant planDue(Instant gradedAt) {
    return endOf(ukDate(gradedAt).plus(qaf.improvementPlanWithin()));
  }

  /** The provider is reminded this long before the plan is due. */
  public Instant reminderAt(Instant planDue) {
    return planDue
        .atZone(WorkingDayCalendar.UK)
        .minus(qaf.improvementPlanReminderBefore())
        .toInstant();
  }

  /**
   * §3.4 "validated after a further period of one month": from the day the reviewers accepted the
   * plan (PLAN_ACCEPTED) or from the plan's due date (PLAN_DUE), as configured; the seed does not
   * say.
   */
  public Instant validationDue(Instant planDue, Instant acceptedAt) {
    LocalDate from =
        qaf.validationStartsFrom() == ValidationStart.PLAN_DUE
            ? Deadlines.lastDay(planDue)
            : ukDate(acceptedAt);
    return endOf(from.plus(qaf.validationAfter()));
  }

  /** A plan sent back is due again by the end of the configured working days after it was. */
  public DeadlineRule resubmission() {
    return DeadlineRule.workingDays(properties.resubmissionWorkingDays(), SECTION);
  }

  /** A plan sent back at {@code sentBackAt} is due again by the end of this working day. */
  public Instant resubmissionDue(Instant sentBackAt) {
    return resubmission().dueFrom(sentBackAt, calendar);
  }

  // The council's own tasks are not deadlines of the case, only due dates shown in Tasklist.

  public Date reviewDue() {
    return deadlines.taskDue(properties.reviewWorkingDays());
  }

  public Date councilActionDue() {
    return deadlines.taskDue(properties.councilActionWorkingDays());
  }

  private Instant endOf(LocalDate lastDay) {
    return calendar.startOfDayAfter(lastDay).toInstant();
  }

  private static LocalDate ukDate(Instant instant) {
    return LocalDate.ofInstant(instant, WorkingDayCalendar.UK);
  }
}
