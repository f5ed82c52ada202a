package uk.gov.council.commissioning.returnyear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.returns.LateReturns;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * The performance year on PostgreSQL (V28's tables and this package's SQL): the page locked as V1
 * and, after an adverse change the contracts manager lets proceed, V2; the local PI cover checked
 * against the pages' client groups; the quarter's late returns listed.
 */
@PostgresProcessTest
class PerformanceYearPostgresTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("pypg", OFFICER, MANAGER).withProviders("PYPG Alpha", "PYPG Beta");

  static final int YEAR = 2047;

  @Autowired PerformanceYearStarts starts;
  @Autowired ContractPages pages;
  @Autowired LocalPiExemptions exemptions;
  @Autowired LateReturns lateReturns;
  @Autowired RepositoryService repositoryService;

  @Test
  void aYearWithAnAdverseChangeAndItsLocalPiCoverAndLateReturns() {
    BpmnAwareTests.init(engine);
    String stub =
        repositoryService
            .createDeployment()
            .addClasspathResource("stubs/performance-return.bpmn")
            .deploy()
            .getId();
    try {
      TestClock.set(LocalDateTime.of(YEAR, 4, 1, 9, 0));
      Contract first =
          TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("PYPG-"), "PG");
      Contract second =
          TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("PYPG2-"), "PG");
      ProcessInstance year = lock(first);
      lock(second);
      assertThat(pages.current(first.id(), YEAR).orElseThrow().version()).isEqualTo(1);

      Map<String, Object> change =
          new HashMap<>(
              PerformanceYearController.pageFields(pages.current(first.id(), YEAR).orElseThrow()));
      change.put("unitNumbers", 8L);
      change.put("changeDescription", "Four flats closed");
      runtimeService
          .createMessageCorrelation(PerformanceYearSteps.CHANGE_MESSAGE)
          .processInstanceId(year.getId())
          .setVariables(
              Variables.createVariables()
                  .putValueTyped(
                      PerformanceYearSteps.NOTIFIED_CHANGE,
                      Variables.objectValue(change, true).create()))
          .correlateWithResult();
      Map<String, Object> answer = new HashMap<>(page());
      answer.put("unitNumbers", 8L);
      answer.put("vfmEffect", "ADVERSE");
      answer.put("effectiveFrom", YEAR + "-10-01");
      completeAs(TEAM.user(OFFICER), taskAt(year, "Task_AssessContractPageChange"), answer);
      completeAs(
          TEAM.user(MANAGER),
          taskAt(year, "Task_ContractsManagerGuidance"),
          Map.of(
              "managerDecision",
              "PROCEED",
              "managerGuidance",
              "Fewer units, same price: review at the meeting"));
      ContractPage v2 = pages.current(first.id(), YEAR).orElseThrow();
      assertThat(v2.version()).isEqualTo(2);
      assertThat(v2.vfmAdverse()).isTrue();
      assertThat(v2.effectiveFrom()).isEqualTo(LocalDate.of(YEAR, 10, 1));
      assertThat(year).isWaitingAt("Timer_YearEnds");

      exemptions.grant(
          first.reference(), YEAR, second.reference(), "One return for both", TEAM.user(MANAGER));
      assertThat(exemptions.exempt(first.id(), YEAR)).isTrue();
      assertThat(exemptions.forYear(YEAR))
          .anySatisfy(e -> assertThat(e.coveredByReference()).isEqualTo(second.reference()));

      TestReturns.recordReturn(
          jdbc,
          first,
          YEAR,
          1,
          LocalDate.of(YEAR, 7, 28),
          null,
          "RECEIVED",
          Instant.parse("2047-08-02T09:00:00Z"),
          true);
      assertThat(lateReturns.of(new ReportingYear(YEAR).quarter(1), LocalDate.of(YEAR, 8, 10)))
          .extracting(LateReturns.LateReturn::contractReference)
          .contains(first.reference())
          .doesNotContain(second.reference());
    } finally {
      repositoryService.deleteDeployment(stub, true);
    }
  }

  private ProcessInstance lock(Contract contract) {
    starts.startAsSystem(contract, new ReportingYear(YEAR));
    ProcessInstance year =
        runningCase(
            PerformanceYearSteps.PROCESS_KEY,
            PerformanceYearSteps.businessKey(contract.reference(), YEAR));
    completeAs(TEAM.user(OFFICER), taskAt(year, "Task_ReviewContractPage"), page());
    return year;
  }

  private static Map<String, Object> page() {
    Map<String, Object> page = new HashMap<>();
    page.put("serviceName", "PG service");
    page.put("primaryClientGroup", "Older people");
    page.put("serviceType", "Accommodation");
    page.put("administeringAuthority", "The council");
    page.put("unitNumbers", 12L);
    page.put("plannedDuration", "OVER_2_YEARS");
    page.put("outOfHoursCover", true);
    page.put("contractManager", "A Manager");
    return page;
  }
}
