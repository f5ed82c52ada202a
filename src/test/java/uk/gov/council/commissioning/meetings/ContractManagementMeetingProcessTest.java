package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.CSG;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.LEAD;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.audits.ComplianceAudit;
import uk.gov.council.commissioning.audits.ComplianceAudits;
import uk.gov.council.commissioning.audits.RiskEntry;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * contract-management-meeting (seed 001 Part 3.1 §3-§4): a path per outcome (no audit and not RED;
 * an audit whose Medium risk moved to High and a provider moving into RED) and per timer (the
 * letter 4 weeks before, the provider's agenda items, the agenda a day before).
 */
@ProcessTest
class ContractManagementMeetingProcessTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("cmm", OFFICER, MANAGER, LEAD, CSG)
          .withProviders("CMM Alpha Care", "CMM Beta Support");

  /** A Wednesday in the term of the test contracts, a year before they end. */
  static final LocalDate MEETING = LocalDate.of(2059, 6, 11);

  @Autowired MeetingCaseStarts starts;
  @Autowired MeetingActions actions;
  @Autowired MeetingPriorities priorities;
  @Autowired ComplianceAudits audits;

  Contract contract;
  long meetingId;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    TestClock.set(LocalDateTime.of(2059, 1, 10, 9, 0));
    contract = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("CMM-"));
    meetingId = TestMeetings.meeting(jdbc, contract, MEETING);
  }

  @Test
  void withoutAnAuditAndNotRedTheMeetingIsPreparedHeldMinutedAndReported() {
    ProcessInstance instance = start();
    assertThat(instance).hasBusinessKey("CMM-" + meetingId).isWaitingAt("Timer_PreparationStarts");
    // Eight weeks before the meeting (commissioning.meetings.process.preparation-weeks).
    assertThat(timer(instance, "Timer_PreparationStarts").getDuedate())
        .isEqualTo(Date.from(deadlines.endOf(MEETING.minusWeeks(8).minusDays(1))));

    setUpAndSendLetter(instance, MEETING);
    assertThat(outbox(key(instance, "letter")))
        .contains(TEAM.alpha().contactEmail())
        .contains(TEAM.alphaUser() + "@council.example")
        .contains(TEAM.user(OFFICER) + "@council.example");
    assertThat(outboxBody(key(instance, "letter"))).contains("at 10:30, County Hall");
    assertThat(attachments(instance, "letter")).isEqualTo(1);
    assertThat(state("MEETING_LETTER")).isEqualTo(Deadline.State.MET);

    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_DeskTopAudit",
        Map.of("deskTopFindings", "Late returns: Medium"));
    // The compliance audit of the audits capability was opened for the meeting and closed.
    assertThat(instance)
        .hasPassed("Task_OpenDeskTopAudit", "Task_DeskTopAuditComplete", "Task_ReportAuditRisks")
        .variables()
        .containsKey("auditId")
        .containsEntry("auditConcerns", 0);
    Task decide = taskAt(instance, "Task_DecideComplianceAudit");
    assertThat(decide).hasCandidateGroup(Roles.COMMISSIONING_OFFICERS);
    assertThat(decide).hasCandidateGroup(Roles.CONTRACTS_MANAGERS);
    assertRefusedAs(
        TEAM.user(OFFICER),
        decide,
        Map.of("auditNeeded", "NO", "consultationLevel", "NONE"),
        "justification: say why no compliance audit is held or nobody is consulted");
    completeAs(
        TEAM.user(OFFICER),
        decide,
        Map.of(
            "auditNeeded", "NO",
            "consultationLevel", "NONE",
            "justification", "Low risk on every clause"));

    assertThat(instance).hasNotPassed("Task_SendAuditAreas");
    Task items = taskAt(instance, "Task_AddProviderAgendaItems");
    assertThat(items).hasCandidateGroup(TEAM.alpha().organisationGroup());
    // Another provider's user cannot work it.
    assertThatThrownBy(
            () ->
                completeAs(
                    TEAM.betaUser(), items, Map.of("providerAgendaItems", "Someone else's item")))
        .isNotNull();
    completeAs(TEAM.alphaUser(), items, Map.of("providerAgendaItems", "New training programme"));
    assertThat(state("PROVIDER_AGENDA_ITEMS")).isEqualTo(Deadline.State.MET);
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_PrepareAgenda",
        Map.of("councilAgendaItems", "Fee uplift"));

    assertThat(outboxBody(key(instance, "agenda")))
        .contains("Added value")
        .contains("New training programme (provider)")
        .contains("Fee uplift")
        // §3.5 "quantifiable data": the provider's counts and its plans, beside the standard items.
        .contains(
            "Performance over the last twelve months (PIs returned on time, KPIs, QAF): since ")
        .contains("; complaints ")
        .contains("; deadlines missed ")
        .contains("The improvement plan: progress since the last meeting: no plan from an earlier");
    assertThat(state("AGENDA")).isEqualTo(Deadline.State.MET);

    TestClock.set(MEETING.atTime(15, 0));
    Task minutes = taskAt(instance, "Task_RecordMinutes");
    Map<String, Object> answers = minutes("GREEN");
    answers.put("actions", "Val; ; Send the training matrix");
    assertRefusedAs(TEAM.user(OFFICER), minutes, answers, "actions: line 1 has no target date");
    answers.put("actions", "; 2059-07-31; Send the training matrix");
    assertRefusedAs(TEAM.user(OFFICER), minutes, answers, "actions: line 1 has no owner");
    answers.put("actions", "Val; 2059-07-31; Send the training matrix");
    answers.put("priority", "PURPLE");
    assertRefusedAs(
        TEAM.user(OFFICER),
        minutes,
        answers,
        "priority: PURPLE is not a configured priority level");
    assertThat(actions.of(meetingId)).isEmpty();

    answers.put("priority", "AMBER");
    answers.put(
        "actions",
        "Val (provider); 2059-07-31; Send the training matrix\n\n"
            + "Olivia (council); 2059-08-15; Check the complaints log");
    completeAs(TEAM.user(OFFICER), minutes, answers);

    assertThat(instance)
        .hasPassed("Task_StartFollowUps", "Task_ReportOutcomeToCsg")
        .hasNotPassed("Task_PlaceUnderFormalMonitoring")
        .isEnded();
    assertThat(actions.of(meetingId))
        .extracting(MeetingAction::owner, MeetingAction::targetDate)
        .containsExactly(
            tuple("Val (provider)", LocalDate.of(2059, 7, 31)),
            tuple("Olivia (council)", LocalDate.of(2059, 8, 15)));
    assertThat(priorities.of(contract).priority()).isEqualTo("AMBER");
    Map<String, Object> row =
        singleRow(
            "SELECT status, held_on, priority_before, priority_reassigned, priority_reason"
                + " FROM contract_management_meeting WHERE id = :id",
            "id",
            meetingId);
    assertThat(row)
        .containsEntry("status", "HELD")
        .containsEntry("priority_before", "GREEN")
        .containsEntry("priority_reassigned", "AMBER")
        .containsEntry("priority_reason", "Two complaints upheld");
    assertThat(outbox(key(instance, "outcome")))
        .contains(TEAM.user(CSG) + "@council.example")
        .contains(TEAM.user(MANAGER) + "@council.example");
    assertThat(outboxBody(key(instance, "outcome")))
        .contains("Priority level reassigned: AMBER")
        .contains("Send the training matrix (Val (provider), by 2059-07-31)");
  }

  @Test
  void anAuditWithARiskMovedToHighAndAProviderMovingIntoRedIsFormallyMonitored() {
    ProcessInstance instance = start();
    setUpAndSendLetter(instance, MEETING);
    // The desk-top review on the audit's page: one clause Medium.
    long audit = auditId(instance);
    long returnedOnTime = oneMediumRisk(audits, jdbc, audit, TEAM.user(OFFICER));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_DeskTopAudit",
        Map.of("deskTopFindings", "Safeguarding: High"));
    Task decide = taskAt(instance, "Task_DecideComplianceAudit");
    Map<String, Object> decision = new HashMap<>();
    decision.put("auditNeeded", "YES");
    decision.put("consultationLevel", "FACE_TO_FACE");
    decision.put("areasToEvidence", "Safeguarding training records");
    decision.put("auditDate", "2059-01-02");
    assertRefusedAs(TEAM.user(MANAGER), decide, decision, "auditDate: 2059-01-02 is in the past");
    decision.put("auditDate", "2059-06-20");
    assertRefusedAs(
        TEAM.user(MANAGER),
        decide,
        decision,
        "auditDate: must be before the meeting on 2059-06-11");
    decision.remove("areasToEvidence");
    decision.put("auditDate", "2059-05-16");
    assertRefusedAs(
        TEAM.user(MANAGER),
        decide,
        decision,
        "areasToEvidence: is required with a compliance audit");
    decision.put("areasToEvidence", "Safeguarding training records");
    completeAs(TEAM.user(MANAGER), decide, decision);

    // The audit with the provider is recorded on the audit; the provider gets the meeting's letter
    // only.
    ComplianceAudit planned = audits.find(audit, Actor.engine()).orElseThrow();
    assertThat(planned.status()).isEqualTo(ComplianceAudit.PROVIDER_AUDIT);
    assertThat(planned.auditDate()).isEqualTo(LocalDate.of(2059, 5, 16));
    assertThat(planned.areasToEvidence()).isEqualTo("Safeguarding training records");
    assertThat(outboxBody(key(instance, "audit-areas")))
        .contains("Safeguarding training records")
        .contains("Friday 16 May 2059");
    assertThat(outboxCount("audits:audit-" + audit + "-2059-05-16:areas-to-evidence")).isZero();
    Task report = taskAt(instance, "Task_ReportComplianceAudit");
    assertThat(taskService.getVariablesLocal(report.getId()))
        .containsEntry("auditIdText", Long.toString(audit));
    // No summary saved on the audit's page: the task cannot be completed.
    assertThatThrownBy(() -> completeAs(TEAM.user(OFFICER), report, Map.of()))
        .hasMessageContaining("has no summary: record it at /audits/" + audit);
    assertThat(instance).isWaitingAt("Task_ReportComplianceAudit");

    nowHigh(
        audits,
        audit,
        returnedOnTime,
        "Training records incomplete; returns still late",
        TEAM.user(OFFICER));
    completeAs(TEAM.user(OFFICER), report, Map.of());

    assertThat(instance)
        .hasPassed("Task_ComplianceAuditComplete", "Task_ReportRiskToCsg")
        .variables()
        .containsEntry("auditRaisedToHigh", 1);
    assertThat(audits.find(audit, Actor.engine()).orElseThrow().status())
        .isEqualTo(ComplianceAudit.COMPLETE);
    // The CSG hears of the risk moved to High once, from the audits capability.
    String raised = "audits:audit-" + audit + ":raised-to-high";
    assertThat(outboxCount(raised)).isEqualTo(1);
    assertThat(outboxBody(raised))
        .contains("- High: Performance Indicators – Returned on time (%)");
    assertThat(csgEmailsAbout(audit, instance)).isEqualTo(1);

    // The provider adds nothing: the agenda goes on without its items.
    fire(timer(instance, "Timer_ProviderItemsDue"));
    assertThat(state("PROVIDER_AGENDA_ITEMS")).isEqualTo(Deadline.State.MISSED);
    completeAs(TEAM.user(OFFICER), instance, "Task_PrepareAgenda", Map.of());
    assertThat(outboxBody(key(instance, "agenda")))
        .contains("Areas of concern (High and Medium risk): Safeguarding training records");

    TestClock.set(MEETING.atTime(15, 0));
    Map<String, Object> answers = minutes("RED");
    answers.put("actions", "Val (provider); 2059-07-01; Complete safeguarding training");
    completeAs(TEAM.user(OFFICER), instance, "Task_RecordMinutes", answers);

    assertThat(instance)
        .hasPassed("Task_PlaceUnderFormalMonitoring", "Task_ScheduleRedMeetings")
        .isWaitingAt("Task_RecordUnannouncedAudits");
    assertThat(
            jdbc.sql("SELECT formal_monitoring_since FROM contract_priority WHERE contract_id = :c")
                .param("c", contract.id())
                .query(LocalDate.class)
                .single())
        .isEqualTo(MEETING);
    // RED meets quarterly: four more meetings in the twelve months after, each with its case.
    List<Long> further =
        jdbc.sql(
                "SELECT id FROM contract_management_meeting WHERE contract_id = :c AND id <> :m"
                    + " ORDER BY meeting_date")
            .param("c", contract.id())
            .param("m", meetingId)
            .query(Long.class)
            .list();
    assertThat(further).hasSize(4);
    further.forEach(
        id ->
            assertThat(runningCases(MeetingCaseStarts.PROCESS_KEY, "CMM-" + id))
                .as("case of meeting " + id)
                .isEqualTo(1));

    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_RecordUnannouncedAudits",
        Map.of("unannouncedAuditsNeeded", "YES", "unannouncedAuditsNotes", "Two night visits"));
    Task notice = taskAt(instance, "Task_DecideDefaultNotice");
    assertThat(notice).hasCandidateGroup(Roles.CONTRACTS_MANAGERS);
    completeAs(
        TEAM.user(MANAGER),
        notice,
        Map.of("defaultNoticeDecision", "NOT_NOW", "defaultNoticeReasons", "Monitor first"));

    assertThat(instance).isEnded();
    assertThat(
            singleRow(
                "SELECT unannounced_audits_needed, default_notice_decision"
                    + " FROM contract_management_meeting WHERE id = :id",
                "id",
                meetingId))
        .containsEntry("unannounced_audits_needed", true)
        .containsEntry("default_notice_decision", "NOT_NOW");
    assertThat(outboxBody(key(instance, "outcome")))
        .contains("Priority level reassigned: RED")
        .contains("under formal monitoring");
  }

  @Test
  void aLetterNotSentFourWeeksBeforeRemindsTheOfficersOnceAndTheLetterStillGoes() {
    ProcessInstance instance = start();
    fire(timer(instance, "Timer_PreparationStarts"));
    assertThat(timer(instance, "Timer_MeetingLetter4Weeks").getDuedate())
        .isEqualTo(Date.from(deadlines.endOf(MEETING.minusWeeks(4))));

    fire(timer(instance, "Timer_MeetingLetter4Weeks"));

    assertThat(outbox(key(instance, "letter-reminder")))
        .contains(TEAM.user(OFFICER) + "@council.example")
        .contains(TEAM.user(LEAD) + "@council.example");
    assertThat(state("MEETING_LETTER")).isEqualTo(Deadline.State.MISSED);
    assertThat(instance).isWaitingAt("Task_SetUpMeeting");

    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_SetUpMeeting",
        Map.of("meetingDate", MEETING.toString(), "meetingTime", "14:00"));
    executeDueJobs(instance);

    assertThat(outboxCount(key(instance, "letter"))).isEqualTo(1);
    assertThat(outboxCount(key(instance, "letter-reminder"))).isEqualTo(1);
    // Sent late: met after it was missed.
    assertThat(state("MEETING_LETTER")).isEqualTo(Deadline.State.MET);
    assertThat(instance).isWaitingAt("Task_DeskTopAudit");
  }

  @Test
  void anAgendaNotCirculatedADayBeforeIsEscalatedOnceAndTheWorkCarriesOn() {
    ProcessInstance instance = start();
    setUpAndSendLetter(instance, MEETING);
    completeAs(
        TEAM.user(OFFICER), instance, "Task_DeskTopAudit", Map.of("deskTopFindings", "None"));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_DecideComplianceAudit",
        Map.of(
            "auditNeeded", "NO",
            "consultationLevel", "QUESTIONNAIRE",
            "justification", "Low risk"));
    assertThat(timer(instance, "Timer_AgendaOneDayBefore").getDuedate())
        .isEqualTo(Date.from(deadlines.endOf(MEETING.minusDays(1))));

    fire(timer(instance, "Timer_AgendaOneDayBefore"));

    assertThat(outbox(key(instance, "agenda-late")))
        .contains(TEAM.user(MANAGER) + "@council.example")
        .contains(TEAM.user(OFFICER) + "@council.example");
    assertThat(state("AGENDA")).isEqualTo(Deadline.State.MISSED);
    assertThat(timer(instance, "Timer_AgendaOneDayBefore")).isNull();
    completeAs(TEAM.alphaUser(), instance, "Task_AddProviderAgendaItems", Map.of());
    completeAs(TEAM.user(OFFICER), instance, "Task_PrepareAgenda", Map.of());

    assertThat(outboxCount(key(instance, "agenda-late"))).isEqualTo(1);
    assertThat(outboxCount(key(instance, "agenda"))).isEqualTo(1);
    assertThat(state("AGENDA")).isEqualTo(Deadline.State.MET);
    assertThat(instance).isWaitingAt("Task_RecordMinutes");
  }

  @Test
  void aDateInThePastIsRefusedAtSetUpAndANewDateMovesTheDeadlines() {
    ProcessInstance instance = start();
    fire(timer(instance, "Timer_PreparationStarts"));
    Task setUp = taskAt(instance, "Task_SetUpMeeting");

    assertRefusedAs(
        TEAM.user(OFFICER),
        setUp,
        Map.of("meetingDate", "2059-01-02", "meetingTime", "10:00"),
        "meetingDate: 2059-01-02 is in the past");
    assertRefusedAs(
        TEAM.user(OFFICER),
        setUp,
        Map.of("meetingDate", MEETING.toString(), "meetingTime", "25:00"),
        "meetingTime: 25:00 is not a time on the 24-hour clock");

    LocalDate later = MEETING.plusWeeks(2);
    completeAs(
        TEAM.user(OFFICER), setUp, Map.of("meetingDate", later.toString(), "meetingTime", "09:30"));

    assertThat(
            jdbc.sql("SELECT meeting_date FROM contract_management_meeting WHERE id = :id")
                .param("id", meetingId)
                .query(LocalDate.class)
                .single())
        .isEqualTo(later);
    assertThat(deadline("AGENDA").dueAt()).isEqualTo(deadlines.endOf(later.minusDays(1)));
  }

  @Test
  void aCaseIsStartedOncePerMeetingAndNotForAMeetingInThePast() {
    start();
    assertThatThrownBy(() -> starts.start(meetingId)).hasMessageContaining("already has a case");
    long past = TestMeetings.meeting(jdbc, contract, LocalDate.of(2058, 12, 1));
    assertThatThrownBy(() -> starts.start(past)).hasMessageContaining("is in the past");
    assertThat(runningCases(MeetingCaseStarts.PROCESS_KEY, "CMM-" + past)).isZero();
  }

  private ProcessInstance start() {
    String id = starts.start(meetingId);
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private void setUpAndSendLetter(ProcessInstance instance, LocalDate date) {
    fire(timer(instance, "Timer_PreparationStarts"));
    Task setUp = taskAt(instance, "Task_SetUpMeeting");
    assertThat(setUp).hasCandidateGroup(Roles.COMMISSIONING_OFFICERS);
    assertThat(taskService.getVariablesLocal(setUp.getId()).get("meetingText").toString())
        .contains(contract.reference())
        .contains("CMM-" + meetingId);
    completeAs(
        TEAM.user(OFFICER),
        setUp,
        Map.of("meetingDate", date.toString(), "meetingTime", "10:30", "venue", "County Hall"));
    assertThat(instance).isWaitingAt("Task_SendMeetingLetter");
    executeDueJobs(instance);
    assertThat(instance).isWaitingAt("Task_DeskTopAudit");
  }

  private static Map<String, Object> minutes(String priority) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("heldOn", MEETING.toString());
    answers.put("minutes", "Performance reviewed against the contract.");
    answers.put("priority", priority);
    answers.put("priorityReason", "Two complaints upheld");
    return answers;
  }

  /** The desk-top review on the audit's page: one clause (returned on time) Medium; its id. */
  static long oneMediumRisk(ComplianceAudits audits, JdbcClient jdbc, long audit, String by) {
    long clause = TestMeetings.checklistClause(jdbc, "PERFORMANCE_INDICATORS", 1);
    audits.assess(
        audit,
        List.of(
            new RiskEntry(clause, "Late twice", List.of("MINOR_INTERNAL_DISRUPTION"), null, null)),
        by);
    return clause;
  }

  /** After the audit with the provider, on the audit's page: the clause now High, the summary. */
  static void nowHigh(ComplianceAudits audits, long audit, long clause, String summary, String by) {
    audits.revise(
        audit, List.of(new RiskEntry(clause, "Still late", List.of(), "HIGH", null)), summary, by);
  }

  private long auditId(ProcessInstance instance) {
    return ((Number) runtimeService.getVariable(instance.getId(), "auditId")).longValue();
  }

  /** Emails about the audit's risks that went to the CSG: the audit's own and the meeting's. */
  private long csgEmailsAbout(long audit, ProcessInstance instance) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM notification_outbox WHERE recipients LIKE :csg"
                + " AND (idempotency_key LIKE :audit OR idempotency_key LIKE :meeting)"
                + " AND idempotency_key NOT LIKE '%:outcome'")
        .param("csg", "%" + TEAM.user(CSG) + "@council.example%")
        .param("audit", "audits:audit-" + audit + "%")
        .param("meeting", key(instance, "%"))
        .query(Long.class)
        .single();
  }

  private static String key(ProcessInstance instance, String event) {
    return "contract-management-meeting:" + instance.getId() + ":" + event;
  }

  private long attachments(ProcessInstance instance, String event) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key = :k"
                + " AND attachment_content IS NOT NULL")
        .param("k", key(instance, event))
        .query(Long.class)
        .single();
  }

  private Deadline deadline(String kind) {
    return deadlines.of(MeetingSteps.CASE_TYPE, "CMM-" + meetingId).stream()
        .filter(d -> d.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  private Deadline.State state(String kind) {
    return deadline(kind).state();
  }
}
