package uk.gov.council.commissioning.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one place the application decides what a working day is: Monday to Friday, except the
 * configured nation's bank holidays and the council's extra closure days.
 */
@Service
public class WorkingDayCalendar {

  /** Deadlines given as dates are read in UK time, whatever the server's zone. */
  public static final ZoneId UK = ZoneId.of("Europe/London");

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final Nation nation;
  private final Set<LocalDate> extraClosureDays;
  private final BankHolidayData data;
  private final Map<Nation, Map<Integer, Set<LocalDate>>> holidaysByNation =
      new ConcurrentHashMap<>();

  public WorkingDayCalendar(CalendarProperties properties, BankHolidayData data) {
    this.nation = properties.nation();
    this.extraClosureDays = Set.copyOf(properties.extraClosureDays());
    this.data = Objects.requireNonNull(data, "data");
  }

  public Nation nation() {
    return nation;
  }

  /**
   * The bank holidays of the configured nation in {@code year}, extra closure days not included.
   */
  public Set<LocalDate> bankHolidays(int year) {
    return bankHolidays(nation, year);
  }

  /** The bank holidays of {@code nation} in {@code year}, whichever nation is configured. */
  public Set<LocalDate> bankHolidays(Nation nation, int year) {
    return holidaysByNation
        .computeIfAbsent(nation, n -> new ConcurrentHashMap<>())
        .computeIfAbsent(year, y -> loadBankHolidays(nation, y));
  }

  private Set<LocalDate> loadBankHolidays(Nation nation, int year) {
    return data.holidays(nation, year)
        .orElseGet(
            () -> {
              log.info(
                  "No published bank holidays for {} in {}; using the regular rules, which cannot know of one-off holidays",
                  nation.division(),
                  year);
              return Set.copyOf(BankHolidayRules.holidays(nation, year));
            });
  }

  public boolean isWorkingDay(LocalDate date) {
    return isWeekday(date)
        && !extraClosureDays.contains(date)
        && !bankHolidays(date.getYear()).contains(date);
  }

  /**
   * A working day as laws define it when they count bank holidays "in any part of the United
   * Kingdom" (the Procurement Act 2023, for one): Monday to Friday and a bank holiday in none of
   * England and Wales, Scotland or Northern Ireland. The council's own closure days do not count:
   * such a law does not know of them.
   */
  public boolean isWorkingDayThroughoutUk(LocalDate date) {
    if (!isWeekday(date)) {
      return false;
    }
    for (Nation each : Nation.values()) {
      if (bankHolidays(each, date.getYear()).contains(date)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWeekday(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }

  /**
   * The day {@code workingDays} working days after {@code start}, not counting {@code start}
   * itself. With zero, {@code start} if it is a working day, otherwise the next working day.
   */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    return addDays(start, workingDays, this::isWorkingDay);
  }

  /**
   * As {@link #addWorkingDays}, counting only {@linkplain #isWorkingDayThroughoutUk UK-wide working
   * days}.
   */
  public LocalDate addWorkingDaysThroughoutUk(LocalDate start, int workingDays) {
    return addDays(start, workingDays, this::isWorkingDayThroughoutUk);
  }

  private static LocalDate addDays(
      LocalDate start, int workingDays, Predicate<LocalDate> isWorkingDay) {
    Objects.requireNonNull(start, "start");
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays must not be negative, was " + workingDays);
    }
    LocalDate date = start;
    if (workingDays == 0) {
      while (!isWorkingDay.test(date)) {
        date = date.plusDays(1);
      }
      return date;
    }
    int remaining = workingDays;
    while (remaining > 0) {
      date = date.plusDays(1);
      if (isWorkingDay.test(date)) {
        remaining--;
      }
    }
    return date;
  }

  /**
   * Working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 if {@code
   * to} is not later.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    int count = 0;
    for (LocalDate date = fromExclusive.plusDays(1);
        !date.isAfter(toInclusive);
        date = date.plusDays(1)) {
      if (isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Midnight in UK time at the start of the day after {@code date}: a deadline of "by the end of
   * {@code date}" as an instant the engine can schedule against.
   */
  public Date startOfDayAfter(LocalDate date) {
    return Date.from(date.plusDays(1).atStartOfDay(UK).toInstant());
  }
}
