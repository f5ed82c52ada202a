package uk.gov.council.commissioning.qaf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.TimeAcceleration;
import uk.gov.council.commissioning.qaf.QafProperties.ValidationStart;

/**
 * When an improvement plan's deadlines fall (seed 001 3.3 §3.4) and its timers fire. Every deadline
 * ends at midnight UK time, at the end of its last day. The register keeps the real deadlines; time
 * acceleration (demos) is applied here, once, to the dates handed to timers and task due dates.
 */
@Component("improvementPlanDeadlines")
public class ImprovementPlanDeadlines {

  private final WorkingDayCalendar calendar;
  private final TimeAcceleration acceleration;
  private final QafProperties qaf;
  private final ImprovementPlanProperties properties;
  private final ImprovementPlanRegister register;

  public ImprovementPlanDeadlines(
      WorkingDayCalendar calendar,
      TimeAcceleration acceleration,
      QafProperties qaf,
      ImprovementPlanProperties properties,
      ImprovementPlanRegister register) {
    this.calendar = calendar;
    this.acceleration = acceleration;
    this.qaf = qaf;
    this.properties = properties;
    this.register = register;
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
            ? lastDay(planDue)
            : ukDate(acceptedAt);
    return endOf(from.plus(qaf.validationAfter()));
  }

  // --- for the BPMN: timers and task due dates, from the register -------------------------------

  public Date planDueTimer(DelegateExecution execution) {
    return timer(plan(execution).planDueAt());
  }

  public Date reminderTimer(DelegateExecution execution) {
    return timer(reminderAt(plan(execution).planDueAt()));
  }

  public Date validationTimer(DelegateExecution execution) {
    Instant due = plan(execution).validationDueAt();
    if (due == null) {
      throw new IllegalStateException(
          "Improvement plan " + execution.getProcessBusinessKey() + " was not accepted");
    }
    return timer(due);
  }

  /** A plan sent back at {@code sentBackAt} is due again by the end of this working day. */
  public Instant resubmissionDue(Instant sentBackAt) {
    return endOf(calendar.addWorkingDays(ukDate(sentBackAt), properties.resubmissionWorkingDays()));
  }

  /**
   * The revision's task due date and timer, from the deadline recorded when the plan was sent back.
   */
  public Date resubmissionTimer(DelegateExecution execution) {
    Instant due = plan(execution).resubmissionDueAt();
    if (due == null) {
      throw new IllegalStateException(
          "Improvement plan " + execution.getProcessBusinessKey() + " was not sent back");
    }
    return timer(due);
  }

  public Date reviewDue() {
    return endOfWorkingDaysFromToday(properties.reviewWorkingDays());
  }

  public Date councilActionDue() {
    return endOfWorkingDaysFromToday(properties.councilActionWorkingDays());
  }

  /** The date a timer (or a task's due date) should carry for a deadline at {@code deadline}. */
  public Date timer(Instant deadline) {
    return acceleration.compressUntil(deadline);
  }

  private Date endOfWorkingDaysFromToday(int workingDays) {
    LocalDate lastDay = calendar.addWorkingDays(ukDate(now()), workingDays);
    return acceleration.compressUntil(endOf(lastDay));
  }

  private ImprovementPlan plan(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    return register
        .findByCaseReference(reference)
        .orElseThrow(
            () ->
                new IllegalStateException("No improvement plan " + reference + " in the register"));
  }

  private Instant endOf(LocalDate lastDay) {
    return calendar.startOfDayAfter(lastDay).toInstant();
  }

  /** The last day of a deadline that ends at midnight. */
  private static LocalDate lastDay(Instant deadline) {
    return ukDate(deadline.minusNanos(1));
  }

  private static LocalDate ukDate(Instant instant) {
    return instant.atZone(WorkingDayCalendar.UK).toLocalDate();
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
