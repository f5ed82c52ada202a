package uk.gov.council.commissioning.returnyear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.testkit.ContractDraft;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * performance-year (seed 001 Part 3.2 §2, §5): started for every active contract with catalogues on
 * 1 April, the contract page pre-filled, checked (a bad value is refused by its field) and locked
 * as V1, the workbook sent with the four quarterly deadlines, the quarters' return cases started
 * once, changes assessed (adverse or not, the contracts manager proceeding or not) and locked as
 * V2, V3, and the case closed when the last quarter's deadline has passed.
 */
@ProcessTest
class PerformanceYearProcessTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("pyear", OFFICER, MANAGER).withProviders("PY Alpha Care", "PY Beta Support");

  static final int YEAR = 2041;

  @Autowired PerformanceYearStarts starts;
  @Autowired ContractPages pages;
  @Autowired RepositoryService repositoryService;

  Contract contract;
  String stubDeployment;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    // The quarter's return is another process: a stand-in records only that it was started.
    stubDeployment =
        repositoryService
            .createDeployment()
            .addClasspathResource("stubs/performance-return.bpmn")
            .name("performance-return stub")
            .deploy()
            .getId();
    contract =
        TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("PY-"), "Floating support");
    jdbc.sql(
            "INSERT INTO contract_kpi_catalogue (contract_id, reporting_year, catalogue_code)"
                + " VALUES (:c, :y, 'SP-PI')")
        .param("c", contract.id())
        .param("y", YEAR)
        .update();
    TestClock.set(LocalDateTime.of(YEAR, 4, 1, 6, 0));
  }

  @AfterEach
  void removeStub() {
    repositoryService.deleteDeployment(stubDeployment, true);
  }

  @Test
  void theYearStartsForEachContractWithCataloguesOnceThePageIsLockedAndTheWorkbookIssued() {
    List<PerformanceYearStarts.Started> started = starts.startAll(new ReportingYear(YEAR));
    String key = PerformanceYearSteps.businessKey(contract.reference(), YEAR);
    assertThat(started).extracting(PerformanceYearStarts.Started::businessKey).contains(key);
    assertThat(starts.startAll(new ReportingYear(YEAR)))
        .as("a second run starts nothing for the contract")
        .extracting(PerformanceYearStarts.Started::businessKey)
        .doesNotContain(key);
    ProcessInstance year = runningCase(PerformanceYearSteps.PROCESS_KEY, key);
    assertThat(year).isWaitingAt("Task_ReviewContractPage");
    Task review = taskAt(year, "Task_ReviewContractPage");
    assertThat(review).hasCandidateGroup("commissioning-officers");
    Map<String, Object> prefilled = runtimeService.getVariables(year.getId());
    assertThat(prefilled)
        .containsEntry("serviceName", contract.title())
        .containsEntry("serviceType", "Adult social care")
        .containsEntry("plannedDuration", "OVER_2_YEARS");

    Map<String, Object> bad = page();
    bad.put("unitNumbers", -1L);
    bad.put("plannedDuration", "FOREVER");
    bad.put("primaryClientGroup", "");
    assertRefused(
        review,
        bad,
        "unitNumbers: must not be negative",
        "plannedDuration: must be one of OVER_2_YEARS, UNDER_2_YEARS",
        "primaryClientGroup: is required");
    assertThat(pages.current(contract.id(), YEAR)).as("nothing locked on a refusal").isEmpty();

    completeAs(TEAM.user(OFFICER), review, page());

    ContractPage v1 = pages.current(contract.id(), YEAR).orElseThrow();
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.unitNumbers()).isEqualTo(12);
    assertThat(v1.primaryClientGroup()).isEqualTo("Older people");
    assertThat(v1.lockedBy()).isEqualTo(TEAM.user(OFFICER));
    assertThat(v1.effectiveFrom()).isEqualTo(LocalDate.of(YEAR, 4, 1));

    String workbook = outboxBody("performance-year:" + year.getId() + ":workbook");
    assertThat(workbook)
        .contains("Quarter 1 (1 April 2041 to 30 June 2041): by 28 July 2041")
        .contains("Quarter 4 (1 January 2042 to 31 March 2042): by 28 April 2042")
        .contains("Unit numbers: 12");
    assertThat(outbox("performance-year:" + year.getId() + ":workbook")).contains(TEAM.alphaUser());

    for (int q = 1; q <= 4; q++) {
      String returnKey = "PR-" + contract.reference() + "-" + YEAR + "-Q" + q;
      ProcessInstance quarter = runningCase("performance-return", returnKey);
      assertThat(quarter).as(returnKey).isNotNull();
      Map<String, Object> variables = runtimeService.getVariables(quarter.getId());
      assertThat(variables)
          .containsEntry("contractReference", contract.reference())
          .containsEntry("reportingYear", YEAR)
          .containsEntry("quarter", q);
      assertThat(variables.get("dueDate")).isInstanceOf(Date.class);
    }
    assertThat(year).isWaitingAt("Timer_YearEnds");

    TestClock.set(LocalDateTime.of(YEAR + 1, 4, 28, 23, 0));
    assertThat(dueTimers(year)).as("not before the end of the last quarter's deadline").isZero();
    TestClock.set(LocalDateTime.of(YEAR + 1, 4, 29, 0, 30));
    fire(timer(year, "Timer_YearEnds"));
    assertThat(year).isEnded();
  }

  @Test
  void aQuarterWhoseReturnCaseIsOpenIsNotStartedAgain() {
    String q2 = "PR-" + contract.reference() + "-" + YEAR + "-Q2";
    runtimeService.startProcessInstanceByKey("performance-return", q2);
    ProcessInstance year = lockedYear();
    assertThat(year).isWaitingAt("Timer_YearEnds");
    assertThat(runningCases("performance-return", q2)).isEqualTo(1);
    assertThat(
            runningCases("performance-return", "PR-" + contract.reference() + "-" + YEAR + "-Q3"))
        .isEqualTo(1);
  }

  @Test
  void aContractEndingInTheYearOwesReturnsUntilItsEndAndItsCaseEndsWithIt() {
    Contract ending =
        contracts.create(
            ContractDraft.draft(uniqueReference("PYEND-"), TEAM.alpha().id())
                .about("Ending service", "Adult social care", null)
                .running("2039-01-01", YEAR + "-09-30", "100000.00", "300000.00"));
    starts.startAsSystem(ending, new ReportingYear(YEAR));
    ProcessInstance year =
        runningCase(
            PerformanceYearSteps.PROCESS_KEY,
            PerformanceYearSteps.businessKey(ending.reference(), YEAR));
    completeAs(TEAM.user(OFFICER), taskAt(year, "Task_ReviewContractPage"), page());
    String prefix = "PR-" + ending.reference() + "-" + YEAR + "-Q";
    assertThat(runningCases("performance-return", prefix + "2")).isEqualTo(1);
    assertThat(runningCases("performance-return", prefix + "3")).isZero();
    assertThat(runningCases("performance-return", prefix + "4")).isZero();
    assertThat(timer(year, "Timer_YearEnds").getDuedate())
        .as("the end of the contract's last day")
        .isEqualTo(Date.from(LocalDate.of(YEAR, 10, 1).atStartOfDay(TestClock.UK).toInstant()));
    TestClock.set(LocalDateTime.of(YEAR, 10, 1, 0, 5));
    fire(timer(year, "Timer_YearEnds"));
    assertThat(year).isEnded();
  }

  @Test
  void aChangeWithoutAdverseEffectIsLockedAsVersion2AndSent() {
    ProcessInstance year = lockedYear();
    notifyChange(year, Map.of("unitNumbers", 14L), "Two more flats from June");
    Task assess = taskAt(year, "Task_AssessContractPageChange");
    assertThat(assess).hasCandidateGroup("commissioning-officers");
    assertThat(taskService.getVariable(assess.getId(), "unitNumbers")).isEqualTo(14L);

    Map<String, Object> answer = page();
    answer.put("unitNumbers", 14L);
    answer.put("vfmEffect", "NONE");
    answer.put("effectiveFrom", "2040-06-01");
    assertRefused(
        assess,
        answer,
        "effectiveFrom: must be within the reporting year 2041/42 (§5.1.2: the start date)");
    answer.put("effectiveFrom", YEAR + "-06-01");
    completeAs(TEAM.user(OFFICER), assess, answer);

    ContractPage v2 = pages.current(contract.id(), YEAR).orElseThrow();
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.unitNumbers()).isEqualTo(14);
    assertThat(v2.effectiveFrom()).isEqualTo(LocalDate.of(YEAR, 6, 1));
    assertThat(v2.vfmAdverse()).isFalse();
    assertThat(v2.changeDescription()).isEqualTo("Two more flats from June");
    assertThat(pages.on(contract.id(), YEAR, LocalDate.of(YEAR, 5, 31)).orElseThrow().version())
        .isEqualTo(1);
    assertThat(outboxBody("performance-year:" + year.getId() + ":new-version-2"))
        .contains("destroy the previous version")
        .contains("1 June 2041");
    assertThat(year).isWaitingAt("Timer_YearEnds");
    assertThat(runtimeService.getVariable(year.getId(), "unitNumbers"))
        .as("the change stays in its own scope")
        .isEqualTo(12L);
  }

  @Test
  void anAdverseChangeGoesToTheContractsManagerWhoProceedsOrNot() {
    ProcessInstance year = lockedYear();
    notifyChange(year, Map.of("frontLineHours", 20.0), "Fewer front line hours");
    Task assess = taskAt(year, "Task_AssessContractPageChange");
    Map<String, Object> answer = page();
    answer.put("frontLineHours", 20.0);
    answer.put("vfmEffect", "ADVERSE");
    answer.put("effectiveFrom", YEAR + "-07-01");
    completeAs(TEAM.user(OFFICER), assess, answer);

    Task guidance = taskAt(year, "Task_ContractsManagerGuidance");
    assertThat(guidance).hasCandidateGroup("contracts-managers");
    assertRefused(
        guidance,
        Map.of("managerDecision", "MAYBE"),
        "managerDecision: must be one of ALTERNATIVE, PROCEED");
    completeAs(
        TEAM.user(MANAGER),
        guidance,
        Map.of(
            "managerDecision",
            "ALTERNATIVE",
            "managerGuidance",
            "Keep the hours; raise at the meeting"));
    assertThat(pages.current(contract.id(), YEAR).orElseThrow().version()).isEqualTo(1);
    assertThat(outboxBody("performance-year:" + year.getId() + ":change-not-made-1"))
        .contains("Keep the hours");

    notifyChange(year, Map.of("frontLineHours", 25.0), "Fewer front line hours, second try");
    completeAs(TEAM.user(OFFICER), taskAt(year, "Task_AssessContractPageChange"), withAnswer(25.0));
    completeAs(
        TEAM.user(MANAGER),
        taskAt(year, "Task_ContractsManagerGuidance"),
        Map.of("managerDecision", "PROCEED", "managerGuidance", "Acceptable for this year"));
    ContractPage v2 = pages.current(contract.id(), YEAR).orElseThrow();
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.vfmAdverse()).isTrue();
    assertThat(v2.managerGuidance()).isEqualTo("Acceptable for this year");
    assertThat(v2.frontLineHours()).isEqualByComparingTo("25");
    assertThat(year).isWaitingAt("Timer_YearEnds");
  }

  private Map<String, Object> withAnswer(double hours) {
    Map<String, Object> answer = page();
    answer.put("frontLineHours", hours);
    answer.put("vfmEffect", "ADVERSE");
    answer.put("effectiveFrom", YEAR + "-07-01");
    return answer;
  }

  /** A year whose page is locked as V1: waiting for its end or a change. */
  private ProcessInstance lockedYear() {
    String key = PerformanceYearSteps.businessKey(contract.reference(), YEAR);
    starts.startAsSystem(contract, new ReportingYear(YEAR));
    ProcessInstance year = runningCase(PerformanceYearSteps.PROCESS_KEY, key);
    completeAs(TEAM.user(OFFICER), taskAt(year, "Task_ReviewContractPage"), page());
    return year;
  }

  /**
   * As the REST endpoint notifies it: the page's values with the proposal, in the change's scope.
   */
  private void notifyChange(
      ProcessInstance year, Map<String, Object> proposed, String description) {
    Map<String, Object> locals =
        new HashMap<>(
            PerformanceYearController.pageFields(pages.current(contract.id(), YEAR).orElseThrow()));
    locals.putAll(proposed);
    locals.put("changeDescription", description);
    locals.put("changeNotifiedBy", TEAM.alphaUser());
    runtimeService
        .createMessageCorrelation(PerformanceYearSteps.CHANGE_MESSAGE)
        .processInstanceId(year.getId())
        .setVariables(
            Variables.createVariables()
                .putValueTyped(
                    PerformanceYearSteps.NOTIFIED_CHANGE,
                    Variables.objectValue(locals, true).create()))
        .correlateWithResult();
  }

  private static Map<String, Object> page() {
    Map<String, Object> page = new HashMap<>();
    page.put("serviceName", "Floating support north");
    page.put("primaryClientGroup", "Older people");
    page.put("serviceType", "Floating support");
    page.put("administeringAuthority", "The council");
    page.put("unitNumbers", 12L);
    page.put("plannedDuration", "OVER_2_YEARS");
    page.put("outOfHoursCover", true);
    page.put("contractManager", "A Manager");
    page.put("providerContact", "PY Alpha Care, 01234 567890");
    page.put("frontLineHours", 30.0);
    page.put("managementHours", 5.0);
    page.put("otherStaffHours", 2.5);
    return page;
  }
}
