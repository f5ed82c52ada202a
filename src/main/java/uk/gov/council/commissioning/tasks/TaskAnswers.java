package uk.gov.council.commissioning.tasks;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Answers that belong to one task, not to the case. A completion puts its fields on the case, where
 * they would stay for the next task of the same form (or one that checks a field of the same name):
 * the Executive's minute for the decision to procure would then pass as the minute authorising the
 * award, and a reviewer whose task comes round again would find last round's decision already
 * chosen. Moved onto the task, they stay in its history and the next form opens empty.
 */
public final class TaskAnswers {

  /** Called from a task's complete listener, once its answers have been checked. */
  public static void keepOnTask(DelegateTask task, List<String> names) {
    for (String name : names) {
      Object value = task.getVariable(name);
      task.setVariableLocal(name, value);
      task.getExecution().getProcessInstance().removeVariable(name);
    }
  }

  /**
   * A task that can come round again (a returned report, a second challenge, a decision called in):
   * its choice goes to the gateway after it as {@code <choiceField>Made}, and the choice and the
   * other answers stay on the task, so the next round's form does not open with the last round's
   * answer already chosen.
   */
  public static void decided(DelegateTask task, String choiceField, List<String> answers) {
    passOn(task, List.of(choiceField));
    keepOnTask(task, List.of(choiceField));
    keepOnTask(task, answers);
  }

  /**
   * Answers that later steps read or show (the comments the decision maker sees, the decision
   * reference the register records): on the case as {@code <name>Made}, a name no form field has,
   * so no form opens with them. The answer itself stays on the task (see {@link #keepOnTask}).
   */
  public static void passOn(DelegateTask task, List<String> names) {
    for (String name : names) {
      task.getExecution().getProcessInstance().setVariable(name + "Made", task.getVariable(name));
    }
  }

  /**
   * A council task's answers, kept with the task (Cockpit and history show them) and off the case,
   * which a provider reads through its own tasks. Called from the complete listener before the
   * answers are checked: a completion through the API puts them on the case, so where the task has
   * no value of its own the case's is moved onto it.
   */
  public static void moveOntoTask(DelegateTask task, List<String> names) {
    DelegateExecution execution = task.getExecution();
    for (String name : names) {
      Object value = task.getVariableLocal(name);
      if (value == null) {
        value = execution.getVariable(name);
      }
      task.setVariableLocal(name, value);
      while (execution.hasVariable(name)) {
        execution.removeVariable(name);
      }
    }
  }

  /**
   * Answers that the step after the task reads, kept on the task's own path of the case (its
   * execution) and off the case. Tasklist's submission puts an answer on the nearest scope that
   * holds a variable of its name, which is the case when none does: the case's other forms (another
   * task with a field of that name, open at once on another path) would open with it, and every
   * task of the case (a provider's included) would read it. Creating the answers empty on the path
   * when it opens would keep them there too, at two variables for every path opened, answered or
   * not; moved here from the complete listener, they cost only the paths that are answered. An
   * answer already on the path stays where it is, and an answer not given is not created.
   */
  public static void keepOnPath(DelegateTask task, List<String> names) {
    DelegateExecution path = task.getExecution();
    DelegateExecution instance = path.getProcessInstance();
    if (path.getId().equals(instance.getId())) {
      return;
    }
    for (String name : names) {
      if (path.hasVariableLocal(name) || !instance.hasVariableLocal(name)) {
        continue;
      }
      path.setVariableLocal(name, instance.getVariableLocal(name));
      instance.removeVariableLocal(name);
    }
  }

  private TaskAnswers() {}
}
