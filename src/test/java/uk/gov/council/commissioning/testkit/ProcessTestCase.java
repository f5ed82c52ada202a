package uk.gov.council.commissioning.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.deadlines.Deadlines;
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
  @Autowired protected Deadlines deadlines;
  @Autowired protected DeadlineBreaches breaches;

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

  /** The running instance of the process under the business key, or null. */
  protected ProcessInstance runningCase(String processKey, String businessKey) {
    return casesUnder(processKey, businessKey).singleResult();
  }

  /** How many instances of the process run under the business key. */
  protected long runningCases(String processKey, String businessKey) {
    return casesUnder(processKey, businessKey).count();
  }

  private ProcessInstanceQuery casesUnder(String processKey, String businessKey) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey);
  }

  /** The instance's job at the activity (a timer, or an asynchronous continuation), or null. */
  protected Job jobAt(ProcessInstance instance, String activityId) {
    return jobsAt(instance, activityId).singleResult();
  }

  /** The instance's timer at the activity, or null. */
  protected Job timer(ProcessInstance instance, String activityId) {
    return jobsAt(instance, activityId).timers().singleResult();
  }

  /** How many of the instance's timers are due now. */
  protected long dueTimers(ProcessInstance instance) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .executable()
        .count();
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
    assertFormRefusal(() -> complete(task, variables), messages);
  }

  /** Completing the task as the user (see completeAs) is refused by its form checks. */
  protected void assertRefusedAs(
      String user, Task task, Map<String, Object> variables, String... messages) {
    assertFormRefusal(() -> completeAs(user, task, variables), messages);
  }

  private static void assertFormRefusal(ThrowingCallable completion, String... messages) {
    var refusal = assertThatThrownBy(completion).hasRootCauseInstanceOf(TaskFormException.class);
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

  /** Completes the instance's open task at the activity as the user (see completeAs). */
  protected void completeAs(
      String user, ProcessInstance instance, String activityId, Map<String, Object> variables) {
    Task task = taskAt(instance, activityId);
    assertThat(task).as(activityId).isNotNull();
    completeAs(user, task, variables);
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
    return outboxColumn("recipients", key);
  }

  /** The text of the email queued under the key, or null if none was. */
  protected String outboxBody(String key) {
    return outboxColumn("body", key);
  }

  /** How many emails are queued under the key (the outbox's idempotency key). */
  protected long outboxCount(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key = :key")
        .param("key", key)
        .query(Long.class)
        .single();
  }

  private String outboxColumn(String column, String key) {
    return jdbc.sql("SELECT " + column + " FROM notification_outbox WHERE idempotency_key = :key")
        .param("key", key)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /**
   * The one row the query finds, keyed by lower-case column name with timestamps as instants, the
   * same on H2 and on PostgreSQL.
   */
  protected Map<String, Object> singleRow(String sql, String parameter, Object value) {
    Map<String, Object> row = new HashMap<>();
    jdbc.sql(sql)
        .param(parameter, value)
        .query()
        .singleRow()
        .forEach((column, cell) -> row.put(column.toLowerCase(Locale.ROOT), instantOrSame(cell)));
    return row;
  }

  private static Object instantOrSame(Object cell) {
    if (cell instanceof OffsetDateTime timestamp) {
      return timestamp.toInstant();
    }
    if (cell instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return cell;
  }

  /** The kind and state of each of the case's deadlines, in the register's order. */
  protected List<Tuple> deadlineStates(String caseType, String reference) {
    return deadlines.of(caseType, reference).stream()
        .map(deadline -> tuple(deadline.kind(), deadline.state()))
        .toList();
  }

  /** The requirement and kind of each of the case's deadline breaches, as recorded. */
  protected List<Tuple> breachKinds(String caseType, String reference) {
    return breaches.ofCase(caseType, reference).stream()
        .map(breach -> tuple(breach.requirement(), breach.kind()))
        .toList();
  }

  /**
   * A task's variables as the user reads them in Tasklist, the engine's authorizations applying.
   */
  protected Map<String, Object> variablesAs(String user, Task task) {
    identityService.setAuthentication(user, groupsOf(user));
    try {
      return taskService.getVariables(task.getId());
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The groups the user is a member of. */
  protected List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .toList();
  }

  /**
   * Starting the process as the user with the form is refused by its start form's checks, with each
   * message, and leaves no instance and no row in the case's table behind.
   */
  protected void assertStartRefused(
      String user,
      String processKey,
      String caseTable,
      Map<String, Object> form,
      String... messages) {
    long rowsBefore = rowsIn(caseTable);
    long instancesBefore = runningInstances(processKey);

    assertThatThrownBy(() -> startSignedIn(user, processKey, form))
        .isInstanceOf(TaskFormException.class)
        .hasMessageContainingAll(messages);

    assertThat(rowsIn(caseTable)).as(caseTable + " rows").isEqualTo(rowsBefore);
    assertThat(runningInstances(processKey))
        .as(processKey + " instances")
        .isEqualTo(instancesBefore);
  }

  private long rowsIn(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private long runningInstances(String processKey) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count();
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
