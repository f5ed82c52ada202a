package uk.gov.council.commissioning.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A provider's users may work on their own tasks (claim, complete with the form) but not update them:
 * with the engine's default, a candidate or assignee may also write any variable of the case through
 * {@code PUT /engine-rest/task/{id}/variables} before completing, and so pre-set what a later council
 * task reads. Council staff keep the default (they set due dates and reassign in Tasklist).
 */
@Component
public class ProviderTaskPermissions extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new CouncilAuthorizationProvider());
  }

  /** The engine's authorizations, with work-only task permissions for providers. */
  static class CouncilAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
      if (!forProvider(groupId, userId)) {
        return super.createOrUpdateAuthorizations(task, groupId, userId);
      }
      Permission[] work = isEnforceSpecificVariablePermission()
          ? new Permission[] {Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.READ_VARIABLE}
          : new Permission[] {Permissions.READ, TaskPermissions.TASK_WORK};
      AuthorizationEntity runtime = createOrUpdateAuthorization(task, userId, groupId, Resources.TASK, false, work);
      if (!isHistoricInstancePermissionsEnabled()) {
        return new AuthorizationEntity[] {runtime};
      }
      AuthorizationEntity historic = createOrUpdateAuthorization(task, userId, groupId, Resources.HISTORIC_TASK, true,
          getHistoricPermissions(isEnforceSpecificVariablePermission()));
      return new AuthorizationEntity[] {runtime, historic};
    }

    /** A provider's organisation group, or a user who belongs to a provider. */
    static boolean forProvider(String groupId, String userId) {
      if (groupId != null) {
        return Roles.isProviderGroup(groupId);
      }
      return userId != null && Context.getCommandContext().getReadOnlyIdentityProvider().createGroupQuery()
          .groupMember(userId).groupId(Roles.PROVIDERS).count() > 0;
    }
  }
}
