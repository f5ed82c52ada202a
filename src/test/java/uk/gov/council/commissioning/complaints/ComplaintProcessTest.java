package uk.gov.council.commissioning.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.complaints.ComplaintTestData.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.incidents.ComplaintIncidents;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Every path and timer of complaint.bpmn: complaints to the council (seed 002 App K) and complaints
 * a provider handles (§13.5, App C 4.2-4.3), safeguarding (§10.3), and bad input. Jobs are executed
 * explicitly and the engine clock is moved; the job executor is off in tests. Unless a test says
 * otherwise complaints are received on Monday 2 March 2026 at 08:30 (GMT); the due dates are
 * counted by hand in ComplaintDeadlinesTest and repeated here where a test depends on them.
 */
@ProcessTest
class ComplaintProcessTest extends ComplaintTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ZoneId UK = ZoneId.of("Europe/London");

  @Autowired ComplaintIncidents complaintIncidents;
  @Autowired ComplaintService complaintService;

  Provider alpha;
  String contract;
  String betaContract;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    users(access);
    alpha = alpha(contracts);
    int n = SEQUENCE.incrementAndGet();
    long unique = System.nanoTime() % 100000;
    contract = "CP-A" + n + "-" + unique;
    betaContract = "CP-B" + n + "-" + unique;
    contract(contracts, alpha, contract);
    contract(contracts, beta(contracts), betaContract);
    TestClock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  @AfterEach
  void resetClock() {
    identityService.clearAuthentication();
  }

  // --- complaints to the council (App K) ------------------------------------------------------

  @Test
  void councilComplaintAcknowledgedAndAnsweredOnTimeClosesWhenTheComplainantIsSatisfied() {
    ProcessInstance instance = start(OFFICER, complaint(RECEIVED, "COUNCIL", null));

    Complaint c = complaintOf(instance);
    assertThat(c.number()).matches("CP-2026-\\d{6}");
    assertThat(instance).hasBusinessKey(c.number()).isWaitingAt("Task_AcknowledgeComplaint");
    assertThat(c.route()).isEqualTo("COUNCIL");
    assertThat(c.providerId()).isNull();
    assertThat(c.openedBy()).isEqualTo(OFFICER);
    assertThat(c.receivedAt()).isEqualTo(RECEIVED);
    // Monday 2 March: 3 working days end with Thursday 5 March; 20 with Monday 30 March (BST from
    // 29 March).
    assertThat(c.acknowledgeDueAt()).isEqualTo("2026-03-06T00:00:00Z");
    assertThat(c.respondDueAt()).isEqualTo("2026-03-30T23:00:00Z");
    assertThat(c.originalRespondDueAt()).isEqualTo(c.respondDueAt());
    assertThat(timer(instance, "Timer_Acknowledge3WorkingDays").getDuedate())
        .isEqualTo(c.acknowledgeDueAt());
    Task acknowledge = taskAt(instance, "Task_AcknowledgeComplaint");
    assertThat(acknowledge).hasCandidateGroup("commissioning-officers");
    assertThat(acknowledge.getDueDate()).isEqualTo(Date.from(c.acknowledgeDueAt()));
    // Personal details stay in the process.
    assertThat(instance)
        .variables()
        .containsEntry("complainantName", "Jean Example")
        .containsEntry("acknowledgeDue", "end of Thu 5 Mar 2026");

    TestClock.set(LocalDateTime.of(2026, 3, 4, 11, 0));
    complete(acknowledge, Map.of("acknowledgedAt", "2026-03-04T10:15:00Z"));
    assertThat(instance).isWaitingAt("Task_InvestigateAndRespond");
    assertThat(timer(instance, "Timer_Respond20WorkingDays").getDuedate())
        .isEqualTo(c.respondDueAt());

    TestClock.set(LocalDateTime.of(2026, 3, 27, 16, 0));
    complete(instance, "Task_InvestigateAndRespond", respond("2026-03-27T15:00:00Z"));
    assertThat(instance).isWaitingAt("Task_RecordComplainantResponse");
    complete(
        instance, "Task_RecordComplainantResponse", Map.of("complainantResponse", "SATISFIED"));

    Complaint closed = councilComplaintClosed(instance, "Task_CloseComplaint");
    assertThat(closed.closedAt()).isEqualTo("2026-03-27T16:00:00Z");
    assertThat(closed.acknowledgedAt()).isEqualTo("2026-03-04T10:15:00Z");
    assertThat(closed.resolvedAt()).isEqualTo("2026-03-27T15:00:00Z");
    assertThat(closed.outcomeCode()).isEqualTo("COMPLAINANT_SATISFIED");
    assertThat(closed.stage()).isEqualTo(1);
    assertThat(breachesOf(closed)).isEmpty();
  }

  @Test
  void aLateCouncilAcknowledgementIsEscalatedToTheTeamManagerAndRecordedMissedAndLate() {
    ProcessInstance instance = councilAcknowledgementMissed(contract);
    Complaint c = complaintOf(instance);

    assertThat(instance).isWaitingAt("Task_AcknowledgeComplaint", "Task_ReviewLateAcknowledgement");
    assertThat(taskAt(instance, "Task_ReviewLateAcknowledgement"))
        .hasCandidateGroup("contracts-managers");
    assertThat(outbox("complaint:" + instance.getId() + ":acknowledgement-missed"))
        .contains(MANAGER + "@council.example");
    assertThat(
            taskService.getVariable(
                taskAt(instance, "Task_ReviewLateAcknowledgement").getId(), "escalationMessage"))
        .asString()
        .contains(c.number())
        .contains("3 working days");

    TestClock.set(LocalDateTime.of(2026, 3, 6, 10, 0));
    councilAcknowledges(instance, "2026-03-06T09:45:00Z");

    // The acknowledgement ends the escalation; the case moves on.
    assertThat(instance).isWaitingAt("Task_InvestigateAndRespond");
    assertThat(taskAt(instance, "Task_ReviewLateAcknowledgement")).isNull();
    // A late council deadline is the council's, not the named provider's.
    assertThat(breachesOf(c))
        .extracting(DeadlineBreach::requirement, DeadlineBreach::kind, DeadlineBreach::providerId)
        .containsExactly(
            tuple("ACKNOWLEDGEMENT", Kind.LATE, null), tuple("ACKNOWLEDGEMENT", Kind.MISSED, null));
    assertThat(breachesOf(c))
        .allSatisfy(b -> assertThat(b.dueAt()).isEqualTo("2026-03-06T00:00:00Z"));
  }

  @Test
  void aCouncilComplaintNeverAcknowledgedStaysWithTheTeamManagersReviewDone() {
    ProcessInstance instance = councilAcknowledgementMissed(null);
    Task review = taskAt(instance, "Task_ReviewLateAcknowledgement");

    assertRefused(review, Map.of(), "escalationAction: is required");
    complete(review, Map.of("escalationAction", "Asked the officer to acknowledge today"));

    assertThat(instance).isWaitingAt("Task_AcknowledgeComplaint");
    assertThat(breachesOf(complaintOf(instance)))
        .extracting(DeadlineBreach::kind)
        .containsExactly(Kind.MISSED);
  }

  @Test
  void anExtensionMovesTheResponseDateAndItsTimerAndTheComplainantMustHaveBeenTold() {
    ProcessInstance instance = councilComplaintAwaitingResponse();
    Complaint c = complaintOf(instance);
    Task respond = taskAt(instance, "Task_InvestigateAndRespond");

    Map<String, Object> untold = extend("2026-04-17");
    untold.put("complainantTold", false);
    assertRefused(respond, untold, "complainantTold: tell the complainant");
    assertRefused(
        respond,
        extend("2026-03-30"),
        "newResponseDate: must be later than the current response date, 2026-03-30");
    Map<String, Object> noReason = extend("2026-04-17");
    noReason.remove("extensionReason");
    assertRefused(respond, noReason, "extensionReason: is required");

    TestClock.set(LocalDateTime.of(2026, 3, 20, 12, 0));
    complete(respond, extend("2026-04-17"));

    assertThat(instance)
        .isWaitingAt("Task_InvestigateAndRespond")
        .hasPassed("Task_RecordExtension");
    Complaint extended = complaintOf(instance);
    // End of Friday 17 April 2026 (BST).
    assertThat(extended.respondDueAt()).isEqualTo("2026-04-17T23:00:00Z");
    assertThat(extended.originalRespondDueAt()).isEqualTo(c.respondDueAt());
    assertThat(extended.extensions()).isEqualTo(1);
    assertThat(timer(instance, "Timer_Respond20WorkingDays").getDuedate())
        .isEqualTo("2026-04-17T23:00:00Z");
    // The next round starts with a blank form, "complainant told" not already ticked.
    assertThat(runtimeService.getVariable(instance.getId(), "complainantTold")).isNull();
    assertThat(instance)
        .variables()
        .containsEntry("respondDue", "end of Fri 17 Apr 2026")
        .containsEntry("extensions", 1);

    // The original date passes without an escalation; the new one is met.
    TestClock.set(LocalDateTime.of(2026, 4, 16, 9, 0));
    complete(instance, "Task_InvestigateAndRespond", respond("2026-04-16T07:30:00Z"));
    assertThat(instance).isWaitingAt("Task_RecordComplainantResponse");
    assertThat(breachesOf(extended)).isEmpty();
  }

  @Test
  void aResponseNeverSentIsEscalatedAndALateOneRecorded() {
    ProcessInstance instance = councilResponseMissed();
    Complaint c = complaintOf(instance);

    assertThat(instance).isWaitingAt("Task_InvestigateAndRespond", "Task_ReviewLateResponse");
    assertThat(taskAt(instance, "Task_ReviewLateResponse")).hasCandidateGroup("contracts-managers");
    assertThat(outbox("complaint:" + instance.getId() + ":response-missed-0"))
        .contains(MANAGER + "@council.example");
    assertThat(breachKinds(c)).containsExactly(tuple("RESPONSE", Kind.MISSED));

    TestClock.set(LocalDateTime.of(2026, 4, 2, 10, 0));
    complete(instance, "Task_InvestigateAndRespond", respond("2026-04-02T09:00:00Z"));

    assertThat(instance).isWaitingAt("Task_RecordComplainantResponse");
    assertThat(taskAt(instance, "Task_ReviewLateResponse")).isNull();
    assertThat(breachKinds(c))
        .containsExactlyInAnyOrder(tuple("RESPONSE", Kind.MISSED), tuple("RESPONSE", Kind.LATE));
  }

  @Test
  void aDissatisfiedComplainantGoesToStageTwoAndIsGivenTheOmbudsmansDetails() {
    ProcessInstance instance = councilComplaintAwaitingResponse();
    TestClock.set(LocalDateTime.of(2026, 3, 25, 9, 0));
    complete(instance, "Task_InvestigateAndRespond", respond("2026-03-24T16:00:00Z"));

    complete(
        instance, "Task_RecordComplainantResponse", Map.of("complainantResponse", "DISSATISFIED"));

    assertThat(instance).isWaitingAt("Task_SendOmbudsmanInformation");
    assertThat(complaintOf(instance).stage()).isEqualTo(2);
    assertRefused(
        taskAt(instance, "Task_SendOmbudsmanInformation"),
        Map.of("ombudsmanInformationSentOn", "2026-03-26"),
        "ombudsmanInformationSentOn: cannot be in the future");

    complete(
        instance,
        "Task_SendOmbudsmanInformation",
        Map.of("ombudsmanInformationSentOn", "2026-03-25"));

    Complaint closed = councilComplaintClosed(instance, "Task_RecordOmbudsmanInformation");
    assertThat(closed.stage()).isEqualTo(2);
    assertThat(closed.outcomeCode()).isEqualTo("OMBUDSMAN_INFORMATION_SENT");
    assertThat(closed.ombudsmanInformationSentOn()).isEqualTo("2026-03-25");
  }

  @Test
  void councilDeadlinesAcrossChristmasAndNewYearCountOnlyWorkingDays() {
    TestClock.set(LocalDateTime.of(2026, 12, 23, 11, 0));
    ProcessInstance instance = start(OFFICER, complaint("2026-12-23T10:00:00Z", "COUNCIL", null));

    // Wed 23 Dec 2026: Thu 24 (1); 25 Christmas, 26-27 weekend, 28 Boxing Day substitute; Tue 29
    // (2),
    // Wed 30 (3). Twenty: 24, 29, 30, 31 Dec; 1 Jan New Year's Day; 4-8, 11-15, 18-22 Jan; Mon 25
    // Jan 2027.
    Complaint c = complaintOf(instance);
    assertThat(c.acknowledgeDueAt()).isEqualTo("2026-12-31T00:00:00Z");
    assertThat(c.respondDueAt()).isEqualTo("2027-01-26T00:00:00Z");
    assertThat(timer(instance, "Timer_Acknowledge3WorkingDays").getDuedate())
        .isEqualTo("2026-12-31T00:00:00Z");

    // Acknowledged on the 30th, after the bank holidays: on time.
    TestClock.set(LocalDateTime.of(2026, 12, 30, 17, 0));
    councilAcknowledges(instance, "2026-12-30T16:30:00Z");
    assertThat(timer(instance, "Timer_Respond20WorkingDays").getDuedate())
        .isEqualTo("2027-01-26T00:00:00Z");
    assertThat(breachesOf(c)).isEmpty();
  }

  // --- complaints a provider handles (§13.5, App C 4.2-4.3) ------------------------------------

  @Test
  void aProviderRecordsAComplaintAboutItsOwnContractAndResolvesItOnTime() {
    ProcessInstance instance = start(ALPHA_USER, complaint(RECEIVED, null, contract.toLowerCase()));

    Complaint c = complaintOf(instance);
    assertThat(instance)
        .hasBusinessKey(c.number())
        .isWaitingAt("Task_ProviderAcknowledgeComplaint")
        .variables()
        .containsEntry("route", "PROVIDER")
        .containsEntry("recordedByProvider", true)
        .containsEntry("providerGroup", ALPHA_GROUP)
        .containsEntry("contractReference", contract);
    assertThat(c.route()).isEqualTo("PROVIDER");
    assertThat(c.providerId()).isEqualTo(alpha.id());
    assertThat(c.contractReference()).isEqualTo(contract);
    // 24 hours from 08:30 Monday; 15 working days end with Monday 23 March.
    assertThat(c.acknowledgeDueAt()).isEqualTo("2026-03-03T08:30:00Z");
    assertThat(c.respondDueAt()).isEqualTo("2026-03-24T00:00:00Z");
    assertThat(taskAt(instance, "Task_ProviderAcknowledgeComplaint"))
        .hasCandidateGroup(ALPHA_GROUP);
    assertThat(timer(instance, "Timer_Acknowledge24h").getDuedate())
        .isEqualTo("2026-03-03T08:30:00Z");
    assertThat(timer(instance, "Timer_AcknowledgeSecondEscalation").getDuedate())
        .isEqualTo("2026-03-05T08:30:00Z");
    // The provider recorded it itself: no email telling it of its own complaint.
    assertThat(outbox("complaint:" + instance.getId() + ":provider-to-handle")).isNull();

    TestClock.set(LocalDateTime.of(2026, 3, 2, 15, 0));
    providerAcknowledges(instance, "2026-03-02T14:00:00Z");
    assertThat(instance).isWaitingAt("Task_ResolveComplaint");
    assertThat(taskAt(instance, "Task_ResolveComplaint")).hasCandidateGroup(ALPHA_GROUP);
    assertThat(timer(instance, "Timer_Resolve15Days").getDuedate())
        .isEqualTo("2026-03-24T00:00:00Z");
    assertThat(timer(instance, "Timer_ResolveSecondEscalation").getDuedate())
        .isEqualTo("2026-03-26T00:00:00Z");

    TestClock.set(LocalDateTime.of(2026, 3, 12, 10, 0));
    complete(instance, "Task_ResolveComplaint", resolved("2026-03-11T16:00:00Z"));

    Complaint closed =
        closedHavingPassed(instance, "Task_RecordProviderAcknowledgement", "Task_RecordResolution");
    assertThat(closed.outcomeCode()).isEqualTo("RESOLVED");
    assertThat(closed.acknowledgedAt()).isEqualTo("2026-03-02T14:00:00Z");
    assertThat(closed.resolvedAt()).isEqualTo("2026-03-11T16:00:00Z");
    assertThat(breachesOf(closed)).isEmpty();
  }

  @Test
  void aLateProviderAcknowledgementRemindsTheProviderAndQualityAssuranceFollowsItUp() {
    ProcessInstance instance = providerAcknowledgementMissed();
    Complaint c = complaintOf(instance);

    assertThat(instance)
        .isWaitingAt("Task_ProviderAcknowledgeComplaint", "Task_ChaseAcknowledgement");
    assertThat(taskAt(instance, "Task_ChaseAcknowledgement"))
        .hasCandidateGroup("quality-assurance");
    assertThat(outbox("complaint:" + instance.getId() + ":acknowledgement-reminder"))
        .contains(
            "complaints@alpha.example",
            ALPHA_USER + "@council.example",
            CONTRACT_OFFICER + "@council.example");
    assertThat(breachesOf(c))
        .extracting(DeadlineBreach::requirement, DeadlineBreach::kind, DeadlineBreach::providerId)
        .containsExactly(tuple("ACKNOWLEDGEMENT", Kind.MISSED, alpha.id()));

    TestClock.set(LocalDateTime.of(2026, 3, 3, 14, 30));
    providerAcknowledges(instance, "2026-03-03T14:30:00Z");

    assertThat(instance).isWaitingAt("Task_ResolveComplaint");
    assertThat(taskAt(instance, "Task_ChaseAcknowledgement")).isNull();
    assertThat(timer(instance, "Timer_AcknowledgeSecondEscalation")).isNull();
    assertThat(breachKinds(c))
        .containsExactlyInAnyOrder(
            tuple("ACKNOWLEDGEMENT", Kind.MISSED), tuple("ACKNOWLEDGEMENT", Kind.LATE));
  }

  @Test
  void aProviderThatNeverAcknowledgesIsEscalatedAgainToTheContractsManagers() {
    ProcessInstance instance = providerAcknowledgementChased("Telephoned the manager");

    // 24 hours + 2 days after receipt.
    Job second = timer(instance, "Timer_AcknowledgeSecondEscalation");
    assertThat(second.getDuedate()).isEqualTo("2026-03-05T08:30:00Z");
    fire(second);

    assertThat(instance)
        .isWaitingAt("Task_ProviderAcknowledgeComplaint", "Task_ReviewMissedAcknowledgement");
    assertThat(taskAt(instance, "Task_ReviewMissedAcknowledgement"))
        .hasCandidateGroup("contracts-managers");
    assertThat(
            taskService.getVariables(taskAt(instance, "Task_ReviewMissedAcknowledgement").getId()))
        .as("the escalation's answer does not exist before it is given")
        .doesNotContainKey("escalationAction");
    assertThat(outbox("complaint:" + instance.getId() + ":acknowledgement-escalated"))
        .contains(MANAGER + "@council.example");

    TestClock.set(LocalDateTime.of(2026, 3, 5, 9, 30));
    providerAcknowledges(instance, "2026-03-05T09:00:00Z");
    assertThat(instance).isWaitingAt("Task_ResolveComplaint");
    assertThat(taskAt(instance, "Task_ReviewMissedAcknowledgement")).isNull();
  }

  @Test
  void whatQualityAssuranceDidAboutAMissedDeadlineStaysOffTheProvidersTasks() {
    ProcessInstance instance =
        providerAcknowledgementChased(
            "Warned the manager that a default notice is being considered");

    providerAcknowledges(instance, "2026-03-03T08:31:00Z");

    Task resolve = taskAt(instance, "Task_ResolveComplaint");
    Map<String, Object> seenByProvider = variablesAs(ALPHA_USER, resolve);
    assertThat(seenByProvider).isNotEmpty().doesNotContainKey("escalationAction");
    assertThat(instance).variables().doesNotContainKey("escalationAction");
  }

  @Test
  void anAcknowledgementMadeOnTimeButRecordedAfterTheTimerFiredWithdrawsTheMissedBreach() {
    ProcessInstance instance = providerAcknowledgementMissed();
    Complaint c = complaintOf(instance);
    assertThat(breachesOf(c)).extracting(DeadlineBreach::kind).containsExactly(Kind.MISSED);

    // Due 08:30 on Tuesday 3 March; the provider acknowledged at 08:00 and records it afterwards.
    providerAcknowledges(instance, "2026-03-03T08:00:00Z");

    assertThat(instance).isWaitingAt("Task_ResolveComplaint");
    assertThat(breachesOf(c)).isEmpty();
  }

  @Test
  void aResolutionReachedOnTimeButRecordedAfterTheTimerFiredWithdrawsTheMissedBreach() {
    ProcessInstance instance = providerResolutionMissed();
    Complaint c = complaintOf(instance);
    assertThat(breachesOf(c)).extracting(DeadlineBreach::kind).containsExactly(Kind.MISSED);

    complete(
        instance,
        "Task_ResolveComplaint",
        resolved(c.respondDueAt().minusSeconds(3600).toString()));

    assertThat(breachesOf(c)).isEmpty();
    assertThat(complaintOf(instance).resolvedAt()).isEqualTo(c.respondDueAt().minusSeconds(3600));
  }

  @Test
  void aLateResolutionIsRemindedEscalatedTwiceAndRecordedMissedAndLate() {
    ProcessInstance instance = providerResolutionMissed();
    Complaint c = complaintOf(instance);

    assertThat(instance).isWaitingAt("Task_ResolveComplaint", "Task_ChaseResolution");
    assertThat(taskAt(instance, "Task_ChaseResolution")).hasCandidateGroup("quality-assurance");
    assertThat(outbox("complaint:" + instance.getId() + ":resolution-reminder"))
        .contains("complaints@alpha.example");

    fire(timer(instance, "Timer_ResolveSecondEscalation"));
    assertThat(instance)
        .isWaitingAt(
            "Task_ResolveComplaint", "Task_ChaseResolution", "Task_ReviewMissedResolution");
    assertThat(outbox("complaint:" + instance.getId() + ":resolution-escalated"))
        .contains(MANAGER + "@council.example");

    TestClock.set(LocalDateTime.of(2026, 3, 27, 9, 0));
    complete(instance, "Task_ResolveComplaint", resolved("2026-03-27T08:00:00Z"));

    assertThat(instance).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(breachKinds(c))
        .containsExactlyInAnyOrder(
            tuple("RESOLUTION", Kind.MISSED), tuple("RESOLUTION", Kind.LATE));
    assertThat(breachesOf(c))
        .allSatisfy(b -> assertThat(b.dueAt()).isEqualTo("2026-03-24T00:00:00Z"));
  }

  @Test
  void anUnresolvedComplaintGoesToTheCouncilWithAWrittenReportAndAnInvestigator() {
    ProcessInstance instance = providerComplaintUnresolved("The family want a different provider");
    Complaint c = complaintOf(instance);

    // The report is due 5 working days after the discussions failed.

    assertThat(instance).isWaitingAt("Task_SubmitWrittenReport");
    assertThat(taskAt(instance, "Task_SubmitWrittenReport")).hasCandidateGroup(ALPHA_GROUP);
    assertThat(complaintOf(instance).writtenReportDueAt()).isEqualTo("2026-03-21T00:00:00Z");
    assertThat(timer(instance, "Timer_WrittenReportDue").getDuedate())
        .isEqualTo("2026-03-21T00:00:00Z");
    assertThat(complaintOf(instance).resolvedAt()).isNull();

    TestClock.set(LocalDateTime.of(2026, 3, 18, 10, 0));
    complete(
        instance,
        "Task_SubmitWrittenReport",
        Map.of("writtenReport", "Full account of the complaint"));
    assertThat(instance).isWaitingAt("Task_AssignInvestigator");
    assertThat(taskAt(instance, "Task_AssignInvestigator")).hasCandidateGroup("contracts-managers");
    assertThat(complaintOf(instance).writtenReportAt()).isEqualTo("2026-03-18T10:00:00Z");

    Task assign = taskAt(instance, "Task_AssignInvestigator");
    assertRefused(
        assign,
        Map.of("investigator", "nobody-" + System.nanoTime()),
        "investigator: no user nobody-");
    assertRefused(assign, Map.of("investigator", ALPHA_USER), "is not a council officer");
    complete(assign, Map.of("investigator", QUALITY));

    Task investigate = taskAt(instance, "Task_InvestigateComplaint");
    assertThat(investigate).isAssignedTo(QUALITY);
    assertThat(taskService.getIdentityLinksForTask(investigate.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("quality-assurance"));
    assertThat(complaintOf(instance).investigator()).isEqualTo(QUALITY);
    assertThat(outbox("complaint:" + instance.getId() + ":investigator-assigned"))
        .isEqualTo(QUALITY + "@council.example");

    assertRefused(
        investigate,
        Map.of("investigationOutcome", "MAYBE"),
        "investigationOutcome: must be one of NOT_UPHELD, PARTLY_UPHELD, UPHELD",
        "findings: is required");
    complete(
        investigate,
        Map.of("investigationOutcome", "PARTLY_UPHELD", "findings", "Visits were late"));

    Complaint closed =
        closedHavingPassed(
            instance,
            "Task_RecordProviderAcknowledgement",
            "Task_RecordResolution",
            "Task_RecordWrittenReport",
            "Task_RecordInvestigator",
            "Task_RecordInvestigation");
    assertThat(closed.outcomeCode()).isEqualTo("PARTLY_UPHELD");
    assertThat(breachesOf(c)).isEmpty();
  }

  @Test
  void aMissingWrittenReportIsChasedByQualityAssuranceAndRecorded() {
    ProcessInstance instance = providerComplaintUnresolved("No agreement");

    fire(timer(instance, "Timer_WrittenReportDue"));

    assertThat(instance).isWaitingAt("Task_SubmitWrittenReport", "Task_ChaseWrittenReport");
    assertThat(taskAt(instance, "Task_ChaseWrittenReport")).hasCandidateGroup("quality-assurance");
    assertThat(outbox("complaint:" + instance.getId() + ":written-report-reminder"))
        .contains("complaints@alpha.example");

    TestClock.set(LocalDateTime.of(2026, 3, 23, 11, 0));
    complete(instance, "Task_SubmitWrittenReport", Map.of("writtenReport", "Report"));

    assertThat(instance).isWaitingAt("Task_AssignInvestigator");
    assertThat(breachKinds(complaintOf(instance)))
        .containsExactlyInAnyOrder(
            tuple("WRITTEN_REPORT", Kind.MISSED), tuple("WRITTEN_REPORT", Kind.LATE));
  }

  @Test
  void providerDeadlinesAcrossEaster() {
    // Thursday 2 April 2026, 10:00 BST. Acknowledge within 24 hours: Good Friday 10:00. Resolve:
    // Good Friday and Easter Monday are bank holidays, so Tue 7 April is day 1 and Monday 27 April
    // day 15.
    TestClock.set(LocalDateTime.of(2026, 4, 2, 11, 0));
    ProcessInstance instance =
        start(ALPHA_USER, complaint("2026-04-02T10:00:00+01:00", null, contract));

    Complaint c = complaintOf(instance);
    assertThat(c.acknowledgeDueAt()).isEqualTo("2026-04-03T09:00:00Z");
    assertThat(c.respondDueAt()).isEqualTo("2026-04-27T23:00:00Z");
  }

  @Test
  void councilStaffMayRecordAComplaintForTheProviderWhichIsToldAtOnce() {
    ProcessInstance instance = start(OFFICER, complaint(RECEIVED, "PROVIDER", contract));

    assertThat(instance)
        .isWaitingAt("Task_ProviderAcknowledgeComplaint")
        .variables()
        .containsEntry("recordedByProvider", false);
    assertThat(outbox("complaint:" + instance.getId() + ":provider-to-handle"))
        .contains("complaints@alpha.example", ALPHA_USER + "@council.example");
  }

  // --- safeguarding (§10.3-10.5, App C 5.2) ---------------------------------------------------

  @Test
  void aComplaintRevealingASafeguardingConcernStartsTheAlertAndCarriesOn() {
    ProcessInstance instance =
        startWithSafeguardingConcern(contract, "Bruising noticed by the daughter");
    Complaint c = complaintOf(instance);

    assertThat(instance)
        .isWaitingAt("Task_ProviderAcknowledgeComplaint")
        .variables()
        .containsEntry("safeguardingRaised", true);
    ProcessInstance alert = runningCase("safeguarding-alert", c.number());
    assertThat(alert).isNotNull().isWaitingAt("Task_ScreenSafeguardingAlert");
    assertThat(c.safeguardingRaised()).isTrue();
    // The provider became aware on receipt (08:30) and alerted the council when it recorded the
    // complaint (09:00).
    Map<String, Object> row = alertRow(c);
    assertThat(row.get("raised_by")).isEqualTo("PROVIDER");
    assertThat((Instant) row.get("aware_at")).isEqualTo(RECEIVED);
    assertThat((Instant) row.get("alerted_at")).isEqualTo("2026-03-02T09:00:00Z");
    assertThat(((Number) row.get("provider_id")).longValue()).isEqualTo(alpha.id());
    // What was seen, and of whom, goes to the safeguarding team in the alert's case; the register,
    // read
    // for figures and reports, says only where the concern came from.
    assertThat(row.get("summary")).isEqualTo("Concern raised from complaint " + c.number());
    assertThat(runtimeService.getVariable(alert.getId(), "concernSummary"))
        .isEqualTo("Bruising noticed by the daughter");

    // The complaint goes on as normal, and the later forms no longer ask.
    complete(
        instance,
        "Task_ProviderAcknowledgeComplaint",
        Map.of("acknowledgedAt", "2026-03-02T08:45:00Z", "safeguardingConcern", true));
    assertThat(instance).isWaitingAt("Task_ResolveComplaint");
    assertThat(runningCases("safeguarding-alert", c.number())).isOne();
  }

  @Test
  void aSafeguardingConcernFromAComplaintAlsoOpensOneSeriousIncidentLoggedByTheCouncil() {
    ProcessInstance instance =
        startWithSafeguardingConcern(contract, "Bruising noticed by the daughter");
    Complaint c = complaintOf(instance);

    // Seed 002 §12.3: the same matter is also a serious incident for the provider's contract.
    String number = complaintIncidents.incidentOf(c.number()).orElseThrow();
    ProcessInstance incident = runningCase("serious-incident", number);
    assertThat(incident).isNotNull();
    Map<String, Object> v = runtimeService.getVariables(incident.getId());
    assertThat(v)
        .containsEntry("sourceComplaintNumber", c.number())
        .containsEntry("contractReference", contract)
        .containsEntry("initialReportReceived", false)
        .containsEntry("safeguardingAlertRaised", true)
        .doesNotContainKeys("serviceUserName", "serviceUserLbbId");
    // Nothing of what was seen, or of whom, is copied into the incident.
    assertThat(v.values()).noneMatch(value -> String.valueOf(value).contains("Bruising"));
    // The complaint's alert is the incident's alert: the concern is not alerted twice.
    assertThat(runningCases("safeguarding-alert", number)).isZero();
    assertThat(runningCases("safeguarding-alert", c.number())).isOne();

    // A retried step raises the same alert and opens no second incident.
    complaintService.raiseSafeguarding(
        complaintOf(instance),
        SafeguardingConcern.PROVIDER,
        Instant.parse(RECEIVED),
        "Bruising noticed by the daughter");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("serious-incident")
                .variableValueEquals("sourceComplaintNumber", c.number())
                .count())
        .isOne();
    assertThat(runningCases("safeguarding-alert", c.number())).isOne();
  }

  @Test
  void aConcernFoundWhileInvestigatingIsRaisedByTheCouncilWithItsSummaryAndTime() {
    ProcessInstance instance = councilComplaintAwaitingResponse();
    Task respond = taskAt(instance, "Task_InvestigateAndRespond");

    Map<String, Object> incomplete = respond("2026-03-02T16:00:00Z");
    incomplete.put("safeguardingConcern", true);
    assertRefused(
        respond,
        incomplete,
        "safeguardingSummary: say what the concern is",
        "safeguardingAwareAt: is required");

    Map<String, Object> complete = respond("2026-03-02T16:00:00Z");
    complete.put("safeguardingConcern", true);
    complete.put("safeguardingSummary", "Money missing from the service user's purse");
    complete.put("safeguardingAwareAt", "2026-03-02T15:00:00Z");
    TestClock.set(LocalDateTime.of(2026, 3, 2, 17, 0));
    complete(respond, complete);

    assertThat(instance).isWaitingAt("Task_RecordComplainantResponse");
    Complaint c = complaintOf(instance);
    Map<String, Object> row = alertRow(c);
    assertThat(row.get("raised_by")).isEqualTo("COUNCIL");
    assertThat((Instant) row.get("aware_at")).isEqualTo("2026-03-02T15:00:00Z");
    assertThat(runningCases("safeguarding-alert", c.number())).isOne();
  }

  // --- bad input: refused with clear messages, nothing created ------------------------------

  @Test
  void aComplaintReceivedInTheFutureIsRefused() {
    assertRefused(
        OFFICER,
        complaint("2026-03-02T10:00:00Z", "COUNCIL", null),
        "receivedAt: cannot be in the future");
  }

  @Test
  void missingFieldsAreEachNamed() {
    Map<String, Object> empty = new HashMap<>();
    empty.put("safeguardingConcern", true);
    assertRefused(
        OFFICER,
        empty,
        "receivedAt: is required",
        "complainantName: is required",
        "complainantRelationship: must be one of OTHER, REPRESENTATIVE, SERVICE_USER",
        "howReceived: must be one of",
        "summary: is required",
        "route: must be one of COUNCIL, PROVIDER",
        "safeguardingSummary: say what the concern is");
  }

  @Test
  void aProviderCannotRecordAComplaintAboutAnotherProvidersContract() {
    assertRefused(
        ALPHA_USER,
        complaint(RECEIVED, null, betaContract),
        "contractReference: no contract " + betaContract + " of your organisation");
  }

  @Test
  void aProviderCannotRecordAComplaintToTheCouncil() {
    assertRefused(
        ALPHA_USER,
        complaint(RECEIVED, "COUNCIL", contract),
        "route: a provider records the complaints it handles");
  }

  @Test
  void aProviderCannotPassItselfOffAsCouncilStaff() {
    Map<String, Object> form = complaint(RECEIVED, "COUNCIL", betaContract);
    form.put("recordedBy", OFFICER);
    assertRefused(
        ALPHA_USER,
        form,
        "route: a provider records the complaints it handles",
        "contractReference: no contract " + betaContract + " of your organisation");
  }

  @Test
  void variablesSetWithATaskCannotMoveDeadlinesOrReachAnotherComplaint() {
    ProcessInstance other = start(OFFICER, complaint(RECEIVED, "COUNCIL", null));
    ProcessInstance own = start(ALPHA_USER, complaint(RECEIVED, null, contract));
    Map<String, Object> tampered = new HashMap<>();
    tampered.put("acknowledgedAt", "2026-03-02T08:45:00Z");
    tampered.put("complaintNumber", complaintOf(other).number());
    tampered.put("respondDueAt", Date.from(Instant.parse("2099-01-01T00:00:00Z")));
    tampered.put("providerGroup", BETA_GROUP);

    complete(own, "Task_ProviderAcknowledgeComplaint", tampered);

    assertThat(complaintOf(own).acknowledgedAt()).isEqualTo("2026-03-02T08:45:00Z");
    assertThat(complaintOf(other).acknowledgedAt()).isNull();
    assertThat(timer(own, "Timer_Resolve15Days").getDuedate()).isEqualTo("2026-03-24T00:00:00Z");
    assertThat(taskAt(own, "Task_ResolveComplaint")).hasCandidateGroup(ALPHA_GROUP);
    assertThat(taskService.getIdentityLinksForTask(taskAt(own, "Task_ResolveComplaint").getId()))
        .noneSatisfy(link -> assertThat(link.getGroupId()).isEqualTo(BETA_GROUP));
  }

  @Test
  void aComplaintForTheProviderNeedsItsContract() {
    assertRefused(OFFICER, complaint(RECEIVED, "PROVIDER", null), "contractReference: is required");
    assertRefused(
        OFFICER,
        complaint(RECEIVED, "PROVIDER", "NO-SUCH-CONTRACT"),
        "contractReference: no contract NO-SUCH-CONTRACT in the register");
  }

  @Test
  void anAcknowledgementBeforeReceiptOrInTheFutureIsRefused() {
    ProcessInstance instance = start(OFFICER, complaint(RECEIVED, "COUNCIL", null));
    Task acknowledge = taskAt(instance, "Task_AcknowledgeComplaint");

    assertRefused(
        acknowledge,
        Map.of("acknowledgedAt", "2026-03-01T10:00:00Z"),
        "acknowledgedAt: cannot be before the complaint was received");
    assertRefused(
        acknowledge,
        Map.of("acknowledgedAt", "2026-03-02T12:00:00Z"),
        "acknowledgedAt: cannot be in the future");
    assertThat(complaintOf(instance).acknowledgedAt()).isNull();
  }

  // --- helpers -------------------------------------------------------------------------------

  private ProcessInstance councilComplaintAwaitingResponse() {
    ProcessInstance instance = start(OFFICER, complaint(RECEIVED, "COUNCIL", null));
    councilAcknowledges(instance, "2026-03-02T08:50:00Z");
    assertThat(instance).isWaitingAt("Task_InvestigateAndRespond");
    return instance;
  }

  private ProcessInstance providerComplaintAwaitingResolution() {
    ProcessInstance instance = start(ALPHA_USER, complaint(RECEIVED, null, contract));
    providerAcknowledges(instance, "2026-03-02T08:50:00Z");
    assertThat(instance).isWaitingAt("Task_ResolveComplaint");
    return instance;
  }

  /**
   * A council complaint (about the contract, if any) whose 3 working days to acknowledge ran out.
   */
  private ProcessInstance councilAcknowledgementMissed(String contractReference) {
    ProcessInstance instance = start(OFFICER, complaint(RECEIVED, "COUNCIL", contractReference));
    fire(timer(instance, "Timer_Acknowledge3WorkingDays"));
    return instance;
  }

  /** A complaint for the provider, recorded by it, not acknowledged within 24 hours. */
  private ProcessInstance providerAcknowledgementMissed() {
    ProcessInstance instance = start(ALPHA_USER, complaint(RECEIVED, "PROVIDER", contract));
    fire(timer(instance, "Timer_Acknowledge24h"));
    return instance;
  }

  /** The missed acknowledgement, followed up by quality assurance with the action. */
  private ProcessInstance providerAcknowledgementChased(String escalationAction) {
    ProcessInstance instance = providerAcknowledgementMissed();
    complete(instance, "Task_ChaseAcknowledgement", Map.of("escalationAction", escalationAction));
    return instance;
  }

  /** The council's 20 working days to respond ran out. */
  private ProcessInstance councilResponseMissed() {
    ProcessInstance instance = councilComplaintAwaitingResponse();
    fire(timer(instance, "Timer_Respond20WorkingDays"));
    return instance;
  }

  /** The provider's 15 days to resolve ran out. */
  private ProcessInstance providerResolutionMissed() {
    ProcessInstance instance = providerComplaintAwaitingResolution();
    fire(timer(instance, "Timer_Resolve15Days"));
    return instance;
  }

  /** Discussions with the complainant failed on Friday 13 March 2026 at 15:00. */
  private ProcessInstance providerComplaintUnresolved(String discussionsSummary) {
    ProcessInstance instance = providerComplaintAwaitingResolution();
    TestClock.set(LocalDateTime.of(2026, 3, 13, 15, 0));
    unresolved(instance, discussionsSummary);
    return instance;
  }

  private void assertRefused(String user, Map<String, Object> form, String... messages) {
    assertStartRefused(user, "complaint", "complaint", form, messages);
  }

  /**
   * The council's complaint ended, recorded as acknowledged, answered and past stage one, then the
   * closing step.
   */
  private Complaint councilComplaintClosed(ProcessInstance instance, String closingStep) {
    return closedHavingPassed(
        instance,
        "Task_RecordAcknowledgement",
        "Task_RecordResponse",
        "Task_RecordStageTwo",
        closingStep);
  }

  /** The ended case passed the activities and the register has the complaint closed. */
  private Complaint closedHavingPassed(ProcessInstance instance, String... activityIds) {
    assertThat(instance).isEnded().hasPassed(activityIds);
    Complaint closed = complaintOf(instance);
    assertThat(closed.status()).isEqualTo("CLOSED");
    return closed;
  }

  /** The register's row of the safeguarding alert the complaint raised. */
  private Map<String, Object> alertRow(Complaint c) {
    return singleRow(
        "SELECT raised_by, aware_at, alerted_at, provider_id, summary FROM safeguarding_alert"
            + " WHERE source_type = 'COMPLAINT' AND source_reference = :number",
        "number",
        c.number());
  }
}
