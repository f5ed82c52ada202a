package uk.gov.council.commissioning.returnyear;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.CSG;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.returns.LateReturns;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * performance-late-report (seed 001 Part 3.2 §4.1.6): its timer runs, compiles the latest quarter
 * whose deadline and margin have passed (late returns and returns still awaited, without an
 * extension that still runs) and sends it to the Core Strategy Group once; the next run finds
 * nothing to report.
 */
@ProcessTest
class PerformanceLateReportProcessTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("plate", OFFICER, CSG).withProviders("PL Alpha Care", "PL Beta Support");

  static final int YEAR = 2043;

  @Autowired HistoryService historyService;
  @Autowired LateReturnsReport report;
  @Autowired LateReturns lateReturns;

  Contract lateReceived;
  Contract awaited;
  Contract extended;
  Contract onTime;
  Contract extensionMissed;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    LocalDate due = LocalDate.of(YEAR, 7, 28);
    lateReceived = contract("PL-LATE-", TEAM.alpha());
    awaited = contract("PL-AWAIT-", TEAM.beta());
    extended = contract("PL-EXT-", TEAM.alpha());
    onTime = contract("PL-ONTIME-", TEAM.alpha());
    extensionMissed = contract("PL-MISSED-", TEAM.beta());
    TestReturns.recordReturn(
        jdbc,
        lateReceived,
        YEAR,
        1,
        due,
        null,
        "RECEIVED",
        Instant.parse("2043-08-01T10:00:00Z"),
        true);
    TestReturns.recordReturn(jdbc, awaited, YEAR, 1, due, null, "AWAITED", null, false);
    TestReturns.recordReturn(
        jdbc, extended, YEAR, 1, due, LocalDate.of(YEAR, 8, 20), "AWAITED", null, false);
    TestReturns.recordReturn(
        jdbc, onTime, YEAR, 1, due, null, "ACCEPTED", Instant.parse("2043-07-20T10:00:00Z"), false);
    TestReturns.recordReturn(
        jdbc, extensionMissed, YEAR, 1, due, LocalDate.of(YEAR, 8, 1), "AWAITED", null, false);
  }

  private Contract contract(
      String prefix, uk.gov.council.commissioning.contracts.Provider provider) {
    return TestMeetings.contract(
        contracts, provider, uniqueReference(prefix), "Late report service");
  }

  @Test
  void theQuartersLateReturnsWithoutAnExtensionAreReportedOnceAfterTheMargin() {
    ReportingQuarter q1 = new ReportingYear(YEAR).quarter(1);
    assertThat(report.reportDay(q1)).isEqualTo(LocalDate.of(YEAR, 8, 5));
    TestClock.set(LocalDateTime.of(YEAR, 8, 4, 9, 0));
    assertThat(report.dueOn(LocalDate.of(YEAR, 8, 4))).contains(q1.previous());
    TestClock.set(LocalDateTime.of(YEAR, 8, 5, 7, 0));
    assertThat(report.dueOn(LocalDate.of(YEAR, 8, 5))).contains(q1);

    assertThat(lateReturns.of(q1, LocalDate.of(YEAR, 8, 5)))
        .extracting(LateReturns.LateReturn::contractReference)
        .contains(lateReceived.reference(), awaited.reference(), extensionMissed.reference())
        .doesNotContain(extended.reference(), onTime.reference());

    HistoricProcessInstance first = runTimer();
    assertThat(ended(first)).isEqualTo("EndEvent_Reported");
    String key = "performance-late-report:" + q1.label() + ":late-returns";
    assertThat(outboxCount(key)).isEqualTo(1);
    assertThat(outbox(key)).contains(TEAM.user(CSG));
    assertThat(outboxBody(key))
        .contains(lateReceived.reference())
        .contains(awaited.reference() + " Late report service " + awaited.reference())
        .contains("still awaited")
        .contains("received 1 August 2043")
        .doesNotContain(extended.reference())
        .doesNotContain(onTime.reference());

    HistoricProcessInstance second = runTimer();
    assertThat(ended(second))
        .as("a quarter is reported once")
        .isEqualTo("EndEvent_NothingToReport");
    assertThat(outboxCount(key)).isEqualTo(1);
  }

  /** Fires the process's timer start event as the job executor would; returns the case it ran. */
  private HistoricProcessInstance runTimer() {
    List<String> before = instanceIds();
    Job timer =
        managementService
            .createJobQuery()
            .processDefinitionKey("performance-late-report")
            .timers()
            .singleResult();
    assertThat(timer).as("the report's timer").isNotNull();
    managementService.executeJob(timer.getId());
    List<HistoricProcessInstance> started =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("performance-late-report")
            .list()
            .stream()
            .filter(i -> !before.contains(i.getId()))
            .toList();
    assertThat(started).hasSize(1);
    assertThat(started.get(0).getEndTime()).as("the run is over").isNotNull();
    return started.get(0);
  }

  private List<String> instanceIds() {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("performance-late-report")
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .toList();
  }

  private String ended(HistoricProcessInstance instance) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId())
        .activityType("noneEndEvent")
        .singleResult()
        .getActivityId();
  }
}
