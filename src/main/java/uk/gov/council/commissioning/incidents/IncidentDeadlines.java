package uk.gov.council.commissioning.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.TimeAcceleration;

/**
 * When the serious-incident process's deadlines fall and its timers fire. Both report deadlines run
 * from the moment the incident occurred (seed 002 §12.4-12.5), whenever the case was opened, so a
 * case opened late has timers already due. Time acceleration (demos) applies here, once, to the
 * dates handed to timers and task due dates; the deadlines recorded in the register stay real.
 */
@Component("incidentDeadlines")
public class IncidentDeadlines {

  private final WorkingDayCalendar calendar;
  private final TimeAcceleration acceleration;
  private final IncidentProperties properties;

  public IncidentDeadlines(
      WorkingDayCalendar calendar, TimeAcceleration acceleration, IncidentProperties properties) {
    this.calendar = calendar;
    this.acceleration = acceleration;
    this.properties = properties;
  }

  /** Seed 002 §12.4: "within 12 hours of the occurrence of the incident". */
  public Instant initialReportDue(Instant occurredAt) {
    return occurredAt.plus(properties.initialReportWithin());
  }

  /** Seed 002 §12.5: "no later than 48 hours after the incident has occurred". */
  public Instant reportingFormDue(Instant occurredAt) {
    return occurredAt.plus(properties.reportingFormWithin());
  }

  /** A report still missing at this moment is escalated to the contracts managers. */
  public Instant secondEscalation(Instant due) {
    return due.plus(properties.secondEscalationAfter());
  }

  /** The date a timer (or a task's due date) should carry for a deadline at {@code deadline}. */
  public Date timer(Instant deadline) {
    return acceleration.compressUntil(deadline);
  }

  /**
   * The next request for an update: the end of the update interval's last working day from today.
   */
  public Date nextUpdateAt() {
    return endOfWorkingDaysFromToday(properties.updateIntervalWorkingDays());
  }

  /** When an update or further information asked of the provider today is due. */
  public Date providerResponseDue() {
    return endOfWorkingDaysFromToday(properties.providerResponseWorkingDays());
  }

  /** When a review, follow-up or escalation task created today is due. */
  public Date councilActionDue() {
    return endOfWorkingDaysFromToday(properties.councilActionWorkingDays());
  }

  private Date endOfWorkingDaysFromToday(int workingDays) {
    LocalDate today = now().atZone(WorkingDayCalendar.UK).toLocalDate();
    LocalDate lastDay = calendar.addWorkingDays(today, workingDays);
    return acceleration.compressUntil(calendar.startOfDayAfter(lastDay).toInstant());
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
