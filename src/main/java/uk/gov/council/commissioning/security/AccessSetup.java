package uk.gov.council.commissioning.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import uk.gov.council.commissioning.tasks.CaseReferenceOnTasks;

/**
 * Creates, on every start and idempotently, what any installation needs: the council groups, the
 * administrator, the engine authorizations that let each group use the web apps, and the Tasklist
 * filters. Refuses to start without a configured administrator password.
 */
@Component
@EnableConfigurationProperties({AdminProperties.class, DemoProperties.class})
public class AccessSetup {

  private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final AdminProperties admin;

  public AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, AdminProperties admin) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.admin = admin;
    requireAdminPassword(admin);
  }

  static void requireAdminPassword(AdminProperties admin) {
    if (admin == null || !StringUtils.hasText(admin.password())) {
      throw new IllegalStateException(
          "No administrator password configured: set ADMIN_PASSWORD (commissioning.admin.password). "
              + "Only the demo profile has a default.");
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void setUp() {
    for (Roles.GroupName group : Roles.COUNCIL_GROUPS) {
      ensureGroup(group.id(), group.name(), "WORKFLOW");
    }
    ensureGroup(Roles.PROVIDERS, "Provider organisations (all)", "WORKFLOW");
    ensureGroup(Roles.ADMIN, "Administrators", "SYSTEM");
    ensureUser(admin.username(), "Administrator", "", admin.username() + "@council.example", admin.password());
    ensureMembership(admin.username(), Roles.ADMIN);
    grantAdministrators();
    grantCouncilStaff();
    grantProviders();
    ensureTaskFilters();
    log.info("Groups, administrator, authorizations and Tasklist filters are in place");
  }

  public void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  public void ensureUser(String id, String firstName, String lastName, String email, String password) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(password);
      identityService.saveUser(user);
    }
  }

  public void ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  private void grantAdministrators() {
    for (Resource resource : Resources.values()) {
      grant(Roles.ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  private void grantCouncilStaff() {
    for (Roles.GroupName group : Roles.COUNCIL_GROUPS) {
      String g = group.id();
      grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Read process models and forms; who may start which process is granted below.
      grant(g, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(g, Resources.USER, ANY, Permissions.READ);
      grant(g, Resources.GROUP, ANY, Permissions.READ);
    }
    Roles.STARTERS.forEach((processKey, groups) -> groups.forEach(
        g -> grant(g, Resources.PROCESS_DEFINITION, processKey, Permissions.CREATE_INSTANCE)));
    for (String g : Roles.COCKPIT_GROUPS) {
      grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(g, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY, Permissions.READ_TASK);
      grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(g, Resources.TASK, ANY, Permissions.READ);
      grant(g, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    }
  }

  /**
   * Providers get Tasklist and nothing else: the tasks they see are those whose candidate group is
   * their own organisation's group, which the engine authorizes task by task. They may start the
   * processes in which they report (a serious incident, a complaint they received); the process
   * checks that the contract named is their own, and what they see of the case afterwards is
   * again only their organisation's tasks.
   */
  private void grantProviders() {
    grant(Roles.PROVIDERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Roles.PROVIDERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    for (String processKey : Roles.PROVIDER_STARTED) {
      grant(Roles.PROVIDERS, Resources.PROCESS_DEFINITION, processKey, Permissions.READ,
          Permissions.CREATE_INSTANCE);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing
        : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private void ensureTaskFilters() {
    ensureFilter("My tasks", 0, "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter("My group tasks", -10, "Tasks for my teams, claimed or not",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
  }

  private void ensureFilter(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    Map<String, Object> properties = Map.of("priority", priority, "description", description, "refresh", true,
        "variables", List.of(
            Map.of("name", CaseReferenceOnTasks.VARIABLE, "label", "Case"),
            Map.of("name", "contractReference", "label", "Contract"),
            Map.of("name", "contractTitle", "label", "Title")));
    if (filter == null) {
      filter = filterService.newTaskFilter(name).setOwner(admin.username()).setQuery(query).setProperties(properties);
      filterService.saveFilter(filter);
    } else if (!properties.equals(filter.getProperties())) {
      // An installation made before a column was added gets it at its next start.
      filterService.saveFilter(filter.setProperties(properties));
    }
    // Every signed-in user may use the shared filters. It must be a global authorization: a grant
    // to user "*" lets the filter be listed but not run.
    boolean shared = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GLOBAL).resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
    if (!shared) {
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setUserId(ANY);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filter.getId());
      authorization.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(authorization);
    }
  }
}
