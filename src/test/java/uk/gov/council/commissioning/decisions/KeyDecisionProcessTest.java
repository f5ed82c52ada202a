package uk.gov.council.commissioning.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.gov.council.commissioning.testkit.TestClock.at;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestUsers;

/**
 * The key-decision sub-process on its own, as its callers start it: each path (scrutiny or not,
 * publication and call-in or not, a call-in and the reconsidered decision, which is not called in
 * again) and the refusals that write nothing (a decision by someone outside the route, a
 * publication dated before the decision, a call-in after the period). Seed 000 front sheet and
 * §2.1.
 */
@ProcessTest
class KeyDecisionProcessTest extends ProcessTestCase {

  @Autowired HistoryService historyService;

  private String reference;

  @BeforeEach
  void staff() {
    BpmnAwareTests.init(engine);
    TestUsers.namedUser(
        access, "kd-member", "Test", Roles.PORTFOLIO_HOLDERS, Roles.PORTFOLIO_HOLDERS);
    TestUsers.namedUser(access, "kd-officer", "Test", Roles.CHIEF_OFFICERS, Roles.CHIEF_OFFICERS);
    TestUsers.namedUser(
        access, "kd-clerk", "Test", Roles.DEMOCRATIC_SERVICES, Roles.DEMOCRATIC_SERVICES);
    reference = uniqueReference("KD-");
    // Seed 000 is dated 18 September 2019 (a Wednesday).
    TestClock.set(LocalDateTime.of(2019, 9, 18, 9, 0));
  }

  private ProcessInstance started(DecisionMaker maker, boolean key) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseType", "TEST_DECISION");
    variables.put("decisionKind", "EXTENSION");
    variables.put("decisionMaker", maker.name());
    variables.put("decisionMakerGroup", maker.group());
    variables.put("decisionMakerTitle", maker.title());
    variables.put("keyDecision", key);
    variables.put("scrutiny", key);
    variables.put("publication", key);
    variables.put("callIn", key);
    variables.put(
        "decisionSubject", "Extension of the Direct Payments Support and Payroll Service");
    variables.put("decisionSummary", "Option 2: 8 April 2020 to 7 April 2021");
    variables.put("decisionDue", null);
    return runtimeService.startProcessInstanceByKey("key-decision", reference, variables);
  }

  private static Map<String, Object> decision(String decision, String reference) {
    Map<String, Object> v = new HashMap<>();
    v.put("approvalDecision", decision);
    v.put("decisionReference", reference);
    v.put("approvalComments", "REFUSE".equals(decision) ? "Not value for money" : "");
    return v;
  }

  private static Map<String, Object> scrutiny() {
    return Map.of(
        "scrutinyCommittee",
        "Adult Care and Health PDS Committee",
        "scrutinyDate",
        "2019-09-17",
        "scrutinyComments",
        "Noted; no objection");
  }

  /** An Executive key decision, scrutinised, approved and published on Thursday 19 September. */
  private ProcessInstance publishedKeyDecision() {
    ProcessInstance instance = started(DecisionMaker.EXECUTIVE, true);
    assertThat(instance).isWaitingAt("Task_RecordScrutiny");
    assertThat(task(instance)).hasCandidateGroup(Roles.DEMOCRATIC_SERVICES);
    completeAs("kd-clerk", task(instance), scrutiny());
    assertThat(instance).isWaitingAt("Task_RecordDecision");
    assertThat(task(instance)).hasCandidateGroup(Roles.DEMOCRATIC_SERVICES);
    completeAs("kd-clerk", task(instance), decision("APPROVE", "EX-2019-44"));
    assertThat(instance).isWaitingAt("Task_PublishDecision");
    TestClock.set(LocalDateTime.of(2019, 9, 19, 9, 0));
    completeAs("kd-clerk", task(instance), Map.of("publicationDate", "2019-09-19"));
    return instance;
  }

  @Test
  void aNonKeyDecisionHasNoScrutinyNoPublicationAndTakesEffectOnceMade() {
    ProcessInstance instance = started(DecisionMaker.PORTFOLIO_HOLDER, false);

    assertThat(instance).isWaitingAt("Task_RecordDecision");
    assertThat(task(instance)).hasCandidateGroup(Roles.PORTFOLIO_HOLDERS);
    completeAs("kd-member", task(instance), decision("APPROVE", "PH-2019-117"));

    assertThat(instance).isEnded().hasNotPassed("Task_RecordScrutiny", "Task_PublishDecision");
    assertThat(historicVariable(instance, "decisionOutcome")).isEqualTo("APPROVED");
    assertThat(historicVariable(instance, "decisionReferenceMade")).isEqualTo("PH-2019-117");
  }

  @Test
  void aKeyDecisionTakesEffectOnlyWhenTheCallInPeriodIsOver() {
    ProcessInstance instance = publishedKeyDecision();

    // Five working days after Thursday 19 September 2019: Thursday 26 September.
    assertThat(instance)
        .isWaitingAt("Task_RecordCallIn")
        .variables()
        .containsEntry("callInLastDay", "2019-09-26");
    Job callInTimer = timer(instance, "Timer_CallInPeriodEnds");
    assertThat(callInTimer.getDuedate()).isEqualTo(at(LocalDateTime.of(2019, 9, 27, 0, 0)));
    assertThat(instance).isNotEnded();

    TestClock.set(LocalDateTime.of(2019, 9, 27, 0, 1));
    execute(callInTimer);
    assertThat(instance).isEnded().hasPassed("EndEvent_Approved");
    assertThat(historicVariable(instance, "decisionOutcome")).isEqualTo("APPROVED");
    assertThat(deadlineStates("TEST_DECISION", reference))
        .extracting(t -> t.toList().get(0) + ":" + t.toList().get(1))
        .contains("CALL_IN:MET");
  }

  @Test
  void aCallInReturnsTheDecisionToTheDecisionMakerAndTheReconsideredDecisionIsNotCalledInAgain() {
    ProcessInstance instance = publishedKeyDecision();
    TestClock.set(LocalDateTime.of(2019, 9, 24, 10, 0));
    completeAs(
        "kd-clerk",
        task(instance),
        Map.of("callInReceived", true, "callInReason", "Called in by three members"));

    assertThat(instance).isWaitingAt("Task_RecordDecision");
    assertThat(timer(instance, "Timer_CallInPeriodEnds")).isNull();
    // The reconsideration opens empty.
    assertThat(taskService.getVariables(task(instance).getId()))
        .doesNotContainKeys("approvalDecision", "decisionReference");

    completeAs("kd-clerk", task(instance), decision("APPROVE", "EX-2019-51"));
    // Published again, then in effect: no second call-in period.
    assertThat(instance).isWaitingAt("Task_PublishDecision");
    completeAs("kd-clerk", task(instance), Map.of("publicationDate", "2019-09-24"));
    assertThat(instance).isEnded().hasPassed("EndEvent_Approved");
    assertThat(historicVariable(instance, "decisionReferenceMade")).isEqualTo("EX-2019-51");
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId("Task_RecordCallIn")
                .count())
        .isEqualTo(1);
  }

  @Test
  void aReconsiderationCanRefuse() {
    ProcessInstance instance = publishedKeyDecision();
    completeAs("kd-clerk", task(instance), Map.of("callInReceived", true, "callInReason", "x"));

    completeAs("kd-clerk", task(instance), decision("REFUSE", "EX-2019-52"));

    assertThat(instance).isEnded().hasPassed("EndEvent_Refused");
    assertThat(historicVariable(instance, "decisionOutcome")).isEqualTo("REFUSED");
  }

  @Test
  void aDecisionRecordedBySomeoneOutsideTheRouteIsRefusedAndNothingIsWritten() {
    ProcessInstance instance = started(DecisionMaker.PORTFOLIO_HOLDER, false);

    assertThatThrownBy(
            () -> completeAs("kd-officer", task(instance), decision("APPROVE", "CO-2019-1")))
        // The engine's task authorization answers first (403 through the REST API); the step's own
        // check stands behind it for anyone whose grants reach every task.
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("kd-officer");

    assertThat(instance).isWaitingAt("Task_RecordDecision");
    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKeys("approvalDecisionMade", "decisionReferenceMade", "decisionDate");
  }

  @Test
  void aPublicationDateBeforeTheDecisionIsRefused() {
    ProcessInstance instance = started(DecisionMaker.EXECUTIVE, true);
    completeAs("kd-clerk", task(instance), scrutiny());
    TestClock.set(LocalDateTime.of(2019, 9, 19, 9, 0));
    completeAs("kd-clerk", task(instance), decision("APPROVE", "EX-2019-44"));

    assertRefusedAs(
        "kd-clerk",
        task(instance),
        Map.of("publicationDate", "2019-09-18"),
        "publicationDate",
        "before the decision");
    assertRefusedAs(
        "kd-clerk", task(instance), Map.of("publicationDate", "2019-09-20"), "in the future");

    assertThat(instance).isWaitingAt("Task_PublishDecision");
    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKeys("callInLastDay", "publishedOn");
    assertThat(deadlineStates("TEST_DECISION", reference)).isEmpty();
  }

  @Test
  void aCallInAfterThePeriodIsRefused() {
    ProcessInstance instance = publishedKeyDecision();
    // The timer has not run yet, but the last call-in day (26 September) is over.
    TestClock.set(LocalDateTime.of(2019, 9, 27, 9, 0));

    assertRefusedAs(
        "kd-clerk",
        task(instance),
        Map.of("callInReceived", true, "callInReason", "Too late"),
        "call-in period ended on 2019-09-26");

    assertThat(instance).isWaitingAt("Task_RecordCallIn");
    assertThat(runtimeService.getVariable(instance.getId(), "callInReceived")).isEqualTo(false);
  }

  @Test
  void scrutinyCannotBeDatedInTheFuture() {
    ProcessInstance instance = started(DecisionMaker.EXECUTIVE, true);

    assertRefusedAs(
        "kd-clerk",
        task(instance),
        Map.of("scrutinyCommittee", "PDS", "scrutinyDate", "2019-09-30", "scrutinyComments", "x"),
        "scrutinyDate");
    assertThat(instance).isWaitingAt("Task_RecordScrutiny");
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }
}
