package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.CSG;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.audits.ComplianceAudits;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * One meeting's case on PostgreSQL (the V22 migration and the case's SQL): a compliance audit with
 * the provider through the audits capability whose Medium risk moved to High, the letter, the
 * agenda, minutes with actions, a provider moving into RED with formal monitoring and further
 * meetings, and the outcome to the Core Strategy Group.
 */
@PostgresProcessTest
class ContractManagementMeetingPostgresTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("cmmpg", OFFICER, MANAGER, CSG).withProviders("CMMPG Alpha", "CMMPG Beta");

  static final LocalDate MEETING = LocalDate.of(2057, 5, 16);

  @Autowired MeetingCaseStarts starts;
  @Autowired MeetingActions actions;
  @Autowired ComplianceAudits audits;

  @Test
  void aMeetingWithAnAuditMovingTheProviderIntoRedIsRecordedEndToEnd() {
    BpmnAwareTests.init(engine);
    TestClock.set(LocalDateTime.of(2057, 1, 5, 9, 0));
    Contract contract = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("PG-M-"));
    long meetingId = TestMeetings.meeting(jdbc, contract, MEETING);
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(starts.start(meetingId))
            .singleResult();

    fire(timer(instance, "Timer_PreparationStarts"));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_SetUpMeeting",
        Map.of("meetingDate", MEETING.toString(), "meetingTime", "11:00", "venue", "Room 2"));
    executeDueJobs(instance);
    long audit = ((Number) runtimeService.getVariable(instance.getId(), "auditId")).longValue();
    long returnedOnTime =
        ContractManagementMeetingProcessTest.oneMediumRisk(audits, jdbc, audit, TEAM.user(OFFICER));
    completeAs(
        TEAM.user(OFFICER), instance, "Task_DeskTopAudit", Map.of("deskTopFindings", "High risk"));
    completeAs(
        TEAM.user(MANAGER),
        instance,
        "Task_DecideComplianceAudit",
        Map.of(
            "auditNeeded", "YES",
            "consultationLevel", "TELEPHONE",
            "auditDate", "2057-05-02",
            "areasToEvidence", "Medication records"));
    ContractManagementMeetingProcessTest.nowHigh(
        audits, audit, returnedOnTime, "Records incomplete", TEAM.user(OFFICER));
    completeAs(TEAM.user(OFFICER), instance, "Task_ReportComplianceAudit", Map.of());
    completeAs(
        TEAM.alphaUser(),
        instance,
        "Task_AddProviderAgendaItems",
        Map.of("providerAgendaItems", "Staffing"));
    completeAs(TEAM.user(OFFICER), instance, "Task_PrepareAgenda", Map.of());
    TestClock.set(MEETING.atTime(15, 0));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_RecordMinutes",
        Map.of(
            "heldOn", MEETING.toString(),
            "minutes", "Reviewed.",
            "actions", "Val; 2057-06-30; Update the medication records",
            "priority", "RED",
            "priorityReason", "Medication records"));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_RecordUnannouncedAudits",
        Map.of("unannouncedAuditsNeeded", "NO", "unannouncedAuditsNotes", "Announced visits do"));
    completeAs(
        TEAM.user(MANAGER),
        instance,
        "Task_DecideDefaultNotice",
        Map.of("defaultNoticeDecision", "ISSUE", "defaultNoticeReasons", "Repeated failures"));

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_ComplianceAuditComplete", "Task_ReportRiskToCsg");
    Map<String, Object> audited =
        singleRow(
            "SELECT status, audit_date, summary, raised_reported_at FROM compliance_audit"
                + " WHERE id = :id",
            "id",
            audit);
    assertThat(audited)
        .containsEntry("status", "COMPLETE")
        .containsEntry("summary", "Records incomplete");
    assertThat(audited.get("audit_date").toString()).isEqualTo("2057-05-02");
    assertThat(audited.get("raised_reported_at")).isNotNull();
    String raised = "audits:audit-" + audit + ":raised-to-high";
    assertThat(outboxCount(raised)).isEqualTo(1);
    assertThat(outbox(raised)).contains(TEAM.user(CSG) + "@council.example");
    assertThat(actions.of(meetingId))
        .extracting(MeetingAction::targetDate)
        .containsExactly(LocalDate.of(2057, 6, 30));
    Map<String, Object> row =
        singleRow(
            "SELECT status, consultation_level, compliance_audit_needed,"
                + " letter_sent_at, agenda_circulated_at, outcome_reported_at,"
                + " default_notice_decision FROM contract_management_meeting WHERE id = :id",
            "id",
            meetingId);
    assertThat(row)
        .containsEntry("status", "HELD")
        .containsEntry("consultation_level", "TELEPHONE")
        .containsEntry("compliance_audit_needed", true)
        .containsEntry("default_notice_decision", "ISSUE");
    assertThat(row.get("letter_sent_at")).isNotNull();
    assertThat(row.get("agenda_circulated_at")).isNotNull();
    assertThat(row.get("outcome_reported_at")).isNotNull();
    assertThat(
            jdbc.sql("SELECT formal_monitoring_since FROM contract_priority WHERE contract_id = :c")
                .param("c", contract.id())
                .query(LocalDate.class)
                .single())
        .isEqualTo(MEETING);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM contract_management_meeting"
                        + " WHERE contract_id = :c AND process_instance_id IS NOT NULL")
                .param("c", contract.id())
                .query(Long.class)
                .single())
        .isEqualTo(5);
    assertThat(outbox("contract-management-meeting:" + instance.getId() + ":outcome"))
        .contains(TEAM.user(CSG) + "@council.example");
  }
}
