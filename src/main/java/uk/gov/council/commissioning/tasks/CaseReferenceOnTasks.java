package uk.gov.council.commissioning.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives every user task the number of its case (the business key: contract reference, incident or
 * complaint number) as a task variable, which the shared Tasklist filters show as "Case".
 *
 * <p>A task variable rather than the process variable, because a provider's users may read their
 * own tasks but not the process instances behind them: Tasklist would show them an empty column,
 * and a provider with several incidents open could not tell its tasks apart.
 */
@Component
public class CaseReferenceOnTasks extends AbstractProcessEnginePlugin {

  public static final String VARIABLE = "caseReference";

  private static final TaskListener COPY_BUSINESS_KEY = CaseReferenceOnTasks::copyBusinessKey;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, COPY_BUSINESS_KEY);
  }

  static void copyBusinessKey(DelegateTask task) {
    if (task.getExecution() == null) {
      return;
    }
    String businessKey = task.getExecution().getProcessBusinessKey();
    if (businessKey != null) {
      // Every task is new when it is created: its first variable needs no look-up of the others.
      NewTasks.startWithoutVariables(task);
      task.setVariableLocal(VARIABLE, businessKey);
    }
  }
}
