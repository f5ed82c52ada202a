package uk.gov.council.commissioning.extension;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.gov.council.commissioning.extension.ExtensionTestData.*;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
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

  /** A case on the seeded contract, its gateway report drafted, scrutinised and agreed. */
  ProcessInstance agreedForDecision(boolean keyDecision) {
    ProcessInstance instance = started();
    draftScrutiniseAndAgree(instance, keyDecision);
    return instance;
  }

  void draftScrutiniseAndAgree(ProcessInstance instance, boolean keyDecision) {
    complete(instance, "Task_PrepareGatewayReport", gatewayReport(keyDecision));
    complete(instance, "Task_RecordScrutiny", scrutiny());
    complete(instance, "Task_ChiefOfficerAgreement", chiefOfficer("AGREE", "Agreed"));
    complete(instance, "Task_GovernanceAgreement", governance("AGREE", "Agreed"));
  }

  void staffMember(String id, String group) {
    TestUsers.namedUser(access, id, "Test", group, group);
  }
}
