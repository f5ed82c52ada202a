package uk.gov.council.commissioning.cases;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

class CaseVariablesTest {

  @Test
  void onlyNewAndChangedValuesAreSet() {
    VariableScope scope = mock(VariableScope.class);
    when(scope.hasVariable("contractReference")).thenReturn(true);
    when(scope.getVariable("contractReference")).thenReturn("ADV-2020-01");
    when(scope.hasVariable("riddorReportable")).thenReturn(true);
    when(scope.getVariable("riddorReportable")).thenReturn("true");
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("contractReference", "ADV-2020-01");
    variables.put("riddorReportable", true);
    variables.put("incidentNumber", "SI-2026-000001");

    CaseVariables.setChanged(scope, variables);

    verify(scope, never()).setVariable(eq("contractReference"), any());
    verify(scope).setVariable("riddorReportable", true);
    verify(scope).setVariable("incidentNumber", "SI-2026-000001");
  }
}
