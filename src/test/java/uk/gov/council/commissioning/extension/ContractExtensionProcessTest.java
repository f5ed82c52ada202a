package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.gov.council.commissioning.extension.ExtensionTestData.*;
import static uk.gov.council.commissioning.testkit.TestClock.at;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Every path and timer of contract-extension.bpmn (seed 000 §1-2, §4.8-4.9, §10.1-10.3, §12). Jobs
 * are executed explicitly and the engine clock is moved; the job executor is off in tests.
 */
@ProcessTest
class ContractExtensionProcessTest extends ExtensionCaseTestCase {

  ContractExtensionProcessTest() {
    super("DPSP-T");
  }

  // --- starting -------------------------------------------------------------------------------

  @Test
  void startsForTheSeedContractWithTheNextOptionPrefilled() {
    ProcessInstance instance = started();

    assertThat(instance)
        .isStarted()
        .hasBusinessKey(reference)
        .isWaitingAt("Task_PrepareGatewayReport")
        .variables()
        .containsEntry("optionOrder", 2)
        .containsEntry("extensionStart", "2020-04-08")
        .containsEntry("extensionEnd", "2021-04-07")
        .containsEntry("currentEndDate", "2020-04-07")
        .containsEntry("escalationDate", "2020-01-07")
        .containsEntry("providerGroup", "provider-vibrance");
    assertThat(task(instance)).hasCandidateGroup("commissioning-officers");
  }

  @Test
  void refusesAContractWithNoOptionLeftSayingAProcurementIsNeeded() {
    contract(
        contracts,
        reference,
        LocalDate.of(2017, 4, 8),
        LocalDate.of(2020, 4, 7),
        "900000",
        List.of());

    assertThatThrownBy(() -> cases.startAsSystem(reference))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessageContaining("no extension option left")
        .hasMessageContaining("procurement is needed");
    assertThat(runningCases()).isZero();
  }

  @Test
  void refusesASecondCaseForTheSameContract() {
    seedContract(contracts, reference);
    cases.startAsSystem(reference);

    assertThatThrownBy(() -> cases.startAsSystem(reference))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessageContaining("already has an extension case running");
    assertThat(runningCases()).isEqualTo(1);
  }

  @Test
  void refusesAnUnknownContract() {
    assertThatThrownBy(() -> cases.startAsSystem("NO-SUCH-CONTRACT"))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessageContaining("contractReference")
        .hasMessageContaining("NO-SUCH-CONTRACT");
  }

  @Test
  void startsWithoutABusinessKeyAsTasklistDoesAndTakesTheReference() {
    seedContract(contracts, reference);
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            "contract-extension", Map.of("contractReference", " " + reference.toLowerCase() + " "));

    assertThat(instance).hasBusinessKey(reference).isWaitingAt("Task_PrepareGatewayReport");
  }

  @Test
  void automaticStartPicksContractsWithinTheLeadTimeOnce() {
    LocalDate today = LocalDate.of(2019, 9, 2);
    seedContract(contracts, reference);
    String farAway = reference + "-F";
    contract(
        contracts,
        farAway,
        LocalDate.of(2019, 1, 1),
        LocalDate.of(2021, 12, 31),
        "900000",
        List.of(12));

    assertThat(cases.startDueCases(today)).contains(reference).doesNotContain(farAway);
    assertThat(cases.startDueCases(today)).doesNotContain(reference);
    assertThat(runningCases()).isEqualTo(1);
  }

  // --- the seed's route: Chief Officer and governance agree, the Portfolio Holder approves
  // ---------

  @Test
  void seedRouteChiefOfficerAndGovernanceAgreeAndThePortfolioHolderApproves() {
    ProcessInstance instance = extendedOnTheSeedRoute();

    assertThat(letters.findByCase(instance.getId())).isPresent();
    FileValue letter = runtimeService.getVariableTyped(instance.getId(), "extensionLetter");
    assertThat(letter.getMimeType()).isEqualTo("application/pdf");
    assertThat(outbox("extension-letter:" + instance.getId()))
        .isEqualTo("contracts@vibrance.example");

    // That was the last option (seed 000 §2.3: the tender is approved alongside it): a procurement
    // starts.
    assertThat(instance).hasPassed("Task_StartReplacementProcurement");
    ProcessInstance procurement = procurementFor(instance);
    assertThat(procurement).isWaitingAt("Task_PrepareProcurementCase");
    assertThat(runtimeService.getVariables(procurement.getId()))
        .containsEntry("startReason", "LAST_OPTION_USED")
        .containsEntry("replacesContractReference", reference);

    complete(task(instance), Map.of("letterReceived", true));
    assertThat(instance).isEnded().hasPassed("EndEvent_ContractExtended");
  }

  /** The procurement the extension case started, by the reference it recorded. */
  private ProcessInstance procurementFor(ProcessInstance extension) {
    String procurementReference =
        (String)
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(extension.getId())
                .variableName("procurementReference")
                .singleResult()
                .getValue();
    return runningCase("procurement", procurementReference);
  }

  @Test
  void aCallInStopsImplementationAndTheDecisionMakerReconsiders() {
    ProcessInstance instance = calledIn("", "Called in by three members of the PDS committee");

    assertThat(decisionOf(instance)).isWaitingAt("Task_RecordDecision");
    assertThat(decisionTask(instance)).hasCandidateGroup("democratic-services");
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(decisionOf(instance).getId())
                .activityId("Timer_CallInPeriodEnds")
                .count())
        .isZero();
    assertThat(contracts.findByReference(reference).orElseThrow().endDate())
        .isEqualTo(LocalDate.of(2020, 4, 7));

    complete(decisionTask(instance), approval("APPROVE", "Confirmed after reconsideration"));
    complete(decisionTask(instance), Map.of("publicationDate", "2019-09-20"));
    // A reconsidered decision is published but not called in a second time.
    assertThat(instance).isWaitingAt("Task_UpdateContractRegister");
  }

  @Test
  void aCallInCanEndInRefusalOnReconsideration() {
    ProcessInstance instance = calledIn("", "Called in");

    complete(decisionTask(instance), approval("REFUSE", "Withdrawn on reconsideration"));

    assertThat(instance).isWaitingAt("Task_ActOnRefusal");
  }

  @Test
  void callInPeriodCountsWorkingDaysAcrossEaster() {
    ProcessInstance instance = startedAt(LocalDateTime.of(2025, 4, 17, 10, 0));
    draftAndAgree(instance, true);
    complete(decisionTask(instance), approval("APPROVE", ""));

    // Thursday 17 April 2025; Good Friday and Easter Monday are bank holidays in England.
    complete(decisionTask(instance), Map.of("publicationDate", "2025-04-17"));

    ProcessInstance decision = decisionOf(instance);
    assertThat(decision).variables().containsEntry("callInLastDay", "2025-04-28");
    assertThat(timer(decision, "Timer_CallInPeriodEnds").getDuedate())
        .isEqualTo(at(LocalDateTime.of(2025, 4, 29, 0, 0)));
  }

  // --- the other decision makers (DMN routes) -------------------------------------------------

  @Test
  void smallNonKeyExtensionIsAgreedByGovernanceAndApprovedByTheChiefOfficerWhoIsNotAskedToAgree() {
    ProcessInstance instance = startedOn("60000", List.of(12));
    Map<String, Object> report = gatewayReport(false);
    report.put("costOfProposal", 30000.0);
    complete(instance, "Task_PrepareGatewayReport", report);

    // The Chief Officer decides, so does not agree first (seed 000 §10.2 is for "this value").
    assertThat(openTasks(instance)).containsExactly("Task_GovernanceAgreement");
    answerAgreement(instance, chiefOfficer("AGREE", ""), governance("AGREE", ""));

    assertAwaitingDecision(instance, "CHIEF_OFFICER", "chief-officers");
    assertThat(decisionOf(instance)).hasNotPassed("Task_RecordScrutiny");
    complete(decisionTask(instance), approval("APPROVE", ""));
    assertThat(instance).hasPassed("EndEvent_Approved").isWaitingAt("Task_UpdateContractRegister");
  }

  @Test
  void theExtensionIsRoutedByItsOwnValueNotTheContractsWholeLifeValue() {
    // A contract worth £3.2m over its life, extended for a year at £225,000 (seed 000 §10.2).
    ProcessInstance instance = startedOn("3200000", List.of(12, 12));

    draftAndAgree(instance, false);

    assertAwaitingDecision(instance, "PORTFOLIO_HOLDER", "portfolio-holders");
    assertThat(instance).variables().containsEntry("keyDecision", false);
  }

  @Test
  void anExtensionOfKeyDecisionValueGoesToTheExecutiveAfterScrutiny() {
    ProcessInstance instance = startedOn("3200000", List.of(12, 12));
    Map<String, Object> report = gatewayReport(false);
    report.put("costOfProposal", 800000.0);
    complete(instance, "Task_PrepareGatewayReport", report);
    answerAgreement(instance, chiefOfficer("AGREE", ""), governance("AGREE", ""));

    assertThat(instance).variables().containsEntry("keyDecision", true);
    assertThat(decisionOf(instance)).isWaitingAt("Task_RecordScrutiny");
    complete(decisionTask(instance), scrutiny());
    assertAwaitingDecision(instance, "EXECUTIVE", "democratic-services");
  }

  @Test
  void anExtensionAffectingTwoOrMoreWardsIsAKeyDecision() {
    ProcessInstance instance = started();
    Map<String, Object> report = gatewayReport(false);
    report.put("twoOrMoreWards", true);
    complete(instance, "Task_PrepareGatewayReport", report);
    answerAgreement(instance, chiefOfficer("AGREE", ""), governance("AGREE", ""));

    assertThat(instance).variables().containsEntry("keyDecision", true);
    assertThat(decisionOf(instance)).isWaitingAt("Task_RecordScrutiny");
  }

  // --- return and refusal --------------------------------------------------------------------

  @Test
  void returnedReportGoesBackToTheOfficerWithTheComments() {
    ProcessInstance instance =
        agreementAnswered(
            chiefOfficer("RETURN", "Add the 2019 KPI figures"), governance("AGREE", ""));

    assertThat(instance)
        .isWaitingAt("Task_PrepareGatewayReport")
        .variables()
        .containsEntry("draftNumber", 2)
        .hasEntrySatisfying(
            "returnComments", c -> assertThat(c.toString()).contains("Add the 2019 KPI figures"));
  }

  @Test
  void agreementTasksOfARedraftOpenEmptyAndNeedAFreshDecision() {
    ProcessInstance instance =
        agreementAnswered(
            chiefOfficer("RETURN", "Add the 2019 KPI figures"),
            governance("AGREE", "Content with the value"));

    complete(instance, "Task_PrepareGatewayReport", gatewayReport(false));

    for (String activity : List.of("Task_ChiefOfficerAgreement", "Task_GovernanceAgreement")) {
      // What Tasklist fills the form with: every variable the task can see.
      assertThat(taskService.getVariables(taskAt(instance, activity).getId()))
          .as(activity + " opens empty")
          .doesNotContainKeys(
              "chiefOfficerDecision",
              "chiefOfficerComments",
              "governanceDecision",
              "governanceComments");
    }
    // Pressing Complete on the reopened form sends no decision: refused, not a second return.
    assertRefused(taskAt(instance, "Task_ChiefOfficerAgreement"), Map.of(), "chiefOfficerDecision");

    answerAgreement(instance, chiefOfficer("AGREE", "KPIs now shown"), governance("AGREE", ""));
    assertAwaitingDecision(instance, "PORTFOLIO_HOLDER", "portfolio-holders");
    // This round's agreers' comments stay on the case for the decision's record.
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("chiefOfficerCommentsMade", "KPIs now shown")
        .doesNotContainKeys("chiefOfficerComments", "governanceComments");
    // Each round's answers stay with the task they were given in.
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName("chiefOfficerDecision")
                .list())
        .extracting(v -> v.getValue())
        .containsExactlyInAnyOrder("RETURN", "AGREE");
  }

  @Test
  void aDecisionCalledInOpensEmptyForTheReconsideration() {
    ProcessInstance instance = calledIn("As recommended", "Called in by three members");

    Task reconsider = decisionTask(instance);
    assertThat(taskService.getVariables(reconsider.getId()))
        .as("the reconsideration opens empty")
        .doesNotContainKeys("approvalDecision", "approvalComments", "decisionReference");
    assertRefused(reconsider, Map.of(), "approvalDecision");

    complete(
        reconsider,
        Map.of(
            "approvalDecision",
            "APPROVE",
            "decisionReference",
            "PH-2019-131",
            "approvalComments",
            "Confirmed after reconsideration"));
    complete(decisionTask(instance), Map.of("publicationDate", "2019-09-20"));
    execute(jobAt(instance, "Task_UpdateContractRegister"));
    // The register records the reconsidered decision, not the one called in.
    assertThat(contracts.findByReference(reference).orElseThrow().options().get(1).usedByDecision())
        .contains("PH-2019-131");
  }

  @Test
  void refusalAtAgreementEndsWithAProcurementOrDecommissioningTask() {
    ProcessInstance instance =
        agreementAnswered(
            chiefOfficer("AGREE", ""), governance("REFUSE", "Value for money not shown"));

    assertThat(instance)
        .hasPassed("EndEvent_AgreementRefused")
        .isWaitingAt("Task_ActOnRefusal")
        .variables()
        .hasEntrySatisfying(
            "outcome",
            o ->
                assertThat(o.toString())
                    .contains("refused")
                    .contains("start a procurement")
                    .contains("decommissioning decision"));
    assertThat(task(instance)).hasCandidateGroup("commissioning-officers");
    assertThat(outbox("extension:" + instance.getId() + ":refused"))
        .isEqualTo("t-officer@council.example");

    complete(
        task(instance),
        Map.of("nextStep", "PROCURE", "nextStepNotes", "Tender to start by end 2019"));
    assertThat(instance).isEnded().hasPassed("EndEvent_ProcurementStarted");
    ProcessInstance procurement = procurementFor(instance);
    assertThat(procurement).isWaitingAt("Task_PrepareProcurementCase");
    assertThat(runtimeService.getVariables(procurement.getId()))
        .containsEntry("startReason", "EXTENSION_REFUSED")
        // Begun in 2019 (the seed's date on the engine clock): the Regulations, not the 2023 Act.
        .containsEntry("regime", "PCR2015_LIGHT_TOUCH")
        .containsEntry("replacesContractReference", reference)
        .hasEntrySatisfying(
            "procurementStrategy",
            s -> assertThat(s.toString()).contains("Tender to start by end 2019"));
    assertThat(contracts.findByReference(reference).orElseThrow().endDate())
        .isEqualTo(LocalDate.of(2020, 4, 7));
  }

  @Test
  void refusalByTheDecisionMakerEndsTheSameWay() {
    ProcessInstance instance = agreedForDecision(true);

    complete(decisionTask(instance), approval("REFUSE", "Retender now instead"));

    assertThat(instance).hasPassed("EndEvent_DecisionRefused").isWaitingAt("Task_ActOnRefusal");
    complete(
        task(instance),
        Map.of("nextStep", "DECOMMISSION", "nextStepNotes", "Report to the Executive"));
    assertThat(instance).isEnded().hasPassed("EndEvent_ExtensionRefused");
  }

  // --- escalation timers ---------------------------------------------------------------------

  @Test
  void threeMonthsBeforeTheEndAnUndecidedCaseIsEscalatedWithoutStoppingTheWork() {
    ProcessInstance instance = started();
    Task review = escalated(instance, Escalation.AT_RISK, LocalDateTime.of(2020, 1, 7, 0, 0));

    assertThat(instance).isWaitingAt("Task_PrepareGatewayReport", "Task_ReviewExtensionAtRisk");
    assertThat(taskService.getVariable(review.getId(), "escalationMessage").toString())
        .contains("No decision yet")
        .contains("2020-04-07");
    assertThat(outbox("extension:" + instance.getId() + ":at-risk"))
        .isEqualTo("t-manager@council.example");
    complete(review, Map.of("escalationAction", "Chased the Portfolio Holder's office"));
    assertThat(instance).isWaitingAt("Task_PrepareGatewayReport");
  }

  @Test
  void theTimersReadTheCasesDeadlineRows() {
    started();

    assertThat(deadlines.of("CONTRACT_EXTENSION", reference))
        .extracting(Deadline::kind, Deadline::dueAt, Deadline::seedSection)
        .containsExactly(
            tuple("ESCALATION", at(LocalDateTime.of(2020, 1, 7, 0, 0)).toInstant(), "000 §4.9"),
            tuple("LAPSE", at(LocalDateTime.of(2020, 4, 7, 0, 0)).toInstant(), "000 §12.1"));
  }

  @Test
  void onTheEndDateAnUndecidedCaseAlertsTheChiefOfficer() {
    ProcessInstance instance = started();
    Task alert = escalated(instance, Escalation.LAPSING, LocalDateTime.of(2020, 4, 7, 0, 0));

    assertThat(taskService.getVariable(alert.getId(), "escalationMessage").toString())
        .contains("lapses");
    assertThat(outbox("extension:" + instance.getId() + ":lapsing"))
        .isEqualTo("t-director@council.example");
    assertThat(instance).isWaitingAt("Task_PrepareGatewayReport", "Task_RespondToLapsingContract");
  }

  @Test
  void aCaseOpenedAfterTheEndDateHasBothTimersDueAtOnce() {
    ProcessInstance instance = startedAt(LocalDateTime.of(2020, 4, 20, 9, 0));

    assertThat(dueTimers(instance)).isEqualTo(2);
  }

  @Test
  void aDecisionEndsTheCaseAndClosesOpenEscalations() {
    ProcessInstance instance = startedOn("60000", List.of(12));
    TestClock.set(LocalDateTime.of(2020, 1, 2, 9, 0));
    execute(timer(instance, "Timer_EscalateBeforeExpiry"));
    execute(jobAt(instance, "Task_EmailContractsManagers"));
    assertThat(instance).isWaitingAt("Task_ReviewExtensionAtRisk");

    draftAndAgree(instance, false);
    complete(decisionTask(instance), approval("APPROVE", ""));
    execute(jobAt(instance, "Task_UpdateContractRegister"));
    execute(jobAt(instance, "Task_SendExtensionLetter"));
    complete(instance, "Task_ConfirmExtensionLetter", Map.of("letterReceived", true));

    assertThat(instance).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  // --- server-side form checks ---------------------------------------------------------------

  @Test
  void anIncompleteGatewayReportIsRefusedNamingEachFieldAndTheTaskStaysOpen() {
    ProcessInstance instance = started();
    Map<String, Object> report = new java.util.HashMap<>(gatewayReport(true));
    report.put("rationale", " ");
    report.put("costOfProposal", -5.0);
    report.put("option2Recommended", true);
    report.remove("reportNumber");
    assertRefused(
        task(instance),
        report,
        "rationale: is required",
        "costOfProposal: must be at least 0",
        "reportNumber: is required",
        "recommend exactly one option (2 recommended)");
    assertThat(instance).isWaitingAt("Task_PrepareGatewayReport");
  }

  @Test
  void aReturnWithoutCommentsIsRefused() {
    ProcessInstance instance = drafted();
    Task task = taskAt(instance, "Task_ChiefOfficerAgreement");

    assertRefused(task, chiefOfficer("RETURN", ""), "chiefOfficerComments");
    assertRefused(task, chiefOfficer("MAYBE", ""), "chiefOfficerDecision: must be one of");
  }

  @Test
  void aPublicationDateInTheFutureIsRefused() {
    ProcessInstance instance = agreedForDecision(true);
    complete(decisionTask(instance), approval("APPROVE", ""));
    Task task = decisionTask(instance);

    assertRefused(
        task, Map.of("publicationDate", "2019-12-25"), "publicationDate: cannot be in the future");
    assertRefused(task, Map.of("publicationDate", "next week"), "publicationDate: must be a date");
  }

  // --- helpers -------------------------------------------------------------------------------

  /** The process's two escalations: each a timer, the email it sends and the task it opens. */
  private enum Escalation {
    AT_RISK(
        "Timer_EscalateBeforeExpiry",
        "Task_EmailContractsManagers",
        "Task_ReviewExtensionAtRisk",
        "contracts-managers"),
    LAPSING(
        "Timer_ContractLapsing",
        "Task_EmailChiefOfficerLapsing",
        "Task_RespondToLapsingContract",
        "chief-officers");

    final String timer;
    final String email;
    final String task;
    final String candidateGroup;

    Escalation(String timer, String email, String task, String candidateGroup) {
      this.timer = timer;
      this.email = email;
      this.task = task;
      this.candidateGroup = candidateGroup;
    }
  }

  /**
   * The escalation's timer is due at the UK time given; five minutes later it fires, the email goes
   * and the task opens for its group, which is returned.
   */
  private Task escalated(ProcessInstance instance, Escalation escalation, LocalDateTime due) {
    Job timer = timer(instance, escalation.timer);
    assertThat(timer.getDuedate()).isEqualTo(at(due));
    TestClock.set(due.plusMinutes(5));
    execute(timer);
    execute(jobAt(instance, escalation.email));
    Task task = taskAt(instance, escalation.task);
    assertThat(task).hasCandidateGroup(escalation.candidateGroup);
    return task;
  }

  private long runningCases() {
    return runningCases("contract-extension", reference);
  }
}
