package uk.gov.council.commissioning.forms;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A REST request's values seen as a read-only variable scope, so the API checks a new case with the
 * very checks the process's first step applies to the Tasklist start form, before any process
 * exists.
 */
public final class RequestScope {

  private RequestScope() {}

  /**
   * As in the engine, a value given as null is a variable that exists with no value: hasVariable is
   * true for it. The checks read values only, and treat null and absent alike.
   */
  public static VariableScope of(Map<String, ?> values) {
    return (VariableScope)
        Proxy.newProxyInstance(
            RequestScope.class.getClassLoader(),
            new Class<?>[] {VariableScope.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getVariable", "getVariableLocal" -> values.get((String) args[0]);
                  case "hasVariable", "hasVariableLocal" -> values.containsKey((String) args[0]);
                  case "getVariableNames", "getVariableNamesLocal" -> values.keySet();
                  case "getVariables", "getVariablesLocal" -> new HashMap<>(values);
                  case "toString" -> "request values " + values.keySet();
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default ->
                      throw new UnsupportedOperationException(
                          "A request's values are read-only: " + method.getName());
                });
  }
}
