package uk.gov.council.commissioning.qaf;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Who works each task of a QAF case, and what a council task holds; read from the register by
 * process instance, so no variable a form sets can hand a task to someone else.
 */
@Component("qafTasks")
@RequiredArgsConstructor
public class QafTasks {

  private final QafRepository repository;
  private final QafServiceConcerns concerns;

  /** The provider's organisation group, from the QAF's contract. */
  public String providerGroup(DelegateExecution execution) {
    return repository.ofProcess(execution.getProcessInstanceId()).providerGroup();
  }

  /** The reviewing officer (may be none: then any purchasing officer takes the task). */
  public String reviewingOfficer(DelegateExecution execution) {
    return repository.ofProcess(execution.getProcessInstanceId()).reviewingOfficer();
  }

  /**
   * Create listener of every council task: its answers are declared on the task (see {@link
   * QafTaskVariables}); the desk review comes with trigger 3 pre-answered from what the system
   * holds and the counts behind it; the validation visit also shows why it is done, which the
   * provider does not see.
   */
  public void councilAnswers(DelegateTask task) {
    QafTaskVariables.councilAnswers(task);
    if ("Task_DeskTopReview".equals(task.getTaskDefinitionKey())) {
      QafServiceConcerns.Held held = concerns.of(repository.ofProcess(task.getProcessInstanceId()));
      task.setVariableLocal("concernsOverService", held.concerns());
      task.setVariableLocal("concernsHeldText", held.text());
      task.setVariableLocal("procurementReview", held.procurementReview());
      task.setVariableLocal("procurementHeldText", held.procurementText());
    }
    if ("Task_ValidationVisit".equals(task.getTaskDefinitionKey())) {
      String reasons = repository.ofProcess(task.getProcessInstanceId()).validationReasons();
      task.setVariableLocal(
          "visitReasonsText", reasons == null ? "none" : reasons.replace(",", ", "));
    }
  }
}
