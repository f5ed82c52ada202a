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

  /** Reads "2026-Q3"; empty for anything else, including the year 0000. */
  public static Optional<Quarter> parse(String text) {
    Matcher m = text == null ? null : TEXT.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 1) {
      return Optional.empty();
    }
    return Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  /** The quarter a UK day falls in. */
  public static Quarter containing(LocalDate day) {
    return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  /** The quarter a moment falls in, by the UK day it falls on. */
  public static Quarter containing(Instant moment) {
    return containing(LocalDate.ofInstant(moment, WorkingDayCalendar.UK));
  }

  /** The quarter before; empty before the first quarter of year 1. */
  public Optional<Quarter> previous() {
    if (number > 1) {
      return Optional.of(new Quarter(year, number - 1));
    }
    return year > 1 ? Optional.of(new Quarter(year - 1, 4)) : Optional.empty();
  }

  /** The quarter after; empty after the last quarter of year 9999. */
  public Optional<Quarter> next() {
    if (number < 4) {
      return Optional.of(new Quarter(year, number + 1));
    }
    return year < 9999 ? Optional.of(new Quarter(year + 1, 1)) : Optional.empty();
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
