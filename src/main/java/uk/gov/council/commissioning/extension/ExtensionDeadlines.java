package uk.gov.council.commissioning.extension;

import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.TimeAcceleration;

/**
 * The moments the extension process's timers fire at, from the register's dates, the council's
 * periods and the working-day calendar. Time acceleration (demos) applies here, once.
 */
@Component
public class ExtensionDeadlines {

  private final WorkingDayCalendar calendar;
  private final TimeAcceleration acceleration;
  private final ExtensionProperties properties;

  public ExtensionDeadlines(
      WorkingDayCalendar calendar, TimeAcceleration acceleration, ExtensionProperties properties) {
    this.calendar = calendar;
    this.acceleration = acceleration;
    this.properties = properties;
  }

  /** The day an undecided case is escalated: the notice period before the contract's end date. */
  public LocalDate escalationDay(LocalDate contractEnd) {
    return contractEnd.minus(properties.escalationNotice());
  }

  public Date escalationAt(LocalDate contractEnd) {
    return atStartOf(escalationDay(contractEnd));
  }

  /** The Chief Officer is alerted when the last day of the contract begins. */
  public Date lapseAt(LocalDate contractEnd) {
    return atStartOf(contractEnd);
  }

  /** The last working day on which a published key decision can be called in. */
  public LocalDate callInLastDay(LocalDate publication) {
    return calendar.addWorkingDays(publication, properties.callInWorkingDays());
  }

  /** The call-in period ends when the last call-in day is over. */
  public Date callInEndsAt(LocalDate publication) {
    return acceleration.compressUntil(
        calendar.startOfDayAfter(callInLastDay(publication)).toInstant());
  }

  private Date atStartOf(LocalDate day) {
    return acceleration.compressUntil(calendar.startOfDayAfter(day.minusDays(1)).toInstant());
  }
}
