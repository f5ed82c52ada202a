package uk.gov.council.commissioning.tasks;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * A user task created in the running command is not in the database yet, so nothing there can name
 * it: neither a variable nor an authorization row. The engine looks for both all the same (one
 * query each per task, on every start and every escalation that opens a task); these let the kit's
 * listeners and the authorization provider skip what can only come back empty.
 */
public final class NewTasks {

  /** The task's variables; the engine gives a new execution an empty store, but not a new task. */
  private static final Field VARIABLE_STORE = variableStoreField();

  private NewTasks() {}

  /** Whether the task was created in the running command and not yet written to the database. */
  public static boolean isNew(String taskId) {
    CommandContext command = Context.getCommandContext();
    if (command == null || taskId == null) {
      return false;
    }
    DbEntityCache cache = command.getDbEntityManager().getDbEntityCache();
    TaskEntity task = cache.get(TaskEntity.class, taskId);
    return task != null && cache.isTransient(task);
  }

  /**
   * Lets a new task's first variable be written without looking up the variables it cannot have
   * yet. A task whose variables were already read, or one that is not new, is left as it is.
   */
  @SuppressWarnings("unchecked")
  public static void startWithoutVariables(DelegateTask task) {
    if (VARIABLE_STORE == null || !(task instanceof TaskEntity entity) || !isNew(task.getId())) {
      return;
    }
    try {
      ((VariableStore<VariableInstanceEntity>) VARIABLE_STORE.get(entity))
          .setVariablesProvider(VariableCollectionProvider.emptyVariables());
    } catch (IllegalAccessException | ClassCastException e) {
      // The engine's own look-up still runs: slower, never wrong.
    }
  }

  private static Field variableStoreField() {
    try {
      Field field = TaskEntity.class.getDeclaredField("variableStore");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Another engine version without the field: every task is looked up, as the engine does.
      return null;
    }
  }
}
