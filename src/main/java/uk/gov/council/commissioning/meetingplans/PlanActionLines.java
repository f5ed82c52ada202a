package uk.gov.council.commissioning.meetingplans;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import uk.gov.council.commissioning.meetingplans.AgreedActions.AgreedAction;

/**
 * The plan's actions as the provider writes them on the form, one a line: {@code what is to be done
 * | who owns it | target date (yyyy-mm-dd)}. Seed 001 Part 3.1 §3.5: "All actions identified have
 * an action owner and a target completion date", so a line without either is refused, naming the
 * line.
 */
final class PlanActionLines {

  static final String FIELD = "planActions";
  static final int MOST_ACTIONS = 50;
  private static final String SEPARATOR = "|";

  private PlanActionLines() {}

  /** One action as written. */
  record Line(String description, String owner, LocalDate targetDate) {}

  /** The actions, or the problems with them (each "line n ..."); never both. */
  record Parsed(List<Line> lines, List<String> problems) {}

  static Parsed parse(String text, LocalDate today) {
    List<Line> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] rows = text == null ? new String[0] : text.split("\\R");
    int number = 0;
    for (String row : rows) {
      number++;
      if (row.isBlank()) {
        continue;
      }
      String[] parts = row.split("\\|", -1);
      String description = part(parts, 0);
      String owner = part(parts, 1);
      String date = part(parts, 2);
      String at = "line " + number;
      if (parts.length > 3) {
        problems.add(at + " has more than three parts: write what | who | target date");
        continue;
      }
      if (description.isEmpty()) {
        problems.add(at + " does not say what the action is");
      } else if (description.length() > 1000) {
        problems.add(at + " describes the action in more than 1000 characters");
      }
      if (owner.isEmpty()) {
        problems.add(at + " has no action owner");
      } else if (owner.length() > 200) {
        problems.add(at + " names an owner of more than 200 characters");
      }
      LocalDate target = null;
      if (date.isEmpty()) {
        problems.add(at + " has no target date");
      } else {
        try {
          target = LocalDate.parse(date);
          if (target.isBefore(today)) {
            problems.add(at + " has the target date " + target + ", which is in the past");
          }
        } catch (DateTimeParseException e) {
          problems.add(at + " has the target date " + date + ", which is not a date as yyyy-mm-dd");
        }
      }
      lines.add(new Line(description, owner, target));
    }
    if (lines.isEmpty() && problems.isEmpty()) {
      problems.add("the plan needs at least one action, one a line: what | who | target date");
    }
    if (lines.size() > MOST_ACTIONS) {
      problems.add("a plan has at most " + MOST_ACTIONS + " actions, not " + lines.size());
    }
    return problems.isEmpty() ? new Parsed(lines, List.of()) : new Parsed(List.of(), problems);
  }

  /** The lines a form opens with. */
  static String format(List<Line> lines) {
    return lines.stream()
        .map(
            l ->
                l.description()
                    + " "
                    + SEPARATOR
                    + " "
                    + l.owner()
                    + " "
                    + SEPARATOR
                    + " "
                    + l.targetDate())
        .collect(Collectors.joining("\n"));
  }

  static List<Line> of(List<AgreedAction> agreed) {
    return agreed.stream().map(a -> new Line(a.description(), a.owner(), a.targetDate())).toList();
  }

  private static String part(String[] parts, int index) {
    return parts.length > index ? parts[index].strip() : "";
  }
}
