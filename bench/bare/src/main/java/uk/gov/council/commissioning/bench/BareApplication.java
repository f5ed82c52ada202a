package uk.gov.council.commissioning.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The bench's bare comparison: Camunda's own engine REST API, with HTTP Basic so that calls run
 * as a user and authorizations are checked as in the application, and the application's process
 * shapes with no-op behaviour.
 */
@SpringBootApplication
public class BareApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareApplication.class, args);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestBasicAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /**
   * The starting user with what a start needs (read and start the definitions, create instances),
   * then the bare models; the load client waits until the user can read a definition.
   */
  @Bean
  ApplicationRunner benchSetup(
      IdentityService identity,
      AuthorizationService authorizations,
      RepositoryService repository,
      @Value("${bench.user}") String userId,
      @Value("${bench.password}") String password,
      @Value("${bench.group}") String groupId,
      @Value("${bench.models}") Path models,
      @Value("${bench.staff-user}") String staffUserId,
      @Value("${bench.staff-group}") String staffGroupId,
      FilterService filters,
      TaskService tasks) {
    return arguments -> {
      ensureUserInGroup(identity, userId, password, groupId);
      ensureUserInGroup(identity, staffUserId, password, staffGroupId);
      grant(
          authorizations,
          groupId,
          Resources.PROCESS_DEFINITION,
          "*",
          Permissions.READ,
          Permissions.CREATE_INSTANCE);
      grant(authorizations, groupId, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      // The application's grant to a team that sees a process's cases (commissioning.access).
      grant(
          authorizations,
          staffGroupId,
          Resources.PROCESS_DEFINITION,
          "serious-incident",
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      ensureGroupTasksFilter(filters, tasks, authorizations);
      deploy(repository, models);
    };
  }

  private static void ensureUserInGroup(
      IdentityService identity, String userId, String password, String groupId) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      var group = identity.newGroup(groupId);
      group.setName(groupId);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(userId, groupId);
    }
  }

  /**
   * The application's shared Tasklist filter "My group tasks" (security.AccessSetup), with the
   * same query and columns, readable by every user, for the task list bench (bench/tasklist.py).
   */
  private static void ensureGroupTasksFilter(
      FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    String name = "My group tasks";
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    TaskQuery query =
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks();
    Filter filter =
        filters
            .newTaskFilter(name)
            .setOwner("admin")
            .setQuery(query)
            .setProperties(
                Map.of(
                    "priority",
                    -10,
                    "refresh",
                    true,
                    "variables",
                    List.of(
                        Map.of("name", "caseReference", "label", "Case"),
                        Map.of("name", "contractReference", "label", "Contract"),
                        Map.of("name", "contractTitle", "label", "Title"))));
    filters.saveFilter(filter);
    Authorization shared = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    shared.setUserId("*");
    shared.setResource(Resources.FILTER);
    shared.setResourceId(filter.getId());
    shared.addPermission(Permissions.READ);
    authorizations.saveAuthorization(shared);
  }

  private static void grant(
      AuthorizationService authorizations,
      String groupId,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    boolean granted =
        authorizations
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .count()
            > 0;
    if (granted) {
      return;
    }
    Authorization authorization =
        authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private static void deploy(RepositoryService repository, Path models) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(models)) {
      files = listing.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("No bare models in " + models.toAbsolutePath());
    }
    DeploymentBuilder deployment =
        repository.createDeployment().name("bench-bare").enableDuplicateFiltering(true);
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        deployment.addString(file.getFileName().toString(), new String(in.readAllBytes()));
      }
    }
    deployment.deploy();
  }
}
