package uk.gov.council.commissioning.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import uk.gov.council.commissioning.DmnTable;

/**
 * An approval-route table (a value and whether it is a key decision in, the decision maker out) on
 * the plain DMN engine, with what its tests ask of it: the route and the one rule that chose it.
 */
public final class ApprovalRouteTable {

  private final DmnTable table;
  private final String valueVariable;

  private ApprovalRouteTable(DmnTable table, String valueVariable) {
    this.table = table;
    this.valueVariable = valueVariable;
  }

  /** The table's decision, its value input read from {@code valueVariable}. */
  public static ApprovalRouteTable load(String resource, String decisionKey, String valueVariable) {
    return new ApprovalRouteTable(DmnTable.load(resource, decisionKey), valueVariable);
  }

  /** A null key decision is passed as none given, as a start form left blank would. */
  public DmnDecisionTableResult evaluate(double value, Boolean keyDecision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(valueVariable, value);
    variables.put("keyDecision", keyDecision);
    return table.evaluate(variables);
  }

  public String route(double value, boolean keyDecision) {
    return evaluate(value, keyDecision).getSingleEntry();
  }

  /** The ids of the rules the last evaluation matched. */
  public List<String> matchedRules() {
    return table.matchedRules();
  }

  /** The value and key decision go to the route by the rule, and by no other rule. */
  public void assertRoute(double value, boolean keyDecision, String route, String rule) {
    assertThat(route(value, keyDecision)).isEqualTo(route);
    assertThat(matchedRules()).containsExactly(rule);
  }

  /** Each value, key decision or not, has a route, and exactly one rule gives it. */
  public void assertOneRouteForEach(Iterable<Double> values) {
    for (double value : values) {
      for (boolean key : new boolean[] {false, true}) {
        assertThatCode(() -> evaluate(value, key))
            .as("£%s key %s", value, key)
            .doesNotThrowAnyException();
        assertThat(matchedRules()).as("rules matching £%s key %s", value, key).hasSize(1);
      }
    }
  }
}
