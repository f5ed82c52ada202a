package uk.gov.council.commissioning.meetings;

import java.time.DateTimeException;
import java.time.Year;
import java.time.YearMonth;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The year and month a meeting request names, read the one way every meeting endpoint and page
 * reads them: a year or month that cannot be read is refused naming the parameter.
 */
public final class MeetingPeriods {

  private MeetingPeriods() {}

  /** A year between 2000 and 2100; refused naming {@code year} otherwise. */
  public static Year year(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException("year", "is required, e.g. 2027");
    }
    try {
      Year year = Year.parse(text.strip());
      if (year.getValue() < 2000 || year.getValue() > 2100) {
        throw new InvalidRequestException("year", "must be between 2000 and 2100");
      }
      return year;
    } catch (DateTimeException e) {
      throw new InvalidRequestException("year", "must be a year, e.g. 2027");
    }
  }

  /** A year and month, "2027-03"; refused naming {@code month} otherwise. */
  public static YearMonth month(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException("month", "is required, e.g. 2027-03");
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeException e) {
      throw new InvalidRequestException("month", "must be a year and month, e.g. 2027-03");
    }
  }
}
