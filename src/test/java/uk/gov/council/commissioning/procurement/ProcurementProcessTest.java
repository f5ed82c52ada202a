package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.procurement.ProcurementTestData.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.testkit.ProcessTest;

/**
 * Every path and timer of procurement.bpmn (seed 000 §6.4-6.8, §10.4-10.8), with the engine clock
 * moved and jobs executed explicitly (the job executor is off in tests). The timetable is
 * ProcurementTestData.plan: planned on Monday 2 March 2026, commencing 1 October 2026.
 *
 * <p>The evaluation (two questions, 60/40 within quality; price 60, quality 40; scores out of 5):
 * lowest compliant price £90,000. Acme: quality 40 x (0.6 x 4/5 + 0.4 x 3/5) = 28.80, price 60 x
 * 90,000/100,000 = 54.00, total 82.80. Birch: quality 40 x 0.6 = 24.00, price 60.00, total 84.00.
 * Cedar failed stage 1 and is not scored. Birch ranks first.
 */
@ProcessTest
class ProcurementProcessTest extends ProcurementCaseTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired ProcurementRegister register;
  @Autowired ProcurementTimetable timetable;

  Contract replaced;
  String newContract;

  @BeforeEach
  void setUp() {
    int n = SEQUENCE.incrementAndGet();
    long unique = System.nanoTime() % 100000;
    replaced = replacedContract(contracts, "PROC-OLD-" + n + "-" + unique);
    newContract = "PROC-NEW-" + n + "-" + unique;
  }

  @AfterEach
  void reset() {
    removeStaff(identityService);
  }

  // --- the whole way ---------------------------------------------------------------------------

  /**
   * Seed 000 §10.7, §2.3, §6.4: the re-tender (estimated £1,575,000: five years and two 1-year
   * options at £225,000) is agreed by the AD Governance & Contracts, the Director of Corporate
   * Services and the Director of Finance and decided by the Executive as a key decision.
   */
  @Test
  void theSeedsReTenderIsAgreedByTheThreeDirectorsAndDecidedByTheExecutive() {
    ProcessInstance instance = start(request(null, "PA2023_LIGHT_TOUCH", 1_575_000, false));

    assertThat(openTasks(instance))
        .containsExactlyInAnyOrder(
            "Task_GovernanceAgreement", "Task_CorporateServicesAgreement", "Task_FinanceAgreement");
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("approvalRoute", "EXECUTIVE")
        .containsEntry("keyDecision", true)
        .containsEntry("scrutiny", true);
  }

  /**
   * Seed 000 §10.7 asks the three directors "for a procurement of this value": below the Chief
   * Officer's limit the AD Governance & Contracts agrees alone and the Chief Officer decides.
   */
  @Test
  void aSmallProcurementIsAgreedByGovernanceAloneAndDecidedByTheChiefOfficer() {
    ProcessInstance instance = start(request(null, "PA2023", 80_000, false));

    assertThat(openTasks(instance)).containsExactly("Task_GovernanceAgreement");
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("approvalRoute", "CHIEF_OFFICER")
        .containsEntry("agreeCorporateServices", false)
        .containsEntry("agreeFinance", false);

    // A variable sent with the completion does not bring the directors back in or out.
    completeAs(
        GOVERNANCE,
        instance,
        "Task_GovernanceAgreement",
        Map.of("governanceAgreement", "AGREE", "agreeFinance", true));
    assertThat(instance).isWaitingAt("CallActivity_KeyDecision");
    assertThat(decisionStep(instance, "Task_RecordDecision")).hasCandidateGroup("chief-officers");
  }

  @Test
  void aTenderGoesFromApprovalToALiveContractThatClosesTheOldOne() {
    ProcessInstance instance = start(request(replaced.reference(), "PA2023", 2_100_000, true));
    String reference = instance.getBusinessKey();
    assertThat(reference).matches("PROC-2026-\\d{4}");
    assertThat(register.require(reference).status()).isEqualTo("AWAITING_APPROVAL");
    approve(instance);
    assertThat(instance)
        .hasPassed(
            "Task_RecordGovernanceAgreement",
            "Task_RecordCorporateServicesAgreement",
            "Task_RecordFinanceAgreement",
            "Task_DetermineDecisionMaker",
            "Task_RecordDecisionMaker",
            "Task_RecordApproval");
    assertThat(register.require(reference).status()).isEqualTo("APPROVED");

    planTimetable(instance, plan("PA2023"));
    assertThat(register.require(reference).status()).isEqualTo("IN_PROGRESS");
    Task engagement = taskAt(instance, "Task_MarketEngagement");
    assertThat(engagement).hasCandidateGroup("procurement");
    assertThat(engagement.getDueDate()).isEqualTo(endOfUkDay(LocalDate.of(2026, 4, 10)));
    assertThat(jobAt(instance, "Timer_StageEnd").getDuedate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 4, 10)));

    runTenderToAward(instance);
    assertThat(instance)
        .hasPassed("Task_RecordTenderNotice", "Task_RecordAwardNotice", "Task_StartStandstill");

    // Standstill: 8 working days beginning with Monday 20 July 2026 (s51): 20-24 and 27-29 July.
    assertThat(instance).isWaitingAt("Task_WatchForChallenge");
    assertThat(jobAt(instance, "Timer_StandstillEnds").getDuedate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 7, 29)));
    setClock(LocalDateTime.of(2026, 7, 30, 0, 5));
    execute(jobAt(instance, "Timer_StandstillEnds"));

    setClock(LocalDateTime.of(2026, 7, 31, 11, 0));
    assertThat(taskAt(instance, "Task_SignContract").getDueDate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 8, 3)));
    assertThat(runtimeService.getVariable(instance.getId(), "winningBidText"))
        .isEqualTo("Winning bid: £90,000.00 in total.");
    sign(instance, "2026-07-31");
    assertThat(instance).hasPassed("Task_RecordSignedContract");
    Contract signed = contracts.findByReference(newContract).orElseThrow();
    assertThat(signed.status()).isEqualTo(ContractStatus.SIGNED);
    assertThat(signed.provider().name()).isEqualTo("Birch Support");
    assertThat(signed.startDate()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(signed.endDate()).isEqualTo(LocalDate.of(2031, 9, 30));
    assertThat(signed.options()).extracting(o -> o.lengthMonths()).containsExactly(12, 12);
    assertThat(signed.replacesReference()).isEqualTo(replaced.reference());
    assertThat(register.require(reference).status()).isEqualTo("CONTRACT_SIGNED");

    // The contract details notice (UK7): within 30 days of the contract being entered into (s53).
    Task details = taskAt(instance, "Task_PublishContractNotices");
    assertThat(details.getName()).isEqualTo("Publish: Contract details notice");
    assertThat(details.getDueDate()).isEqualTo(endOfUkDay(LocalDate.of(2026, 8, 29)));
    setClock(LocalDateTime.of(2026, 8, 10, 10, 0));
    publish(instance, "Task_PublishContractNotices", "UK7-2026-000123", "2026-08-10");
    assertThat(instance).hasPassed("Task_RecordContractNotice");

    assertThat(jobAt(instance, "Timer_Commencement").getDuedate())
        .isEqualTo(startOfUkDay(LocalDate.of(2026, 10, 1)));
    setClock(LocalDateTime.of(2026, 10, 1, 0, 1));
    execute(jobAt(instance, "Timer_Commencement"));
    execute(jobAt(instance, "Task_MakeContractLive"));

    assertThat(instance).isEnded().hasPassed("EndEvent_RunComplete", "EndEvent_ContractLive");
    assertThat(instance)
        .hasPassed(
            "Task_RecordMarketEngagementFinished",
            "Task_RecordTenderPeriodClosed",
            "Task_RecordEvaluation",
            "Task_RecordRecommendedBidder",
            "Task_RecordAwardAuthorised",
            "Task_RecordContractLive");
    assertThat(contracts.findByReference(newContract).orElseThrow().status())
        .isEqualTo(ContractStatus.ACTIVE);
    Contract old = contracts.findByReference(replaced.reference()).orElseThrow();
    assertThat(old.status()).isEqualTo(ContractStatus.EXPIRED);
    assertThat(old.replacedByReference()).isEqualTo(newContract);
    assertThat(register.require(reference).status()).isEqualTo("CONTRACT_LIVE");
    assertThat(register.notices(reference))
        .extracting(ProcurementRegister.Notice::code)
        .containsExactly("UK2", "UK4", "UK6", "UK7");
    assertThat(register.slips(reference)).isEmpty();
    assertThat(register.finishedStages(reference)).containsExactly(ProcurementStage.values());
  }

  // --- approval --------------------------------------------------------------------------------

  @Test
  void theDecisionMakerFollowsValueAndKeyDecision() {
    ProcessInstance small = start(request(null, "PA2023", 80_000, false));
    agreeAll(small);
    assertThat(decisionStep(small, "Task_RecordDecision")).hasCandidateGroup("chief-officers");

    ProcessInstance middle = start(request(null, "PA2023", 400_000, false));
    agreeAll(middle);
    assertThat(decisionStep(middle, "Task_RecordDecision")).hasCandidateGroup("portfolio-holders");

    ProcessInstance key = start(request(replaced.reference(), "PA2023", 400_000, true));
    agreeAll(key);
    // A key decision: the PDS committee scrutinises it before the Executive decides.
    assertThat(decisionStep(key, "Task_RecordScrutiny")).hasCandidateGroup("democratic-services");
    assertThat(runtimeService.getVariables(key.getId()))
        .containsEntry("decisionMaker", "EXECUTIVE")
        .containsEntry("scrutiny", true)
        .containsEntry("publication", true)
        .containsEntry("callIn", true);
  }

  @Test
  void aDirectorWhoDoesNotAgreeSendsTheCaseBackAndARevisedCaseIsAskedAgain() {
    ProcessInstance instance = start(request(null, "PA2023", 400_000, false));
    assertRefusedAs(
        FINANCE,
        taskAt(instance, "Task_FinanceAgreement"),
        Map.of("financeAgreement", "DECLINE"),
        "financeAgreementComments");
    agreements(
        instance,
        Map.of("governanceAgreement", "AGREE"),
        Map.of("corporateAgreement", "AGREE"),
        Map.of(
            "financeAgreement",
            "DECLINE",
            "financeAgreementComments",
            "The budget for 2027/28 is not yet agreed"));

    assertThat(instance).isWaitingAt("Task_ReviseProcurementCase");
    assertThat(runtimeService.getVariable(instance.getId(), "declineComments"))
        .isEqualTo("**Director of Finance**: The budget for 2027/28 is not yet agreed");
    revise(
        instance,
        "REVISE",
        "As before, with the budget confirmed by the Director of Finance",
        "Budget confirmed at Council on 25 February",
        Map.of());

    assertThat(instance)
        .isWaitingAt(
            "Task_GovernanceAgreement", "Task_CorporateServicesAgreement", "Task_FinanceAgreement");
    assertThat(runtimeService.getVariable(instance.getId(), "financeAgreement"))
        .as("asked afresh")
        .isNull();
    agreeAll(instance);
    completeAs(
        PORTFOLIO,
        decisionStep(instance, "Task_RecordDecision"),
        decisionToProcure("REFUSE", "PH-2026-07"));
    assertThat(instance).isEnded().hasPassed("Task_RecordNotApproved", "EndEvent_NotApproved");
    assertThat(register.require(instance.getBusinessKey()).status()).isEqualTo("NOT_APPROVED");
  }

  @Test
  void aCaseNotAgreedCanBeWithdrawn() {
    ProcessInstance instance = start(request(null, "PA2023", 400_000, false));
    // One director cannot answer for another: the governance DECLINE is recorded, whatever is sent
    // later.
    agreements(
        instance,
        Map.of("governanceAgreement", "DECLINE", "governanceAgreementComments", "Extend instead"),
        Map.of("corporateAgreement", "AGREE", "governanceAgreement", "AGREE"),
        Map.of("financeAgreement", "AGREE"));
    assertThat(instance).isWaitingAt("Task_ReviseProcurementCase");
    assertThat((String) runtimeService.getVariable(instance.getId(), "declineComments"))
        .isEqualTo("**Assistant Director Governance & Contracts**: Extend instead");
    revise(instance, "WITHDRAW", "n/a", "A variation will be used instead", Map.of());
    assertThat(instance).isEnded().hasPassed("Task_RecordWithdrawn", "EndEvent_Withdrawn");
    assertThat(register.require(instance.getBusinessKey()).status()).isEqualTo("WITHDRAWN");
  }

  @Test
  void aBadRequestStartsNothingAndNamesEveryField() {
    Map<String, Object> bad = request("NO-SUCH-CONTRACT", "EU-DIRECTIVE", -5, false);
    bad.put("title", " ");
    long before = register.all().size();
    assertThatThrownBy(() -> start(bad))
        .isInstanceOf(TaskFormException.class)
        .hasMessageContaining("title: is required")
        .hasMessageContaining("regime: must be one of")
        .hasMessageContaining("estimatedValue")
        .hasMessageContaining("replacesContractReference: no contract NO-SUCH-CONTRACT");
    assertThat(register.all()).hasSize((int) before);
  }

  @Test
  void aContractAlreadyBeingProcuredIsNotProcuredTwice() {
    ProcessInstance first = start(request(replaced.reference(), "PA2023", 400_000, false));
    assertThatThrownBy(() -> start(request(replaced.reference(), "PA2023", 400_000, false)))
        .isInstanceOf(TaskFormException.class)
        .hasMessageContaining("is already being procured in " + first.getBusinessKey());
  }

  // --- the timetable -----------------------------------------------------------------------------

  @Test
  void anUnlawfulTimetableIsRefusedWithTheReasonAndNothingIsSaved() {
    ProcessInstance instance = approved(request(null, "PA2023", 400_000, false));
    Map<String, Object> tooShort = plan("PA2023");
    tooShort.put("tenderCloseDate", "2026-04-23");
    Task planTask = taskAt(instance, "Task_PlanTimetable");

    assertRefusedAs(OFFICER, planTask, tooShort, "tenderCloseDate", "25 days");
    assertThat(register.require(instance.getBusinessKey()).plan()).isNull();
    assertThat(instance).isWaitingAt("Task_PlanTimetable");

    Map<String, Object> inStandstill = plan("PA2023");
    inStandstill.put("contractSignatureDate", "2026-07-24");
    assertRefusedAs(OFFICER, planTask, inStandstill, "contractSignatureDate");

    Map<String, Object> past = plan("PA2023");
    past.put("marketEngagementEnd", "2026-02-27");
    assertRefusedAs(OFFICER, planTask, past, "marketEngagementEnd", "past");
  }

  @Test
  void anOverrunningStageEscalatesToTheLeadWithoutStoppingAndIsReplannedAndCheckedAgain() {
    ProcessInstance instance = plannedToPa2023();
    String reference = instance.getBusinessKey();

    setClock(LocalDateTime.of(2026, 4, 11, 0, 5));
    execute(jobAt(instance, "Timer_StageEnd"));
    assertThat(instance).isWaitingAt("Task_MarketEngagement", "Task_ReviewOverrun");
    Task review = taskAt(instance, "Task_ReviewOverrun");
    assertThat(review)
        .hasCandidateGroup("procurement-leads")
        .hasName("Re-plan an overrunning stage: Market engagement");
    assertThat(register.slips(reference))
        .singleElement()
        .satisfies(
            slip -> {
              assertThat(slip.stage()).isEqualTo(ProcurementStage.MARKET_ENGAGEMENT);
              assertThat(slip.plannedEnd()).isEqualTo(LocalDate.of(2026, 4, 10));
              assertThat(slip.newPlannedEnd()).isNull();
            });
    assertThat(outbox(instance, "overrun:MARKET_ENGAGEMENT:2026-04-10"))
        .contains(LEAD + "@council.example");

    // Moving the market engagement past the tender notice breaks the stage order: refused.
    Map<String, Object> clash = plan("PA2023");
    clash.put("marketEngagementEnd", "2026-04-24");
    clash.put("replanReason", "Provider events postponed");
    assertRefusedAs(LEAD, review, clash, "tenderNoticeDate");

    Map<String, Object> later = plan("PA2023");
    later.put("marketEngagementEnd", "2026-04-24");
    later.put("tenderNoticeDate", "2026-04-27");
    later.put("tenderCloseDate", "2026-05-29");
    later.put("replanReason", "Provider events postponed by two weeks");
    completeAs(LEAD, review, later);

    assertThat(register.slips(reference))
        .singleElement()
        .satisfies(
            slip -> {
              assertThat(slip.newPlannedEnd()).isEqualTo(LocalDate.of(2026, 4, 24));
              assertThat(slip.reason()).isEqualTo("Provider events postponed by two weeks");
              assertThat(slip.replannedBy()).isEqualTo(LEAD);
            });
    assertThat(taskAt(instance, "Task_MarketEngagement").getDueDate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 4, 24)));
    assertThat(jobAt(instance, "Timer_StageEnd").getDuedate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 4, 24)));

    // Finished on time this time: the watch moves on to the tender period without a new slip.
    setClock(LocalDateTime.of(2026, 4, 20, 10, 0));
    marketEngaged(instance, "Six providers");
    setClock(LocalDateTime.of(2026, 4, 25, 0, 5));
    execute(jobAt(instance, "Timer_StageEnd"));
    assertThat(jobAt(instance, "Timer_StageEnd").getDuedate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 5, 29)));
    assertThat(register.slips(reference)).hasSize(1);
  }

  @Test
  void aTenderNoticePublishedLateNeedsANewClosingDateThatStillMeetsTheMinimum() {
    ProcessInstance instance = engagementFinishedOn(LocalDate.of(2026, 4, 8), "Done");

    setClock(LocalDateTime.of(2026, 4, 27, 10, 0));
    Task tenderNotice = taskAt(instance, "Task_PublishTenderNotices");
    assertRefusedAs(OFFICER, tenderNotice, notice("UK4-1", "2026-04-27"), "newTenderCloseDate");
    Map<String, Object> moved = notice("UK4-1", "2026-04-27");
    moved.put("newTenderCloseDate", "2026-05-22");
    completeAs(OFFICER, tenderNotice, moved);

    TimetablePlan plan = timetable.requirePlan(instance.getBusinessKey());
    assertThat(plan.tenderNoticeDate()).isEqualTo(LocalDate.of(2026, 4, 27));
    assertThat(plan.tenderCloseDate()).isEqualTo(LocalDate.of(2026, 5, 22));
    assertThat(taskAt(instance, "Task_CloseTenderPeriod").getDueDate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 5, 22)));
    setClock(LocalDateTime.of(2026, 5, 21, 10, 0));
    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_CloseTenderPeriod"),
        Map.of("tendersReceived", 3L),
        "tenders are opened only after it closes");
  }

  // --- evaluation and award
  // -----------------------------------------------------------------------

  @Test
  void noCompliantTenderLetsTheLeadTenderAgainToANewTimetableOrAbandon() {
    ProcessInstance instance = plannedToPa2023();
    toEvaluation(instance);
    evaluateTenders(
        instance,
        "Acme Care | 100000 | FAIL | Accounts not provided",
        "Cedar Ltd | 80000 | FAIL | No insurance");

    assertThat(instance)
        .hasPassed("EndEvent_NoCompliantTender")
        .isWaitingAt("Task_DecideAfterFailedTender");
    assertThat(taskAt(instance, "Task_DecideAfterFailedTender"))
        .hasCandidateGroup("procurement-leads");
    decideAfterFailedTender(instance, "RETENDER", "Relax the turnover requirement");
    assertThat(instance).hasPassed("Task_ReopenForNewTender").isWaitingAt("Task_PlanTimetable");
    assertThat(register.finishedStages(instance.getBusinessKey())).isEmpty();
    Map<String, Object> second = plan("PA2023");
    second.putAll(
        Map.of(
            "marketEngagementStart",
            "2026-06-08",
            "marketEngagementEnd",
            "2026-07-03",
            "tenderNoticeDate",
            "2026-07-06",
            "tenderCloseDate",
            "2026-08-07",
            "evaluationEnd",
            "2026-09-04",
            "awardAuthorisationEnd",
            "2026-09-25",
            "awardNoticeDate",
            "2026-10-05",
            "contractSignatureDate",
            "2026-10-20",
            "commencementDate",
            "2026-12-01"));
    planTimetable(instance, second);
    assertThat(instance).isWaitingAt("Task_MarketEngagement");
    // Three plans: the first, the first adjusted to the market engagement's actual end (8 April,
    // two
    // days early) when the tender notice went out, and the new tender's.
    assertThat(register.require(instance.getBusinessKey()).planRevision()).isEqualTo(3);
    assertThat(taskAt(instance, "Task_MarketEngagement").getDueDate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 7, 3)));

    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    ProcessInstance other = plannedToPa2023();
    toEvaluation(other);
    evaluateTenders(other, "Acme Care | 100000 | FAIL | Late");
    decideAfterFailedTender(other, "ABANDON", "Decommissioning report to follow");
    assertThat(other).isEnded().hasPassed("Task_RecordAbandoned", "EndEvent_Abandoned");
    assertThat(register.require(other.getBusinessKey()).status()).isEqualTo("ABANDONED");
  }

  @Test
  void aBadEvaluationSheetIsRefusedByLineAndNothingIsStored() {
    ProcessInstance instance = plannedToPa2023();
    toEvaluation(instance);
    Map<String, Object> sheet =
        evaluation("Acme Care | 100000 | PASS | 4\nBirch | 0 | PASS | 3 | 3");
    sheet.put("evaluationQuestions", "Service delivery | 60\nSocial value | 30");
    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_EvaluateTenders"),
        sheet,
        "evaluationBids line 1",
        "evaluationQuestions");
    assertThat(register.require(instance.getBusinessKey()).evaluationResult()).isNull();
  }

  @Test
  void tiedTopBidsNeedThePanelsChoiceAmongThem() {
    ProcessInstance instance = plannedToPa2023();
    toEvaluation(instance);
    evaluateTenders(
        instance,
        "Acme Care | 90000 | PASS | 4 | 3",
        "Birch Support | 90000 | PASS | 4 | 3",
        "Cedar Ltd | 95000 | PASS | 2 | 2");
    assertThat(runtimeService.getVariable(instance.getId(), "winningBidder")).isNull();
    assertThat((String) runtimeService.getVariable(instance.getId(), "tieText"))
        .contains("Acme Care and Birch Support");

    Task report = taskAt(instance, "Task_PrepareAwardReport");
    assertRefusedAs(
        OFFICER,
        report,
        Map.of("winningBidder", "Cedar Ltd", "awardReportSummary", "Cedar"),
        "Acme Care, Birch Support");
    completeAs(
        OFFICER,
        report,
        Map.of(
            "winningBidder",
            "Acme Care",
            "awardReportSummary",
            "Tied with Birch; the panel chose Acme on its safeguarding answer"));
    assertThat(register.require(instance.getBusinessKey()).winningBidder()).isEqualTo("Acme Care");
  }

  @Test
  void aReturnedAwardReportIsRedraftedBeforeAuthorisation() {
    ProcessInstance instance = approved(request(null, "PA2023", 2_100_000, true));
    planTimetable(instance, plan("PA2023"));
    toEvaluation(instance);
    evaluateTenders(instance, THREE_BIDS);
    prepareAwardReport(instance, "Birch Support", "Award to Birch");
    Task authorise = taskAt(instance, "Task_AuthoriseAward");
    assertThat(authorise).hasCandidateGroup("democratic-services");
    assertRefusedAs(CLERK, authorise, Map.of("awardDecision", "RETURN"), "awardDecisionComments");
    // Sent back without a minute: the Executive has not decided yet.
    completeAs(
        CLERK,
        authorise,
        Map.of("awardDecision", "RETURN", "awardDecisionComments", "Add TUPE (§11.1)"));
    assertThat(instance).isWaitingAt("Task_PrepareAwardReport");
    assertThat((String) runtimeService.getVariable(instance.getId(), "returnComments"))
        .contains("Add TUPE");

    prepareAwardReport(
        instance,
        "Birch Support",
        "Award to Birch; TUPE may apply to the incumbent's staff (§11.1)");
    Task again = taskAt(instance, "Task_AuthoriseAward");
    assertThat(taskService.getVariables(again.getId()))
        .as("the second round opens empty")
        .doesNotContainKeys("awardDecision", "awardDecisionComments");
    completeAs(
        CLERK,
        again,
        Map.of("awardDecision", "AUTHORISE", "decisionReference", "Executive minute 456"));
    assertThat(instance).isWaitingAt("Task_SendAssessmentSummaries");
  }

  // --- standstill and challenge -----------------------------------------------------------------

  @Test
  void aChallengeInStandstillSuspendsTheAwardUntilResolved() {
    ProcessInstance instance = plannedToPa2023();
    runTenderToAward(instance);
    String reference = instance.getBusinessKey();

    challenge(
        instance, LocalDateTime.of(2026, 7, 24, 15, 0), "Price scoring applied the wrong formula");
    assertThat(instance)
        .hasPassed("Task_RecordChallenge", "Task_EmailChallengeReceived")
        .isWaitingAt("Task_ResolveChallenge");
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Timer_StandstillEnds")
                .count())
        .as("standstill timer gone: the award waits")
        .isZero();
    assertThat(register.require(reference).status()).isEqualTo("AWARD_SUSPENDED");
    assertThat(outbox(instance, "challenge:2026-07-24:" + "Acme Care".hashCode())).contains(LEAD);
    // What the task handed to the service tasks after it lived only in that transaction.
    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKeys("completedTask.challenger", "completedTask.by");

    resolveChallenge(
        instance, "AWARD_STANDS", "Legal confirmed the formula matches the published method");
    assertThat(instance).hasPassed("Task_RecordChallengeOutcome").isWaitingAt("Task_SignContract");
    assertThat(register.challenges(reference))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outcome()).isEqualTo("AWARD_STANDS");
              assertThat(c.challenger()).isEqualTo("Acme Care");
            });
    assertThat(register.require(reference).status()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void anUpheldChallengeSendsTheTendersBackForEvaluationOrEndsTheProcurement() {
    ProcessInstance instance = approved(request(null, "PA2023", 400_000, false));
    challengedAfterAward(instance, "Scoring");
    resolveChallenge(instance, "REEVALUATE", "Rescore question 1");
    assertThat(instance).isWaitingAt("Task_EvaluateTenders");
    assertThat(register.finishedStages(instance.getBusinessKey()))
        .doesNotContain(ProcurementStage.EVALUATION);

    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    ProcessInstance other = approved(request(null, "PA2023", 400_000, false));
    challengedAfterAward(other, "Specification unclear");
    resolveChallenge(other, "ABANDON", "Specification to be rewritten");
    assertThat(other).isEnded().hasPassed("EndEvent_AbandonedAfterChallenge", "EndEvent_Abandoned");
  }

  @Test
  void afterARescoringTheSummariesTaskOpensWithoutTheEarlierSending() {
    ProcessInstance instance = approved(request(null, "PA2023", 400_000, false));
    challengedAfterAward(instance, "Scoring");
    resolveChallenge(instance, "REEVALUATE", "Rescore question 1");

    evaluateTenders(instance, THREE_BIDS);
    prepareAwardReport(instance, "Birch Support", "Birch Support, rescored");
    String route = (String) runtimeService.getVariable(instance.getId(), "approvalRoute");
    completeAs(
        decider(route), instance, "Task_AuthoriseAward", Map.of("awardDecision", "AUTHORISE"));

    Task summaries = taskAt(instance, "Task_SendAssessmentSummaries");
    // The new scores need new summaries: last round's "sent" must not be there to confirm
    // unchanged.
    assertThat(taskService.getVariables(summaries.getId()))
        .doesNotContainKeys("summariesSent", "summariesSentOn");
    assertRefusedAs(OFFICER, summaries, Map.of(), "summariesSent");
  }

  @Test
  void aLightTouchContractWithoutAVoluntaryStandstillMayBeSignedAtOnce() {
    ProcessInstance instance = approved(request(null, "PA2023_LIGHT_TOUCH", 400_000, false));
    Map<String, Object> plan = plan("PA2023_LIGHT_TOUCH");
    plan.put("voluntaryStandstill", false);
    plan.put("contractSignatureDate", "2026-07-21");
    planTimetable(instance, plan);
    runTenderToAward(instance);
    assertThat(instance).hasPassed("Gateway_StandstillApplies").isWaitingAt("Task_SignContract");
    assertThat(runtimeService.getVariable(instance.getId(), "standstillApplies")).isEqualTo(false);
  }

  @Test
  void theContractCannotBeSignedInsideStandstill() {
    ProcessInstance instance = standstillOver();
    Map<String, Object> early = contract("2026-07-29");
    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_SignContract"),
        early,
        "contractSignedOn",
        "Wednesday 29 July 2026");
    // Standstill is read from the recorded award notice, not from a variable the officer can clear.
    early.put("standstillLastDay", null);
    assertRefusedAs(
        OFFICER, taskAt(instance, "Task_SignContract"), early, "Wednesday 29 July 2026");
    // Nor after the planned commencement: the lead re-plans commencement first.
    setClock(LocalDateTime.of(2026, 10, 2, 10, 0));
    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_SignContract"),
        contract("2026-10-02"),
        "is after the planned commencement (Thursday 1 October 2026)");
    assertThat(contracts.findByReference(newContract)).isEmpty();
  }

  @Test
  void aNoticeTaskRecordsTheNoticeItWasOpenedForWhateverTheFormSends() {
    ProcessInstance instance = plannedToPa2023();
    setClock(LocalDateTime.of(2026, 4, 8, 10, 0));
    marketEngaged(instance, "Done");
    Map<String, Object> relabelled = notice("UK2-1", "2026-04-08");
    relabelled.put("noticeCode", "UK4");
    completeAs(OFFICER, instance, "Task_PublishTenderNotices", relabelled);

    assertThat(register.notices(instance.getBusinessKey()))
        .extracting(ProcurementRegister.Notice::code)
        .containsExactly("UK2");
    assertThat(taskAt(instance, "Task_PublishTenderNotices").getName())
        .isEqualTo("Publish: Tender notice");
  }

  @Test
  void anOverdueContractDetailsNoticeAlertsTheLeads() {
    ProcessInstance instance = approved(request(null, "PA2023_LIGHT_TOUCH", 400_000, false));
    planTimetable(instance, plan("PA2023_LIGHT_TOUCH"));
    runTenderToAward(instance);
    setClock(LocalDateTime.of(2026, 7, 30, 0, 5));
    execute(jobAt(instance, "Timer_StandstillEnds"));
    setClock(LocalDateTime.of(2026, 7, 31, 11, 0));
    sign(instance, "2026-07-31");

    // Light touch: 120 days after entering into the contract (s53), from Friday 31 July 2026.
    Task details = taskAt(instance, "Task_PublishContractNotices");
    assertThat(details.getDueDate()).isEqualTo(endOfUkDay(LocalDate.of(2026, 11, 27)));
    setClock(LocalDateTime.of(2026, 11, 28, 0, 5));
    execute(jobAt(instance, "Timer_ContractNoticeOverdue"));
    execute(jobAt(instance, "Task_AlertNoticeOverdue"));
    assertThat(outbox(instance, "notice-overdue:2026-11-27")).contains(LEAD);
    assertThat(instance).isWaitingAt("Task_PublishContractNotices");

    // The contract went live on 1 October whatever the notice; the timetable watch then has no
    // stage
    // left to watch and ends, while the case waits for the notice.
    execute(jobAt(instance, "Timer_Commencement"));
    execute(jobAt(instance, "Task_MakeContractLive"));
    for (int round = 0; round < 10 && jobAt(instance, "Timer_StageEnd") != null; round++) {
      execute(jobAt(instance, "Timer_StageEnd"));
    }
    assertThat(instance).hasPassed("EndEvent_WatchDone").isWaitingAt("Task_PublishContractNotices");
    assertThat(register.slips(instance.getBusinessKey()))
        .as("every stage finished on time")
        .isEmpty();
    publish(instance, "Task_PublishContractNotices", "UK7-LATE", "2026-11-28");
    assertThat(instance).isEnded().hasPassed("EndEvent_ContractLive");
  }

  @Test
  void aProcurementStartedByTheExtensionProcessIsPreparedByAnOfficerBeforeAgreement() {
    Map<String, Object> started =
        request(replaced.reference(), "PA2023_LIGHT_TOUCH", 2_100_000, false);
    started.put("startReason", "EXTENSION_REFUSED");
    started.put(
        "procurementStrategy", "The extension of " + replaced.reference() + " was refused.");
    ProcessInstance instance = start(started);
    assertThat(instance).isWaitingAt("Task_PrepareProcurementCase");
    assertThat(taskAt(instance, "Task_PrepareProcurementCase")).hasCandidateGroup("procurement");

    Map<String, Object> prepared =
        new java.util.HashMap<>(
            Map.of(
                "procurementStrategy",
                "Open tender, one lot, 5 years + 1 + 1 (seed 000 §6.8)",
                "estimatedValue",
                "£450,000",
                "keyDecisionByOfficer",
                false,
                "regime",
                "PA2023"));
    completeAs(OFFICER, instance, "Task_PrepareProcurementCase", prepared);

    assertThat(instance)
        .isWaitingAt(
            "Task_GovernanceAgreement", "Task_CorporateServicesAgreement", "Task_FinanceAgreement");
    ProcurementRegister.Procurement recorded = register.require(instance.getBusinessKey());
    assertThat(recorded.estimatedValue()).isEqualByComparingTo("450000.00");
    assertThat(recorded.regime()).isEqualTo("PA2023");
    assertThat(recorded.startReason()).isEqualTo("EXTENSION_REFUSED");
    agreeAll(instance);
    assertThat(decisionStep(instance, "Task_RecordDecision"))
        .hasCandidateGroup("portfolio-holders");
  }

  @Test
  void aProcurementAnOptionsAppraisalResolvedOnGoesFromTheOfficersCaseToTheTimetable() {
    // Seed 000 §2, §10.7: the report was the request for approval to procure; its resolution is it.
    Map<String, Object> started =
        request(replaced.reference(), "PA2023_LIGHT_TOUCH", 2_100_000, false);
    started.put("startReason", "OPTIONS_APPRAISAL");
    started.put("procurementStrategy", "Resolved by CM-2026-02-20. Option 2: re-tender.");
    started.put("decisionReferenceMade", "CM-2026-02-20");
    started.put("decisionDate", "2026-02-20");
    started.put("decisionMaker", "PORTFOLIO_HOLDER");
    ProcessInstance instance = start(started);
    assertThat(instance).isWaitingAt("Task_PrepareProcurementCase");

    completeAs(
        OFFICER,
        instance,
        "Task_PrepareProcurementCase",
        new java.util.HashMap<>(
            Map.of(
                "procurementStrategy",
                "Open tender, one lot, 2 years + 1 (seed 003)",
                "estimatedValue",
                "£250,000",
                "keyDecisionByOfficer",
                false,
                "regime",
                "PA2023")));

    assertThat(instance)
        .hasPassed("Task_RecordProcurementCase", "Task_RecordResolvedApproval")
        .hasNotPassed(
            "Task_DetermineDecisionMaker",
            "Task_GovernanceAgreement",
            "CallActivity_KeyDecision",
            "Task_RecordApproval")
        .isWaitingAt("Task_PlanTimetable")
        .variables()
        .containsEntry("decisionOutcome", "APPROVED")
        .containsEntry("approvalDecisionMade", "APPROVE")
        .containsEntry("decisionReferenceMade", "CM-2026-02-20")
        .containsEntry("decisionDate", "2026-02-20");
    ProcurementRegister.Procurement recorded = register.require(instance.getBusinessKey());
    assertThat(recorded.status()).isEqualTo("APPROVED");
    assertThat(recorded.approvalRoute()).isEqualTo("PORTFOLIO_HOLDER");
    assertThat(register.currentAgreements(instance.getBusinessKey())).isEmpty();

    // From here as after an approval: the resolution's decision maker authorises the award.
    planTimetable(instance, plan("PA2023"));
    toEvaluation(instance);
    evaluateTenders(instance, THREE_BIDS);
    completeAs(
        OFFICER,
        instance,
        "Task_PrepareAwardReport",
        awardReport("Birch Support", "Award to Birch"));
    Task authorise = taskAt(instance, "Task_AuthoriseAward");
    assertThat(authorise).hasCandidateGroup("portfolio-holders");
    assertThat(authorise.getName()).isEqualTo("Authorise the award report (Portfolio Holder)");
  }

  @Test
  void aDecisionReferenceSentWithAnotherStartDoesNotSkipTheAgreements() {
    Map<String, Object> started =
        request(replaced.reference(), "PA2023_LIGHT_TOUCH", 2_100_000, false);
    started.put("startReason", "EXTENSION_REFUSED");
    started.put("procurementStrategy", "The extension was refused.");
    started.put("decisionReferenceMade", "CM-2026-02-20");
    started.put("decisionMaker", "CHIEF_OFFICER");
    ProcessInstance instance = start(started);
    completeAs(
        OFFICER,
        instance,
        "Task_PrepareProcurementCase",
        new java.util.HashMap<>(
            Map.of(
                "procurementStrategy",
                "Open tender, one lot",
                "estimatedValue",
                "£450,000",
                "keyDecisionByOfficer",
                false,
                "regime",
                "PA2023")));
    assertThat(instance)
        .hasNotPassed("Task_RecordResolvedApproval")
        .isWaitingAt(
            "Task_GovernanceAgreement", "Task_CorporateServicesAgreement", "Task_FinanceAgreement");
    assertThat(register.require(instance.getBusinessKey()).approvalRoute())
        .isEqualTo("PORTFOLIO_HOLDER");
  }

  // --- decisions read from the record, not from variables a completion can set -------------------

  @Test
  void theDecisionMakerIsChosenFromTheRecordedValueAndStaysForTheAward() {
    // A key decision worth £2.1m: the Executive, whatever a director sends with the agreement.
    ProcessInstance instance = start(request(null, "PA2023", 2_100_000, true));
    agreements(
        instance,
        Map.of("governanceAgreement", "AGREE"),
        Map.of("corporateAgreement", "AGREE"),
        Map.of(
            "financeAgreement",
            "AGREE",
            "estimatedValue",
            50_000.0,
            "keyDecisionByOfficer",
            false));
    assertThat(decisionStep(instance, "Task_RecordScrutiny"))
        .hasCandidateGroup("democratic-services");
    decide(instance, "APPROVE", "Executive minute 123");
    publishDecision(instance, "2026-03-02");
    periodEndsWithoutCallIn(instance);
    planTimetable(instance, plan("PA2023"));
    toEvaluation(instance);
    evaluateTenders(instance, THREE_BIDS);
    // The officer drafting the report tries to send its authorisation to a Chief Officer instead.
    Map<String, Object> report = awardReport("Birch Support", "Award to Birch");
    report.put("approvalRoute", "CHIEF_OFFICER");
    completeAs(OFFICER, instance, "Task_PrepareAwardReport", report);
    Task authorise = taskAt(instance, "Task_AuthoriseAward");
    assertThat(authorise).hasCandidateGroup("democratic-services");
    assertThat(authorise.getName()).isEqualTo("Authorise the award report (Executive)");
    assertRefusedAs(CLERK, authorise, Map.of("awardDecision", "AUTHORISE"), "decisionReference");
  }

  @Test
  void theContractGoesOnlyToTheBidderTheAwardWasAuthorisedFor() {
    ProcessInstance instance = standstillOver();
    setClock(LocalDateTime.of(2026, 7, 31, 11, 0));
    Map<String, Object> other = contract("2026-07-31");
    other.put("providerName", "Acme Care");
    other.put("providerEmail", "bids@acme.example");
    assertRefusedAs(
        OFFICER, taskAt(instance, "Task_SignContract"), other, "providerName", "Birch Support");
    assertThat(contracts.findByReference(newContract)).isEmpty();
    assertThat(contracts.findAllProviders()).noneMatch(p -> p.name().equals("Acme Care"));
  }

  @Test
  void aContractTheRegisterWouldRefuseIsRefusedBeforeTheTaskCompletes() {
    ProcessInstance instance = standstillOver();
    setClock(LocalDateTime.of(2026, 7, 31, 11, 0));
    List<Provider> providers = contracts.findAllProviders();
    Map<String, Object> cheap = contract("2026-07-31");
    cheap.put("wholeLifeValue", "£1,000");
    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_SignContract"),
        cheap,
        "wholeLifeValue: must not be less than the annual value");
    assertThat(instance).isWaitingAt("Task_SignContract").hasNotPassed("Task_RecordSignedContract");
    assertThat(contracts.findByReference(newContract)).isEmpty();
    assertThat(contracts.findAllProviders()).isEqualTo(providers);
  }

  @Test
  void aTenderClosingDateMovedWhenTheNoticeIsPublishedMovesTheTimetableWatch() {
    ProcessInstance instance = engagementFinishedOn(LocalDate.of(2026, 4, 8), "Done");
    String reference = instance.getBusinessKey();
    // The market engagement finished on time: the watch moves on to the tender period (close 15
    // May).
    setClock(LocalDateTime.of(2026, 4, 11, 0, 5));
    execute(jobAt(instance, "Timer_StageEnd"));
    assertThat(jobAt(instance, "Timer_StageEnd").getDuedate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 5, 15)));

    // The tender notice goes out two weeks late, and the tender period closes a week later.
    setClock(LocalDateTime.of(2026, 4, 27, 10, 0));
    Map<String, Object> moved = notice("UK4-1", "2026-04-27");
    moved.put("newTenderCloseDate", "2026-05-22");
    completeAs(OFFICER, instance, "Task_PublishTenderNotices", moved);

    // 15 May passes with the tender period open as planned: not a slip.
    setClock(LocalDateTime.of(2026, 5, 16, 0, 5));
    execute(jobAt(instance, "Timer_StageEnd"));
    assertThat(register.slips(reference)).isEmpty();
    assertThat(instance).isNotWaitingAt("Task_ReviewOverrun");
    assertThat(jobAt(instance, "Timer_StageEnd").getDuedate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 5, 22)));
  }

  @Test
  void aNewTenderStartsWithAnEmptyEvaluationSheet() {
    ProcessInstance instance = plannedToPa2023();
    toEvaluation(instance);
    evaluateTenders(instance, "Acme Care | 100000 | FAIL | Late");
    decideAfterFailedTender(instance, "RETENDER", "Readvertise");
    assertThat(register.require(instance.getBusinessKey()).evaluationResult())
        .as("the failed round's result")
        .isNull();
    assertThat(runtimeService.getVariable(instance.getId(), "evaluationBids"))
        .as("the failed round's bids")
        .isNull();
    assertThat(runtimeService.getVariable(instance.getId(), "compliantTender")).isNull();
  }

  // --- what officers type ------------------------------------------------------------------------

  @Test
  void valuesAreTakenAsOfficersWriteThem() {
    Map<String, Object> typed = request(null, "PA2023", 0, false);
    typed.put("estimatedValue", "£2,100,000");
    ProcessInstance instance = start(typed);
    assertThat(register.require(instance.getBusinessKey()).estimatedValue())
        .isEqualByComparingTo("2100000.00");
    agreeAll(instance);
    assertThat(runtimeService.getVariable(instance.getId(), "decisionMaker"))
        .as("a key decision by value")
        .isEqualTo("EXECUTIVE");

    Map<String, Object> misread = request(null, "PA2023", 0, false);
    misread.put("estimatedValue", "850,00");
    assertThatThrownBy(() -> start(misread))
        .isInstanceOf(TaskFormException.class)
        .hasMessageContaining("estimatedValue: '850,00' is not an amount of money");
  }

  @Test
  void aRegimeThatDoesNotGovernProcurementsBegunTodayIsRefused() {
    assertThatThrownBy(() -> start(request(null, "PCR2015", 400_000, false)))
        .isInstanceOf(TaskFormException.class)
        .hasMessageContaining("regime: Public Contracts Regulations 2015")
        .hasMessageContaining("before 2025-02-24");
  }

  // --- the decision to procure: key-decision governance (key-decision.bpmn) --------------------

  /**
   * The seed's re-tender (£1,575,000: five years and two 1-year options at £225,000) is a key
   * decision of the Executive after PDS scrutiny, published and open to call-in; the procurement is
   * planned only once the call-in period is over (seed 000 front sheet, §2.1-2.3, §6.4).
   */
  @Test
  void aKeyProcurementIsScrutinisedPublishedAndPlannedOnlyAfterTheCallInPeriod() {
    ProcessInstance instance = start(request(replaced.reference(), "PA2023", 1_575_000, false));
    agreeAll(instance);
    assertThat(instance).hasPassed("Task_RecordFinanceAgreement");
    assertThat(instance).isWaitingAt("CallActivity_KeyDecision");
    ProcessInstance decision = decisionOf(instance);
    assertThat(decision)
        .hasBusinessKey(instance.getBusinessKey())
        .isWaitingAt("Task_RecordScrutiny");
    assertThat(runtimeService.getVariables(decision.getId()))
        .containsEntry("caseType", "PROCUREMENT")
        .containsEntry("decisionMakerGroup", "democratic-services")
        .containsEntry(
            "decisionSubject",
            "Approval to procure: Direct Payments Support and Payroll Service ("
                + instance.getBusinessKey()
                + ")");

    decide(instance, "APPROVE", "Executive minute 123");
    publishDecision(instance, "2026-03-02");

    // Five working days from Monday 2 March 2026: the last day is Monday 9 March.
    assertThat(decision).isWaitingAt("Task_RecordCallIn");
    assertThat(runtimeService.getVariable(decision.getId(), "callInLastDay"))
        .isEqualTo("2026-03-09");
    assertThat(instance).isWaitingAt("CallActivity_KeyDecision");
    assertThat(taskAt(instance, "Task_PlanTimetable")).isNull();
    assertThat(register.require(instance.getBusinessKey()).status()).isEqualTo("AWAITING_APPROVAL");

    setClock(LocalDateTime.of(2026, 3, 10, 0, 5));
    execute(jobAt(decision, "Timer_CallInPeriodEnds"));

    assertThat(decision).isEnded().hasPassed("EndEvent_Approved");
    assertThat(instance).hasPassed("Task_RecordApproval").isWaitingAt("Task_PlanTimetable");
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("decisionOutcome", "APPROVED")
        .containsEntry("decisionReferenceMade", "Executive minute 123")
        .containsEntry("publishedOn", "2026-03-02");
    assertThat(register.require(instance.getBusinessKey()).status()).isEqualTo("APPROVED");
  }

  @Test
  void aCallInReturnsTheDecisionAndTheReconsideredDecisionIsNotCalledInAgain() {
    ProcessInstance instance = start(request(replaced.reference(), "PA2023", 1_575_000, false));
    agreeAll(instance);
    decide(instance, "APPROVE", "Executive minute 123");
    publishDecision(instance, "2026-03-02");
    ProcessInstance decision = decisionOf(instance);

    setClock(LocalDateTime.of(2026, 3, 4, 10, 0));
    completeAs(
        CLERK,
        decisionStep(instance, "Task_RecordCallIn"),
        Map.of("callInReceived", true, "callInReason", "Called in by three PDS members"));

    assertThat(decision).isWaitingAt("Task_RecordDecision");
    assertThat(taskAt(instance, "Task_PlanTimetable")).isNull();
    assertThat(register.require(instance.getBusinessKey()).status()).isEqualTo("AWAITING_APPROVAL");

    decide(instance, "APPROVE", "Executive minute 140");
    publishDecision(instance, "2026-03-04");

    // Published again and in effect at once: no second call-in period.
    assertThat(decision).isEnded().hasPassed("EndEvent_Approved");
    assertThat(
            BpmnAwareTests.historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(decision.getId())
                .activityId("Task_RecordCallIn")
                .count())
        .isEqualTo(1);
    assertThat(instance).hasPassed("Task_RecordApproval").isWaitingAt("Task_PlanTimetable");
    assertThat(runtimeService.getVariable(instance.getId(), "decisionReferenceMade"))
        .isEqualTo("Executive minute 140");
  }

  @Test
  void aCalledInDecisionRefusedOnReconsiderationEndsTheProcurement() {
    ProcessInstance instance = start(request(replaced.reference(), "PA2023", 1_575_000, false));
    agreeAll(instance);
    decide(instance, "APPROVE", "Executive minute 123");
    publishDecision(instance, "2026-03-02");
    completeAs(
        CLERK,
        decisionStep(instance, "Task_RecordCallIn"),
        Map.of("callInReceived", true, "callInReason", "Called in by three PDS members"));

    decide(instance, "REFUSE", "Executive minute 140");

    assertThat(instance).isEnded().hasPassed("Task_RecordNotApproved", "EndEvent_NotApproved");
    assertThat(register.require(instance.getBusinessKey()).status()).isEqualTo("NOT_APPROVED");
  }

  @Test
  void aNonKeyProcurementIsDecidedWithoutScrutinyPublicationOrCallIn() {
    ProcessInstance instance = start(request(null, "PA2023", 400_000, false));
    agreeAll(instance);
    ProcessInstance decision = decisionOf(instance);
    assertThat(decision).isWaitingAt("Task_RecordDecision");

    decide(instance, "APPROVE", "PH-2026-03");

    assertThat(decision)
        .isEnded()
        .hasPassed("EndEvent_Approved")
        .hasNotPassed("Task_RecordScrutiny", "Task_PublishDecision", "Task_RecordCallIn");
    assertThat(instance).hasPassed("Task_RecordApproval").isWaitingAt("Task_PlanTimetable");
  }

  @Test
  void aKeyProcurementRefusedIsNotPublishedAndEndsTheCase() {
    ProcessInstance instance = start(request(replaced.reference(), "PA2023", 1_575_000, false));
    agreeAll(instance);
    ProcessInstance decision = decisionOf(instance);

    decide(instance, "REFUSE", "Executive minute 124");

    assertThat(decision).isEnded().hasNotPassed("Task_PublishDecision");
    assertThat(instance).isEnded().hasPassed("Task_RecordNotApproved", "EndEvent_NotApproved");
    assertThat(register.require(instance.getBusinessKey()).status()).isEqualTo("NOT_APPROVED");
  }

  @Test
  void aDecisionRecordedBySomeoneOutsideTheRouteIsRefused() {
    ProcessInstance instance = start(request(null, "PA2023", 80_000, false));
    agreeAll(instance);
    Task decision = decisionStep(instance, "Task_RecordDecision");

    assertThatThrownBy(
            () -> completeAs(PORTFOLIO, decision, decisionToProcure("APPROVE", "PH-2026-01")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(decisionOf(instance)).isWaitingAt("Task_RecordDecision");
    assertThat(register.require(instance.getBusinessKey()).status()).isEqualTo("AWAITING_APPROVAL");
  }

  /** The officer's key-decision box counts only with its reason, as the extension's does. */
  @Test
  void anOfficerWhoMarksAProcurementKeySaysWhy() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> noReason = request(null, "PA2023", 80_000, true);
    noReason.remove("keyDecisionReason");
    assertThatThrownBy(() -> start(noReason))
        .isInstanceOf(TaskFormException.class)
        .hasMessageContaining("keyDecisionReason");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);

    // With its reason even a small procurement is the Executive's, after scrutiny.
    ProcessInstance key = start(request(null, "PA2023", 80_000, true));
    agreeAll(key);
    assertThat(decisionStep(key, "Task_RecordScrutiny")).isNotNull();
    assertThat(runtimeService.getVariable(key.getId(), "decisionMaker")).isEqualTo("EXECUTIVE");

    // A revision that makes the case key needs the reason too.
    ProcessInstance revised = start(request(null, "PA2023", 400_000, false));
    agreements(
        revised,
        Map.of("governanceAgreement", "DECLINE", "governanceAgreementComments", "Make it key"),
        Map.of("corporateAgreement", "AGREE"),
        Map.of("financeAgreement", "AGREE"));
    Map<String, Object> answer = new HashMap<>();
    answer.put("revision", "REVISE");
    answer.put("procurementStrategy", "As before");
    answer.put("revisionNotes", "Marked key");
    answer.put("estimatedValue", "£400,000");
    answer.put("keyDecisionByOfficer", true);
    answer.put("regime", "PA2023");
    assertRefusedAs(
        OFFICER, taskAt(revised, "Task_ReviseProcurementCase"), answer, "keyDecisionReason");
  }

  @Test
  void aRevisedCaseCanChangeTheValueAndTheDirectorsSeeWhatChanged() {
    ProcessInstance instance = start(request(null, "PA2023", 400_000, false));
    agreements(
        instance,
        Map.of(
            "governanceAgreement",
            "DECLINE",
            "governanceAgreementComments",
            "The value includes a service we no longer buy"),
        Map.of("corporateAgreement", "AGREE"),
        Map.of("financeAgreement", "AGREE"));
    revise(
        instance,
        "REVISE",
        "Payroll only",
        "Support service removed; payroll only",
        Map.of(
            "estimatedValue",
            "£80,000",
            "keyDecisionByOfficer",
            false,
            "regime",
            "PA2023_LIGHT_TOUCH"));

    assertThat(register.require(instance.getBusinessKey()).estimatedValue())
        .isEqualByComparingTo("80000.00");
    assertThat(register.require(instance.getBusinessKey()).regime())
        .isEqualTo("PA2023_LIGHT_TOUCH");
    assertThat((String) runtimeService.getVariable(instance.getId(), "revisionText"))
        .contains("Support service removed; payroll only")
        .contains("The value includes a service we no longer buy");
    agreeAll(instance);
    assertThat(decisionStep(instance, "Task_RecordDecision")).hasCandidateGroup("chief-officers");
  }

  @Test
  void aNewContractStartingAfterTheOldOneEndsIsRefusedUnlessTheGapIsAccepted() {
    ProcessInstance instance = approved(request(replaced.reference(), "PA2023", 400_000, false));
    Map<String, Object> late = plan("PA2023");
    late.put("commencementDate", "2026-11-02");
    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_PlanTimetable"),
        late,
        "commencementDate: " + replaced.reference() + " ends on Wednesday 30 September 2026",
        "no contract from Thursday 1 October 2026");
    late.put("serviceGapAccepted", true);
    planTimetable(instance, late);
    assertThat(instance).isWaitingAt("Task_MarketEngagement");
  }

  @Test
  void theTenderNoticeMayGoOutOnceTheMarketEngagementHasFinishedEarly() {
    ProcessInstance instance = engagementFinishedOn(LocalDate.of(2026, 4, 1), "Done early");
    setClock(LocalDateTime.of(2026, 4, 2, 10, 0));
    publish(instance, "Task_PublishTenderNotices", "UK4-1", "2026-04-02");

    TimetablePlan plan = timetable.requirePlan(instance.getBusinessKey());
    assertThat(plan.marketEngagementEnd()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(plan.tenderNoticeDate()).isEqualTo(LocalDate.of(2026, 4, 2));
    assertThat(plan.tenderCloseDate()).isEqualTo(LocalDate.of(2026, 5, 15));
    assertThat(instance).isWaitingAt("Task_CloseTenderPeriod");
  }

  // --- steps -------------------------------------------------------------------------------------

  /**
   * A tender replacing the old contract, awarded to Birch Support, its standstill just over (30
   * July).
   */
  private ProcessInstance standstillOver() {
    ProcessInstance instance = approved(request(replaced.reference(), "PA2023", 400_000, false));
    planTimetable(instance, plan("PA2023"));
    runTenderToAward(instance);
    setClock(LocalDateTime.of(2026, 7, 30, 0, 5));
    execute(jobAt(instance, "Timer_StandstillEnds"));
    return instance;
  }

  // --- the seed's re-tender under the light touch regime (seed 000 §10.6) -----------------------

  /**
   * Seed 000 §10.4-10.8: the Vibrance re-tender of Direct Payments Support and Payroll, a social
   * care service, run on the seed's dates (§6.5) under the light touch regime of the Public
   * Contracts Regulations 2015 (regs 74-76) whose obligations §10.6 lists: advertised by a contract
   * notice on Find a Tender (then OJEU) and on Contracts Finder (i; regs 75(1), 106), a tender
   * period that is reasonable and proportionate, at least the council's policy minimum, with no
   * statutory minimum (v; reg 76), tenders opened only once the advertised closing date has passed
   * (iv; reg 76(4)), award decision notices starting the reg 87 standstill that reg 85 applies to
   * light touch contracts, and the contract award notice and the award on Contracts Finder after
   * the contract (ii; regs 75(2), 108).
   */
  @Test
  void theSeedsReTenderRunsUnderTheLightTouchRegimeOfSection10_6() {
    setClock(LocalDateTime.of(2019, 11, 4, 9, 0));
    Contract vibrance = seedContract(contracts, "DPSP-" + replaced.reference());
    ProcessInstance instance =
        start(request(vibrance.reference(), "PCR2015_LIGHT_TOUCH", 1_575_000, false));
    String reference = instance.getBusinessKey();
    assertThat(reference).matches("PROC-2019-\\d{4}");
    assertThat(register.require(reference).regime()).isEqualTo("PCR2015_LIGHT_TOUCH");
    assertThat(approvalRoute(instance)).isEqualTo("EXECUTIVE");
    approve(instance, "2019-11-04");

    // (v): no statutory minimum, but the council's policy floor for a reasonable and proportionate
    // tender period: 18 days is refused, naming the policy.
    setClock(LocalDateTime.of(2019, 11, 25, 10, 0));
    Task planTask = taskAt(instance, "Task_PlanTimetable");
    Map<String, Object> hasty = seedPlan();
    hasty.put("tenderCloseDate", "2020-03-20");
    assertRefusedAs(
        OFFICER,
        planTask,
        hasty,
        "tenderCloseDate",
        "sets no minimum for the open procedure, and the council's policy minimum is 25 days",
        "reasonable and proportionate");
    planTimetable(instance, seedPlan());
    assertThat(register.require(reference).status()).isEqualTo("IN_PROGRESS");
    assertThat(taskAt(instance, "Task_MarketEngagement").getDueDate())
        .isEqualTo(endOfUkDay(LocalDate.of(2020, 2, 29)));

    // (i): the contract notice on the day the tender opens, Contracts Finder within 24 hours.
    setClock(LocalDateTime.of(2020, 2, 27, 10, 0));
    marketEngaged(instance, "Provider forum and direct payment recipients' workshop");
    setClock(LocalDateTime.of(2020, 3, 2, 9, 0));
    Task contractNotice = taskAt(instance, "Task_PublishTenderNotices");
    assertThat(contractNotice.getName())
        .isEqualTo("Publish: Contract notice (or prior information notice) on Find a Tender");
    assertThat(contractNotice.getDueDate()).isEqualTo(endOfUkDay(LocalDate.of(2020, 3, 2)));
    publish(instance, "Task_PublishTenderNotices", "2020/S 043-100001", "2020-03-02");
    Task finder = taskAt(instance, "Task_PublishTenderNotices");
    assertThat(finder.getName()).isEqualTo("Publish: The opportunity on Contracts Finder");
    assertThat(finder.getDueDate()).isEqualTo(endOfUkDay(LocalDate.of(2020, 3, 3)));
    publish(instance, "Task_PublishTenderNotices", "CF-2020-0302-01", "2020-03-02");

    // (iv): the time limit the advert gave bidders holds: no opening before Friday 29 May.
    setClock(LocalDateTime.of(2020, 5, 28, 10, 0));
    assertRefusedAs(
        OFFICER,
        taskAt(instance, "Task_CloseTenderPeriod"),
        Map.of("tendersReceived", 3L),
        "tenders are opened only after it closes");
    setClock(LocalDateTime.of(2020, 5, 29, 14, 0));
    completeAs(OFFICER, instance, "Task_CloseTenderPeriod", Map.of("tendersReceived", 3L));

    setClock(LocalDateTime.of(2020, 7, 1, 10, 0));
    evaluateTenders(instance, THREE_BIDS);
    prepareAwardReport(instance, "Birch Support", "Birch Support offers the best value");
    setClock(LocalDateTime.of(2020, 8, 20, 10, 0));
    completeAs(
        CLERK,
        instance,
        "Task_AuthoriseAward",
        Map.of("awardDecision", "AUTHORISE", "decisionReference", "Executive minute 456"));
    setClock(LocalDateTime.of(2020, 9, 1, 10, 0));
    completeAs(
        OFFICER,
        instance,
        "Task_SendAssessmentSummaries",
        Map.of("summariesSent", true, "summariesSentOn", "2020-09-01"));

    // The award decision notices (reg 86) start the reg 87 standstill: sent Wed 2 September 2020,
    // the 10th day after is Sat 12 September, so it runs to the end of Mon 14 September.
    setClock(LocalDateTime.of(2020, 9, 2, 9, 0));
    Task decisionNotices = taskAt(instance, "Task_PublishAwardNotices");
    assertThat(decisionNotices.getName())
        .isEqualTo("Publish: Award decision notices to every candidate and tenderer");
    publish(instance, "Task_PublishAwardNotices", "ADN-2020-01", "2020-09-02");
    assertThat(instance).isWaitingAt("Task_WatchForChallenge");
    assertThat(jobAt(instance, "Timer_StandstillEnds").getDuedate())
        .isEqualTo(endOfUkDay(LocalDate.of(2020, 9, 14)));
    setClock(LocalDateTime.of(2020, 9, 15, 0, 5));
    execute(jobAt(instance, "Timer_StandstillEnds"));

    setClock(LocalDateTime.of(2020, 10, 1, 11, 0));
    sign(instance, "2020-10-01");
    Contract signed = contracts.findByReference(newContract).orElseThrow();
    assertThat(signed.startDate()).isEqualTo(LocalDate.of(2021, 4, 8));
    assertThat(signed.replacesReference()).isEqualTo(vibrance.reference());

    // (ii): the contract award notice (reg 75(2)) and the award on Contracts Finder (reg 108),
    // each within 30 days after the contract: by Sat 31 October 2020.
    Task awardNotice = taskAt(instance, "Task_PublishContractNotices");
    assertThat(awardNotice.getName()).isEqualTo("Publish: Contract award notice on Find a Tender");
    assertThat(awardNotice.getDueDate()).isEqualTo(endOfUkDay(LocalDate.of(2020, 10, 31)));
    setClock(LocalDateTime.of(2020, 10, 12, 10, 0));
    publish(instance, "Task_PublishContractNotices", "2020/S 199-400001", "2020-10-12");
    assertThat(taskAt(instance, "Task_PublishContractNotices").getName())
        .isEqualTo("Publish: The award on Contracts Finder");
    publish(instance, "Task_PublishContractNotices", "CF-2020-1012-01", "2020-10-12");

    setClock(LocalDateTime.of(2021, 4, 8, 0, 1));
    execute(jobAt(instance, "Timer_Commencement"));
    execute(jobAt(instance, "Task_MakeContractLive"));
    assertThat(instance).isEnded().hasPassed("EndEvent_ContractLive");
    assertThat(register.require(reference).status()).isEqualTo("CONTRACT_LIVE");
    assertThat(contracts.findByReference(vibrance.reference()).orElseThrow().status())
        .isEqualTo(ContractStatus.EXPIRED);
    assertThat(register.notices(reference))
        .extracting(ProcurementRegister.Notice::code)
        .containsExactly(
            "FTS_CONTRACT_NOTICE",
            "CONTRACTS_FINDER_OPPORTUNITY",
            "AWARD_DECISION_NOTICES",
            "FTS_CONTRACT_AWARD_NOTICE",
            "CONTRACTS_FINDER_AWARD");
    assertThat(register.slips(reference)).isEmpty();
  }

  /**
   * Seed 000 §10.6(iv), PCR 2015 reg 76(4): the procurement conforms with the award procedure the
   * contract notice advertised. A re-plan of an overrunning tender period may give bidders longer,
   * but may not change the procedure under them.
   */
  @Test
  void underLightTouchAReplanAfterTheAdvertKeepsTheAdvertisedProcedure() {
    setClock(LocalDateTime.of(2019, 11, 4, 9, 0));
    ProcessInstance instance = start(request(null, "PCR2015_LIGHT_TOUCH", 1_575_000, false));
    String reference = instance.getBusinessKey();
    approve(instance, "2019-11-04");
    setClock(LocalDateTime.of(2019, 11, 25, 10, 0));
    planTimetable(instance, seedPlan());
    setClock(LocalDateTime.of(2020, 2, 27, 10, 0));
    marketEngaged(instance, "Provider forum");
    setClock(LocalDateTime.of(2020, 3, 2, 9, 0));
    publish(instance, "Task_PublishTenderNotices", "2020/S 043-100002", "2020-03-02");
    publish(instance, "Task_PublishTenderNotices", "CF-2020-0302-02", "2020-03-02");

    // Tenders not closed by the end of Friday 29 May: the watch (first moved on from the market
    // engagement, finished early) escalates to the lead.
    setClock(LocalDateTime.of(2020, 5, 30, 0, 5));
    execute(jobAt(instance, "Timer_StageEnd"));
    assertThat(jobAt(instance, "Timer_StageEnd").getDuedate())
        .isEqualTo(endOfUkDay(LocalDate.of(2020, 5, 29)));
    execute(jobAt(instance, "Timer_StageEnd"));
    Task review = taskAt(instance, "Task_ReviewOverrun");
    assertThat(review).hasName("Re-plan an overrunning stage: Tender period");

    Map<String, Object> redesigned = seedPlan();
    redesigned.put("procedure", "COUNCIL_DESIGNED");
    redesigned.put("tenderCloseDate", "2020-06-05");
    redesigned.put("replanReason", "Clarification questions answered late");
    assertRefusedAs(
        LEAD,
        review,
        redesigned,
        "procedure: the Contract notice (or prior information notice) on Find a Tender published"
            + " on Monday 2 March 2020 advertised the open procedure",
        "§10.6(iv)");

    // The market engagement's dates as it finished (early, on 27 February) stay as they are.
    Map<String, Object> longer = seedPlan();
    longer.put(
        "marketEngagementEnd", timetable.requirePlan(reference).marketEngagementEnd().toString());
    longer.put("tenderCloseDate", "2020-06-05");
    longer.put("replanReason", "Clarification questions answered late: a week more for bidders");
    completeAs(LEAD, review, longer);
    TimetablePlan plan = timetable.requirePlan(reference);
    assertThat(plan.procedure()).isEqualTo("OPEN");
    assertThat(plan.tenderNoticeDate()).isEqualTo(LocalDate.of(2020, 3, 2));
    assertThat(plan.tenderCloseDate()).isEqualTo(LocalDate.of(2020, 6, 5));
    assertThat(taskAt(instance, "Task_CloseTenderPeriod").getDueDate())
        .isEqualTo(endOfUkDay(LocalDate.of(2020, 6, 5)));
  }

  private void sign(ProcessInstance instance, String signedOn) {
    sign(instance, newContract, signedOn);
  }

  private Map<String, Object> contract(String signedOn) {
    return contract(newContract, signedOn);
  }

  private String outbox(ProcessInstance instance, String event) {
    return outbox("procurement:" + instance.getId() + ":" + event);
  }

  /** Tendered and awarded to the plan of PA2023, then challenged on 21 July 2026. */
  private void challengedAfterAward(ProcessInstance instance, String grounds) {
    planTimetable(instance, plan("PA2023"));
    runTenderToAward(instance);
    challenge(instance, LocalDateTime.of(2026, 7, 21, 16, 0), grounds);
  }

  /**
   * Planned to PA2023, its market engagement finished at 10:00 on the day and the preliminary
   * market engagement notice (UK2) published the same day.
   */
  private ProcessInstance engagementFinishedOn(LocalDate day, String summary) {
    ProcessInstance instance = plannedToPa2023();
    setClock(day.atTime(10, 0));
    marketEngaged(instance, summary);
    publish(instance, "Task_PublishTenderNotices", "UK2-1", day.toString());
    return instance;
  }

  /** A PA2023 procurement of 400,000, approved, with the test data's PA2023 timetable planned. */
  private ProcessInstance plannedToPa2023() {
    ProcessInstance instance = approved(request(null, "PA2023", 400_000, false));
    planTimetable(instance, plan("PA2023"));
    return instance;
  }
}
