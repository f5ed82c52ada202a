package uk.gov.council.commissioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A decision table from the classpath on the plain DMN engine (no process engine, no Spring), which
 * remembers the rules its last evaluation matched, so a test can say which rule decided, not only
 * what.
 */
public final class DmnTable {

  private final List<String> matchedRules = new ArrayList<>();
  private final DmnEngine engine;
  private final DmnDecision decision;

  private DmnTable(String resource, String decisionKey) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionEvaluationListeners(
        List.of(
            event -> {
              if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
                table.getMatchingRules().stream()
                    .map(DmnEvaluatedDecisionRule::getId)
                    .forEach(matchedRules::add);
              }
            }));
    engine = configuration.buildEngine();
    try (InputStream in = DmnTable.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(resource + " is not on the classpath");
      }
      decision = engine.parseDecision(decisionKey, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decision {@code decisionKey} of the table in {@code resource}, e.g. processes/x.dmn. */
  public static DmnTable load(String resource, String decisionKey) {
    return new DmnTable(resource, decisionKey);
  }

  public DmnDecisionTableResult evaluate(Map<String, Object> variables) {
    matchedRules.clear();
    return engine.evaluateDecisionTable(decision, variables);
  }

  /** The ids of the rules the last evaluation matched. */
  public List<String> matchedRules() {
    return matchedRules;
  }
}
