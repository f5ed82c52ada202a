package uk.gov.council.commissioning.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/**
 * A calendar quarter, as seed 002 App C reports by: 2026-Q3 is 1 July to 30 September 2026. Its
 * bounds are UK days, so a quarter that starts or ends in British Summer Time starts or ends an
 * hour before midnight UTC.
 */
public record Quarter(int year, int number) {

  private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

  public Quarter {
    if (year < 1 || year > 9999 || number < 1 || number > 4) {
      throw new IllegalArgumentException("No such quarter: " + year + "-Q" + number);
    }
  }

  /** Reads "2026-Q3"; empty for anything else. */
  public static Optional<Quarter> parse(String text) {
    Matcher m = text == null ? null : TEXT.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  public LocalDate firstDay() {
    return LocalDate.of(year, 3 * (number - 1) + 1, 1);
  }

  public LocalDate lastDay() {
    return firstDay().plusMonths(3).minusDays(1);
  }

  /** The first moment of the quarter: midnight, UK time, on its first day. */
  public Instant start() {
    return firstDay().atStartOfDay(WorkingDayCalendar.UK).toInstant();
  }

  /** The first moment after the quarter: midnight, UK time, after its last day. */
  public Instant end() {
    return firstDay().plusMonths(3).atStartOfDay(WorkingDayCalendar.UK).toInstant();
  }

  public boolean contains(Instant moment) {
    return !moment.isBefore(start()) && moment.isBefore(end());
  }

  @Override
  public String toString() {
    return String.format("%04d-Q%d", year, number);
  }
}
