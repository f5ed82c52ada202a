package uk.gov.council.commissioning.audits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.CSG;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.LEAD;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * The five steps the contract management meeting process calls (seed 001 Part 3.1 §3.2-§3.4), in a
 * model of their own that strings them as the meeting will: open the desk-top audit, the officer's
 * review, done, risks reported; the audit with the provider, reported, Medium-to-High moves
 * reported. Each path: with and without concerns, and a report attempted without a summary.
 */
@ProcessTest
class ComplianceAuditStepsProcessTest extends ProcessTestCase {

  static final String PROCESS_KEY = "compliance-audit-steps-probe";

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("casp", LEAD, MANAGER, CSG).withProviders("CASP Alpha", "CASP Beta");

  @Autowired RepositoryService repositoryService;
  @Autowired ComplianceAudits audits;

  String deploymentId;
  Contract contract;
  long meeting;

  @BeforeEach
  void deployTheSteps() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Task_OpenDeskTopAudit")
            .camundaDelegateExpression("${openDeskTopAudit}")
            .userTask("Task_DeskTopReview")
            .serviceTask("Task_DeskTopAuditComplete")
            .camundaDelegateExpression("${deskTopAuditComplete}")
            .serviceTask("Task_ReportAuditRisks")
            .camundaDelegateExpression("${reportAuditRisks}")
            .userTask("Task_AuditWithProvider")
            .serviceTask("Task_ComplianceAuditComplete")
            .camundaDelegateExpression("${complianceAuditComplete}")
            .serviceTask("Task_ReportRaisedRisks")
            .camundaDelegateExpression("${reportRaisedRisks}")
            .endEvent()
            .done();
    deploymentId =
        repositoryService
            .createDeployment()
            .addModelInstance(PROCESS_KEY + ".bpmn", model)
            .deploy()
            .getId();
    BpmnAwareTests.init(engine);
    TestClock.set(LocalDateTime.of(2071, 3, 1, 9, 0));
    contract = AuditTestData.contract(contracts, TEAM.alpha(), uniqueReference("CASP-"));
    meeting = AuditTestData.meeting(jdbc, contract, LocalDate.of(2071, 4, 20));
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void mediumAndHighRisksAreReportedOnceAndAMediumMovedToHighGoesToTheCsg() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt("Task_DeskTopReview");
    long audit = auditId(instance);
    long returnedOnTime = AuditTestData.clause(jdbc, "PERFORMANCE_INDICATORS", 1);
    long crbChecks = AuditTestData.clause(jdbc, "CRB_CHECKS", 1);
    long addedValue = AuditTestData.clause(jdbc, "ADDED_VALUE", 1);
    audits.assess(
        audit,
        List.of(
            new RiskEntry(
                returnedOnTime, "Late twice", List.of("MINOR_INTERNAL_DISRUPTION"), null, null),
            new RiskEntry(
                crbChecks, "No system seen", List.of("HEALTH_AND_SAFETY_IMPACT"), null, null),
            new RiskEntry(addedValue, "Good", List.of(), null, null)),
        TEAM.user(LEAD));

    complete(taskAt(instance, "Task_DeskTopReview"), Map.of());

    assertThat(instance).isWaitingAt("Task_AuditWithProvider");
    assertThat(instance).variables().containsEntry(AuditVariables.CONCERNS, 2);
    String risks = "audits:audit-" + audit + ":risks-reported";
    assertThat(outboxCount(risks)).isEqualTo(1);
    assertThat(outbox(risks)).contains(TEAM.user(MANAGER) + "@council.example");
    assertThat(outboxBody(risks))
        .contains("- Medium: Performance Indicators – Returned on time (%)")
        .contains("- High: CRB Checks – Does the Provider have a system in place");
    // A retried step sends nothing more.
    audits.reportRisks(audit);
    assertThat(outboxCount(risks)).isEqualTo(1);

    audits.planProviderAudit(audit, "2071-04-01", "Evidence of PI returns", TEAM.user(LEAD));
    audits.revise(
        audit,
        List.of(new RiskEntry(returnedOnTime, "Returns still late", List.of(), "HIGH", null)),
        "Returns remain late; CRB system now seen",
        TEAM.user(LEAD));
    complete(taskAt(instance, "Task_AuditWithProvider"), Map.of());

    assertThat(instance).isEnded();
    assertThat(audits.find(audit, Actor.engine()).orElseThrow().status())
        .isEqualTo(ComplianceAudit.COMPLETE);
    String raised = "audits:audit-" + audit + ":raised-to-high";
    assertThat(outboxCount(raised)).isEqualTo(1);
    assertThat(outbox(raised)).contains(TEAM.user(CSG) + "@council.example");
    assertThat(outboxBody(raised))
        .contains("- High: Performance Indicators – Returned on time (%)");
    assertThat(historyVariable(instance, AuditVariables.RAISED)).isEqualTo(1);
  }

  @Test
  void withNoConcernsNothingIsSentAndTheAuditWithTheProviderNeedsItsSummary() {
    ProcessInstance instance = start();
    long audit = auditId(instance);
    complete(taskAt(instance, "Task_DeskTopReview"), Map.of());

    assertThat(instance).variables().containsEntry(AuditVariables.CONCERNS, 0);
    assertThat(outboxCount("audits:audit-" + audit + ":risks-reported")).isZero();

    audits.planProviderAudit(audit, "2071-04-02", "Support plans", TEAM.user(LEAD));
    assertThatThrownBy(() -> complete(taskAt(instance, "Task_AuditWithProvider"), Map.of()))
        .hasMessageContaining("has no summary");
    assertThat(instance).isWaitingAt("Task_AuditWithProvider");
    assertThat(audits.find(audit, Actor.engine()).orElseThrow().status())
        .isEqualTo(ComplianceAudit.PROVIDER_AUDIT);

    audits.revise(audit, List.of(), "Nothing of concern", TEAM.user(LEAD));
    complete(taskAt(instance, "Task_AuditWithProvider"), Map.of());
    assertThat(instance).isEnded();
    assertThat(outboxCount("audits:audit-" + audit + ":raised-to-high")).isZero();
  }

  @Test
  void openingTwiceForTheSameMeetingKeepsOneAudit() {
    ProcessInstance instance = start();
    long again = audits.openFor(meeting, "another");
    assertThat(again).isEqualTo(auditId(instance));
    assertThatThrownBy(() -> audits.openFor(-1, null)).isInstanceOf(IllegalArgumentException.class);
  }

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(
        PROCESS_KEY, Map.of(AuditVariables.MEETING_ID, meeting));
  }

  private long auditId(ProcessInstance instance) {
    return ((Number) runtimeService.getVariable(instance.getId(), AuditVariables.AUDIT_ID))
        .longValue();
  }

  private Object historyVariable(ProcessInstance instance, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }
}
