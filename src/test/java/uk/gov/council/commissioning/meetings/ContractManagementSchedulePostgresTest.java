package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.CSG;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.LEAD;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * The year's schedule on PostgreSQL (the V20 migration, the schedule's SQL): a RED contract's
 * schedule sent back once by the Core Strategy Group, approved, its meetings planned, one held, and
 * the month's compliance to schedule.
 */
@PostgresProcessTest
class ContractManagementSchedulePostgresTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("cmspg", LEAD, CSG, MANAGER).withProviders("CMSPG Alpha", "CMSPG Beta");

  @Autowired MeetingScheduleStarts starts;
  @Autowired MeetingPriorities priorities;
  @Autowired MeetingMonitoring monitoring;
  @Autowired MeetingRegister register;

  @Test
  void aScheduleReworkedOnceThenApprovedPlansMeetingsWhoseHeldShareIsReported() {
    BpmnAwareTests.init(engine);
    TestClock.set(LocalDateTime.of(2050, 12, 1, 9, 0));
    Contract red = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("PG-R-"));
    priorities.set(red, "RED", "Under formal monitoring", TEAM.user(MANAGER));
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(starts.startFor(Year.of(2051)).orElseThrow())
            .singleResult();

    completeAs(TEAM.user(LEAD), instance, "Task_AdjustSchedule", Map.of("adjustments", ""));
    completeAs(
        TEAM.user(CSG),
        instance,
        "Task_ApproveSchedule",
        Map.of("csgDecision", "COMMENT", "csgComments", "Start in February"));
    completeAs(
        TEAM.user(LEAD),
        instance,
        "Task_AdjustSchedule",
        Map.of(
            "adjustments", red.reference() + ": 2051-02-14, 2051-05-15, 2051-08-14, 2051-11-14"));
    completeAs(TEAM.user(CSG), instance, "Task_ApproveSchedule", Map.of("csgDecision", "APPROVE"));
    executeDueJobs(instance);

    assertThat(instance).isEnded();
    assertThat(register.schedule(Year.of(2051)).orElseThrow().status()).isEqualTo("APPROVED");
    Meeting february =
        monitoring.meetingsIn(Year.of(2051), Actor.engine()).stream()
            .filter(m -> m.contractReference().equals(red.reference()))
            .findFirst()
            .orElseThrow();
    assertThat(february.meetingDate()).isEqualTo(LocalDate.of(2051, 2, 14));
    assertThat(february.priority()).isEqualTo("RED");
    assertThat(february.scheduleYear()).isEqualTo(2051);

    TestClock.set(LocalDateTime.of(2051, 2, 20, 9, 0));
    assertThat(monitoring.recordHeld(february, "2051-02-14", TEAM.user(LEAD))).isTrue();

    MonthFigures figures =
        monitoring.figures(
            YearMonth.of(2051, 2),
            Actor.of(
                TEAM.alphaUser(),
                java.util.List.of("providers", TEAM.alpha().organisationGroup())));
    assertThat(figures.total().planned()).isEqualTo(1);
    assertThat(figures.total().held()).isEqualTo(1);
    assertThat(figures.total().percentText()).isEqualTo("100.0%");
  }
}
