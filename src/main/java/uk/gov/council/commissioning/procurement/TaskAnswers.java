package uk.gov.council.commissioning.procurement;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Answers that belong to one task, not to the case. A completion puts its fields on the case, where
 * they would stay for the next task of the same form (or one that checks a field of the same name):
 * the Executive's minute for the decision to procure would then pass as the minute authorising the
 * award. Moved onto the task, they stay in its history and the next form opens empty.
 */
final class TaskAnswers {

  static void keepOnTask(DelegateTask task, List<String> names) {
    for (String name : names) {
      Object value = task.getVariable(name);
      task.setVariableLocal(name, value);
      task.getExecution().getProcessInstance().removeVariable(name);
    }
  }

  /**
   * A task that can come round again (a returned report, a second challenge): its choice goes to the
   * gateway after it as {@code <choiceField>Made}, and the choice and the other answers stay on the
   * task, so the next round's form does not open with the last round's answer already chosen.
   */
  static void decided(DelegateTask task, String choiceField, List<String> answers) {
    task.getExecution().getProcessInstance().setVariable(choiceField + "Made", task.getVariable(choiceField));
    keepOnTask(task, List.of(choiceField));
    keepOnTask(task, answers);
  }

  private TaskAnswers() {}
}
