package uk.gov.council.commissioning.testkit;

import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.deadlines.EngineClock;
import uk.gov.council.commissioning.deadlines.TimeAcceleration;

/**
 * The deadlines kit without a register, for unit tests of a process's deadline rules: it computes
 * task due dates and engine moments on the engine's clock (which {@link TestClock} sets) but cannot
 * record or read a deadline row.
 */
public final class TestDeadlines {

  private TestDeadlines() {}

  public static Deadlines withoutRegister(WorkingDayCalendar calendar) {
    return withoutRegister(calendar, 1);
  }

  /** As {@link #withoutRegister(WorkingDayCalendar)}, with time accelerated by {@code factor}. */
  public static Deadlines withoutRegister(WorkingDayCalendar calendar, double factor) {
    EngineClock clock = new EngineClock();
    return new Deadlines(null, null, calendar, new TimeAcceleration(factor, clock), null, clock);
  }
}
