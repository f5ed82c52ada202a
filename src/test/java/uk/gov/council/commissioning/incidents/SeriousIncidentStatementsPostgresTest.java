package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.gov.council.commissioning.incidents.IncidentTestData.*;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Import;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.deadlines.Deadline.State;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.StatementLog;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.testkit.TestUsers;

/**
 * What a serious incident's start and its first fired deadline timer send to PostgreSQL, counted
 * statement by statement (issue 13: the statements beyond the bare engine's are what the
 * application adds to every start and every escalation). The counts the application's own code
 * sends are held here; the engine's are logged, for docs/performance.md.
 */
@PostgresProcessTest
@Import(StatementLog.Wiring.class)
class SeriousIncidentStatementsPostgresTest extends ProcessTestCase {

  private static final Logger log =
      LoggerFactory.getLogger(SeriousIncidentStatementsPostgresTest.class);

  /** A provider of this test's own, so that its cases count in no other test's figures. */
  private static final String PROVIDER_GROUP = "provider-statement-care";

  private static final String PROVIDER_USER = "stmt-provider";

  /** The team a provider's report is emailed to. */
  @RegisterExtension static final TestTeam TEAM = TestTeam.of("stmt", QUALITY);

  String reference;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    reference = uniqueReference("STMT-SI-");
    access.ensureGroup(PROVIDER_GROUP, "Statement Care", "PROVIDER");
    TestUsers.user(access, PROVIDER_USER, Roles.PROVIDERS, PROVIDER_GROUP);
    Provider provider =
        contracts.findAllProviders().stream()
            .filter(p -> p.organisationGroup().equals(PROVIDER_GROUP))
            .findFirst()
            .orElseGet(
                () ->
                    contracts.createProvider(
                        "Statement Care", "contracts@statement-care.example", PROVIDER_GROUP));
    homeCareContract(contracts, provider, reference);
    // Thursday 22 May 2025, 09:00 UK time (BST).
    TestClock.set(LocalDateTime.of(2025, 5, 22, 9, 0));
  }

  @Test
  void aStartInsertsItsCaseOnceWithItsNumberAndReadsItsContractOnce() {
    start(); // the first start of a context fills the engine's caches
    StatementLog start = recordStart();
    log.info("A serious-incident start: {}", start);

    assertThat(start.onTable("serious_incident"))
        .as("the case inserted with its number, never updated or read back")
        .singleElement()
        .satisfies(sql -> assertThat(sql).startsWithIgnoringCase("INSERT"));
    assertThat(start.onTable("case_deadline"))
        .as("one insert per deadline, the timers' and the task's due times not read back")
        .hasSize(2)
        .allSatisfy(sql -> assertThat(sql).startsWithIgnoringCase("INSERT"));
    assertThat(start.onTable("notification_outbox")).as("the email to the team").hasSize(1);
    assertThat(start.commits()).isEqualTo(1);
    assertThat(start.count(sql -> sql.contains("from ACT_ID_GROUP")))
        .as("the reporter's groups taken from the sign-in, not looked up again")
        .isZero();
    assertThat(start.count(sql -> sql.startsWith("insert into ACT_HI_DETAIL")))
        .as("a detail row for each variable of the report, none for the copies of the register")
        .isEqualTo(start.count(sql -> sql.startsWith("insert into ACT_RU_VARIABLE")) - 9);
    assertThat(start.count(SeriousIncidentStatementsPostgresTest::looksUpNewTasksRows))
        .as(
            "the two new tasks' variables and authorizations, which cannot exist yet, not looked up")
        .isZero();
    assertThat(start.count())
        .as(
            "131 before the copies lost their detail rows and the groups their look-up, 121 before"
                + " the new tasks' look-ups went")
        .isLessThanOrEqualTo(117);
  }

  @Test
  void theReportKeepsItsHistoryOfChangesAndTheCopiesOnlyTheirValues() {
    ProcessInstance instance = start();
    String id = instance.getId();

    assertThat(
            engine
                .getHistoryService()
                .createHistoricDetailQuery()
                .processInstanceId(id)
                .variableUpdates()
                .list()
                .stream()
                .map(d -> ((HistoricVariableUpdate) d).getVariableName()))
        .as("who reported what, when: every variable of the report and its reporter")
        .contains("contractReference", "description", "occurredAt", "reportedBy")
        .as("the copies of the register and the business key")
        .doesNotContain(
            "incidentNumber",
            "contractTitle",
            "providerName",
            "categoryLabel",
            "occurredAtText",
            "initialReportDueText",
            "reportingFormDueText",
            "caseReference");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(id)
                .list()
                .stream()
                .map(HistoricVariableInstance::getName))
        .as("every variable keeps its history row, with its value")
        .contains("contractTitle", "providerName", "incidentNumber", "caseReference");
  }

  @Test
  void aFiredEscalationReadsItsCaseOnceAndWritesBreachAndEmailInTheJobsTransaction() {
    fireFormTimer(start()); // the first job of a context fills the engine's caches
    ProcessInstance instance = start();
    String number = (String) runtimeService.getVariable(instance.getId(), "incidentNumber");

    StatementLog fired = fireFormTimer(instance);
    log.info("A fired Timer_FullReport48h and its escalation: {}", fired);

    assertThat(fired.onTable("serious_incident")).as("the case read once").hasSize(1);
    assertThat(fired.onTable("case_deadline"))
        .as("the deadline marked missed, its due time read in the same statement")
        .hasSize(1);
    assertThat(fired.onTable("deadline_breach")).as("the breach inserted").hasSize(1);
    assertThat(fired.onTable("notification_outbox")).as("the email inserted").hasSize(1);
    assertThat(fired.commits()).as("all in the job's own transaction").isEqualTo(1);
    assertThat(fired.count(sql -> sql.contains("SAVEPOINT"))).isZero();
    assertThat(fired.count(sql -> sql.startsWith("insert into ACT_HI_DETAIL")))
        .as("the chase's case number and message are copies")
        .isZero();
    assertThat(fired.count(sql -> sql.startsWith("insert into ACT_RU_VARIABLE")))
        .as("the chase's case number and message; its answers are created when it is answered")
        .isEqualTo(2);
    assertThat(fired.count(SeriousIncidentStatementsPostgresTest::looksUpNewTasksRows))
        .as("the chase task's variables and authorization, which cannot exist yet, not looked up")
        .isZero();
    assertThat(fired.count())
        .as(
            "40 before the copies and empty answers lost their detail rows, 36 before the new"
                + " task's look-ups went, 34 before the answers were created only when given")
        .isLessThanOrEqualTo(30);

    // What it wrote is what the process tests expect of an escalation.
    assertThat(deadlineStates(IncidentVariables.CASE_TYPE, number))
        .containsExactly(tuple("INITIAL_REPORT", State.MET), tuple("REPORTING_FORM", State.MISSED));
    assertThat(breaches.ofCase(IncidentVariables.CASE_TYPE, number))
        .extracting(DeadlineBreach::requirement, DeadlineBreach::kind, DeadlineBreach::dueAt)
        .containsExactly(
            tuple("REPORTING_FORM", Kind.MISSED, Instant.parse("2025-05-24T07:00:00Z")));
    assertThat(outboxCount("incident:" + instance.getId() + ":reporting-form-missed")).isEqualTo(1);
    Task chase = taskAt(instance, "Task_ChaseReportingForm");
    assertThat(chase.getDueDate())
        .as("the chase is due the second escalation's period after the deadline")
        .isEqualTo(Date.from(Instant.parse("2025-05-25T07:00:00Z")));
  }

  /**
   * The engine's look-ups of a task's variables and of a group's authorization on a task: in these
   * paths every task is created in the same transaction, so nothing in the database can name it.
   */
  private static boolean looksUpNewTasksRows(String sql) {
    return (sql.contains("ACT_RU_VARIABLE") && sql.contains("WHERE TASK_ID_ = ?"))
        || sql.startsWith("SELECT * FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = ? AND GROUP_ID_ = ?");
  }

  /** Starts a case as the provider's user, signed in with its groups, the way Tasklist does. */
  private ProcessInstance start() {
    Map<String, Object> report =
        new HashMap<>(
            providerReport(reference, "2025-05-22T08:00+01:00", "2025-05-22T08:10+01:00"));
    identityService.setAuthentication(PROVIDER_USER, groupsOf(PROVIDER_USER));
    try {
      return runtimeService.startProcessInstanceByKey(IncidentVariables.PROCESS_KEY, report);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** As {@link #start()}, counting only the start's own statements. */
  private StatementLog recordStart() {
    Map<String, Object> report =
        new HashMap<>(
            providerReport(reference, "2025-05-22T08:00+01:00", "2025-05-22T08:10+01:00"));
    identityService.setAuthentication(PROVIDER_USER, groupsOf(PROVIDER_USER));
    try {
      return StatementLog.record(
          () -> runtimeService.startProcessInstanceByKey(IncidentVariables.PROCESS_KEY, report));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Runs the case's 48-hour timer, the clock just past it, and returns what it sent. */
  private StatementLog fireFormTimer(ProcessInstance instance) {
    Job timer = timer(instance, "Timer_FullReport48h");
    TestClock.set(LocalDateTime.of(2025, 5, 24, 8, 5));
    try {
      return StatementLog.record(() -> managementService.executeJob(timer.getId()));
    } finally {
      TestClock.set(LocalDateTime.of(2025, 5, 22, 9, 0));
    }
  }
}
