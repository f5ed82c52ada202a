package uk.gov.council.commissioning.meetingviews;

import java.time.Year;
import java.time.YearMonth;
import uk.gov.council.commissioning.meetings.MeetingPeriods;

/**
 * The period a schedule view shows: a year, or one month of it.
 *
 * @param month null for the whole year
 */
record SchedulePeriod(Year year, YearMonth month) {

  /**
   * The period asked for: {@code year}, else the month's year, else {@code whenNone}; a year or
   * month that cannot be read is refused naming it, and so is no year at all when {@code whenNone}
   * is null.
   */
  static SchedulePeriod of(String year, String month, Year whenNone) {
    YearMonth only = month == null || month.isBlank() ? null : MeetingPeriods.month(month);
    boolean yearGiven = year != null && !year.isBlank();
    if (yearGiven || (only == null && whenNone == null)) {
      return new SchedulePeriod(MeetingPeriods.year(year), only);
    }
    return new SchedulePeriod(only != null ? Year.of(only.getYear()) : whenNone, only);
  }
}
