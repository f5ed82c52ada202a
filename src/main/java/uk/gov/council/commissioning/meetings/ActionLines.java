package uk.gov.council.commissioning.meetings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions in a meeting's minutes, written one a line as {@code owner; target date; action}
 * ({@code Val Smith (provider); 2027-05-31; Send the training matrix}). Seed 001 Part 3.1 §3.5:
 * "All actions identified have an action owner and a target completion date", so a line without
 * either, a date that cannot be read or is before the meeting, is refused naming the field and the
 * line. Blank lines are skipped; a meeting may agree no action.
 */
final class ActionLines {

  static final String FIELD = "actions";
  static final int MAX_OWNER = 200;
  static final int MAX_DESCRIPTION = 1000;

  record Action(String owner, LocalDate targetDate, String description) {}

  /** The actions, or the problems, each "actions: line n ...". */
  record Parsed(List<Action> actions, List<String> problems) {}

  private ActionLines() {}

  static Parsed parse(String text, LocalDate notBefore) {
    List<Action> actions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new Parsed(actions, problems);
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = FIELD + ": line " + (i + 1) + " ";
      String[] parts = line.split(";", 3);
      String owner = parts[0].strip();
      String date = parts.length > 1 ? parts[1].strip() : "";
      String description = parts.length > 2 ? parts[2].strip() : "";
      int before = problems.size();
      if (owner.isEmpty()) {
        problems.add(where + "has no owner: write \"owner; target date; action\"");
      } else if (owner.length() > MAX_OWNER) {
        problems.add(where + "has an owner longer than " + MAX_OWNER + " characters");
      }
      LocalDate target = null;
      if (date.isEmpty()) {
        problems.add(where + "has no target date: write \"owner; target date; action\"");
      } else {
        try {
          target = LocalDate.parse(date);
          if (target.isBefore(notBefore)) {
            problems.add(where + "has target date " + target + ", which is before " + notBefore);
          }
        } catch (DateTimeParseException e) {
          problems.add(where + "has target date " + date + ", which is not a date as yyyy-mm-dd");
        }
      }
      if (description.isEmpty()) {
        problems.add(where + "does not say what the action is");
      } else if (description.length() > MAX_DESCRIPTION) {
        problems.add(where + "has an action longer than " + MAX_DESCRIPTION + " characters");
      }
      if (problems.size() == before) {
        actions.add(new Action(owner, target, description));
      }
    }
    return new Parsed(actions, problems);
  }
}
