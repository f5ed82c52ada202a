package uk.gov.council.commissioning.cases;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Process variables as a case step sets them. */
public final class CaseVariables {

  private CaseVariables() {}

  /**
   * Sets each of {@code variables} whose value differs from the one the scope holds. A start step
   * gives back many values the start request sent (the contract reference, the yes/no answers):
   * setting one again to the same value writes a row of history for nothing.
   */
  public static void setChanged(VariableScope scope, Map<String, ?> variables) {
    variables.forEach(
        (name, value) -> {
          if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
            scope.setVariable(name, value);
          }
        });
  }
}
