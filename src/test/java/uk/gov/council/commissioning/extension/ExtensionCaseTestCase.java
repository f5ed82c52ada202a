package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.gov.council.commissioning.extension.ExtensionTestData.*;
import static uk.gov.council.commissioning.testkit.TestClock.at;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

  /** A case whose key-decision gateway report has been drafted and scrutinised. */
  ProcessInstance scrutinised() {
    ProcessInstance instance = started();
    complete(task(instance), gatewayReport(true));
    complete(task(instance), scrutiny());
    return instance;
  }

  /** A scrutinised case whose agreers have answered as given. */
  ProcessInstance agreementAnswered(
      Map<String, Object> chiefOfficer, Map<String, Object> governance) {
    ProcessInstance instance = scrutinised();
    answerAgreement(instance, chiefOfficer, governance);
    return instance;
  }

  /** A case on the seeded contract, its gateway report drafted, scrutinised and agreed. */
  ProcessInstance agreedForDecision(boolean keyDecision) {
    ProcessInstance instance = started();
    draftScrutiniseAndAgree(instance, keyDecision);
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
   * A key decision approved by the Portfolio Holder, published on 19 September 2019 and called in
   * within the call-in period.
   */
  ProcessInstance calledIn(String approvalComments, String callInReason) {
    ProcessInstance instance = agreedForDecision(true);
    complete(task(instance), approval("APPROVE", approvalComments));
    complete(task(instance), Map.of("publicationDate", "2019-09-19"));
    complete(task(instance), Map.of("callInReceived", true, "callInReason", callInReason));
    return instance;
  }

  /**
   * The seed's own route (seed 000 §10.2): the Portfolio Holder approves the key decision, it is
   * published on Thursday 19 September 2019, and once the call-in period has passed the register is
   * updated and the letter sent; the case then waits for the provider to confirm the letter.
   */
  ProcessInstance extendedOnTheSeedRoute() {
    ProcessInstance instance = started();

    draftScrutiniseAndAgree(instance, true);
    assertAwaitingDecision(
        instance, "PORTFOLIO_HOLDER", "Task_PortfolioHolderDecision", "portfolio-holders");
    complete(task(instance), approval("APPROVE", ""));

    assertThat(instance).isWaitingAt("Task_PublishDecision");
    complete(task(instance), Map.of("publicationDate", "2019-09-19"));
    // Five working days after Thursday 19 September 2019: Thursday 26 September.
    assertThat(instance)
        .isWaitingAt("Task_RecordCallIn")
        .variables()
        .containsEntry("callInLastDay", "2019-09-26");
    Job callInTimer = timer(instance, "Timer_CallInPeriodEnds");
    assertThat(callInTimer.getDuedate()).isEqualTo(at(LocalDateTime.of(2019, 9, 27, 0, 0)));

    TestClock.set(LocalDateTime.of(2019, 9, 27, 0, 1));
    execute(callInTimer);
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

  /** The case waits for the route's decision maker, at a task offered to their group alone. */
  void assertAwaitingDecision(
      ProcessInstance instance, String route, String activity, String candidateGroup) {
    assertThat(instance).isWaitingAt(activity).variables().containsEntry("approvalRoute", route);
    assertThat(task(instance)).hasCandidateGroup(candidateGroup);
  }

  void draftScrutiniseAndAgree(ProcessInstance instance, boolean keyDecision) {
    complete(instance, "Task_PrepareGatewayReport", gatewayReport(keyDecision));
    complete(instance, "Task_RecordScrutiny", scrutiny());
    answerAgreement(instance, chiefOfficer("AGREE", "Agreed"), governance("AGREE", "Agreed"));
  }

  /** The agreers answer the scrutinised report: the Chief Officer, then governance. */
  void answerAgreement(
      ProcessInstance instance, Map<String, Object> chiefOfficer, Map<String, Object> governance) {
    complete(instance, "Task_ChiefOfficerAgreement", chiefOfficer);
    complete(instance, "Task_GovernanceAgreement", governance);
  }

  void staffMember(String id, String group) {
    TestUsers.namedUser(access, id, "Test", group, group);
  }
}
