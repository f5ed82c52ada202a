package uk.gov.council.commissioning.procurement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * Turns the days of a procurement into task due dates and the timetable watch's check times. A
 * planned date is a whole day: its deadline is midnight UK time at the end of it. The case's
 * deadlines proper (standstill, commencement, contract notices) are {@link Deadlines} rows; these
 * dates move with every re-plan and are read from the stored timetable instead. What reaches the
 * engine passes through {@link Deadlines#forEngine}, the one place time acceleration is applied.
 */
@Component
@RequiredArgsConstructor
class ProcurementDeadlines {

  private final WorkingDayCalendar calendar;
  private final Deadlines deadlines;
  private final ProcurementProperties properties;
  private final Clock clock;

  /** The end of {@code day}: the due date or check time for something due that day. */
  public Date endOf(LocalDate day) {
    return accelerated(endOfDay(day));
  }

  /** A real moment as the engine's timers and due dates take it. */
  Date accelerated(Instant moment) {
    return deadlines.forEngine(moment);
  }

  /** The end of {@code day} as it really falls, for a deadline's row. */
  Instant endOfDay(LocalDate day) {
    return calendar.startOfDayAfter(day).toInstant();
  }

  /** The start of {@code day} as it really falls: when something that happens that day happens. */
  Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(WorkingDayCalendar.UK).toInstant();
  }

  /** The end of the working day this many working days from today: a council step's due date. */
  public Date councilStepDue() {
    return deadlines.taskDue(properties.approvalStepWorkingDays());
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }

  public Instant currentInstant() {
    return clock.instant();
  }
}
