package uk.gov.council.commissioning.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.security.AccessSetup;

/**
 * What a test of a process needs from the engine: its services, the task or job at an activity,
 * timers fired and due jobs run the way the (switched off) job executor would run them. Extend it
 * from a class carrying {@link ProcessTest} or {@link PostgresProcessTest}.
 */
public abstract class ProcessTestCase {

  /** More rounds than any process here chains jobs: beyond it, a job keeps making due jobs. */
  private static final int MAX_JOB_ROUNDS = 20;

  private static final AtomicInteger REFERENCES = new AtomicInteger();

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected AccessSetup access;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected ContractService contracts;

  /**
   * A business or contract reference no other test uses: the classes share one database, and a
   * PostgreSQL database may outlive a run that failed.
   */
  protected static String uniqueReference(String prefix) {
    return prefix + REFERENCES.incrementAndGet() + "-" + System.nanoTime() % 100000;
  }

  /** The open task of the instance at the activity, or null. */
  protected Task taskAt(ProcessInstance instance, String activityId) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(activityId)
        .singleResult();
  }

  /** The open task at the activity of the case with the business key, or null. */
  protected Task taskAt(String businessKey, String activityId) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(activityId)
        .singleResult();
  }

  /** The activities of the instance's open tasks. */
  protected List<String> openTasks(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey)
        .toList();
  }

  /** The instance's job at the activity (a timer, or an asynchronous continuation), or null. */
  protected Job jobAt(ProcessInstance instance, String activityId) {
    return jobsAt(instance, activityId).singleResult();
  }

  /** The instance's timer at the activity, or null. */
  protected Job timer(ProcessInstance instance, String activityId) {
    return jobsAt(instance, activityId).timers().singleResult();
  }

  private JobQuery jobsAt(ProcessInstance instance, String activityId) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId);
  }

  protected void complete(Task task, Map<String, Object> variables) {
    assertThat(task).as("task").isNotNull();
    // A plain map is copied: form checks may add to what was submitted, and Map.of cannot take it.
    taskService.complete(
        task.getId(), variables instanceof VariableMap ? variables : new HashMap<>(variables));
  }

  /** Completing the task with the variables is refused by its form checks, with each message. */
  protected void assertRefused(Task task, Map<String, Object> variables, String... messages) {
    var refusal =
        assertThatThrownBy(() -> complete(task, variables))
            .hasRootCauseInstanceOf(TaskFormException.class);
    for (String message : messages) {
      refusal.hasMessageContaining(message);
    }
  }

  /**
   * Completes the task as the user, signed in with their groups, the way Tasklist would; with no
   * user, as the system does (no one signed in).
   */
  protected void completeAs(String user, Task task, Map<String, Object> variables) {
    if (user == null) {
      identityService.clearAuthentication();
    } else {
      identityService.setAuthentication(user, groupsOf(user));
    }
    try {
      complete(task, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Completes the instance's open task at the activity. */
  protected void complete(
      ProcessInstance instance, String activityId, Map<String, Object> variables) {
    Task task = taskAt(instance, activityId);
    assertThat(task).as(activityId).isNotNull();
    complete(task, variables);
  }

  protected void execute(Job job) {
    assertThat(job).as("job").isNotNull();
    managementService.executeJob(job.getId());
  }

  /** Moves the clock just past the timer's due date and runs it. */
  protected void fire(Job timer) {
    assertThat(timer).as("timer").isNotNull();
    TestClock.set(timer.getDuedate().toInstant().plusSeconds(60));
    managementService.executeJob(timer.getId());
  }

  /**
   * Runs every job of the instance that is due now, and those they make due, as the job executor
   * would; fails if they never stop.
   */
  protected void executeDueJobs(ProcessInstance instance) {
    for (int round = 0; round < MAX_JOB_ROUNDS; round++) {
      List<Job> due =
          managementService
              .createJobQuery()
              .processInstanceId(instance.getId())
              .executable()
              .list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError(
        "Jobs of " + instance.getId() + " still due after " + MAX_JOB_ROUNDS + " rounds");
  }

  /** The recipients of the email queued under the key, or null if none was. */
  protected String outbox(String key) {
    return jdbc.sql("SELECT recipients FROM notification_outbox WHERE idempotency_key = :key")
        .param("key", key)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** The groups the user is a member of. */
  protected List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .toList();
  }

  /**
   * Starts the process as the user would from Tasklist: signed in with their groups, so the user is
   * recorded as the initiator and the start form's checks see who they are.
   */
  protected ProcessInstance startSignedIn(
      String user, String processKey, Map<String, Object> variables) {
    identityService.setAuthentication(user, groupsOf(user));
    try {
      return runtimeService.startProcessInstanceByKey(processKey, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
