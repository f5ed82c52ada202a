package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.gov.council.commissioning.extension.ExtensionTestData.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestUsers;

/**
 * An extension case on a contract of its own, with the staff who work it: the same on H2 and on
 * PostgreSQL.
 */
abstract class ExtensionCaseTestCase extends ProcessTestCase {

  @Autowired HistoryService historyService;
  @Autowired ExtensionCaseService cases;
  @Autowired ExtensionLetterService letters;

  private final String referencePrefix;
  String reference;

  ExtensionCaseTestCase(String referencePrefix) {
    this.referencePrefix = referencePrefix;
  }

  @BeforeEach
  void staffAndContract() {
    BpmnAwareTests.init(engine);
    staffMember("t-officer", Roles.COMMISSIONING_OFFICERS);
    staffMember("t-manager", Roles.CONTRACTS_MANAGERS);
    staffMember("t-director", Roles.CHIEF_OFFICERS);
    reference = uniqueReference(referencePrefix);
    // Seed 000 is dated 18 September 2019; its decision is published the next day.
    TestClock.set(LocalDateTime.of(2019, 9, 20, 9, 0));
  }

  /** A case started by the system on the seeded contract. */
  ProcessInstance started() {
    seedContract(contracts, reference);
    return cases.startAsSystem(reference);
  }

  /**
   * A case whose gateway report (not a key decision) has been drafted: the route asks the Chief
   * Officer and governance to agree.
   */
  ProcessInstance drafted() {
    ProcessInstance instance = started();
    complete(task(instance), gatewayReport(false));
    return instance;
  }

  /** A drafted case whose agreers have answered as given. */
  ProcessInstance agreementAnswered(
      Map<String, Object> chiefOfficer, Map<String, Object> governance) {
    ProcessInstance instance = drafted();
    answerAgreement(instance, chiefOfficer, governance);
    return instance;
  }

  /**
   * A case on the seeded contract, its gateway report drafted and agreed and, for a key decision,
   * scrutinised: the decision maker's task is open.
   */
  ProcessInstance agreedForDecision(boolean keyDecision) {
    ProcessInstance instance = started();
    draftAndAgree(instance, keyDecision);
    return instance;
  }

  /** A case started by the system at the UK time given, on the seeded contract. */
  ProcessInstance startedAt(LocalDateTime ukTime) {
    seedContract(contracts, reference);
    TestClock.set(ukTime);
    return cases.startAsSystem(reference);
  }

  /**
   * A case on a contract of its own value and options, running 1 April 2018 to 31 March 2020, so
   * the approval route is the one the value calls for.
   */
  ProcessInstance startedOn(String wholeLifeValue, List<Integer> optionMonths) {
    contract(
        contracts,
        reference,
        LocalDate.of(2018, 4, 1),
        LocalDate.of(2020, 3, 31),
        wholeLifeValue,
        optionMonths);
    return cases.startAsSystem(reference);
  }

  /**
   * The key-decision sub-process the case has called (scrutiny, decision, publication, call-in).
   */
  ProcessInstance decisionOf(ProcessInstance instance) {
    return runtimeService
        .createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId())
        .singleResult();
  }

  /** The open task of the case's decision sub-process. */
  Task decisionTask(ProcessInstance instance) {
    return task(decisionOf(instance));
  }

  /**
   * A key decision (the officer's judgement: the Executive decides) approved and published on 20
   * September 2019 and called in within the call-in period.
   */
  ProcessInstance calledIn(String approvalComments, String callInReason) {
    ProcessInstance instance = agreedForDecision(true);
    complete(decisionTask(instance), approval("APPROVE", approvalComments));
    complete(decisionTask(instance), Map.of("publicationDate", "2019-09-20"));
    complete(decisionTask(instance), Map.of("callInReceived", true, "callInReason", callInReason));
    return instance;
  }

  /**
   * The seed's own route (seed 000 §10.2): the Chief Officer and the AD Governance &amp; Contracts
   * agree, the Portfolio Holder approves (not a key decision at the extension's £225,000: no
   * scrutiny, publication or call-in), the register is updated and the letter sent; the case then
   * waits for the provider to confirm the letter.
   */
  ProcessInstance extendedOnTheSeedRoute() {
    ProcessInstance instance = started();

    draftAndAgree(instance, false);
    assertAwaitingDecision(instance, "PORTFOLIO_HOLDER", "portfolio-holders");
    assertThat(decisionOf(instance)).hasNotPassed("Task_RecordScrutiny");
    complete(decisionTask(instance), approval("APPROVE", ""));

    assertThat(instance).isWaitingAt("Task_UpdateContractRegister");
    execute(job());
    assertThat(instance).isWaitingAt("Task_SendExtensionLetter");
    execute(job());

    assertThat(instance).isWaitingAt("Task_ConfirmExtensionLetter");
    assertThat(task(instance)).hasCandidateGroup("provider-vibrance");
    Contract extended = contracts.findByReference(reference).orElseThrow();
    assertThat(extended.endDate()).isEqualTo(LocalDate.of(2021, 4, 7));
    assertThat(extended.options().get(1).used()).isTrue();
    assertThat(extended.options().get(1).usedByDecision())
        .contains("PH-2019-117")
        .contains(instance.getId());
    return instance;
  }

  /**
   * The case waits in its decision sub-process for the route's decision maker, at a task offered to
   * their group alone.
   */
  void assertAwaitingDecision(ProcessInstance instance, String route, String candidateGroup) {
    assertThat(instance)
        .isWaitingAt("CallActivity_KeyDecision")
        .variables()
        .containsEntry("approvalRoute", route);
    assertThat(decisionOf(instance)).isWaitingAt("Task_RecordDecision");
    assertThat(decisionTask(instance)).hasCandidateGroup(candidateGroup);
  }

  /**
   * The report drafted, agreed by those the route asks, and for a key decision scrutinised by the
   * PDS committee.
   */
  void draftAndAgree(ProcessInstance instance, boolean keyDecision) {
    complete(instance, "Task_PrepareGatewayReport", gatewayReport(keyDecision));
    answerAgreement(instance, chiefOfficer("AGREE", "Agreed"), governance("AGREE", "Agreed"));
    if (keyDecision) {
      complete(decisionTask(instance), scrutiny());
    }
  }

  /** Those the route asks answer the report: the Chief Officer (if asked), then governance. */
  void answerAgreement(
      ProcessInstance instance, Map<String, Object> chiefOfficer, Map<String, Object> governance) {
    if (taskAt(instance, "Task_ChiefOfficerAgreement") != null) {
      complete(instance, "Task_ChiefOfficerAgreement", chiefOfficer);
    }
    complete(instance, "Task_GovernanceAgreement", governance);
  }

  void staffMember(String id, String group) {
    TestUsers.namedUser(access, id, "Test", group, group);
  }
}
