package uk.gov.council.commissioning.complaints;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Request values seen as a read-only variable scope, so the REST API checks a new complaint with the
 * very checks the process applies to the Tasklist start form.
 */
final class MapScope {

  private MapScope() {}

  static VariableScope of(Map<String, ?> values) {
    return (VariableScope) Proxy.newProxyInstance(MapScope.class.getClassLoader(),
        new Class<?>[] {VariableScope.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getVariable", "getVariableLocal" -> values.get((String) args[0]);
          case "hasVariable", "hasVariableLocal" -> values.get((String) args[0]) != null;
          case "toString" -> "MapScope" + values.keySet();
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException("A request's values are read-only: " + method.getName());
        });
  }
}
