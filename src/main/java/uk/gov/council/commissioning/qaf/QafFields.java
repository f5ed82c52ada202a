package uk.gov.council.commissioning.qaf;

import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The answers every stage of the QAF shares. How long a text may be is each form's own limit (its
 * register column's size where it is recorded), checked with {@code FormChecks.againstForm}.
 */
final class QafFields {

  static final Set<String> YES_NO = Set.of("YES", "NO");

  private QafFields() {}

  /** The field's text, trimmed; null when blank. */
  static String text(VariableScope scope, String field) {
    Object value = scope.getVariable(field);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
