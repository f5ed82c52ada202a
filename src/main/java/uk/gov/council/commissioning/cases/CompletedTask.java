package uk.gov.council.commissioning.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Answers a task's complete listener checked, handed to the service task after it that records them
 * (the register write, the email), in the same transaction. Transient: the case and its history
 * keep no copy, so the listener does only the checking and the BPMN shows what is recorded as a
 * step of its own.
 */
public final class CompletedTask {

  private static final String PREFIX = "completedTask.";

  /** Hands {@code value} (null allowed) to the next service task. */
  public static void handOver(DelegateTask task, String name, Object value) {
    // On the case, not the task's execution: a task with a boundary event has its own, gone when
    // the task completes.
    task.getExecution()
        .setVariable(
            PREFIX + name, Variables.stringValue(value == null ? null : value.toString(), true));
  }

  /** What the task handed over; fails the step if it handed nothing under that name. */
  public static String get(DelegateExecution execution, String name) {
    if (!execution.hasVariable(PREFIX + name)) {
      throw new IllegalStateException(
          "Case "
              + execution.getProcessBusinessKey()
              + ": no "
              + name
              + " handed over by the task before "
              + execution.getCurrentActivityId());
    }
    Object value = execution.getVariable(PREFIX + name);
    return value == null ? null : value.toString();
  }

  /** Who is completing the task: the signed-in user, or null when the system completes it. */
  public static String completedBy(DelegateTask task) {
    org.camunda.bpm.engine.impl.identity.Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private CompletedTask() {}
}
