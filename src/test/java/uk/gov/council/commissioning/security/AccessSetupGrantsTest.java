package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * The grants each start makes: per process as {@code commissioning.access} says, nothing on every
 * instance or task for council staff, and an installation made under the earlier rule (every
 * Cockpit team reading every case) brought into line at its next start, without touching the
 * engine's own rows for single tasks or what an administrator granted elsewhere.
 */
@ProcessTest
class AccessSetupGrantsTest extends ProcessTestCase {

  private static final String OLD_TASK_ROW = "old-task-row-of-a-team";

  @Autowired AuthorizationService authorizations;

  @AfterEach
  void removeRowsThisTestAdded() {
    for (Authorization a :
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).list()) {
      if (OLD_TASK_ROW.equals(a.getResourceId())
          || (a.getResourceType() == Resources.APPLICATION.resourceType()
              && "admin".equals(a.getResourceId())
              && Roles.GOVERNANCE_CONTRACTS.equals(a.getGroupId()))) {
        authorizations.deleteAuthorization(a.getId());
      }
    }
    access.setUp();
  }

  @Test
  void variablesNeedPermissionsOfTheirOwn() {
    assertThat(
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .isEnforceSpecificVariablePermission())
        .isTrue();
  }

  @Test
  void councilStaffHoldNothingOnEveryInstanceOrTaskAndSeeOnlyTheirProcesses() {
    for (Roles.GroupName group : Roles.COUNCIL_GROUPS) {
      assertThat(row(group.id(), Resources.TASK, ANY)).as(group.id()).isNull();
      assertThat(permissions(group.id(), Resources.PROCESS_INSTANCE, ANY))
          .as(group.id())
          .isEqualTo(Permissions.CREATE.getValue());
      assertThat(permissions(group.id(), Resources.PROCESS_DEFINITION, ANY))
          .as(group.id())
          .isEqualTo(Permissions.READ.getValue());
    }
    assertThat(granted(Roles.PROCUREMENT, "serious-incident", READ_INSTANCE)).isFalse();
    assertThat(granted(Roles.PROCUREMENT, "procurement", READ_INSTANCE)).isTrue();
    assertThat(granted(Roles.COMMISSIONING_OFFICERS, "serious-incident", READ_INSTANCE)).isTrue();
    assertThat(granted(Roles.COMMISSIONING_OFFICERS, "serious-incident", READ_INSTANCE_VARIABLE))
        .isFalse();
    assertThat(granted(Roles.QUALITY_ASSURANCE, "serious-incident", READ_HISTORY_VARIABLE))
        .isTrue();
    assertThat(
            granted(
                Roles.PROCUREMENT,
                "decision-route",
                Resources.DECISION_DEFINITION,
                Permissions.READ_HISTORY))
        .as("the decision table its process uses")
        .isTrue();
    assertThat(
            granted(
                Roles.SAFEGUARDING,
                "decision-route",
                Resources.DECISION_DEFINITION,
                Permissions.READ_HISTORY))
        .isFalse();
  }

  @Test
  void onlyTheTeamsSeeingCasesUseCockpit() {
    assertThat(granted(Roles.PROCUREMENT, "cockpit", Resources.APPLICATION, Permissions.ACCESS))
        .isTrue();
    assertThat(
            granted(Roles.FINANCE_DIRECTORS, "cockpit", Resources.APPLICATION, Permissions.ACCESS))
        .isFalse();
    assertThat(
            granted(Roles.FINANCE_DIRECTORS, "tasklist", Resources.APPLICATION, Permissions.ACCESS))
        .isTrue();
  }

  @Test
  void theNextStartTakesAwayTheOldEveryCaseGrantsAndWhatIsNoLongerConfigured() {
    // As an installation started before per-team access held them.
    grant(Roles.PROCUREMENT, Resources.TASK, ANY, Permissions.READ);
    grant(Roles.PROCUREMENT, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(
        Roles.PROCUREMENT,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY,
        Permissions.READ_TASK);
    grant(Roles.PROCUREMENT, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
    grant(
        Roles.BROKERAGE,
        Resources.PROCESS_DEFINITION,
        "serious-incident",
        READ_INSTANCE,
        READ_INSTANCE_VARIABLE);
    grant(
        Roles.COMMISSIONING_OFFICERS,
        Resources.PROCESS_DEFINITION,
        "serious-incident",
        READ_HISTORY_VARIABLE);
    // Not this class's to decide: the engine's row for one task, and an administrator's grant
    // elsewhere.
    grant(Roles.PROCUREMENT, Resources.TASK, OLD_TASK_ROW, Permissions.READ);
    grant(Roles.GOVERNANCE_CONTRACTS, Resources.APPLICATION, "admin", Permissions.ACCESS);

    access.setUp();

    assertThat(row(Roles.PROCUREMENT, Resources.TASK, ANY)).isNull();
    assertThat(permissions(Roles.PROCUREMENT, Resources.PROCESS_INSTANCE, ANY))
        .isEqualTo(Permissions.CREATE.getValue());
    assertThat(permissions(Roles.PROCUREMENT, Resources.PROCESS_DEFINITION, ANY))
        .isEqualTo(Permissions.READ.getValue());
    assertThat(permissions(Roles.PROCUREMENT, Resources.DECISION_DEFINITION, ANY))
        .isEqualTo(Permissions.READ.getValue());
    assertThat(row(Roles.BROKERAGE, Resources.PROCESS_DEFINITION, "serious-incident")).isNull();
    assertThat(granted(Roles.COMMISSIONING_OFFICERS, "serious-incident", READ_HISTORY_VARIABLE))
        .isFalse();
    assertThat(granted(Roles.COMMISSIONING_OFFICERS, "serious-incident", READ_INSTANCE)).isTrue();
    assertThat(row(Roles.PROCUREMENT, Resources.TASK, OLD_TASK_ROW)).isNotNull();
    assertThat(row(Roles.GOVERNANCE_CONTRACTS, Resources.APPLICATION, "admin")).isNotNull();

    long rows = authorizations.createAuthorizationQuery().count();
    access.setUp();
    assertThat(authorizations.createAuthorizationQuery().count())
        .as("a second start changes nothing")
        .isEqualTo(rows);
  }

  private void grant(
      String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = row(group, resource, resourceId);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private Authorization row(String group, Resource resource, String resourceId) {
    return authorizations
        .createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }

  private int permissions(String group, Resource resource, String resourceId) {
    Authorization authorization = row(group, resource, resourceId);
    assertThat(authorization)
        .as(group + " on " + resource.resourceName() + " " + resourceId)
        .isNotNull();
    return ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) authorization)
        .getPermissions();
  }

  private boolean granted(String group, String processKey, Permission permission) {
    return granted(group, processKey, Resources.PROCESS_DEFINITION, permission);
  }

  private boolean granted(
      String group, String resourceId, Resource resource, Permission permission) {
    return authorizations.isUserAuthorized(
        "someone", List.of(group), permission, resource, resourceId);
  }
}
