package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.CSG;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.LEAD;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.qaf.QafRepository;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * contract-management-schedule (seed 001 Part 3.1 §1): drafted in December from the priority
 * levels, adjusted by the lead purchasing officer, sent to the Core Strategy Group, reworked after
 * its comments, and the approved meetings planned where the QAF counts back from them (seed 001
 * Part 3.3 §2). Each test schedules a year of its own: the schedule is one per year and the
 * database is shared with other classes, whose contracts are drafted too, so only this class's
 * contracts are asserted on.
 */
@ProcessTest
class ContractManagementScheduleProcessTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("cms", LEAD, CSG, MANAGER).withProviders("CMS Alpha Care", "CMS Beta Support");

  @Autowired MeetingScheduleStarts starts;
  @Autowired MeetingPriorities priorities;
  @Autowired MeetingRegister register;
  @Autowired QafRepository qafMeetings;

  Contract green;
  Contract amber;
  Contract red;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    green = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("CMS-G-"));
    amber = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("CMS-A-"));
    red = TestMeetings.contract(contracts, TEAM.beta(), uniqueReference("CMS-R-"));
    priorities.set(amber, "AMBER", "Two complaints upheld", TEAM.user(MANAGER));
    priorities.set(red, "RED", "Default notice", TEAM.user(MANAGER));
  }

  @Test
  void approvedFirstTimeTheDraftBecomesThePlannedMeetingsTheQafCountsBackFrom() {
    TestClock.set(LocalDateTime.of(2040, 12, 3, 9, 0));
    ProcessInstance instance = start(2041);

    assertThat(instance).hasBusinessKey("CMS-2041").isWaitingAt("Task_AdjustSchedule");
    Task adjust = taskAt(instance, "Task_AdjustSchedule");
    assertThat(adjust).hasCandidateGroup(Roles.CONTRACT_MANAGEMENT_LEADS);
    assertThat(drafted(2041, green)).hasSize(1);
    assertThat(drafted(2041, amber)).hasSize(2);
    assertThat(drafted(2041, red)).hasSize(4);
    // Half-yearly: six months apart.
    assertThat(
            drafted(2041, amber).get(1).getMonthValue()
                - drafted(2041, amber).get(0).getMonthValue())
        .isEqualTo(6);
    Map<String, Object> shown = taskService.getVariablesLocal(adjust.getId());
    assertThat((String) shown.get("draftText"))
        .contains(red.reference() + " (RED): ")
        .contains(green.reference() + " (GREEN): ");
    assertThat(shown)
        .containsEntry("scheduleYearText", "2041")
        .containsEntry("caseReference", "CMS-2041");

    completeAs(TEAM.user(LEAD), adjust, Map.of("adjustments", ""));

    assertThat(instance).isWaitingAt("Task_ApproveSchedule");
    assertThat(taskAt(instance, "Task_ApproveSchedule"))
        .hasCandidateGroup(Roles.CORE_STRATEGY_GROUP);
    assertThat(outbox("contract-management-schedule:" + instance.getId() + ":for-csg-1"))
        .contains(TEAM.user(CSG) + "@council.example")
        .contains(TEAM.user(MANAGER) + "@council.example");
    assertThat(plannedMeetings(green)).isEmpty();

    completeAs(TEAM.user(CSG), instance, "Task_ApproveSchedule", Map.of("csgDecision", "APPROVE"));
    assertThat(instance).isWaitingAt("Task_PlanMeetings");
    executeDueJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_EmailScheduleApproved");
    assertThat(plannedMeetings(green)).isEqualTo(drafted(2041, green));
    assertThat(plannedMeetings(red)).isEqualTo(drafted(2041, red));
    // Each approved meeting has its case (Task_StartMeetingCases), waiting for its preparation.
    assertThat(instance).hasPassed("Task_StartMeetingCases");
    assertThat(meetingIds(red)).hasSize(4);
    for (long meeting : meetingIds(red)) {
      assertThat(runningCase(MeetingCaseStarts.PROCESS_KEY, MeetingCaseStarts.businessKey(meeting)))
          .as("case of meeting " + meeting)
          .isNotNull();
    }
    assertThat(register.schedule(Year.of(2041)).orElseThrow().status()).isEqualTo("APPROVED");
    assertThat(approval(2041).state()).isEqualTo(Deadline.State.MET);
    assertThat(outbox("contract-management-schedule:" + instance.getId() + ":approved"))
        .contains(TEAM.user(LEAD) + "@council.example");
    // The QAF's automatic start finds the approved meeting to issue its QAF three months before.
    LocalDate meeting = plannedMeetings(green).get(0);
    assertThat(qafMeetings.uncoveredMeetingsBetween(meeting, meeting))
        .extracting(QafRepository.DueMeeting::contractReference)
        .contains(green.reference());
  }

  @Test
  void theCsgsCommentsSendTheScheduleBackToTheLeadUntilApproved() {
    TestClock.set(LocalDateTime.of(2041, 12, 2, 9, 0));
    ProcessInstance instance = start(2042);
    completeAs(TEAM.user(LEAD), instance, "Task_AdjustSchedule", Map.of("adjustments", ""));

    Task approve = taskAt(instance, "Task_ApproveSchedule");
    assertRefusedAs(
        TEAM.user(CSG),
        approve,
        Map.of("csgDecision", "COMMENT"),
        "csgComments: say what the lead purchasing officer should change");
    completeAs(
        TEAM.user(CSG),
        approve,
        Map.of("csgDecision", "COMMENT", "csgComments", "Meet the RED provider in March"));

    assertThat(instance).hasPassed("Task_EmailCsgComments").isWaitingAt("Task_AdjustSchedule");
    assertThat(outbox("contract-management-schedule:" + instance.getId() + ":comments-1"))
        .contains(TEAM.user(LEAD) + "@council.example");
    Task again = taskAt(instance, "Task_AdjustSchedule");
    assertThat(taskService.getVariablesLocal(again.getId()))
        .containsEntry("csgCommentsText", "Meet the RED provider in March")
        .containsEntry("adjustments", null);
    LocalDate march = LocalDate.of(2042, 3, 17);

    completeAs(
        TEAM.user(LEAD),
        again,
        Map.of("adjustments", red.reference() + ": 2042-03-17, 2042-09-15"));

    assertThat(drafted(2042, red)).containsExactly(march, LocalDate.of(2042, 9, 15));
    assertThat(outboxCount("contract-management-schedule:" + instance.getId() + ":for-csg-2"))
        .isEqualTo(1);
    Task second = taskAt(instance, "Task_ApproveSchedule");
    // The second round opens empty: last round's answer is not already chosen.
    assertThat(taskService.getVariablesLocal(second.getId())).containsEntry("csgDecision", null);

    completeAs(TEAM.user(CSG), second, Map.of("csgDecision", "APPROVE"));
    executeDueJobs(instance);

    assertThat(instance).isEnded();
    assertThat(plannedMeetings(red)).containsExactly(march, LocalDate.of(2042, 9, 15));
    assertThat(register.schedule(Year.of(2042)).orElseThrow().csgRound()).isEqualTo(2);
  }

  @Test
  void badAdjustmentsAreRefusedNamingTheFieldAndChangeNothing() {
    TestClock.set(LocalDateTime.of(2042, 12, 2, 9, 0));
    ProcessInstance instance = start(2043);
    Task adjust = taskAt(instance, "Task_AdjustSchedule");
    List<LocalDate> before = drafted(2043, red);

    assertRefusedAs(
        TEAM.user(LEAD),
        adjust,
        Map.of("adjustments", red.reference() + ": 2042-11-30"),
        "adjustments: line 1 has 2042-11-30, which is in the past");
    assertRefusedAs(
        TEAM.user(LEAD),
        adjust,
        Map.of("adjustments", red.reference() + ": 2044-01-12"),
        "adjustments: line 1 has 2044-01-12, which is not in 2043");
    assertRefusedAs(
        TEAM.user(LEAD),
        adjust,
        Map.of("adjustments", "NOT-A-CONTRACT: 2043-02-02"),
        "adjustments: line 1 names NOT-A-CONTRACT, which is not a contract in the draft");
    assertRefusedAs(
        TEAM.user(LEAD),
        adjust,
        Map.of("adjustments", green.reference() + ":"),
        "adjustments: line 1 gives no meeting date for " + green.reference());

    assertThat(instance).isWaitingAt("Task_AdjustSchedule");
    assertThat(drafted(2043, red)).isEqualTo(before);
    assertThat(register.schedule(Year.of(2043)).orElseThrow().csgRound()).isZero();
  }

  @Test
  void aYearBeginningWithoutAnApprovedScheduleIsReportedOnceAndTheWorkCarriesOn() {
    TestClock.set(LocalDateTime.of(2043, 12, 1, 9, 0));
    ProcessInstance instance = start(2044);
    Job timer = timer(instance, "Timer_ScheduleNotApproved");
    // The end of 31 December 2043 (UK), the day before the schedule's year.
    assertThat(timer.getDuedate())
        .isEqualTo(Date.from(deadlines.endOf(LocalDate.of(2043, 12, 31))));
    completeAs(TEAM.user(LEAD), instance, "Task_AdjustSchedule", Map.of("adjustments", ""));

    fire(timer(instance, "Timer_ScheduleNotApproved"));

    String overdue = "contract-management-schedule:" + instance.getId() + ":overdue";
    assertThat(outbox(overdue))
        .contains(TEAM.user(MANAGER) + "@council.example")
        .contains(TEAM.user(LEAD) + "@council.example");
    assertThat(outboxBody(overdue)).contains("with the Core Strategy Group");
    assertThat(approval(2044).state()).isEqualTo(Deadline.State.MISSED);
    assertThat(instance).hasPassed("Task_EmailScheduleOverdue").isWaitingAt("Task_ApproveSchedule");
    assertThat(timer(instance, "Timer_ScheduleNotApproved")).isNull();

    completeAs(TEAM.user(CSG), instance, "Task_ApproveSchedule", Map.of("csgDecision", "APPROVE"));
    executeDueJobs(instance);

    assertThat(instance).isEnded();
    assertThat(outboxCount(overdue)).isEqualTo(1);
    // Approved late: met, after it was missed.
    assertThat(approval(2044).state()).isEqualTo(Deadline.State.MET);
    // Approved in January: the meetings still to come are planned.
    assertThat(plannedMeetings(red)).isEqualTo(drafted(2044, red));
  }

  @Test
  void theDecemberStartOpensNextYearsScheduleOnceAndNotAgainOnceApproved() {
    TestClock.set(LocalDateTime.of(2044, 12, 1, 7, 0));

    starts.december();
    starts.december();

    assertThat(runningCases(MeetingScheduleSteps.PROCESS_KEY, "CMS-2045")).isEqualTo(1);
    ProcessInstance instance = runningCase(MeetingScheduleSteps.PROCESS_KEY, "CMS-2045");
    completeAs(TEAM.user(LEAD), instance, "Task_AdjustSchedule", Map.of("adjustments", ""));
    completeAs(TEAM.user(CSG), instance, "Task_ApproveSchedule", Map.of("csgDecision", "APPROVE"));
    executeDueJobs(instance);

    assertThat(starts.startFor(Year.of(2045))).isEmpty();
    assertThat(runningCases(MeetingScheduleSteps.PROCESS_KEY, "CMS-2045")).isZero();
    // A start that got past those checks (another node, a moment earlier) fails and leaves nothing.
    assertThatThrownBy(
            () ->
                runtimeService.startProcessInstanceByKey(
                    MeetingScheduleSteps.PROCESS_KEY,
                    "CMS-2045",
                    Map.of(MeetingScheduleSteps.YEAR, 2045)))
        .hasMessageContaining("The schedule for 2045 is already APPROVED");
    assertThat(register.schedule(Year.of(2045)).orElseThrow().processInstanceId())
        .isEqualTo(instance.getId());
  }

  private ProcessInstance start(int year) {
    String id = starts.startFor(Year.of(year)).orElseThrow();
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private List<LocalDate> drafted(int year, Contract contract) {
    return jdbc.sql(
            """
            SELECT e.meeting_date FROM meeting_schedule_entry e
              JOIN meeting_schedule s ON s.id = e.schedule_id
             WHERE s.schedule_year = :y AND e.contract_id = :c ORDER BY e.meeting_date
            """)
        .param("y", year)
        .param("c", contract.id())
        .query(LocalDate.class)
        .list();
  }

  private List<LocalDate> plannedMeetings(Contract contract) {
    return jdbc.sql(
            """
            SELECT meeting_date FROM contract_management_meeting
             WHERE contract_id = :c AND schedule_id IS NOT NULL ORDER BY meeting_date
            """)
        .param("c", contract.id())
        .query(LocalDate.class)
        .list();
  }

  private List<Long> meetingIds(Contract contract) {
    return jdbc.sql("SELECT id FROM contract_management_meeting WHERE contract_id = :c")
        .param("c", contract.id())
        .query(Long.class)
        .list();
  }

  private Deadline approval(int year) {
    return deadlines.of(MeetingScheduleSteps.CASE_TYPE, "CMS-" + year).stream()
        .filter(d -> d.kind().equals(MeetingScheduleSteps.APPROVAL))
        .findFirst()
        .orElseThrow();
  }
}
