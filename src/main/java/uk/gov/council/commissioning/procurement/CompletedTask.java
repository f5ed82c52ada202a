package uk.gov.council.commissioning.procurement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What a task's complete listener checked but moved off the case (answers kept on the task, who
 * completed it), for the service task that records it next in the same transaction. Transient: the
 * case and its history keep no copy, exactly as when the listener wrote the register itself.
 */
final class CompletedTask {

  private static final String PREFIX = "completedTask.";

  static void handOver(DelegateTask task, String name, String value) {
    // On the case, not the task's execution: a task with a boundary event has its own, gone when
    // the task completes.
    task.getExecution().setVariable(PREFIX + name, Variables.stringValue(value, true));
  }

  /** Who completed the task, for the record (see {@link ProcurementUsers#userOf}). */
  static void handOverUser(DelegateTask task) {
    handOver(task, "by", ProcurementUsers.userOf(task));
  }

  static String get(DelegateExecution execution, String name) {
    if (!execution.hasVariable(PREFIX + name)) {
      throw new IllegalStateException(
          "Procurement "
              + execution.getProcessBusinessKey()
              + ": no "
              + name
              + " handed over by the task before "
              + execution.getCurrentActivityId());
    }
    Object value = execution.getVariable(PREFIX + name);
    return value == null ? null : value.toString();
  }

  static String user(DelegateExecution execution) {
    return get(execution, "by");
  }

  private CompletedTask() {}
}
