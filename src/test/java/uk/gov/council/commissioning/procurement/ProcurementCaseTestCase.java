package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.procurement.ProcurementTestData.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Takes a procurement through its tasks as the council's officers would, each signed in with their
 * own groups, on the engine clock; for the process and PostgreSQL tests.
 */
record ProcurementDriver(
    RuntimeService runtimeService,
    TaskService taskService,
    ManagementService managementService,
    IdentityService identityService) {

  static final ZoneId UK = ZoneId.of("Europe/London");

  ProcessInstance start(Map<String, Object> variables) {
    identityService.setAuthentication(OFFICER, groupsOf(OFFICER));
    try {
      return runtimeService.startProcessInstanceByKey("procurement", variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  ProcessInstance approved(Map<String, Object> request) {
    ProcessInstance instance = start(request);
    approve(instance);
    return instance;
  }

  void approve(ProcessInstance instance) {
    agreeAll(instance);
    String route = (String) runtimeService.getVariable(instance.getId(), "approvalRoute");
    Map<String, Object> answer =
        new HashMap<>(
            Map.of(
                "procurementDecision",
                "APPROVE",
                "procurementDecisionReasons",
                "The service is a statutory duty (Care Act 2014)"));
    if ("EXECUTIVE".equals(route)) {
      answer.put("decisionReference", "Executive minute 123");
      answer.put("decisionDate", "2026-03-02");
    }
    complete(decider(route), taskAt(instance, "Task_DecideToProcure"), answer);
  }

  void agreeAll(ProcessInstance instance) {
    complete(
        GOVERNANCE,
        taskAt(instance, "Task_GovernanceAgreement"),
        Map.of("governanceAgreement", "AGREE"));
    complete(
        CORPORATE,
        taskAt(instance, "Task_CorporateServicesAgreement"),
        Map.of("corporateAgreement", "AGREE"));
    complete(
        FINANCE, taskAt(instance, "Task_FinanceAgreement"), Map.of("financeAgreement", "AGREE"));
  }

  void planTimetable(ProcessInstance instance, Map<String, Object> plan) {
    complete(OFFICER, taskAt(instance, "Task_PlanTimetable"), plan);
  }

  /**
   * Market engagement and the tender notices on time (ProcurementTestData.plan), to the close of
   * tenders.
   */
  void toEvaluation(ProcessInstance instance) {
    setClock(LocalDateTime.of(2026, 4, 8, 10, 0));
    complete(
        OFFICER,
        taskAt(instance, "Task_MarketEngagement"),
        Map.of(
            "marketEngagementSummary", "Six providers attended; co-production with DP champions"));
    Task uk2 = taskAt(instance, "Task_PublishTenderNotices");
    assertThat(uk2.getName()).isEqualTo("Publish: Preliminary market engagement notice");
    publish(instance, "Task_PublishTenderNotices", "UK2-2026-0001", "2026-04-08");
    setClock(LocalDateTime.of(2026, 4, 13, 9, 0));
    Task uk4 = taskAt(instance, "Task_PublishTenderNotices");
    assertThat(uk4.getName()).isEqualTo("Publish: Tender notice");
    assertThat(uk4.getDueDate()).isEqualTo(endOfUkDay(LocalDate.of(2026, 4, 13)));
    publish(instance, "Task_PublishTenderNotices", "UK4-2026-0002", "2026-04-13");
    setClock(LocalDateTime.of(2026, 5, 15, 14, 0));
    complete(OFFICER, taskAt(instance, "Task_CloseTenderPeriod"), Map.of("tendersReceived", 3L));
    setClock(LocalDateTime.of(2026, 6, 5, 10, 0));
  }

  /**
   * From market engagement to the award notice: Birch Support wins (hand-worked in
   * ProcurementProcessTest) and the award notice goes out on Monday 20 July 2026.
   */
  void runTenderToAward(ProcessInstance instance) {
    toEvaluation(instance);
    complete(OFFICER, taskAt(instance, "Task_EvaluateTenders"), evaluation(THREE_BIDS));
    assertThat(runtimeService.getVariable(instance.getId(), "winningBidder"))
        .isEqualTo("Birch Support");
    assertThat((String) runtimeService.getVariable(instance.getId(), "rankingText"))
        .contains("| 1 | Birch Support | 24.00 | 60.00 | 84.00 |")
        .contains("| 2 | Acme Care | 28.80 | 54.00 | 82.80 |")
        .contains("Cedar Ltd failed stage 1: No insurance certificate");

    setClock(LocalDateTime.of(2026, 6, 20, 10, 0));
    complete(
        OFFICER,
        taskAt(instance, "Task_PrepareAwardReport"),
        Map.of(
            "winningBidder",
            "Birch Support",
            "awardReportSummary",
            "Birch Support offers the most advantageous tender"));
    setClock(LocalDateTime.of(2026, 7, 1, 10, 0));
    String route = (String) runtimeService.getVariable(instance.getId(), "approvalRoute");
    Map<String, Object> authorise = new HashMap<>(Map.of("awardDecision", "AUTHORISE"));
    if ("EXECUTIVE".equals(route)) {
      authorise.put("decisionReference", "Executive minute 456");
    }
    complete(decider(route), taskAt(instance, "Task_AuthoriseAward"), authorise);

    setClock(LocalDateTime.of(2026, 7, 17, 10, 0));
    assertThat((String) runtimeService.getVariable(instance.getId(), "assessmentSummariesText"))
        .contains("Acme Care", "Birch Support (successful)", "Cedar Ltd");
    complete(
        OFFICER,
        taskAt(instance, "Task_SendAssessmentSummaries"),
        Map.of("summariesSent", true, "summariesSentOn", "2026-07-17"));
    setClock(LocalDateTime.of(2026, 7, 20, 9, 0));
    Task award = taskAt(instance, "Task_PublishAwardNotices");
    assertThat(award.getDueDate()).isEqualTo(endOfUkDay(LocalDate.of(2026, 7, 20)));
    publish(instance, "Task_PublishAwardNotices", "UK6-2026-0003", "2026-07-20");
  }

  void sign(ProcessInstance instance, String contractReference, String signedOn) {
    complete(OFFICER, taskAt(instance, "Task_SignContract"), contract(contractReference, signedOn));
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
    complete(OFFICER, taskAt(instance, activity), notice(noticeReference, publishedOn));
  }

  static Map<String, Object> notice(String noticeReference, String publishedOn) {
    Map<String, Object> notice = new HashMap<>();
    notice.put("noticeReference", noticeReference);
    notice.put("noticePublishedOn", publishedOn);
    return notice;
  }

  static String decider(String route) {
    return switch (route) {
      case "CHIEF_OFFICER" -> CHIEF;
      case "PORTFOLIO_HOLDER" -> PORTFOLIO;
      default -> CLERK;
    };
  }

  void complete(String user, Task task, Map<String, Object> variables) {
    identityService.setAuthentication(user, groupsOf(user));
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .toList();
  }

  Task taskAt(ProcessInstance instance, String activityId) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(activityId)
        .singleResult();
  }

  Job job(ProcessInstance instance, String activityId) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .singleResult();
  }

  void execute(Job job) {
    assertThat(job).as("job").isNotNull();
    managementService.executeJob(job.getId());
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
