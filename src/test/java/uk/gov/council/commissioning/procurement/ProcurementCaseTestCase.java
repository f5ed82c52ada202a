package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.procurement.ProcurementTestData.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Takes a procurement through its tasks as the council's officers would, each signed in with their
 * own groups, on the engine clock: the same on H2 and on PostgreSQL. Each test starts on Monday 2
 * March 2026, the day ProcurementTestData.plan is planned on.
 */
abstract class ProcurementCaseTestCase extends ProcessTestCase {

  static final ZoneId UK = ZoneId.of("Europe/London");

  @BeforeEach
  void staffAndClock() {
    BpmnAwareTests.init(engine);
    users(access);
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  ProcessInstance start(Map<String, Object> variables) {
    return startSignedIn(OFFICER, "procurement", variables);
  }

  ProcessInstance approved(Map<String, Object> request) {
    ProcessInstance instance = start(request);
    approve(instance);
    return instance;
  }

  /**
   * Agreement as the route asks, then the decision through the key-decision sub-process: for a key
   * decision scrutiny, the Executive's resolution, publication and the call-in period running out
   * without a call-in (its timer fired without moving the clock, so the plan's dates still hold).
   */
  void approve(ProcessInstance instance) {
    approve(instance, "2026-03-02");
  }

  /** As {@link #approve(ProcessInstance)}, scrutinised and published on the day given. */
  void approve(ProcessInstance instance, String on) {
    agreeAll(instance);
    decide(instance, "APPROVE", "Executive minute 123", on);
    if (Boolean.TRUE.equals(runtimeService.getVariable(instance.getId(), "publication"))) {
      publishDecision(instance, on);
      periodEndsWithoutCallIn(instance);
    }
  }

  /** The decision task of the case's key-decision sub-process, or null. */
  Task decisionStep(ProcessInstance instance, String activityId) {
    return taskAt(instance.getBusinessKey(), activityId);
  }

  /** The running key-decision sub-process the procurement called. */
  ProcessInstance decisionOf(ProcessInstance instance) {
    return runtimeService
        .createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId())
        .processDefinitionKey("key-decision")
        .singleResult();
  }

  /**
   * Scrutiny where the route asks it (democratic services record the PDS committee's), then the
   * decision maker's decision.
   */
  void decide(ProcessInstance instance, String decision, String reference) {
    decide(instance, decision, reference, "2026-03-02");
  }

  void decide(ProcessInstance instance, String decision, String reference, String scrutinyOn) {
    if (decisionStep(instance, "Task_RecordScrutiny") != null) {
      completeAs(CLERK, decisionStep(instance, "Task_RecordScrutiny"), scrutiny(scrutinyOn));
    }
    completeAs(
        decider(approvalRoute(instance)),
        decisionStep(instance, "Task_RecordDecision"),
        decisionToProcure(decision, reference));
  }

  void publishDecision(ProcessInstance instance, String on) {
    completeAs(
        CLERK, decisionStep(instance, "Task_PublishDecision"), Map.of("publicationDate", on));
  }

  /** The call-in period ends with no call-in: its timer fires. */
  void periodEndsWithoutCallIn(ProcessInstance instance) {
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(decisionOf(instance).getId())
            .activityId("Timer_CallInPeriodEnds")
            .singleResult()
            .getId());
  }

  /** The Adult Care and Health PDS Committee's pre-decision scrutiny (seed 000 front sheet). */
  static Map<String, Object> scrutiny() {
    return scrutiny("2026-03-02");
  }

  static Map<String, Object> scrutiny(String on) {
    return Map.of(
        "scrutinyCommittee",
        "Adult Care and Health PDS Committee",
        "scrutinyDate",
        on,
        "scrutinyComments",
        "Noted; no objection to the re-tender");
  }

  /**
   * The decision maker's answer on the key-decision form: APPROVE or REFUSE, the decision's
   * reference (an Executive minute), and reasons for a refusal.
   */
  static Map<String, Object> decisionToProcure(String decision, String reference) {
    Map<String, Object> answer = new HashMap<>();
    answer.put("approvalDecision", decision);
    answer.put("decisionReference", reference);
    answer.put(
        "approvalComments",
        "REFUSE".equals(decision) ? "The service can be brought in-house within the budget" : "");
    return answer;
  }

  void agreeAll(ProcessInstance instance) {
    agreements(
        instance,
        Map.of("governanceAgreement", "AGREE"),
        Map.of("corporateAgreement", "AGREE"),
        Map.of("financeAgreement", "AGREE"));
  }

  /**
   * Those the route asks answer, each signed in as themselves, in this order: the AD Governance &
   * Contracts always; the two directors for a procurement of the value that needs them (seed 000
   * §10.7).
   */
  void agreements(
      ProcessInstance instance,
      Map<String, Object> governance,
      Map<String, Object> corporate,
      Map<String, Object> finance) {
    completeAs(GOVERNANCE, instance, "Task_GovernanceAgreement", governance);
    if (taskAt(instance, "Task_CorporateServicesAgreement") != null) {
      completeAs(CORPORATE, instance, "Task_CorporateServicesAgreement", corporate);
    }
    if (taskAt(instance, "Task_FinanceAgreement") != null) {
      completeAs(FINANCE, instance, "Task_FinanceAgreement", finance);
    }
  }

  /** The officer answers the directors' decline: revise (with the fields given) or withdraw. */
  void revise(
      ProcessInstance instance,
      String revision,
      String strategy,
      String notes,
      Map<String, Object> changed) {
    Map<String, Object> answer = new HashMap<>(changed);
    answer.put("revision", revision);
    answer.put("procurementStrategy", strategy);
    answer.put("revisionNotes", notes);
    completeAs(OFFICER, instance, "Task_ReviseProcurementCase", answer);
  }

  void planTimetable(ProcessInstance instance, Map<String, Object> plan) {
    completeAs(OFFICER, instance, "Task_PlanTimetable", plan);
  }

  void marketEngaged(ProcessInstance instance, String summary) {
    completeAs(
        OFFICER, instance, "Task_MarketEngagement", Map.of("marketEngagementSummary", summary));
  }

  /**
   * Market engagement and the tender notices on time (ProcurementTestData.plan), to the close of
   * tenders.
   */
  void toEvaluation(ProcessInstance instance) {
    setClock(LocalDateTime.of(2026, 4, 8, 10, 0));
    marketEngaged(instance, "Six providers attended; co-production with DP champions");
    Task uk2 = taskAt(instance, "Task_PublishTenderNotices");
    assertThat(uk2.getName()).isEqualTo("Publish: Preliminary market engagement notice");
    publish(instance, "Task_PublishTenderNotices", "UK2-2026-0001", "2026-04-08");
    setClock(LocalDateTime.of(2026, 4, 13, 9, 0));
    Task uk4 = taskAt(instance, "Task_PublishTenderNotices");
    assertThat(uk4.getName()).isEqualTo("Publish: Tender notice");
    assertThat(uk4.getDueDate()).isEqualTo(endOfUkDay(LocalDate.of(2026, 4, 13)));
    publish(instance, "Task_PublishTenderNotices", "UK4-2026-0002", "2026-04-13");
    setClock(LocalDateTime.of(2026, 5, 15, 14, 0));
    completeAs(OFFICER, instance, "Task_CloseTenderPeriod", Map.of("tendersReceived", 3L));
    setClock(LocalDateTime.of(2026, 6, 5, 10, 0));
  }

  /** The officer enters the evaluation sheet (ProcurementTestData.evaluation), one bid a line. */
  void evaluateTenders(ProcessInstance instance, String... bids) {
    completeAs(OFFICER, instance, "Task_EvaluateTenders", evaluation(String.join("\n", bids)));
  }

  /** The lead's next step when no tender was compliant: RETENDER or ABANDON. */
  void decideAfterFailedTender(ProcessInstance instance, String nextStep, String notes) {
    completeAs(
        LEAD,
        instance,
        "Task_DecideAfterFailedTender",
        Map.of("failedTenderNextStep", nextStep, "failedTenderNotes", notes));
  }

  void prepareAwardReport(ProcessInstance instance, String winningBidder, String summary) {
    completeAs(OFFICER, instance, "Task_PrepareAwardReport", awardReport(winningBidder, summary));
  }

  static Map<String, Object> awardReport(String winningBidder, String summary) {
    Map<String, Object> report = new HashMap<>();
    report.put("winningBidder", winningBidder);
    report.put("awardReportSummary", summary);
    return report;
  }

  /**
   * From market engagement to the award notice: Birch Support wins (hand-worked in
   * ProcurementProcessTest) and the award notice goes out on Monday 20 July 2026.
   */
  void runTenderToAward(ProcessInstance instance) {
    toEvaluation(instance);
    evaluateTenders(instance, THREE_BIDS);
    assertThat(runtimeService.getVariable(instance.getId(), "winningBidder"))
        .isEqualTo("Birch Support");
    assertThat((String) runtimeService.getVariable(instance.getId(), "rankingText"))
        .contains("| 1 | Birch Support | 24.00 | 60.00 | 84.00 |")
        .contains("| 2 | Acme Care | 28.80 | 54.00 | 82.80 |")
        .contains("Cedar Ltd failed stage 1: No insurance certificate");

    setClock(LocalDateTime.of(2026, 6, 20, 10, 0));
    prepareAwardReport(
        instance, "Birch Support", "Birch Support offers the most advantageous tender");
    setClock(LocalDateTime.of(2026, 7, 1, 10, 0));
    String route = approvalRoute(instance);
    Map<String, Object> authorise = new HashMap<>(Map.of("awardDecision", "AUTHORISE"));
    if ("EXECUTIVE".equals(route)) {
      authorise.put("decisionReference", "Executive minute 456");
    }
    completeAs(decider(route), instance, "Task_AuthoriseAward", authorise);

    setClock(LocalDateTime.of(2026, 7, 17, 10, 0));
    assertThat((String) runtimeService.getVariable(instance.getId(), "assessmentSummariesText"))
        .contains("Acme Care", "Birch Support (successful)", "Cedar Ltd");
    completeAs(
        OFFICER,
        instance,
        "Task_SendAssessmentSummaries",
        Map.of("summariesSent", true, "summariesSentOn", "2026-07-17"));
    setClock(LocalDateTime.of(2026, 7, 20, 9, 0));
    Task award = taskAt(instance, "Task_PublishAwardNotices");
    assertThat(award.getDueDate()).isEqualTo(endOfUkDay(LocalDate.of(2026, 7, 20)));
    publish(instance, "Task_PublishAwardNotices", "UK6-2026-0003", "2026-07-20");
  }

  /** Acme Care challenges the award, received at the UK time given. */
  void challenge(ProcessInstance instance, LocalDateTime received, String grounds) {
    setClock(received);
    completeAs(
        OFFICER,
        instance,
        "Task_WatchForChallenge",
        Map.of(
            "challenger",
            "Acme Care",
            "challengeReceivedOn",
            received.toLocalDate().toString(),
            "challengeGrounds",
            grounds));
  }

  /** The lead's outcome of a challenge: AWARD_STANDS, REEVALUATE or ABANDON. */
  void resolveChallenge(ProcessInstance instance, String outcome, String resolution) {
    completeAs(
        LEAD,
        instance,
        "Task_ResolveChallenge",
        Map.of("challengeOutcome", outcome, "challengeResolution", resolution));
  }

  void sign(ProcessInstance instance, String contractReference, String signedOn) {
    completeAs(OFFICER, instance, "Task_SignContract", contract(contractReference, signedOn));
  }

  static Map<String, Object> contract(String contractReference, String signedOn) {
    Map<String, Object> contract = new HashMap<>();
    contract.put("newContractReference", contractReference);
    contract.put("providerName", "Birch Support");
    contract.put("providerEmail", "bids@birch.example");
    contract.put("contractTermMonths", 60L);
    contract.put("extensionOptions", "12, 12");
    contract.put("annualValue", "£90,000");
    contract.put("wholeLifeValue", "£630,000.00");
    contract.put("contractSignedOn", signedOn);
    return contract;
  }

  void publish(
      ProcessInstance instance, String activity, String noticeReference, String publishedOn) {
    completeAs(OFFICER, instance, activity, notice(noticeReference, publishedOn));
  }

  static Map<String, Object> notice(String noticeReference, String publishedOn) {
    Map<String, Object> notice = new HashMap<>();
    notice.put("noticeReference", noticeReference);
    notice.put("noticePublishedOn", publishedOn);
    return notice;
  }

  String approvalRoute(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), "approvalRoute");
  }

  static String decider(String route) {
    return switch (route) {
      case "CHIEF_OFFICER" -> CHIEF;
      case "PORTFOLIO_HOLDER" -> PORTFOLIO;
      default -> CLERK;
    };
  }

  static Date endOfUkDay(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(UK).toInstant());
  }

  static Date startOfUkDay(LocalDate day) {
    return Date.from(day.atStartOfDay(UK).toInstant());
  }

  static void setClock(LocalDateTime ukTime) {
    TestClock.set(ukTime);
  }
}
