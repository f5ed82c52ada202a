package uk.gov.council.commissioning.qaf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.gov.council.commissioning.forms.FormChecks;

/** What the QAF's forms may hold: the text limits and the answers every stage shares. */
final class QafFields {

  /** A form's text held only as a case or task variable (the engine's text column). */
  static final int MAX_TEXT = 4000;

  /** Text written to the register: its column's size (migrations V6, V7). */
  static final Map<String, Integer> REGISTER_LIMITS = registerLimits();

  static final Set<String> YES_NO = Set.of("YES", "NO");

  private QafFields() {}

  /** The field's text, trimmed; null when blank. */
  static String text(VariableScope scope, String field) {
    Object value = scope.getVariable(field);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** The field fits where it is kept: the register's column, or the engine's text column. */
  static void atMost(FormChecks checks, VariableScope scope, String field) {
    Object value = scope.getVariable(field);
    int limit = REGISTER_LIMITS.getOrDefault(field, MAX_TEXT);
    if (value != null && value.toString().trim().length() > limit) {
      checks.problem(
          field,
          "at most " + limit + " characters (this has " + value.toString().trim().length() + ")");
    }
  }

  private static Map<String, Integer> registerLimits() {
    Map<String, Integer> limits = new LinkedHashMap<>();
    limits.put("lateExplanation", 2000);
    limits.put("concernsDetails", 2000);
    limits.put("concernsToCsg", 2000);
    limits.put("summarySignedBy", 200);
    for (QafObjective o : QafObjective.values()) {
      limits.put(o.explanationField(), 2000);
      limits.put(o.officerCommentsField(), 4000);
    }
    return Map.copyOf(limits);
  }
}
