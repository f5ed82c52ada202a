package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * The task query with the rewritten authorization check ({@link TaskListAuthorizationQuery})
 * answers every user exactly what the engine's own statement answers: a council team with a grant
 * on a process's tasks, a team that works only the tasks given to it, two providers, a user named
 * as a candidate, and Tasklist's "My group tasks" query as well as the plain task query. Run on H2
 * and on PostgreSQL.
 */
abstract class TaskListAuthorizationQueryContract extends ProcessTestCase {

  private static final String ENGINE_LIST =
      TaskListAuthorizationQuery.ENGINE_NAMESPACE + ".selectTaskByQueryCriteria";
  private static final String ENGINE_COUNT =
      TaskListAuthorizationQuery.ENGINE_NAMESPACE + ".selectTaskCountByQueryCriteria";

  private static final String ENGINE_VARIABLES =
      TaskListAuthorizationQuery.ENGINE_VARIABLE_NAMESPACE
          + ".selectVariableInstanceByQueryCriteria";
  private static final String ENGINE_VARIABLE_COUNT =
      TaskListAuthorizationQuery.ENGINE_VARIABLE_NAMESPACE
          + ".selectVariableInstanceCountByQueryCriteria";
  private static final String VARIABLE = "tlqVariable";

  private static final String TEAM_WITH_GRANT = "tlq-team-with-grant";
  private static final String TEAM = "tlq-team";
  private static final String VIBRANCE = "provider-tlq-vibrance";
  private static final String BRIGHTPATH = "provider-tlq-brightpath";
  private static final String PROCESS = "tlq-process";

  @Autowired AuthorizationService authorizations;
  @Autowired RepositoryService repository;

  private final List<String> standalone = new ArrayList<>();
  private Deployment deployment;
  private String grant;

  @BeforeEach
  void tasksOfEveryKind() {
    deployment =
        repository
            .createDeployment()
            .addModelInstance(
                PROCESS + ".bpmn",
                Bpmn.createExecutableProcess(PROCESS)
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .parallelGateway("split")
                    .userTask("forTeam")
                    .camundaCandidateGroups(TEAM)
                    .endEvent()
                    .moveToNode("split")
                    .userTask("forVibrance")
                    .camundaCandidateGroups(VIBRANCE)
                    .endEvent()
                    .moveToNode("split")
                    .userTask("forTeamWithGrant")
                    .camundaCandidateGroups(TEAM_WITH_GRANT)
                    .endEvent()
                    .done())
            .deploy();
    runtimeService.startProcessInstanceByKey(PROCESS, Map.of(VARIABLE, "instance"));
    runtimeService.startProcessInstanceByKey(PROCESS, Map.of(VARIABLE, "instance"));
    taskService
        .createTaskQuery()
        .processDefinitionKey(PROCESS)
        .list()
        .forEach(t -> taskService.setVariableLocal(t.getId(), VARIABLE, t.getTaskDefinitionKey()));
    standaloneTask("team", TEAM, null);
    standaloneTask("vibrance", VIBRANCE, null);
    standaloneTask("brightpath", BRIGHTPATH, null);
    standaloneTask("user", null, "tlq-user");
    // Assigned to its candidate, and another team's task owned by it: the involved user's tasks.
    taskService.setAssignee(standalone.get(standalone.size() - 1), "tlq-user");
    taskService.setOwner(standalone.get(0), "tlq-officer");
    standaloneTask("nobody", null, null);
    // Two candidate groups: a member of both must see it once.
    standaloneTask("shared", TEAM, null);
    taskService.addCandidateGroup(standalone.get(standalone.size() - 1), TEAM_WITH_GRANT);
    Authorization readTasks = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    readTasks.setGroupId(TEAM_WITH_GRANT);
    readTasks.setResource(Resources.PROCESS_DEFINITION);
    readTasks.setResourceId(PROCESS);
    readTasks.addPermission(ProcessDefinitionPermissions.READ_TASK);
    readTasks.addPermission(ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
    grant = authorizations.saveAuthorization(readTasks).getId();
  }

  private void standaloneTask(String name, String group, String user) {
    Task task = taskService.newTask();
    task.setName("tlq-" + name);
    taskService.saveTask(task);
    if (group != null) {
      taskService.addCandidateGroup(task.getId(), group);
    }
    if (user != null) {
      taskService.addCandidateUser(task.getId(), user);
    }
    taskService.setVariableLocal(task.getId(), VARIABLE, name);
    standalone.add(task.getId());
  }

  @AfterEach
  void removeThem() {
    identityService.clearAuthentication();
    authorizations.deleteAuthorization(grant);
    standalone.forEach(id -> taskService.deleteTask(id, true));
    repository.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void theEngineUsesTheRewrittenStatements() {
    var sessions =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDbSqlSessionFactory();
    for (String statement : TaskListAuthorizationQuery.STATEMENTS) {
      assertThat(sessions.mapStatement(statement))
          .isEqualTo(TaskListAuthorizationQuery.NAMESPACE + "." + statement);
    }
    assertThat(sessions.mapStatement(TaskListAuthorizationQuery.GROUPS_STATEMENT))
        .isEqualTo(
            TaskListAuthorizationQuery.GROUPS_NAMESPACE
                + "."
                + TaskListAuthorizationQuery.GROUPS_STATEMENT);
    for (String statement : TaskListAuthorizationQuery.VARIABLE_STATEMENTS) {
      assertThat(sessions.mapStatement(statement))
          .isEqualTo(TaskListAuthorizationQuery.VARIABLE_NAMESPACE + "." + statement);
    }
  }

  @Test
  void theGroupsHoldingAuthorizationsAreThoseTheEngineFound() {
    String nullGroup =
        authorizations.createAuthorizationQuery().userIdIn("tlq-user").list().stream()
            .findFirst()
            .map(Authorization::getId)
            .orElse(null);
    assertThat(nullGroup).as("a row with a user and no group").isNotNull();
    List<String> ours = authorizedGroups(TaskListAuthorizationQuery.GROUPS_STATEMENT);
    List<String> engines =
        authorizedGroups(
            "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity."
                + TaskListAuthorizationQuery.GROUPS_STATEMENT);
    assertThat(ours)
        .containsExactlyInAnyOrderElementsOf(engines)
        .contains(TEAM_WITH_GRANT)
        .containsNull();
  }

  @SuppressWarnings("unchecked")
  private List<String> authorizedGroups(String statement) {
    return configuration()
        .getCommandExecutorTxRequired()
        .execute(context -> (List<String>) context.getDbSqlSession().selectList(statement, null));
  }

  @Test
  void everyUserSeesExactlyTheVariablesTheEngineShowed() {
    asEveryUser(
        (user, groups) -> {
          for (VariableInstanceQuery query : variableQueries(user, groups)) {
            Set<String> rewritten = values(query.list());
            assertThat(rewritten).as(user).isEqualTo(values(engineVariables(query)));
            assertThat(query.count()).as(user).isEqualTo(engineVariableCount(query));
          }
        });
  }

  /** Runs {@code check} signed in as each of the users, with their groups. */
  private void asEveryUser(BiConsumer<String, List<String>> check) {
    users()
        .forEach(
            (user, groups) -> {
              identityService.setAuthentication(user, groups);
              try {
                check.accept(user, groups);
              } finally {
                identityService.clearAuthentication();
              }
            });
  }

  @Test
  void aTeamReadsTheVariablesOfAProcessItReadsAndOfTheTasksGivenToIt() {
    assertThat(variablesVisibleTo("tlq-grant-officer", TEAM_WITH_GRANT))
        .contains("instance", "forTeam", "forVibrance", "forTeamWithGrant")
        .doesNotContain("team", "vibrance", "user");
    assertThat(variablesVisibleTo("tlq-stranger", "tlq-nobody")).isEmpty();
  }

  private Set<String> variablesVisibleTo(String user, String... groups) {
    identityService.setAuthentication(user, List.of(groups));
    try {
      return runtimeService.createVariableInstanceQuery().variableName(VARIABLE).list().stream()
          .map(v -> String.valueOf(v.getValue()))
          .collect(Collectors.toCollection(TreeSet::new));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * This test's variables, and those of the tasks the user may see as Tasklist asks for them (by
   * name and scope).
   */
  private List<VariableInstanceQuery> variableQueries(String user, List<String> groups) {
    List<String> scopes = new ArrayList<>();
    for (TaskQuery query : queries(groups)) {
      for (Task task : query.list()) {
        scopes.add(task.getId());
        if (task.getProcessInstanceId() != null) {
          scopes.add(task.getProcessInstanceId());
          scopes.add(task.getExecutionId());
        }
      }
    }
    List<VariableInstanceQuery> queries = new ArrayList<>();
    queries.add(runtimeService.createVariableInstanceQuery().variableName(VARIABLE));
    if (!scopes.isEmpty()) {
      queries.add(
          runtimeService
              .createVariableInstanceQuery()
              .variableNameIn(VARIABLE)
              .variableScopeIdIn(scopes.toArray(String[]::new)));
    }
    return queries;
  }

  private static Set<String> values(List<VariableInstance> variables) {
    return variables.stream()
        .map(v -> v.getId() + "=" + v.getValue())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @SuppressWarnings("unchecked")
  private List<VariableInstance> engineVariables(VariableInstanceQuery query) {
    VariableInstanceQueryImpl impl = (VariableInstanceQueryImpl) query;
    List<VariableInstance> found =
        configuration()
            .getCommandExecutorTxRequired()
            .execute(
                context -> {
                  configureVariableQuery(context, impl);
                  List<VariableInstance> list =
                      (List<VariableInstance>)
                          (List<?>) context.getDbSqlSession().selectList(ENGINE_VARIABLES, impl);
                  list.forEach(v -> v.getValue());
                  return list;
                });
    return found;
  }

  /** The engine's own authorization set-up of a variable query (protected in the engine). */
  private static void configureVariableQuery(
      CommandContext context, VariableInstanceQueryImpl impl) {
    try {
      Method configure =
          AuthorizationManager.class.getDeclaredMethod(
              "configureVariableInstanceQuery", VariableInstanceQueryImpl.class);
      configure.setAccessible(true);
      configure.invoke(context.getAuthorizationManager(), impl);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private long engineVariableCount(VariableInstanceQuery query) {
    VariableInstanceQueryImpl impl = (VariableInstanceQueryImpl) query;
    return configuration()
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              configureVariableQuery(context, impl);
              return (Long) context.getDbSqlSession().selectOne(ENGINE_VARIABLE_COUNT, impl);
            });
  }

  private static Map<String, List<String>> users() {
    return Map.of(
        "tlq-grant-officer", List.of(TEAM_WITH_GRANT),
        "tlq-officer", List.of(TEAM),
        "tlq-both", List.of(TEAM, TEAM_WITH_GRANT),
        "tlq-vibrance", List.of(Roles.PROVIDERS, VIBRANCE),
        "tlq-brightpath", List.of(Roles.PROVIDERS, BRIGHTPATH),
        "tlq-user", List.of(),
        "tlq-stranger", List.of("tlq-nobody"));
  }

  @Test
  void everyUserSeesExactlyWhatTheEngineShowed() {
    asEveryUser(
        (user, groups) -> {
          for (TaskQuery query : tasklistQueries(user, groups)) {
            List<String> engines = ids(engineList(query));
            long engineCount = engineCount(query);
            // Twice: a query object is run again when Tasklist refreshes a list.
            for (int run = 0; run < 2; run++) {
              assertThat(ids(query.list())).as(user).isEqualTo(engines);
              assertThat(query.count()).as(user).isEqualTo(engineCount);
            }
          }
        });
  }

  @Test
  void aSortedPageIsTheEnginesPageInTheEnginesOrder() {
    asEveryUser(
        (user, groups) -> {
          for (TaskQuery query : tasklistQueries(user, groups)) {
            ((TaskQueryImpl) query).orderByTaskName().asc().orderByTaskId().asc();
            List<String> engines = ids(engineList(query));
            List<String> page = ids(query.listPage(1, 2));
            assertThat(page).as(user).isEqualTo(engines.stream().skip(1).limit(2).toList());
          }
        });
  }

  /**
   * The task queries Tasklist sends: the shared filters ("My group tasks", "My tasks"), a candidate
   * user's and a candidate group's unassigned tasks, the involved user, tasks with or without
   * candidate groups, a search across groups and assignee (an "or" query), the candidate links
   * asked in two places at once (which keep the engine's join), and a sort by a variable.
   */
  private List<TaskQuery> tasklistQueries(String user, List<String> groups) {
    List<TaskQuery> queries = new ArrayList<>(queries(groups));
    queries.add(ours(taskService.createTaskQuery().taskAssignee(user)));
    queries.add(ours(taskService.createTaskQuery().taskCandidateUser(user)));
    queries.add(ours(taskService.createTaskQuery().taskCandidateUser(user).includeAssignedTasks()));
    queries.add(ours(taskService.createTaskQuery().taskInvolvedUser(user)));
    queries.add(ours(taskService.createTaskQuery().withCandidateGroups()));
    queries.add(ours(taskService.createTaskQuery().withoutCandidateGroups()));
    queries.add(ours(taskService.createTaskQuery().withCandidateUsers()));
    queries.add(
        ours(
            taskService.createTaskQuery().or().taskAssignee(user).taskCandidateUser(user).endOr()));
    queries.add(ours(taskService.createTaskQuery().taskInvolvedUser(user).withCandidateGroups()));
    queries.add(
        ours(
            taskService
                .createTaskQuery()
                .taskCandidateGroup(TEAM)
                .or()
                .taskInvolvedUser(user)
                .taskAssignee(user)
                .endOr()));
    queries.add(
        ours(taskService.createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc()));
    queries.add(
        ours(
            taskService
                .createTaskQuery()
                .orderByTaskVariable(VARIABLE, ValueType.STRING)
                .asc()
                .orderByTaskId()
                .asc()));
    if (!groups.isEmpty()) {
      queries.add(
          ours(
              taskService
                  .createTaskQuery()
                  .or()
                  .taskCandidateGroupIn(groups)
                  .taskAssignee(user)
                  .endOr()
                  .orderByTaskCreateTime()
                  .desc()));
      queries.add(ours(taskService.createTaskQuery().taskCandidateGroup(groups.get(0))));
      queries.add(
          ours(
              taskService
                  .createTaskQuery()
                  .taskCandidateGroupIn(groups)
                  .or()
                  .taskCandidateUser(user)
                  .taskAssignee(user)
                  .endOr()));
    }
    return queries;
  }

  private static List<String> ids(List<? extends Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  @Test
  void aTeamSeesItsOwnTasksAndThoseOfAProcessItReadsAndAProviderOnlyItsOwn() {
    assertThat(visibleTo("tlq-officer", TEAM)).containsExactly("forTeam", "tlq-shared", "tlq-team");
    assertThat(visibleTo("tlq-grant-officer", TEAM_WITH_GRANT))
        .containsExactly("forTeam", "forTeamWithGrant", "forVibrance", "tlq-shared");
    assertThat(visibleTo("tlq-vibrance", Roles.PROVIDERS, VIBRANCE))
        .containsExactly("forVibrance", "tlq-vibrance");
    assertThat(visibleTo("tlq-brightpath", Roles.PROVIDERS, BRIGHTPATH))
        .containsExactly("tlq-brightpath");
    assertThat(visibleTo("tlq-user")).containsExactly("tlq-user");
    assertThat(visibleTo("tlq-stranger", "tlq-nobody")).isEmpty();
  }

  private Set<String> visibleTo(String user, String... groups) {
    identityService.setAuthentication(user, List.of(groups));
    try {
      return names(ours(taskService.createTaskQuery()).list());
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The plain query, Tasklist's "My group tasks" for the user's groups, and a page of it. */
  private List<TaskQuery> queries(List<String> groups) {
    List<TaskQuery> queries = new ArrayList<>();
    queries.add(ours(taskService.createTaskQuery()));
    if (!groups.isEmpty()) {
      queries.add(
          ours(taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks()));
    }
    return queries;
  }

  /** This test's tasks only: the classes share the engine. */
  private TaskQuery ours(TaskQuery query) {
    return query.or().processDefinitionKey(PROCESS).taskNameLike("tlq-%").endOr();
  }

  private static Set<String> names(List<? extends Task> tasks) {
    return tasks.stream()
        .map(t -> t.getTaskDefinitionKey() != null ? t.getTaskDefinitionKey() : t.getName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The engine's own statement, with the authorization check the engine adds to the query. */
  @SuppressWarnings("unchecked")
  private List<TaskEntity> engineList(TaskQuery query) {
    TaskQueryImpl impl = (TaskQueryImpl) query;
    return configuration()
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              context.getAuthorizationManager().configureTaskQuery(impl);
              return (List<TaskEntity>)
                  (List<?>) context.getDbSqlSession().selectList(ENGINE_LIST, impl);
            });
  }

  private long engineCount(TaskQuery query) {
    TaskQueryImpl impl = (TaskQueryImpl) query;
    return configuration()
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              context.getAuthorizationManager().configureTaskQuery(impl);
              return (Long) context.getDbSqlSession().selectOne(ENGINE_COUNT, impl);
            });
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
