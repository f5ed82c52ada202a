package uk.gov.council.commissioning.forms;

import java.util.List;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * A person's input that a step refuses (a form, a start): not a failure of the system. The refusal
 * travels as this object from where a rule refuses to where the answer is written, so that the
 * engine APIs answer 400 with each field and its reason, whatever the engine wrapped it in on the
 * way.
 */
public interface Refusal {

  /** What was refused, e.g. "Plan the timetable cannot be completed". */
  String headline();

  /** Each problem with the field it concerns (null for the whole request). */
  List<FieldProblem> fieldProblems();

  /**
   * The problems written as "field: reason", as the checks phrase them, split into field and
   * reason.
   */
  static List<FieldProblem> split(List<String> problems) {
    return problems.stream().map(Refusal::split).toList();
  }

  static FieldProblem split(String problem) {
    int colon = problem.indexOf(": ");
    String field = colon < 0 ? null : problem.substring(0, colon);
    if (field == null || !field.matches("[A-Za-z][A-Za-z0-9_]*")) {
      return new FieldProblem(null, problem);
    }
    return new FieldProblem(field, problem.substring(colon + 2));
  }
}
