package uk.gov.council.commissioning.appraisals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.NewContract;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ContractDraft;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Every path of {@code options-appraisal.bpmn}: the Coventry case of seed 003 (Chief Officer's
 * agreement, the Cabinet Member's decision, the resolution to procure starting the procurement with
 * the report's facts), a report not agreed and withdrawn, a recommendation refused, a resolution to
 * extend, one that starts nothing, and a key decision with its call-in (seed 000 §2, §4.8, §10.2).
 * The refusals write nothing: a decision by someone outside the route, a publication before the
 * decision, a call-in after the period. The annex never reaches a variable, an email or a notice.
 */
@ProcessTest
class OptionsAppraisalProcessTest extends AppraisalTestCase {

  @Autowired HistoryService historyService;

  private static final String RESOLUTION =
      "RESOLVED that the Cabinet Member: 1) supports the improvements described in section 1.5;"
          + " 2) approves a new contract and service specification for 2 years including"
          + " provision for subcontracting to alternative providers.";

  private static Map<String, Object> decision(String decision, String reference) {
    return Map.of(
        "approvalDecision",
        decision,
        "decisionReference",
        reference,
        "approvalComments",
        "REFUSE".equals(decision) ? "Not value for money" : "");
  }

  private ProcessInstance appraisal(String reference) {
    ProcessInstance instance = runningCase(AppraisalSteps.PROCESS_KEY, reference);
    assertThat(instance).as("the appraisal's case").isNotNull();
    return instance;
  }

  private ProcessInstance keyDecision(ProcessInstance appraisal) {
    return runtimeService
        .createProcessInstanceQuery()
        .superProcessInstanceId(appraisal.getId())
        .singleResult();
  }

  private Task decisionTask(String reference) {
    return taskAt(reference, "Task_RecordDecision");
  }

  private static String annex() {
    return "Private report " + System.nanoTime() + ": the provider's account pricing.";
  }

  @Test
  void theCoventryCaseResolvesToProcureAndStartsTheProcurementWithTheReportsFacts() {
    String annex = annex();
    String reference = submit(coventry(annex, new BigDecimal("250000.00"), null, "PROCURE"));
    ProcessInstance instance = appraisal(reference);

    assertThat(instance).isWaitingAt("Task_CheckReport");
    assertThat(appraisalRow(reference).get("process_instance_id")).isEqualTo(instance.getId());
    completeAs(OFFICER, instance, "Task_CheckReport", Map.of("reportCheck", "READY"));

    // Seed 003: not key, from the Chief Officer's limit: the Chief Officer agrees, the Portfolio
    // Holder (the Cabinet Member for Adult Services) decides.
    assertThat(instance)
        .isWaitingAt("Task_ChiefOfficerAgreement")
        .variables()
        .containsEntry("decisionMaker", "PORTFOLIO_HOLDER")
        .containsEntry("keyDecision", false);
    assertThat(appraisalRow(reference).get("status")).isEqualTo("FOR_DECISION");
    completeAs(
        DIRECTOR, instance, "Task_ChiefOfficerAgreement", Map.of("chiefOfficerAgreement", "AGREE"));

    Task decide = decisionTask(reference);
    assertThat(decide).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(decide.getId()))
        .extracting(link -> link.getGroupId())
        .containsExactly(Roles.PORTFOLIO_HOLDERS);
    // Someone outside the route is refused and nothing is written.
    assertThatThrownBy(() -> completeAs(CLERK, decide, decision("APPROVE", "X-1")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(decisionTask(reference)).isNotNull();
    assertThat(appraisalRow(reference).get("decision_reference")).isNull();

    completeAs(MEMBER, decide, decision("APPROVE", "CM-2017-10-02"));
    assertThat(instance).isWaitingAt("Task_RecordResolution");
    Task resolution = taskAt(instance, "Task_RecordResolution");
    assertThat(taskService.getIdentityLinksForTask(resolution.getId()))
        .extracting(link -> link.getGroupId())
        .containsExactly(Roles.DEMOCRATIC_SERVICES);

    // A publication dated before the decision is refused; nothing is written.
    assertRefusedAs(
        CLERK,
        resolution,
        Map.of("resolution", RESOLUTION, "publicationDate", "2017-09-29"),
        "publicationDate",
        "cannot be before the decision");
    assertThat(appraisalRow(reference).get("resolution")).isNull();

    completeAs(
        CLERK, resolution, Map.of("resolution", RESOLUTION, "publicationDate", "2017-10-02"));
    Map<String, Object> row = appraisalRow(reference);
    assertThat(row.get("status")).isEqualTo("PUBLISHED");
    assertThat(row.get("resolution")).isEqualTo(RESOLUTION);
    assertThat(row.get("outcome")).isEqualTo("PROCURE");
    assertThat(row.get("decision_reference")).isEqualTo("CM-2017-10-02");
    assertThat(row.get("resolved_by")).isEqualTo(CLERK);

    execute(jobAt(instance, "Task_StartProcurement"));
    assertThat(instance).isEnded().hasPassed("EndEvent_ProcurementStarted");
    row = appraisalRow(reference);
    assertThat(row.get("status")).isEqualTo("IMPLEMENTED");
    String procurement = (String) row.get("procurement_reference");
    assertThat(procurement).startsWith("PROC-2017-");

    ProcessInstance procurementCase = runningCase("procurement", procurement);
    assertThat(procurementCase).isWaitingAt("Task_PrepareProcurementCase");
    Map<String, Object> facts = runtimeService.getVariables(procurementCase.getId());
    assertThat(facts)
        .containsEntry("title", CoventryAppraisal.TITLE)
        .containsEntry("serviceArea", "Adult Social Care: direct payments")
        .containsEntry("startReason", "OPTIONS_APPRAISAL");
    assertThat(String.valueOf(facts.get("procurementStrategy")))
        .contains("CM-2017-10-02", reference, "subcontracting", "24 months");
    assertThat(
            singleRow("SELECT * FROM procurement WHERE reference = :ref", "ref", procurement)
                .get("start_reason"))
        .isEqualTo("OPTIONS_APPRAISAL");
    assertThat(facts)
        .containsEntry("decisionReferenceMade", "CM-2017-10-02")
        .containsEntry("decisionDate", "2017-10-02")
        .containsEntry("decisionMaker", "PORTFOLIO_HOLDER");

    // The resolution was the approval to procure (seed 000 §2, §10.7): once the officer completes
    // the strategy, no one is asked to agree or decide again; the timetable is next.
    completeAs(
        BUYER,
        procurementCase,
        "Task_PrepareProcurementCase",
        new java.util.HashMap<>(
            Map.of(
                "procurementStrategy",
                "Open tender for a direct payments support service, 24 months",
                "estimatedValue",
                "£250,000",
                "keyDecisionByOfficer",
                false,
                "regime",
                String.valueOf(facts.get("regime")))));
    assertThat(procurementCase)
        .hasPassed("Task_RecordResolvedApproval")
        .hasNotPassed("Task_GovernanceAgreement", "CallActivity_KeyDecision")
        .isWaitingAt("Task_PlanTimetable");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(procurementCase.getId())
                .taskDefinitionKeyLike("Task_%Agreement")
                .count())
        .isZero();
    Map<String, Object> procurementRow =
        singleRow("SELECT * FROM procurement WHERE reference = :ref", "ref", procurement);
    assertThat(procurementRow.get("status")).isEqualTo("APPROVED");
    assertThat(procurementRow.get("approval_route")).isEqualTo("PORTFOLIO_HOLDER");

    // The annex appears nowhere the engine keeps data, nor in the email or the notice.
    assertThat(engineTextsOf(instance, procurementCase)).noneMatch(t -> t.contains(annex));
    String email = publishedEmail(instance.getId());
    assertThat(email)
        .contains(reference, "CM-2017-10-02", "approves a new contract")
        .doesNotContain(annex);
    String notice = pdfText(publishedNotice(instance.getId()));
    assertThat(notice.replaceAll("\\s+", " "))
        .contains("Option 1 (recommended)", "Option 3 (not recommended)", "Resolved:")
        .doesNotContain("provider's account pricing");
  }

  @Test
  void aReportTheChiefOfficerDoesNotAgreeReturnsToTheOfficerWhoMayWithdrawIt() {
    String reference = submit(coventry(annex(), new BigDecimal("250000.00"), null, "PROCURE"));
    ProcessInstance instance = appraisal(reference);
    completeAs(OFFICER, instance, "Task_CheckReport", Map.of("reportCheck", "READY"));

    assertRefusedAs(
        DIRECTOR,
        taskAt(instance, "Task_ChiefOfficerAgreement"),
        Map.of("chiefOfficerAgreement", "DECLINE"),
        "agreementComments");
    completeAs(
        DIRECTOR,
        instance,
        "Task_ChiefOfficerAgreement",
        Map.of("chiefOfficerAgreement", "DECLINE", "agreementComments", "Cost the framework"));

    assertThat(instance)
        .isWaitingAt("Task_CheckReport")
        .variables()
        .containsEntry("agreementCommentsMade", "Cost the framework");
    // The returned check opens empty.
    assertThat(taskService.getVariables(taskAt(instance, "Task_CheckReport").getId()))
        .doesNotContainKey("reportCheck");
    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_CheckReport"),
        Map.of("reportCheck", "WITHDRAW"),
        "checkNotes");
    completeAs(
        OFFICER,
        instance,
        "Task_CheckReport",
        Map.of("reportCheck", "WITHDRAW", "checkNotes", "Superseded by a regional review"));

    assertThat(instance)
        .isEnded()
        .hasPassed("EndEvent_Withdrawn")
        .hasNotPassed("CallActivity_KeyDecision");
    assertThat(appraisalRow(reference).get("status")).isEqualTo("WITHDRAWN");
  }

  @Test
  void belowTheChiefOfficersLimitTheChiefOfficerDecidesAndARefusalEndsIt() {
    String reference = submit(coventry(annex(), new BigDecimal("80000.00"), null, "PROCURE"));
    ProcessInstance instance = appraisal(reference);
    completeAs(OFFICER, instance, "Task_CheckReport", Map.of("reportCheck", "READY"));

    assertThat(instance).hasNotPassed("Task_ChiefOfficerAgreement");
    Task decide = decisionTask(reference);
    assertThat(taskService.getIdentityLinksForTask(decide.getId()))
        .extracting(link -> link.getGroupId())
        .containsExactly(Roles.CHIEF_OFFICERS);
    completeAs(DIRECTOR, decide, decision("REFUSE", "CO-2017-7"));

    assertThat(instance)
        .isEnded()
        .hasPassed("EndEvent_Refused")
        .hasNotPassed("Task_RecordResolution");
    Map<String, Object> row = appraisalRow(reference);
    assertThat(row.get("status")).isEqualTo("REFUSED");
    assertThat(row.get("decision_reference")).isEqualTo("CO-2017-7");
    assertThat(row.get("procurement_reference")).isNull();
    assertThat(outboxCount(publishedKey(instance.getId()))).isZero();
  }

  @Test
  void aResolutionToExtendStartsTheExtensionOfTheCurrentContract() {
    Provider provider = PROVIDER.setUp(access, contracts);
    String contract = uniqueReference("OA-DPS-");
    NewContract draft =
        ContractDraft.draft(contract, provider.id())
            .about("Direct Payment Support Service", "Direct payments", "Direct Payments Support")
            .running("2016-04-01", "2018-03-31", "80000.00", "160000.00", 12);
    contracts.create(draft);
    String reference = submit(coventry(annex(), new BigDecimal("80000.00"), contract, "EXTEND"));
    ProcessInstance instance = appraisal(reference);
    completeAs(OFFICER, instance, "Task_CheckReport", Map.of("reportCheck", "READY"));
    completeAs(DIRECTOR, decisionTask(reference), decision("APPROVE", "CO-2017-8"));
    completeAs(
        CLERK,
        instance,
        "Task_RecordResolution",
        Map.of("resolution", "RESOLVED to extend by 12 months", "publicationDate", "2017-10-02"));

    execute(jobAt(instance, "Task_StartExtension"));
    assertThat(instance).isEnded().hasPassed("EndEvent_ExtensionStarted");
    assertThat(runningCases("contract-extension", contract)).isEqualTo(1);
    Map<String, Object> row = appraisalRow(reference);
    assertThat(row.get("outcome")).isEqualTo("EXTEND");
    assertThat(row.get("extension_reference")).isEqualTo(contract);
  }

  @Test
  void aResolutionThatStartsNothingIsRecorded() {
    String reference = submit(coventry(annex(), new BigDecimal("80000.00"), null, "OTHER"));
    ProcessInstance instance = appraisal(reference);
    completeAs(OFFICER, instance, "Task_CheckReport", Map.of("reportCheck", "READY"));
    completeAs(DIRECTOR, decisionTask(reference), decision("APPROVE", "CO-2017-9"));
    completeAs(
        CLERK,
        instance,
        "Task_RecordResolution",
        Map.of("resolution", "RESOLVED: personal budgets only", "publicationDate", "2017-10-02"));

    assertThat(instance).isEnded().hasPassed("EndEvent_OutcomeRecorded");
    Map<String, Object> row = appraisalRow(reference);
    assertThat(row.get("status")).isEqualTo("IMPLEMENTED");
    assertThat(row.get("outcome")).isEqualTo("OTHER");
    assertThat(row.get("procurement_reference")).isNull();
    assertThat(row.get("extension_reference")).isNull();
  }

  @Test
  void aKeyDecisionIsScrutinisedPublishedAndACallInReturnsItToTheExecutive() {
    String annex = annex();
    String reference = submit(coventry(annex, new BigDecimal("600000.00"), null, "PROCURE"));
    ProcessInstance instance = appraisal(reference);
    completeAs(OFFICER, instance, "Task_CheckReport", Map.of("reportCheck", "READY"));
    assertThat(instance).variables().containsEntry("decisionMaker", "EXECUTIVE");
    completeAs(
        DIRECTOR, instance, "Task_ChiefOfficerAgreement", Map.of("chiefOfficerAgreement", "AGREE"));

    completeAs(
        CLERK,
        taskAt(reference, "Task_RecordScrutiny"),
        Map.of(
            "scrutinyCommittee", "Adult Services Scrutiny Board",
            "scrutinyDate", "2017-09-28",
            "scrutinyComments", "Noted"));
    completeAs(CLERK, decisionTask(reference), decision("APPROVE", "EX-2017-31"));
    completeAs(
        CLERK, taskAt(reference, "Task_PublishDecision"), Map.of("publicationDate", "2017-10-02"));

    ProcessInstance governance = keyDecision(instance);
    assertThat(governance).isWaitingAt("Task_RecordCallIn");
    completeAs(
        CLERK,
        taskAt(reference, "Task_RecordCallIn"),
        Map.of("callInReceived", true, "callInReason", "Called in by three members"));

    // Reconsidered, approved and published again; not open to a second call-in.
    completeAs(CLERK, decisionTask(reference), decision("APPROVE", "EX-2017-31/R"));
    TestClock.set(LocalDateTime.of(2017, 10, 4, 9, 0));
    completeAs(
        CLERK, taskAt(reference, "Task_PublishDecision"), Map.of("publicationDate", "2017-10-04"));
    assertThat(instance).isWaitingAt("Task_RecordResolution");
    completeAs(
        CLERK,
        instance,
        "Task_RecordResolution",
        Map.of("resolution", RESOLUTION, "publicationDate", "2017-10-04"));
    execute(jobAt(instance, "Task_StartProcurement"));

    assertThat(instance).isEnded().hasPassed("EndEvent_ProcurementStarted");
    Map<String, Object> row = appraisalRow(reference);
    assertThat(row.get("decision_reference")).isEqualTo("EX-2017-31/R");
    assertThat(row.get("decision_route")).isEqualTo("EXECUTIVE");
    assertThat(engineTextsOf(instance)).noneMatch(t -> t.contains(annex));
  }

  @Test
  void aCallInAfterThePeriodIsRefusedAndTheDecisionTakesEffect() {
    String reference = submit(coventry(annex(), new BigDecimal("600000.00"), null, "OTHER"));
    ProcessInstance instance = appraisal(reference);
    completeAs(OFFICER, instance, "Task_CheckReport", Map.of("reportCheck", "READY"));
    completeAs(
        DIRECTOR, instance, "Task_ChiefOfficerAgreement", Map.of("chiefOfficerAgreement", "AGREE"));
    completeAs(
        CLERK,
        taskAt(reference, "Task_RecordScrutiny"),
        Map.of(
            "scrutinyCommittee",
            "Scrutiny Board",
            "scrutinyDate",
            "2017-09-28",
            "scrutinyComments",
            "Noted"));
    completeAs(CLERK, decisionTask(reference), decision("APPROVE", "EX-2017-32"));
    completeAs(
        CLERK, taskAt(reference, "Task_PublishDecision"), Map.of("publicationDate", "2017-10-02"));
    ProcessInstance governance = keyDecision(instance);
    assertThat(governance).variables().containsEntry("callInLastDay", "2017-10-09");

    // Tuesday 10 October: the period is over.
    TestClock.set(LocalDateTime.of(2017, 10, 10, 0, 1));
    assertRefusedAs(
        CLERK,
        taskAt(reference, "Task_RecordCallIn"),
        Map.of("callInReceived", true, "callInReason", "Late"),
        "the call-in period ended on 2017-10-09");
    assertThat(governance).isWaitingAt("Task_RecordCallIn");

    execute(timer(governance, "Timer_CallInPeriodEnds"));
    assertThat(instance).isWaitingAt("Task_RecordResolution");
    assertThat(deadlineStates("OPTIONS_APPRAISAL", reference))
        .extracting(t -> t.toList().get(0) + ":" + t.toList().get(1))
        .contains("CALL_IN:MET");
    completeAs(
        CLERK,
        instance,
        "Task_RecordResolution",
        Map.of("resolution", "RESOLVED: no contract", "publicationDate", "2017-10-02"));
    assertThat(instance).isEnded().hasPassed("EndEvent_OutcomeRecorded");
    assertThat(appraisalRow(reference).get("published_on")).isNotNull();
  }

  @Test
  void aStartWithoutASubmittedReportIsRefusedAndCreatesNothing() {
    long before =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(AppraisalSteps.PROCESS_KEY)
            .count();
    assertThatThrownBy(
            () -> runtimeService.startProcessInstanceByKey(AppraisalSteps.PROCESS_KEY, "OA-NONE"))
        .hasMessageContaining("submit the report through /api/options-appraisals");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(AppraisalSteps.PROCESS_KEY)
                .count())
        .isEqualTo(before);
  }

  /**
   * Every text the engine keeps for these cases and their sub-processes: runtime and historic
   * variables (task-local ones too) and the history of every variable update.
   */
  private List<String> engineTextsOf(ProcessInstance... instances) {
    List<String> ids = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      ids.add(instance.getId());
      historyService
          .createHistoricProcessInstanceQuery()
          .superProcessInstanceId(instance.getId())
          .list()
          .forEach(sub -> ids.add(sub.getId()));
    }
    List<String> texts = new ArrayList<>();
    historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids.toArray(String[]::new))
        .list()
        .forEach(v -> texts.add(String.valueOf(v.getValue())));
    for (String id : ids) {
      historyService
          .createHistoricDetailQuery()
          .processInstanceId(id)
          .list()
          .forEach(
              d ->
                  texts.add(
                      d instanceof HistoricVariableUpdate update
                          ? String.valueOf(update.getValue())
                          : String.valueOf(d)));
    }
    assertThat(texts).as("the cases' variables").isNotEmpty();
    return texts;
  }
}
