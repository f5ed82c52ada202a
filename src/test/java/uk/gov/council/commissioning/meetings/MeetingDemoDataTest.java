package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.testkit.DemoProfileTestCase;

/**
 * The demo profile as it starts: a year of contract management meetings driven through the real
 * processes, with a meeting in each state and a provider moved into RED; a second start adds
 * nothing.
 */
class MeetingDemoDataTest extends DemoProfileTestCase {

  @Autowired MeetingDemoData demo;
  @Autowired MeetingRegister register;
  @Autowired MeetingActions actions;
  @Autowired MeetingPriorities priorities;
  @Autowired ContractService contracts;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @BeforeEach
  void demoMeetingsAdded() throws Exception {
    // Added off the start-up thread; wait for it (the first start added them, a restart would not).
    demo.seeded().get(2, TimeUnit.MINUTES);
  }

  @Test
  void theDemoHasAnApprovedScheduleAMeetingInEachStateAndAProviderInRed() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
    assertThat(register.schedule(Year.from(today)).orElseThrow().status()).isEqualTo("APPROVED");

    assertThat(openTasks("Task_SetUpMeeting")).isGreaterThanOrEqualTo(1);
    assertThat(openTasks("Task_DeskTopAudit")).isGreaterThanOrEqualTo(1);
    assertThat(openTasks("Task_PrepareAgenda")).isGreaterThanOrEqualTo(1);
    assertThat(openTasks("Task_DecideDefaultNotice")).isEqualTo(1);
    // Each held meeting's improvement plan is with its provider to write, and its survey open.
    assertThat(openTasks("Task_WritePlan")).isEqualTo(2);
    assertThat(
            runtime.createProcessInstanceQuery().processDefinitionKey("meeting-feedback").count())
        .isEqualTo(2);
    // Meetings further ahead wait for their preparation to start.
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(MeetingCaseStarts.PROCESS_KEY)
                .activityIdIn("Timer_PreparationStarts")
                .count())
        .isGreaterThanOrEqualTo(1);

    List<Meeting> held =
        register.meetingsBetween(today.minusYears(1), today.plusYears(2)).stream()
            .filter(m -> Meeting.HELD.equals(m.status()))
            .toList();
    assertThat(held)
        .extracting(Meeting::contractReference)
        .containsExactlyInAnyOrder(MeetingDemoData.HELD_AMBER, MeetingDemoData.HELD_RED);
    assertThat(held).allSatisfy(m -> assertThat(actions.of(m.id())).isNotEmpty());

    assertThat(priorities.of(contract(MeetingDemoData.HELD_RED)).priority()).isEqualTo("RED");
    assertThat(priorities.of(contract(MeetingDemoData.HELD_AMBER)).priority()).isEqualTo("AMBER");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM contract_priority p JOIN contract c ON c.id = p.contract_id"
                        + " WHERE c.reference = :r AND p.formal_monitoring_since IS NOT NULL")
                .param("r", MeetingDemoData.HELD_RED)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // No compliance audit with the provider in the demo: the non-audit branch only.
    assertThat(
            history.createHistoricActivityInstanceQuery().activityId("Task_SendAuditAreas").count())
        .isZero();
  }

  @Test
  void aRestartAddsNothingTwice() throws Exception {
    long meetings = count("SELECT COUNT(*) FROM contract_management_meeting");
    long actionRows = count("SELECT COUNT(*) FROM meeting_action");
    long schedules = count("SELECT COUNT(*) FROM meeting_schedule");
    long instances = runtime.createProcessInstanceQuery().count();
    long openTasks = tasks.createTaskQuery().count();

    assertThat(demo.seed()).isFalse();
    demo.onReady();
    assertThat(demo.seeded().get(2, TimeUnit.MINUTES)).isFalse();

    assertThat(count("SELECT COUNT(*) FROM contract_management_meeting")).isEqualTo(meetings);
    assertThat(count("SELECT COUNT(*) FROM meeting_action")).isEqualTo(actionRows);
    assertThat(count("SELECT COUNT(*) FROM meeting_schedule")).isEqualTo(schedules);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(tasks.createTaskQuery().count()).isEqualTo(openTasks);
  }

  private long openTasks(String activityId) {
    return tasks.createTaskQuery().taskDefinitionKey(activityId).count();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private uk.gov.council.commissioning.contracts.Contract contract(String reference) {
    return contracts.findByReference(reference).orElseThrow();
  }
}
