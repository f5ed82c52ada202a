package uk.gov.council.commissioning.meetingviews;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.gov.council.commissioning.meetings.Meeting;
import uk.gov.council.commissioning.meetings.MeetingMonitoring;

/**
 * The arithmetic of the schedule views: a year's meetings under their month headings (every month,
 * so an empty month is said), and the meetings planned and held per officer and per priority level.
 */
final class ScheduleGrouping {

  /** The officer column where the contract names none. */
  static final String NO_OFFICER = "No officer named";

  private ScheduleGrouping() {}

  /** One month heading and the meetings dated in it, by date then contract. */
  record MonthGroup(String month, String name, int planned, int held, List<Meeting> meetings) {}

  /** Meetings planned and held for one officer or priority level. */
  record Count(String name, int planned, int held) {}

  /**
   * The months of {@code year} (or only {@code onlyMonth} when given), each with its meetings; a
   * meeting outside them is left out.
   */
  static List<MonthGroup> byMonth(Year year, YearMonth onlyMonth, List<Meeting> meetings) {
    Map<YearMonth, List<Meeting>> months = new LinkedHashMap<>();
    if (onlyMonth != null) {
      months.put(onlyMonth, new ArrayList<>());
    } else {
      for (int m = 1; m <= 12; m++) {
        months.put(year.atMonth(m), new ArrayList<>());
      }
    }
    meetings.stream()
        .sorted(
            Comparator.comparing(Meeting::meetingDate)
                .thenComparing(Meeting::contractReference)
                .thenComparingLong(Meeting::id))
        .forEach(
            m -> {
              List<Meeting> in = months.get(YearMonth.from(m.meetingDate()));
              if (in != null) {
                in.add(m);
              }
            });
    List<MonthGroup> groups = new ArrayList<>();
    months.forEach(
        (month, in) ->
            groups.add(
                new MonthGroup(
                    month.toString(),
                    MeetingMonitoring.MONTH.format(month),
                    in.size(),
                    held(in),
                    List.copyOf(in))));
    return groups;
  }

  /** Per officer, in name order, those without an officer last. */
  static List<Count> byOfficer(List<Meeting> meetings) {
    List<Count> counts = counts(meetings, ScheduleGrouping::officer);
    List<Count> sorted = new ArrayList<>(counts);
    sorted.sort(
        Comparator.comparing((Count c) -> NO_OFFICER.equals(c.name()))
            .thenComparing(Count::name, String.CASE_INSENSITIVE_ORDER));
    return List.copyOf(sorted);
  }

  /**
   * Per configured priority level in its configured order, every level shown even with no meeting;
   * a level no longer configured follows them.
   */
  static List<Count> byPriority(List<Meeting> meetings, List<String> levels) {
    Map<String, Count> found = new LinkedHashMap<>();
    counts(meetings, Meeting::priority).forEach(c -> found.put(c.name(), c));
    List<Count> ordered = new ArrayList<>();
    for (String level : levels) {
      ordered.add(found.getOrDefault(level, new Count(level, 0, 0)));
    }
    found.values().stream().filter(c -> !levels.contains(c.name())).forEach(ordered::add);
    return List.copyOf(ordered);
  }

  /** The meeting's officer as the views name it. */
  static String officer(Meeting m) {
    return m.contractOfficer() == null || m.contractOfficer().isBlank()
        ? NO_OFFICER
        : m.contractOfficer();
  }

  static int held(List<Meeting> meetings) {
    return (int) meetings.stream().filter(m -> Meeting.HELD.equals(m.status())).count();
  }

  /** Whole days from {@code due} to {@code today}: how late something is. */
  static long daysOverdue(LocalDate due, LocalDate today) {
    return Math.max(0, ChronoUnit.DAYS.between(due, today));
  }

  private static List<Count> counts(List<Meeting> meetings, Function<Meeting, String> key) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Meeting m : meetings) {
      int[] c = counts.computeIfAbsent(key.apply(m), k -> new int[2]);
      c[0]++;
      if (Meeting.HELD.equals(m.status())) {
        c[1]++;
      }
    }
    List<Count> result = new ArrayList<>();
    counts.forEach((name, c) -> result.add(new Count(name, c[0], c[1])));
    return result;
  }
}
