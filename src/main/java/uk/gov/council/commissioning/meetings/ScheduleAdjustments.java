package uk.gov.council.commissioning.meetings;

import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lead purchasing officer's changes to a drafted schedule (seed 001 Part 3.1 §1), written one
 * contract a line: {@code HC-2022-03: 2027-02-10, 2027-08-12} gives that contract these meetings
 * instead of the drafted ones. A blank field keeps the draft. Every line is checked before anything
 * changes: a contract not in the draft, a date that cannot be read, is in the past or outside the
 * schedule's year, or a line with no date (every contract is met at least yearly, seed 002 §20.6)
 * is refused, naming the field and the line.
 */
final class ScheduleAdjustments {

  static final String FIELD = "adjustments";

  /** The changes by contract reference, or the problems, each "adjustments: ...". */
  record Parsed(Map<String, List<LocalDate>> dates, List<String> problems) {}

  private ScheduleAdjustments() {}

  static Parsed parse(String text, Year year, LocalDate today, Set<String> contractsInDraft) {
    Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (NumberedLines.Line numbered : NumberedLines.of(FIELD, text)) {
      String line = numbered.text();
      String where = numbered.where();
      int colon = line.indexOf(':');
      if (colon < 0) {
        problems.add(where + "is not \"contract reference: date, date\" (dates as yyyy-mm-dd)");
        continue;
      }
      String reference = line.substring(0, colon).strip();
      if (!contractsInDraft.contains(reference)) {
        problems.add(where + "names " + reference + ", which is not a contract in the draft");
        continue;
      }
      if (dates.containsKey(reference)) {
        problems.add(where + "names " + reference + " again; give all its dates on one line");
        continue;
      }
      List<LocalDate> days = new ArrayList<>();
      for (String part : line.substring(colon + 1).split(",")) {
        String value = part.strip();
        if (value.isEmpty()) {
          continue;
        }
        LocalDate day;
        try {
          day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
          problems.add(where + "has " + value + ", which is not a date as yyyy-mm-dd");
          continue;
        }
        if (day.isBefore(today)) {
          problems.add(
              where + "has " + day + ", which is in the past: a meeting is scheduled ahead");
        } else if (day.getYear() != year.getValue()) {
          problems.add(where + "has " + day + ", which is not in " + year);
        } else {
          days.add(day);
        }
      }
      if (days.isEmpty() && problems.stream().noneMatch(p -> p.startsWith(where))) {
        problems.add(
            where
                + "gives no meeting date for "
                + reference
                + ": every contract is met at least yearly");
      }
      dates.put(reference, days.stream().distinct().sorted().toList());
    }
    return new Parsed(dates, problems);
  }
}
