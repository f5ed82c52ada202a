package uk.gov.council.commissioning.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * A case's variables need permissions of their own. Without this the engine lets anyone who may
 * read a process instance or a task read its variables too, and a team that only needs to see that
 * a serious incident exists would read the service user's name. With it, reading variables takes
 * READ_INSTANCE_VARIABLE, READ_HISTORY_VARIABLE or READ_TASK_VARIABLE on the process (granted per
 * {@code commissioning.access} by {@link AccessSetup}), or READ_VARIABLE on the task, which the
 * engine gives a task's candidates and assignee. Set in code rather than configuration: the access
 * rules depend on it.
 */
@Component
class SpecificVariablePermissions extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnforceSpecificVariablePermission(true);
  }
}
