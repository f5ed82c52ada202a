package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.qaf.ImprovementPlanTestData.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * One improvement plan from a final "D" to a default notice against the local PostgreSQL server
 * (seed 001 3.3 §3.4): late (MISSED then LATE), sent back once, accepted, not improved, reported to
 * the Core Strategy Group, the notice produced and emailed once. Each run has a database of its
 * own.
 */
@PostgresProcessTest
class ImprovementPlanPostgresTest extends ImprovementPlanTestCase {

  @Autowired DefaultNoticeSender sender;

  @Test
  void aLatePlanSentBackAcceptedNotImprovedEndsWithOneDefaultNotice() throws Exception {
    BpmnAwareTests.init(engine);
    users(access);
    Contract contract = contract(contracts, alpha(contracts), "PG-IP-01");
    TestClock.set(LocalDateTime.of(2026, 3, 2, 10, 0));
    ProcessInstance instance = planFor(contract, "QAF-2025-PG0001", "C1.4");
    String id = instance.getId();
    assertThat(instance)
        .hasBusinessKey("QAF-2025-PG0001/C1.4")
        .isWaitingAt("Task_SubmitImprovementPlan");
    assertThat(planOf(instance).planDueAt()).isEqualTo("2026-03-17T00:00:00Z");

    fire(timer(instance, "Timer_PlanReminder"));
    fire(timer(instance, "Timer_PlanDue"));
    assertThat(instance).isWaitingAt("Task_SubmitImprovementPlan", "Task_ChaseImprovementPlan");
    TestClock.set(LocalDateTime.of(2026, 3, 18, 9, 0));
    complete(instance, "Task_SubmitImprovementPlan", plan());
    assertThat(taskAt(instance, "Task_ChaseImprovementPlan")).isNull();

    review(
        instance,
        Map.of("officerDecision", "SEND_BACK", "officerComments", "Add target dates per action"),
        Map.of("managerDecision", "ACCEPT"));
    assertThat(instance).isWaitingAt("Task_ReviseImprovementPlan");
    complete(instance, "Task_ReviseImprovementPlan", plan());
    TestClock.set(LocalDateTime.of(2026, 3, 20, 12, 0));
    acceptBoth(instance);
    assertThat(planOf(instance).validationDueAt()).isEqualTo("2026-04-20T23:00:00Z");

    fire(timer(instance, "Timer_ValidatePlan"));
    notImproved(instance, "No reviewed support plans seen");
    reportToCoreStrategyGroup(
        instance, "No improvement on C1.4", "ISSUE", "No improvement after the plan");
    Job job = managementService.createJobQuery().processInstanceId(id).singleResult();
    managementService.executeJob(job.getId());

    assertThat(instance).isEnded();
    ImprovementPlan closed = planOf(instance);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.timesSentBack()).isEqualTo(1);
    assertThat(closed.submittedAt()).isEqualTo("2026-03-18T09:00:00Z");
    assertThat(closed.outcome()).isEqualTo("NOT_IMPROVED");
    assertThat(closed.defaultNotice()).isTrue();
    assertThat(breaches.ofCase("QAF_IMPROVEMENT_PLAN", closed.caseReference()))
        .extracting(DeadlineBreach::kind, DeadlineBreach::dueAt)
        .containsExactlyInAnyOrder(
            tuple(Kind.MISSED, Instant.parse("2026-03-17T00:00:00Z")),
            tuple(Kind.LATE, Instant.parse("2026-03-17T00:00:00Z")));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM qaf_default_notice WHERE plan_id = :id")
                .param("id", closed.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key = :key AND attachment_content IS NOT NULL")
                .param("key", "qaf-plan:" + id + ":default-notice")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
