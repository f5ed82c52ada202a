package uk.gov.council.commissioning.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import uk.gov.council.commissioning.tasks.CaseReferenceOnTasks;

/**
 * Creates, on every start and idempotently, what any installation needs: the council groups, the
 * administrator, the engine authorizations that let each group use the web apps and see the cases
 * {@code commissioning.access} gives it (and no more), and the Tasklist filters. Refuses to start
 * without a configured administrator password.
 */
@Component
public class AccessSetup {

  private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);
  private static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_NAMESPACE = "http://camunda.org/schema/1.0/bpmn";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final AdminProperties admin;
  private final CaseAccess caseAccess;
  // Looked up when first used: asking for the engine while this bean is made would build it
  // before the engine API guard is put in front of it.
  private final ObjectProvider<ProcessEngine> engine;

  public AccessSetup(
      IdentityService identityService,
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService,
      RepositoryService repositoryService,
      AdminProperties admin,
      CaseAccess caseAccess,
      ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.admin = admin;
    this.caseAccess = caseAccess;
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
    inOneTransaction(
        () -> {
          for (Roles.GroupName group : Roles.COUNCIL_GROUPS) {
            ensureGroup(group.id(), group.name(), "WORKFLOW");
          }
          ensureGroup(Roles.PROVIDERS, "Provider organisations (all)", "WORKFLOW");
          ensureGroup(Roles.ADMIN, "Administrators", "SYSTEM");
          ensureUser(
              admin.username(),
              "Administrator",
              "",
              admin.username() + "@council.example",
              admin.password());
          ensureMembership(admin.username(), Roles.ADMIN);
          grantAdministrators();
          grantCouncilStaffAndProviders();
          ensureTaskFilters();
        });
    log.info("Groups, administrator, authorizations and Tasklist filters are in place");
  }

  /**
   * Runs the work as one engine command: the engine's service calls inside it share one
   * transaction, and what they create is written at its end in JDBC batches, instead of a
   * transaction and a round of statements for each of the couple of hundred rows a first start
   * writes. The queries inside see only what was there before, so the work must not create one row
   * twice; a failure leaves nothing half done.
   */
  public void inOneTransaction(Runnable work) {
    CommandExecutor commandExecutor =
        ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    commandExecutor.execute(
        commandContext -> {
          work.run();
          return null;
        });
  }

  public void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  public void ensureUser(
      String id, String firstName, String lastName, String email, String password) {
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

  /**
   * Makes the council teams' and providers' grants exactly what {@link #wantedGrants} says, adding
   * what is missing and taking away what is no longer wanted, so an installation made under an
   * earlier rule (every Cockpit team reading every case) or with a team since removed from {@code
   * commissioning.access} is brought into line at its next start. Only the grants this class owns
   * are touched ({@link #owned}): the engine's rows for single tasks, filters and what an
   * administrator granted on other resources stay as they are.
   */
  private void grantCouncilStaffAndProviders() {
    Map<GrantKey, Integer> wanted = wantedGrants();
    Set<String> groups =
        new TreeSet<>(Roles.COUNCIL_GROUPS.stream().map(Roles.GroupName::id).toList());
    groups.add(Roles.PROVIDERS);
    Set<GrantKey> present = new HashSet<>();
    for (Authorization existing :
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groups.toArray(String[]::new))
            .list()) {
      GrantKey key =
          new GrantKey(existing.getGroupId(), existing.getResourceType(), existing.getResourceId());
      if (!owned(key)) {
        continue;
      }
      Integer permissions = wanted.get(key);
      AuthorizationEntity entity = (AuthorizationEntity) existing;
      if (permissions == null) {
        authorizationService.deleteAuthorization(existing.getId());
        log.info(
            "Removed {}'s permissions on {} {}: no longer granted",
            key.groupId(),
            resourceName(key.resourceType()),
            key.resourceId());
      } else {
        present.add(key);
        if (entity.getPermissions() != permissions) {
          entity.setPermissions(permissions);
          authorizationService.saveAuthorization(entity);
        }
      }
    }
    wanted.forEach(
        (key, permissions) -> {
          if (!present.contains(key)) {
            AuthorizationEntity authorization =
                (AuthorizationEntity) authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(key.groupId());
            authorization.setResourceType(key.resourceType());
            authorization.setResourceId(key.resourceId());
            authorization.setPermissions(permissions);
            authorizationService.saveAuthorization(authorization);
          }
        });
  }

  /**
   * Every council team: Tasklist, the process models and forms (not the cases), the processes it
   * may start, users and groups (to pass a task on). The teams in {@code commissioning.access}:
   * Cockpit, and per process the cases (instances, history, tasks) and the decision tables the
   * process uses, and for the teams reading details the case's variables too. Nobody but the
   * administrator holds a grant on every instance or task: a team works the tasks given to it
   * through the engine's rows for each task.
   */
  Map<GrantKey, Integer> wantedGrants() {
    Map<GrantKey, Integer> wanted = new HashMap<>();
    for (Roles.GroupName group : Roles.COUNCIL_GROUPS) {
      String g = group.id();
      want(wanted, g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      want(wanted, g, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      want(wanted, g, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      want(wanted, g, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      want(wanted, g, Resources.USER, ANY, Permissions.READ);
      want(wanted, g, Resources.GROUP, ANY, Permissions.READ);
    }
    Roles.STARTERS.forEach(
        (processKey, groups) ->
            groups.forEach(
                g ->
                    want(
                        wanted,
                        g,
                        Resources.PROCESS_DEFINITION,
                        processKey,
                        ProcessDefinitionPermissions.CREATE_INSTANCE)));
    Map<String, Set<String>> decisions = decisionsCalledByEachProcess();
    caseAccess
        .properties()
        .processes()
        .forEach(
            (processKey, access) -> {
              for (String g : access.cases()) {
                want(wanted, g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
                want(wanted, g, Resources.DEPLOYMENT, ANY, Permissions.READ);
                want(
                    wanted,
                    g,
                    Resources.PROCESS_DEFINITION,
                    processKey,
                    ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
                for (String decision : decisions.getOrDefault(processKey, Set.of())) {
                  want(
                      wanted,
                      g,
                      Resources.DECISION_DEFINITION,
                      decision,
                      Permissions.READ,
                      Permissions.READ_HISTORY);
                }
              }
              for (String g : access.details()) {
                want(
                    wanted,
                    g,
                    Resources.PROCESS_DEFINITION,
                    processKey,
                    ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                    ProcessDefinitionPermissions.READ_TASK_VARIABLE);
              }
            });
    // Providers get Tasklist and nothing else: the tasks they see are those whose candidate group
    // is
    // their own organisation's group, which the engine authorizes task by task. They may start the
    // processes in which they report (a serious incident, a complaint they received); the process
    // checks that the contract named is their own, and what they see of the case afterwards is
    // again only their organisation's tasks.
    want(wanted, Roles.PROVIDERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    want(wanted, Roles.PROVIDERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    for (String processKey : Roles.PROVIDER_STARTED) {
      want(
          wanted,
          Roles.PROVIDERS,
          Resources.PROCESS_DEFINITION,
          processKey,
          Permissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    return wanted;
  }

  /**
   * The grants this class decides: a council team's or the providers' rights on the web apps, on
   * process and decision definitions, and anything on every instance, task, deployment, user or
   * group. Rows for one task or instance are the engine's (candidate groups), not ours.
   */
  static boolean owned(GrantKey key) {
    int type = key.resourceType();
    if (type == Resources.APPLICATION.resourceType()) {
      return key.resourceId().equals("tasklist") || key.resourceId().equals("cockpit");
    }
    if (type == Resources.PROCESS_DEFINITION.resourceType()
        || type == Resources.DECISION_DEFINITION.resourceType()) {
      return true;
    }
    return ANY.equals(key.resourceId())
        && (type == Resources.PROCESS_INSTANCE.resourceType()
            || type == Resources.TASK.resourceType()
            || type == Resources.HISTORIC_PROCESS_INSTANCE.resourceType()
            || type == Resources.HISTORIC_TASK.resourceType()
            || type == Resources.DEPLOYMENT.resourceType()
            || type == Resources.USER.resourceType()
            || type == Resources.GROUP.resourceType());
  }

  /**
   * The decision tables each process's business rule tasks name (the latest version of each
   * process).
   */
  private Map<String, Set<String>> decisionsCalledByEachProcess() {
    Map<String, Set<String>> decisions = new HashMap<>();
    latestProcessDefinitions(engine.getObject().getManagementService())
        .forEach(
            (id, key) -> {
              try (InputStream model = repositoryService.getProcessModel(id)) {
                for (String ref : decisionRefs(model)) {
                  if (!ref.contains("{")) {
                    decisions.computeIfAbsent(key, k -> new TreeSet<>()).add(ref);
                  }
                }
              } catch (IOException | XMLStreamException e) {
                throw new IllegalStateException("Cannot read the model of " + key, e);
              }
            });
    return decisions;
  }

  /**
   * The id and key of the latest version of each deployed process (per tenant, as the engine's
   * {@code latestVersion()}), read from the definitions' table: the engine's definition query would
   * build the model API's schema-validated document of every process to fill in the descriptions,
   * which was more than half of this class's start-up work.
   */
  static Map<String, String> latestProcessDefinitions(ManagementService management) {
    Map<List<Object>, Map<String, Object>> latest = new HashMap<>();
    for (Map<String, Object> row :
        management
            .createTablePageQuery()
            .tableName(management.getTableName(ProcessDefinition.class))
            .listPage(0, Integer.MAX_VALUE)
            .getRows()) {
      List<Object> keyAndTenant = Arrays.asList(CaseAccess.column(row, "KEY_"), tenant(row));
      latest.merge(keyAndTenant, row, (a, b) -> version(a) >= version(b) ? a : b);
    }
    Map<String, String> keysById = new TreeMap<>();
    latest.forEach(
        (keyAndTenant, row) ->
            keysById.put(
                String.valueOf(CaseAccess.column(row, "ID_")),
                String.valueOf(keyAndTenant.get(0))));
    return keysById;
  }

  /** Null for no tenant: a row's map leaves out a column that is null. */
  private static Object tenant(Map<String, Object> row) {
    for (Map.Entry<String, Object> column : row.entrySet()) {
      if (column.getKey().equalsIgnoreCase("TENANT_ID_")) {
        return column.getValue();
      }
    }
    return null;
  }

  private static int version(Map<String, Object> row) {
    return ((Number) CaseAccess.column(row, "VERSION_")).intValue();
  }

  /**
   * The {@code camunda:decisionRef} of every business rule task in a BPMN file, read by streaming
   * through it: the engine parsed and validated the file when it was deployed, and building the
   * model API's validated document of every process again took a noticeable part of a start.
   */
  static List<String> decisionRefs(InputStream bpmn) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = factory.createXMLStreamReader(bpmn);
    List<String> refs = new ArrayList<>();
    try {
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT
            && BPMN_NAMESPACE.equals(reader.getNamespaceURI())
            && "businessRuleTask".equals(reader.getLocalName())) {
          String ref = reader.getAttributeValue(CAMUNDA_NAMESPACE, "decisionRef");
          if (ref != null) {
            refs.add(ref);
          }
        }
      }
    } finally {
      reader.close();
    }
    return refs;
  }

  private static void want(
      Map<GrantKey, Integer> wanted,
      String groupId,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    int bits = 0;
    for (Permission permission : permissions) {
      bits |= permission.getValue();
    }
    wanted.merge(new GrantKey(groupId, resource.resourceType(), resourceId), bits, (a, b) -> a | b);
  }

  private static String resourceName(int resourceType) {
    for (Resources resource : Resources.values()) {
      if (resource.resourceType() == resourceType) {
        return resource.resourceName();
      }
    }
    return "resource type " + resourceType;
  }

  /** One grant row: a group's permissions on one resource (or every one, {@code *}). */
  record GrantKey(String groupId, int resourceType, String resourceId) {}

  private void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    Authorization authorization =
        existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private void ensureTaskFilters() {
    ensureFilter(
        "My tasks",
        0,
        "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter(
        "My group tasks",
        -10,
        "Tasks for my teams, claimed or not",
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
  }

  private void ensureFilter(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    Map<String, Object> properties =
        Map.of(
            "priority",
            priority,
            "description",
            description,
            "refresh",
            true,
            "variables",
            List.of(
                Map.of("name", CaseReferenceOnTasks.VARIABLE, "label", "Case"),
                Map.of("name", "contractReference", "label", "Contract"),
                Map.of("name", "contractTitle", "label", "Title")));
    if (filter == null) {
      filter =
          filterService
              .newTaskFilter(name)
              .setOwner(admin.username())
              .setQuery(query)
              .setProperties(properties);
      filterService.saveFilter(filter);
    } else if (!properties.equals(filter.getProperties())) {
      // An installation made before a column was added gets it at its next start.
      filterService.saveFilter(filter.setProperties(properties));
    }
    // Every signed-in user may use the shared filters. It must be a global authorization: a grant
    // to user "*" lets the filter be listed but not run.
    boolean shared =
        authorizationService
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER)
                .resourceId(filter.getId())
                .count()
            > 0;
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
