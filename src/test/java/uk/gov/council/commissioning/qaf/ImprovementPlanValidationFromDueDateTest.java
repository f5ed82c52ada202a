package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.qaf.ImprovementPlanTestData.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.ChangedSettingsTest;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * With commissioning.qaf.validation-starts-from=PLAN_DUE the further month of seed 001 3.3 §3.4
 * runs from the plan's due date, however long the review took.
 */
@ChangedSettingsTest
class ImprovementPlanValidationFromDueDateTest extends ImprovementPlanTestCase {

  @AfterEach
  void reset() {
    removeStaff(identityService);
  }

  @Test
  void theValidationTimerRunsAMonthFromThePlansDueDate() {
    BpmnAwareTests.init(engine);
    users(access);
    Contract contract =
        contract(contracts, alpha(contracts), "IP-DUE-" + System.nanoTime() % 100000);
    TestClock.set(LocalDateTime.of(2026, 3, 2, 10, 0));
    ProcessInstance instance = planFor(contract, "QAF-2025-D" + System.nanoTime() % 100000, "C1.6");

    TestClock.set(LocalDateTime.of(2026, 3, 10, 14, 0));
    complete(instance, "Task_SubmitImprovementPlan", plan());
    // Accepted three weeks later: the month still runs from the end of 16 March.
    TestClock.set(LocalDateTime.of(2026, 3, 31, 11, 0));
    acceptBoth(instance);

    ImprovementPlan plan = planOf(instance);
    assertThat(plan.acceptedAt()).isEqualTo("2026-03-31T10:00:00Z");
    assertThat(plan.validationDueAt()).isEqualTo("2026-04-16T23:00:00Z");
    Job timer = timer(instance, "Timer_ValidatePlan");
    assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-04-16T23:00:00Z")));

    TestClock.set(Date.from(Instant.parse("2026-04-16T23:01:00Z")));
    execute(timer);
    assertThat(instance).isWaitingAt("Task_ValidateImprovement");
    complete(
        instance,
        "Task_ValidateImprovement",
        Map.of("validationOutcome", "IMPROVED", "newGrade", "C"));
    assertThat(instance).isEnded();
    assertThat(planOf(instance).newGrade()).isEqualTo("C");
  }
}
