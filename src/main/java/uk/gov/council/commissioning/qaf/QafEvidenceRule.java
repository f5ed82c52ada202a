package uk.gov.council.commissioning.qaf;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether a returned QAF is complete (seed 001 Part 3.3 §3): a grade from A to D for every core
 * objective the variant asks for; written evidence under every section of each level up to the
 * claimed grade ("if a Provider is claiming a B grade, all sections under grade C and grade B
 * require completing"; D needs none); "ticks are not acceptable"; and the summary sheet completed.
 * Pure: it reads the form's values through a function and returns every problem, each naming its
 * field.
 */
final class QafEvidenceRule {

  public static final Set<String> GRADES = Set.of("A", "B", "C", "D");

  /** What people write instead of evidence, compared without case, spaces or punctuation. */
  static final Set<String> TICKS =
      Set.of(
          "x",
          "y",
          "yes",
          "n",
          "no",
          "na",
          "none",
          "tick",
          "ticked",
          "done",
          "ok",
          "okay",
          "complete",
          "completed",
          "seeattached",
          "asabove",
          "asperpolicy",
          "inplace",
          "true",
          "met");

  /** A problem with one field, e.g. {@code c13EvidenceB}. */
  public record Problem(String field, String message) {
    public String text() {
      return field + ": " + message;
    }
  }

  private final int minimumCharacters;

  public QafEvidenceRule(int minimumCharacters) {
    if (minimumCharacters < 1) {
      throw new IllegalArgumentException("minimumCharacters must be at least 1");
    }
    this.minimumCharacters = minimumCharacters;
  }

  /**
   * Checks a return.
   *
   * @param variant FULL, LITE or LITE_ALARM
   * @param values the form's values by field name
   * @return every problem; empty when the return is complete
   */
  public List<Problem> check(String variant, Function<String, Object> values) {
    List<Problem> problems = new ArrayList<>();
    for (QafObjective objective : QafObjective.of(variant)) {
      String grade = grade(values.apply(objective.gradeField()));
      if (grade == null) {
        problems.add(
            new Problem(
                objective.gradeField(),
                objective.code()
                    + " grade: "
                    + gradeProblem(values.apply(objective.gradeField()))));
        continue;
      }
      for (char level : levelsToEvidence(grade)) {
        String field = objective.evidenceField(level);
        String why = evidenceProblem(values.apply(field));
        if (why != null) {
          problems.add(
              new Problem(field, objective.code() + " level " + level + " evidence: " + why));
        }
      }
    }
    Object signedBy = values.apply("summarySignedBy");
    if (signedBy == null || signedBy.toString().isBlank()) {
      problems.add(
          new Problem(
              "summarySignedBy", "summary sheet: the name of whoever completed it is required"));
    }
    Object date = values.apply("summaryDate");
    if (date == null || date.toString().isBlank()) {
      problems.add(new Problem("summaryDate", "summary sheet: the date is required"));
    } else if (parseDate(date) == null) {
      problems.add(new Problem("summaryDate", "summary sheet: must be a date (YYYY-MM-DD)"));
    }
    return problems;
  }

  /**
   * The levels whose sections need written evidence for a claimed grade: none for D, C for C, C and
   * B for B, C, B and A for A.
   */
  public static char[] levelsToEvidence(String grade) {
    return switch (grade) {
      case "A" -> new char[] {'C', 'B', 'A'};
      case "B" -> new char[] {'C', 'B'};
      case "C" -> new char[] {'C'};
      default -> new char[0];
    };
  }

  /** Null when the text is written evidence; otherwise why it is not. */
  public String evidenceProblem(Object value) {
    if (value == null || value.toString().isBlank()) {
      return "written evidence is required";
    }
    String text = value.toString().strip();
    if (isTick(text)) {
      return "written evidence is required (a tick is not evidence)";
    }
    if (text.length() < minimumCharacters) {
      return "written evidence of at least "
          + minimumCharacters
          + " characters is required (a tick is not"
          + " evidence)";
    }
    return null;
  }

  /**
   * A tick, a cross or a one-word answer in place of evidence: ✓, ✔, x, yes, n/a, "tick", "done"...
   */
  static boolean isTick(String text) {
    String letters = text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]", "");
    if (letters.isEmpty()) {
      return true;
    }
    if (letters
        .codePoints()
        .allMatch(
            c ->
                Character.getType(c) == Character.OTHER_SYMBOL
                    || Character.getType(c) == Character.MATH_SYMBOL
                    || Character.getType(c) == Character.DASH_PUNCTUATION)) {
      return true;
    }
    return TICKS.contains(letters);
  }

  /** The grade as A to D, or null when it is not one. */
  public static String grade(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip().toUpperCase(Locale.ROOT);
    return GRADES.contains(text) ? text : null;
  }

  static String gradeProblem(Object value) {
    return value == null || value.toString().isBlank()
        ? "a grade is required (A, B, C or D)"
        : "must be A, B, C or D, not \"" + value.toString().strip() + "\"";
  }

  /** Grades as steps: A 4, B 3, C 2, D 1. */
  public static int steps(String grade) {
    return switch (grade) {
      case "A" -> 4;
      case "B" -> 3;
      case "C" -> 2;
      case "D" -> 1;
      default -> throw new IllegalArgumentException("Not a grade: " + grade);
    };
  }

  /**
   * The largest change, in grade steps, on any objective graded both times (§3.3 trigger 1:
   * "significant improvement or deterioration compared with the latest QAF held").
   *
   * @return null when there is no earlier QAF, or no objective graded both times
   */
  public static Integer largestChange(Map<String, String> previous, Map<String, String> current) {
    Integer largest = null;
    for (Map.Entry<String, String> e : current.entrySet()) {
      String before = grade(previous.get(e.getKey()));
      String now = grade(e.getValue());
      if (before != null && now != null) {
        int change = Math.abs(steps(now) - steps(before));
        largest = largest == null ? change : Math.max(largest, change);
      }
    }
    return largest;
  }

  static LocalDate parseDate(Object value) {
    try {
      return LocalDate.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
