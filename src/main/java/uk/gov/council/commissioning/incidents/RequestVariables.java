package uk.gov.council.commissioning.incidents;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Lets the checks written for a process's variables read a REST request before any process exists,
 * so a report is judged by one set of rules whichever way it arrives. Read-only: the checks only read.
 */
final class RequestVariables {

  private RequestVariables() {}

  static VariableScope of(Map<String, Object> values) {
    return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
        new Class<?>[] {VariableScope.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getVariable" -> values.get((String) args[0]);
          case "hasVariable" -> values.containsKey((String) args[0]);
          case "getVariableNames" -> values.keySet();
          case "getVariables" -> Map.copyOf(values);
          case "toString" -> "request variables " + values.keySet();
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName() + " on request variables");
        });
  }
}
