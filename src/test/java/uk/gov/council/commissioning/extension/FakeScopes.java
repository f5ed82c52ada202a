package uk.gov.council.commissioning.extension;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Tasks and executions backed by plain maps, for calling listeners and delegates without an engine.
 * Local variables are kept apart from the others so a test can tell which scope was written.
 */
final class FakeScopes {

  private FakeScopes() {}

  /** What a fake scope holds: reads see local variables first, as the engine's do. */
  static final class Variables {
    final Map<String, Object> process = new HashMap<>();
    final Map<String, Object> local = new HashMap<>();

    static Variables of(Map<String, Object> process) {
      Variables vars = new Variables();
      vars.process.putAll(process);
      return vars;
    }

    Object get(String name) {
      return local.containsKey(name) ? local.get(name) : process.get(name);
    }
  }

  /**
   * A task whose execution and process instance hold the process variables (no local ones of their
   * own).
   */
  static DelegateTask task(Variables vars) {
    DelegateTask task = mock(DelegateTask.class);
    backWith(task, vars);
    DelegateExecution processInstance = mock(DelegateExecution.class);
    backWithProcessVariables(processInstance, vars);
    lenient().when(processInstance.getProcessInstance()).thenReturn(processInstance);
    lenient().when(task.getExecution()).thenReturn(processInstance);
    return task;
  }

  static DelegateExecution execution(String processInstanceId, Variables vars) {
    DelegateExecution execution = mock(DelegateExecution.class);
    lenient().when(execution.getProcessInstanceId()).thenReturn(processInstanceId);
    backWith(execution, vars);
    return execution;
  }

  private static void backWithProcessVariables(VariableScope scope, Variables vars) {
    lenient()
        .when(scope.getVariable(anyString()))
        .thenAnswer(i -> vars.process.get(i.getArgument(0)));
    lenient()
        .doAnswer(i -> vars.process.put(i.getArgument(0), i.getArgument(1)))
        .when(scope)
        .setVariable(anyString(), any());
    lenient()
        .doAnswer(i -> vars.process.remove(i.getArgument(0)))
        .when(scope)
        .removeVariable(anyString());
  }

  @SuppressWarnings("unchecked")
  private static void backWith(VariableScope scope, Variables vars) {
    lenient().when(scope.getVariable(anyString())).thenAnswer(i -> vars.get(i.getArgument(0)));
    lenient()
        .when(scope.getVariableLocal(anyString()))
        .thenAnswer(i -> vars.local.get(i.getArgument(0)));
    lenient()
        .when(scope.hasVariable(anyString()))
        .thenAnswer(i -> vars.get(i.getArgument(0)) != null);
    lenient()
        .doAnswer(i -> vars.process.put(i.getArgument(0), i.getArgument(1)))
        .when(scope)
        .setVariable(anyString(), any());
    lenient()
        .doAnswer(i -> vars.local.put(i.getArgument(0), i.getArgument(1)))
        .when(scope)
        .setVariableLocal(anyString(), any());
    lenient()
        .doAnswer(
            i -> {
              vars.process.putAll((Map<String, Object>) i.getArgument(0));
              return null;
            })
        .when(scope)
        .setVariables(anyMap());
  }
}
