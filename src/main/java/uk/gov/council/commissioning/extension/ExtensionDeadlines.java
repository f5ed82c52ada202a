package uk.gov.council.commissioning.extension;

import java.time.Instant;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.DeadlineRule;

/**
 * The extension process's deadline rules, from the register's dates, the council's periods and the
 * working-day calendar. The case's steps record them as {@code case_deadline} rows, which the
 * timers read.
 */
@Component
@RequiredArgsConstructor
class ExtensionDeadlines {

  private final WorkingDayCalendar calendar;
  private final ExtensionProperties properties;

  /** The day an undecided case is escalated: the notice period before the contract's end date. */
  public LocalDate escalationDay(LocalDate contractEnd) {
    return contractEnd.minus(properties.escalationNotice());
  }

  /** The escalation fires when the escalation day begins. */
  public Instant escalationDue(LocalDate contractEnd) {
    return startOf(escalationDay(contractEnd));
  }

  /** The Chief Officer is alerted when the last day of the contract begins. */
  public Instant lapseDue(LocalDate contractEnd) {
    return startOf(contractEnd);
  }

  /** The call-in period: the configured working days after the day of publication. */
  public DeadlineRule callInRule() {
    return DeadlineRule.workingDays(
        properties.callInWorkingDays(), ExtensionDeadline.CALL_IN.seedSection());
  }

  /** The last working day on which a published key decision can be called in. */
  public LocalDate callInLastDay(LocalDate publication) {
    return calendar.addWorkingDays(publication, properties.callInWorkingDays());
  }

  /** The call-in period ends when the last call-in day is over. */
  public Instant callInEnds(LocalDate publication) {
    return callInRule().dueFrom(startOf(publication), calendar);
  }

  private Instant startOf(LocalDate day) {
    return calendar.startOfDayAfter(day.minusDays(1)).toInstant();
  }
}
