package uk.gov.council.commissioning.meetings;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The further meetings of a provider moving into RED (seed 001 Part 3.1 §4: "further formal
 * Contract Management Meetings planned"): at the RED level's meetings a year, every 12/n months
 * after the meeting for the next twelve months, each on a working day. A date within half an
 * interval of a meeting the contract already has, or after the contract ends, is left out.
 */
final class RedMeetings {

  private RedMeetings() {}

  static List<LocalDate> dates(
      LocalDate heldOn,
      int meetingsAYear,
      List<LocalDate> alreadyPlanned,
      LocalDate contractEnd,
      Predicate<LocalDate> isWorkingDay) {
    int interval = 12 / meetingsAYear;
    long halfInterval = heldOn.until(heldOn.plusMonths(interval), ChronoUnit.DAYS) / 2;
    List<LocalDate> taken = new ArrayList<>(alreadyPlanned);
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 1; i <= meetingsAYear; i++) {
      LocalDate date = heldOn.plusMonths((long) i * interval);
      while (!isWorkingDay.test(date)) {
        date = date.plusDays(1);
      }
      LocalDate candidate = date;
      boolean near =
          taken.stream()
              .anyMatch(d -> Math.abs(ChronoUnit.DAYS.between(d, candidate)) < halfInterval);
      if (!near && !candidate.isAfter(contractEnd)) {
        dates.add(candidate);
        taken.add(candidate);
      }
    }
    return dates;
  }
}
