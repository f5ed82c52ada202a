package uk.gov.council.commissioning.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.complaints.ComplaintTestData.*;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.safeguarding.SafeguardingProperties;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Both complaint routes once against the local PostgreSQL server: the V5 migration, the complaint
 * queries with their optional provider and contract, the V19 deadline backfill, typed NULLs in
 * breaches and alerts, and a refused start rolling back. Each run has a database of its own,
 * dropped afterwards.
 */
@PostgresProcessTest
class ComplaintPostgresTest extends ComplaintTestCase {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  @Autowired ComplaintCaseService cases;
  @Autowired DataSource dataSource;
  @Autowired ComplaintDeadlines rules;
  @Autowired SafeguardingProperties safeguarding;

  Provider alpha;
  String contract;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    users(access);
    alpha = alpha(contracts);
    contract = "CP-PG-" + System.nanoTime() % 100000;
    contract(contracts, alpha, contract);
    TestClock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  /** The V19 backfill's SQL, on PostgreSQL. */
  @Test
  void runningComplaintsAndAlertsGetTheirDeadlines() throws SQLException {
    new DeadlineBackfill(jdbc, dataSource, deadlines, rules, safeguarding.screeningRule())
        .backfillsRunningCasesOnce(alpha);
  }

  @Test
  void aCouncilComplaintRunsToStageTwo() {
    ProcessInstance instance = start(OFFICER, complaint(RECEIVED, "COUNCIL", null));
    Complaint c = complaintOf(instance);
    assertThat(c.providerId()).isNull();
    assertThat(c.acknowledgeDueAt()).isEqualTo("2026-03-06T00:00:00Z");

    fire(timer(instance, "Timer_Acknowledge3WorkingDays"));
    TestClock.set(LocalDateTime.of(2026, 3, 6, 10, 0));
    councilAcknowledges(instance, "2026-03-06T09:00:00Z");
    complete(instance, "Task_InvestigateAndRespond", extend("2026-04-17"));
    TestClock.set(LocalDateTime.of(2026, 4, 10, 12, 0));
    complete(instance, "Task_InvestigateAndRespond", respond("2026-04-10T10:00:00Z"));
    complete(
        instance, "Task_RecordComplainantResponse", Map.of("complainantResponse", "DISSATISFIED"));
    complete(
        instance,
        "Task_SendOmbudsmanInformation",
        Map.of("ombudsmanInformationSentOn", "2026-04-10"));

    assertThat(instance).isEnded();
    Complaint closed = complaints.findByNumber(c.number()).orElseThrow();
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.stage()).isEqualTo(2);
    assertThat(closed.extensions()).isEqualTo(1);
    assertThat(closed.respondDueAt()).isEqualTo("2026-04-17T23:00:00Z");
    assertThat(closed.originalRespondDueAt()).isEqualTo("2026-03-30T23:00:00Z");
    assertThat(closed.ombudsmanInformationSentOn()).isEqualTo("2026-04-10");
    assertThat(breachesOf(c))
        .extracting(DeadlineBreach::requirement, DeadlineBreach::kind, DeadlineBreach::providerId)
        .containsExactlyInAnyOrder(
            tuple("ACKNOWLEDGEMENT", Kind.MISSED, null), tuple("ACKNOWLEDGEMENT", Kind.LATE, null));
  }

  @Test
  void aProviderComplaintWithASafeguardingConcernGoesToTheCouncilsInvestigator() {
    ProcessInstance instance = startWithSafeguardingConcern(contract, "Unexplained bruising");
    Complaint c = complaintOf(instance);
    assertThat(runningCases("safeguarding-alert", c.number())).isOne();
    assertThat(cases.visibleTo(new Actor(ALPHA_USER, true, Set.of(ALPHA_GROUP))))
        .extracting(Complaint::number)
        .contains(c.number());
    assertThat(cases.visibleTo(new Actor(BETA_USER, true, Set.of(BETA_GROUP))))
        .extracting(Complaint::number)
        .doesNotContain(c.number());

    providerAcknowledges(instance, "2026-03-02T08:45:00Z");
    fire(timer(instance, "Timer_Resolve15Days"));
    TestClock.set(LocalDateTime.of(2026, 3, 25, 9, 0));
    unresolved(instance, "No agreement");
    complete(instance, "Task_SubmitWrittenReport", Map.of("writtenReport", "Report"));
    complete(instance, "Task_AssignInvestigator", Map.of("investigator", QUALITY));
    complete(
        instance,
        "Task_InvestigateComplaint",
        Map.of("investigationOutcome", "UPHELD", "findings", "Upheld"));

    assertThat(instance).isEnded();
    Complaint closed = complaints.findByNumber(c.number()).orElseThrow();
    assertThat(closed.outcomeCode()).isEqualTo("UPHELD");
    assertThat(closed.investigator()).isEqualTo(QUALITY);
    // Discussions failed on Wednesday 25 March: Thu 26, Fri 27, Mon 30, Tue 31 March, Wed 1 April
    // (BST).
    assertThat(closed.writtenReportDueAt()).isEqualTo("2026-04-01T23:00:00Z");
    assertThat(breachesOf(c))
        .extracting(DeadlineBreach::requirement, DeadlineBreach::kind, DeadlineBreach::providerId)
        .containsExactly(tuple("RESOLUTION", Kind.MISSED, alpha.id()));
  }

  @Test
  void aRefusedComplaintLeavesNothingBehind() {
    assertStartRefused(
        ALPHA_USER,
        "complaint",
        "complaint",
        complaint("2026-03-03T08:30:00Z", "COUNCIL", contract),
        "receivedAt: cannot be in the future",
        "route:");

    assertThat(
            runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint").count())
        .isZero();
  }
}
