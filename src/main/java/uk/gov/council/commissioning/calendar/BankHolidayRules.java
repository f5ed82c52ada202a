package uk.gov.council.commissioning.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The regular pattern of bank holidays, for years the published data does not cover.
 *
 * <p>One-off holidays and moved holidays (jubilees, state funerals, coronations) are made by royal
 * proclamation and cannot be predicted; they only ever reach the application through the published
 * data.
 */
final class BankHolidayRules {

  private BankHolidayRules() {}

  /** The regular bank holidays of {@code nation} in {@code year}, substitute days included. */
  public static Set<LocalDate> holidays(Nation nation, int year) {
    Set<LocalDate> holidays = new TreeSet<>();
    LocalDate easter = easterSunday(year);
    holidays.add(easter.minusDays(2));
    if (nation != Nation.SCOTLAND) {
      holidays.add(easter.plusDays(1));
    }
    holidays.add(firstMonday(year, 5));
    holidays.add(lastMonday(year, 5));
    holidays.add(nation == Nation.SCOTLAND ? firstMonday(year, 8) : lastMonday(year, 8));

    List<LocalDate> fixed = new ArrayList<>();
    for (MonthDay day : fixedDates(nation)) {
      fixed.add(day.atYear(year));
    }
    // Fixed dates that fall on a weekday are taken first, so that a weekend holiday's substitute
    // moves past them (Christmas on Sunday: Boxing Day stays on Monday, the substitute is Tuesday).
    fixed.stream().filter(d -> !isWeekend(d)).forEach(holidays::add);
    for (LocalDate date : fixed) {
      if (isWeekend(date)) {
        LocalDate substitute = date.plusDays(1);
        while (isWeekend(substitute) || holidays.contains(substitute)) {
          substitute = substitute.plusDays(1);
        }
        holidays.add(substitute);
      }
    }
    return holidays;
  }

  /**
   * Easter Sunday in the Gregorian calendar (the anonymous Gregorian, or Meeus/Jones/Butcher,
   * algorithm).
   */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  /** New Year's Day, Christmas Day and Boxing Day are holidays in every nation. */
  private static final List<MonthDay> FIXED_EVERYWHERE =
      List.of(MonthDay.of(1, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));

  /** In date order, which is the order their weekend substitutes are given in. */
  private static List<MonthDay> fixedDates(Nation nation) {
    List<MonthDay> own =
        switch (nation) {
          case ENGLAND_AND_WALES -> List.of();
          // 2 January and St Andrew's Day.
          case SCOTLAND -> List.of(MonthDay.of(1, 2), MonthDay.of(11, 30));
          // St Patrick's Day and the Battle of the Boyne.
          case NORTHERN_IRELAND -> List.of(MonthDay.of(3, 17), MonthDay.of(7, 12));
        };
    return Stream.concat(FIXED_EVERYWHERE.stream(), own.stream()).sorted().toList();
  }

  private static LocalDate firstMonday(int year, int month) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
  }

  private static LocalDate lastMonday(int year, int month) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
  }

  private static boolean isWeekend(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
