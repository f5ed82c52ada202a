package uk.gov.council.commissioning.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.tasks.EveryUserTask;
import uk.gov.council.commissioning.tasks.NewTasks;

/**
 * A provider's users may work on their own tasks (claim, release, pass to a colleague, complete
 * with the form) but not update them: with the engine's default, a candidate or assignee may also
 * write any variable of the case through {@code PUT /engine-rest/task/{id}/variables} before
 * completing, and so pre-set what a later council task reads. Council staff keep the default (they
 * set due dates in Tasklist). A provider's task can only be assigned to a user of that provider:
 * the assignee may read the case, so passing it to another organisation would show it that
 * organisation's data.
 */
@Component
class ProviderTaskPermissions extends AbstractProcessEnginePlugin {

  private static final TaskListener ASSIGNEE_OF_THE_PROVIDER =
      ProviderTaskPermissions::assigneeActsForTheProvider;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new CouncilAuthorizationProvider());
    EveryUserTask.listen(
        configuration, TaskListener.EVENTNAME_ASSIGNMENT, ASSIGNEE_OF_THE_PROVIDER);
  }

  /** Refuses an assignee outside the provider whose task it is. */
  static void assigneeActsForTheProvider(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    List<String> providerGroups =
        task.getCandidates().stream()
            .map(IdentityLink::getGroupId)
            .filter(g -> g != null && Roles.isProviderGroup(g))
            .toList();
    if (providerGroups.isEmpty()) {
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    boolean actsForProvider =
        providerGroups.stream()
            .anyMatch(
                g -> identity.createUserQuery().userId(assignee).memberOfGroup(g).count() > 0);
    if (!actsForProvider) {
      throw new AuthorizationException(
          "Task "
              + task.getId()
              + " belongs to "
              + String.join(", ", providerGroups)
              + ": it cannot be assigned to "
              + assignee
              + ", who does not act for that provider");
    }
  }

  /** The engine's authorizations, with work-only task permissions for providers. */
  static class CouncilAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(
        Task task, String groupId, String userId) {
      if (!forProvider(groupId, userId)) {
        return super.createOrUpdateAuthorizations(task, groupId, userId);
      }
      Permission[] work =
          isEnforceSpecificVariablePermission()
              ? new Permission[] {
                Permissions.READ,
                TaskPermissions.TASK_WORK,
                TaskPermissions.TASK_ASSIGN,
                TaskPermissions.READ_VARIABLE
              }
              : new Permission[] {
                Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN
              };
      AuthorizationEntity runtime =
          createOrUpdateAuthorization(task, userId, groupId, Resources.TASK, false, work);
      if (!isHistoricInstancePermissionsEnabled()) {
        return new AuthorizationEntity[] {runtime};
      }
      AuthorizationEntity historic =
          createOrUpdateAuthorization(
              task,
              userId,
              groupId,
              Resources.HISTORIC_TASK,
              true,
              getHistoricPermissions(isEnforceSpecificVariablePermission()));
      return new AuthorizationEntity[] {runtime, historic};
    }

    /**
     * A task created in this command has no authorization row in the database yet (one made earlier
     * in the same command is merged from the engine's cache when the new one is created), so the
     * look-up for one to extend is skipped: one query fewer per candidate group of every new task,
     * which is when nearly all of them are added.
     */
    @Override
    protected AuthorizationEntity getGrantAuthorization(
        String taskId, String userId, String groupId, Resource resource) {
      if (NewTasks.isNew(taskId)) {
        return null;
      }
      return super.getGrantAuthorization(taskId, userId, groupId, resource);
    }

    /** A provider's organisation group, or a user who belongs to a provider. */
    static boolean forProvider(String groupId, String userId) {
      if (groupId != null) {
        return Roles.isProviderGroup(groupId);
      }
      return userId != null
          && Context.getCommandContext()
                  .getReadOnlyIdentityProvider()
                  .createGroupQuery()
                  .groupMember(userId)
                  .groupId(Roles.PROVIDERS)
                  .count()
              > 0;
    }
  }
}
