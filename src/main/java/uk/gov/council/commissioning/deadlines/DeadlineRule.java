package uk.gov.council.commissioning.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/**
 * How a deadline is counted from the moment it runs from. A deadline counted in days ends when its
 * last day ends (midnight, UK time); one counted in hours ends exactly that long after.
 *
 * @param basis how {@code amount} is counted
 * @param amount days for {@link Basis#WORKING_DAYS} and {@link Basis#CALENDAR}; the period for
 *     {@link Basis#HOURS}
 * @param seedSection where the rule comes from, e.g. {@code "002 App K"}
 */
public record DeadlineRule(Basis basis, Duration amount, String seedSection) {

  /** How a deadline was computed; stored on its row. */
  public enum Basis {
    CALENDAR,
    WORKING_DAYS,
    HOURS,
    FIXED_DATE
  }

  public DeadlineRule {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("A deadline cannot be due before it runs from: " + amount);
    }
  }

  /** By the end of the {@code days}th working day after the day it runs from. */
  public static DeadlineRule workingDays(int days, String seedSection) {
    return new DeadlineRule(Basis.WORKING_DAYS, Duration.ofDays(days), seedSection);
  }

  /** By the end of the {@code days}th calendar day after the day it runs from. */
  public static DeadlineRule calendarDays(int days, String seedSection) {
    return new DeadlineRule(Basis.CALENDAR, Duration.ofDays(days), seedSection);
  }

  /** Exactly {@code period} after it runs from, whatever the day. */
  public static DeadlineRule hours(Duration period, String seedSection) {
    return new DeadlineRule(Basis.HOURS, period, seedSection);
  }

  /** When a deadline counted by this rule from {@code from} is due. */
  public Instant dueFrom(Instant from, WorkingDayCalendar calendar) {
    LocalDate day = from.atZone(WorkingDayCalendar.UK).toLocalDate();
    int days = Math.toIntExact(amount.toDays());
    return switch (basis) {
      case HOURS -> from.plus(amount);
      case CALENDAR -> calendar.startOfDayAfter(day.plusDays(days)).toInstant();
      case WORKING_DAYS -> calendar.startOfDayAfter(calendar.addWorkingDays(day, days)).toInstant();
      case FIXED_DATE -> throw new IllegalStateException("A fixed date is given, not counted");
    };
  }
}
