package uk.gov.council.commissioning.extension;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.DeadlineRule;

/**
 * The extension process's deadline rules, from the register's dates, the council's periods and the
 * working-day calendar. The case's steps record them as {@code case_deadline} rows, which the
 * timers read.
 */
@Component
public class ExtensionDeadlines {

  /** Escalation to the contracts managers before the contract ends. */
  static final String ESCALATION = "ESCALATION";

  /** The contract's last day begins with the case still undecided. */
  static final String LAPSE = "LAPSE";

  /** The call-in period of a published key decision ends. */
  static final String CALL_IN = "CALL_IN";

  static final String ESCALATION_SECTION = "000 §4.9";
  static final String LAPSE_SECTION = "000 §12.1";
  static final String CALL_IN_SECTION = "000 front sheet (Call-in)";

  private final WorkingDayCalendar calendar;
  private final ExtensionProperties properties;

  public ExtensionDeadlines(WorkingDayCalendar calendar, ExtensionProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

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
    return DeadlineRule.workingDays(properties.callInWorkingDays(), CALL_IN_SECTION);
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
