package uk.gov.council.commissioning.extension;

import java.time.Instant;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

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

  private Instant startOf(LocalDate day) {
    return calendar.startOfDayAfter(day.minusDays(1)).toInstant();
  }
}
