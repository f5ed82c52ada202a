package uk.gov.council.commissioning.testkit;

import java.util.List;
import uk.gov.council.commissioning.calendar.BankHolidayData;
import uk.gov.council.commissioning.calendar.CalendarProperties;
import uk.gov.council.commissioning.calendar.Nation;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/**
 * The real working-day calendar with the bundled bank holidays and no extra closure days, for unit
 * tests of deadlines that count working days.
 */
public final class TestCalendars {

  private TestCalendars() {}

  /** The default nation, as the application runs unless configured otherwise. */
  public static WorkingDayCalendar englandAndWales() {
    return of(Nation.ENGLAND_AND_WALES);
  }

  public static WorkingDayCalendar of(Nation nation) {
    return new WorkingDayCalendar(
        new CalendarProperties(nation, List.of()), BankHolidayData.bundled());
  }
}
