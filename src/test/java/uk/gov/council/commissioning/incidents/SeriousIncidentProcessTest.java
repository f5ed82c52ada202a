package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.incidents.IncidentTestData.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.deadlines.Deadline.State;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.safeguarding.SafeguardingAlerts;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.testkit.TestTeam.Role;

/**
 * Every path and timer of serious-incident.bpmn (seed 002 §12.1-12.5, §10.3-10.5, App C 5.2), with
 * the engine clock moved and jobs executed explicitly (the job executor is off in tests).
 *
 * <p>The clock starts on Thursday 22 May 2025, 09:00 UK time (BST). Monday 26 May 2025 is the
 * Spring bank holiday in England and Wales.
 */
@ProcessTest
class SeriousIncidentProcessTest extends ProcessTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PROVIDER_USER = "si-vibrance";
  private static final String OTHER_PROVIDER_USER = "si-brightpath";

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("si", Role.OFFICER, Role.QUALITY, Role.MANAGER, Role.DIRECTOR);

  private static final String OFFICER = TEAM.user(Role.OFFICER);
  private static final String QUALITY = TEAM.user(Role.QUALITY);
  private static final String MANAGER = TEAM.user(Role.MANAGER);
  private static final String DIRECTOR = TEAM.user(Role.DIRECTOR);

  @Autowired IncidentRepository register;
  @Autowired SafeguardingAlerts safeguardingAlerts;
  @Autowired ComplaintIncidents complaintIncidents;

  String reference;
  Provider vibrance;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    reference = "SI-T" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    vibrance =
        vibranceWithAContract(access, contracts, PROVIDER_USER, OTHER_PROVIDER_USER, reference);
    TestClock.set(LocalDateTime.of(2025, 5, 22, 9, 0));
  }

  // --- a provider reports -------------------------------------------------------------------

  @Test
  void aProvidersReportOnTimeOpensTheCaseAndAwaitsOnlyTheReportingForm() {
    ProcessInstance instance = reportedByProviderOnTime();

    String number = numberOf(instance);
    assertThat(number).matches("SI-2025-\\d{6}");
    assertThat(instance)
        .hasBusinessKey(number)
        .isWaitingAt("Task_SubmitReportingForm")
        .hasNotPassed("Task_SubmitInitialReport", "Task_EnterInitialReportReceivedOtherwise")
        .variables()
        .containsEntry("initialReportReceived", true)
        .containsEntry("incidentNumber", number)
        // The register holds the source, the provider and the deadlines (below); the case keeps
        // only what its model and forms read.
        .doesNotContainKeys(
            "source",
            "providerGroup",
            "providerId",
            "providerEmail",
            "initialReportDueAt",
            "reportingFormDueAt");
    assertThat(taskAt(instance, "Task_SubmitReportingForm")).hasCandidateGroup(VIBRANCE_GROUP);
    assertProviderTaskDueAt(
        instance,
        "Task_SubmitReportingForm",
        "Timer_FullReport48h",
        LocalDateTime.of(2025, 5, 24, 8, 0));
    assertThat(timer(instance, "Timer_FullReportSecondEscalation").getDuedate())
        .isEqualTo(at(LocalDateTime.of(2025, 5, 25, 8, 0)));

    SeriousIncident row = incident(number);
    assertThat(row.source()).isEqualTo("PROVIDER_REPORT");
    assertThat(row.openedBy()).isEqualTo(PROVIDER_USER);
    assertThat(row.initialReportAt()).isEqualTo(now());
    assertThat(row.providerAwareAt()).isEqualTo(Instant.parse("2025-05-22T07:10:00Z"));
    assertThat(row.category()).isEqualTo("EMERGENCY_HOSPITAL_ADMISSION");
    assertThat(breachesOf(number)).isEmpty();
    assertThat(outbox("incident:" + instance.getId() + ":reported"))
        .contains("si-quality@council.example");
    // Seed 002 §12.4-12.5: both deadlines run from the incident; the report that opened the case
    // met the first.
    assertThat(deadlinesOf(number))
        .containsExactly(
            tuple("INITIAL_REPORT", Instant.parse("2025-05-22T19:00:00Z"), State.MET, now()),
            tuple("REPORTING_FORM", Instant.parse("2025-05-24T07:00:00Z"), State.OPEN, now()));

    TestClock.set(LocalDateTime.of(2025, 5, 23, 15, 0));
    complete(instance, "Task_SubmitReportingForm", reportingForm());

    assertThat(instance).isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");
    assertThat(incident(number).reportingFormAt()).isEqualTo(now());
    assertThat(breachesOf(number)).isEmpty();
    assertThat(deadlineStates(IncidentVariables.CASE_TYPE, number))
        .containsExactly(
            tuple("INITIAL_REPORT", State.MET),
            tuple("REPORTING_FORM", State.MET),
            tuple("NEXT_UPDATE", State.OPEN));
  }

  @Test
  void aProvidersReportAfterTwelveHoursIsRecordedAsLateAtOnce() {
    TestClock.set(LocalDateTime.of(2025, 5, 22, 21, 30));
    ProcessInstance instance = reportedByProviderAt("2025-05-22T20:45+01:00");

    assertThatBreaches(numberOf(instance))
        .containsExactly(
            tuple("INITIAL_REPORT", Kind.LATE, Instant.parse("2025-05-22T19:00:00Z"), now()));
    assertThat(breachesOf(numberOf(instance)).get(0).providerId()).isEqualTo(vibrance.id());
  }

  @Test
  void aProviderCannotReportForAnotherProvidersContractAndNothingIsCreated() {
    assertThatThrownBy(
            () ->
                startAs(
                    OTHER_PROVIDER_USER,
                    providerReport(reference, "2025-05-22T08:00+01:00", "2025-05-22T08:10+01:00")))
        .isInstanceOf(TaskFormException.class)
        .hasMessageContaining(
            "contractReference: no contract " + reference + " of your organisation");
    assertThatThrownBy(
            () ->
                startAs(
                    OTHER_PROVIDER_USER,
                    providerReport(
                        "NO-SUCH-CONTRACT", "2025-05-22T08:00+01:00", "2025-05-22T08:10+01:00")))
        .hasMessageContaining(
            "contractReference: no contract NO-SUCH-CONTRACT of your organisation");
    assertNothingCreated();
  }

  @Test
  void aProviderCannotPassItselfOffAsCouncilStaffThroughTheInitiatorVariable() {
    contracts.assignContractOfficer(reference, OFFICER);
    Map<String, Object> log = officerLog(reference, "2025-05-22T08:00+01:00");
    log.put("reportedBy", OFFICER);

    assertThatThrownBy(() -> startAs(OTHER_PROVIDER_USER, log))
        .isInstanceOf(TaskFormException.class)
        .hasMessageContaining(
            "contractReference: no contract " + reference + " of your organisation");
    assertNothingCreated();
  }

  @Test
  void anIncidentInTheFutureOrAwarenessBeforeItIsRefusedAndNothingIsCreated() {
    assertThatThrownBy(
            () ->
                startAs(
                    PROVIDER_USER,
                    providerReport(reference, "2025-05-22T11:00+01:00", "2025-05-22T11:10+01:00")))
        .isInstanceOf(TaskFormException.class)
        .hasMessageContaining("occurredAt: cannot be in the future")
        .hasMessageContaining("providerAwareAt: cannot be in the future");
    assertThatThrownBy(
            () ->
                startAs(
                    PROVIDER_USER,
                    providerReport(reference, "2025-05-22T08:00+01:00", "2025-05-22T07:30+01:00")))
        .hasMessageContaining("providerAwareAt: cannot be before the incident occurred");
    Map<String, Object> missing =
        providerReport(reference, "2025-05-22T08:00+01:00", "2025-05-22T08:10+01:00");
    missing.remove("emergencyServices");
    missing.put("serviceUserLbbId", " ");
    assertThatThrownBy(() -> startAs(PROVIDER_USER, missing))
        .hasMessageContaining("emergencyServices: is required")
        .hasMessageContaining("serviceUserLbbId: is required");
    assertNothingCreated();
  }

  // --- a council officer logs an incident ---------------------------------------------------

  @Test
  void anOfficerLogsAnIncidentAndTheProvidersInitialReportArrivesOnTime() {
    contracts.assignContractOfficer(reference, OFFICER);
    ProcessInstance instance = loggedByOfficer();
    String number = numberOf(instance);

    assertThat(instance)
        .hasBusinessKey(number)
        .isWaitingAt("Task_SubmitInitialReport", "Task_SubmitReportingForm")
        .variables()
        .containsEntry("initialReportReceived", false);
    assertProviderTaskDueAt(
        instance,
        "Task_SubmitInitialReport",
        "Timer_InitialReport12h",
        LocalDateTime.of(2025, 5, 22, 20, 0));
    assertThat(outbox("incident:" + instance.getId() + ":logged"))
        .isEqualTo("contracts@vibrance.example");
    SeriousIncident logged = incident(number);
    assertThat(logged.source()).isEqualTo("COUNCIL_LOGGED");
    assertThat(logged.initialReportAt()).isNull();
    assertThat(logged.providerAwareAt()).isNull();

    TestClock.set(LocalDateTime.of(2025, 5, 22, 12, 0));
    complete(instance, "Task_SubmitInitialReport", initialReport("2025-05-22T09:30+01:00"));

    assertThat(instance).isWaitingAt("Task_SubmitReportingForm");
    assertThat(timer(instance, "Timer_InitialReport12h")).isNull();
    SeriousIncident reported = incident(number);
    assertThat(reported.initialReportAt()).isEqualTo(now());
    assertThat(reported.providerAwareAt()).isEqualTo(Instant.parse("2025-05-22T08:30:00Z"));
    assertThat(reported.riddorReportable()).isTrue();
    assertThat(breachesOf(number)).isEmpty();
  }

  @Test
  void anInitialReportWithAwarenessBeforeTheIncidentLeavesTheTaskOpen() {
    ProcessInstance instance = loggedByOfficer();
    Map<String, Object> report = initialReport("2025-05-22T07:00+01:00");
    report.remove("furtherAction");

    assertRefused(
        taskAt(instance, "Task_SubmitInitialReport"),
        report,
        "providerAwareAt: cannot be before the incident occurred",
        "furtherAction: is required");
    assertThat(instance).isWaitingAt("Task_SubmitInitialReport");
  }

  @Test
  void aMissingInitialReportIsEscalatedAfterTwelveHoursThenToTheContractsManagers() {
    contracts.assignContractOfficer(reference, OFFICER);
    ProcessInstance instance = loggedByOfficer();
    String number = numberOf(instance);

    initialReportMissed(instance);

    Task chase = taskAt(instance, "Task_ChaseInitialReport");
    assertThat(chase).hasCandidateGroup(Roles.QUALITY_ASSURANCE);
    assertThat(chase.getDueDate()).isEqualTo(at(LocalDateTime.of(2025, 5, 23, 20, 0)));
    assertThat(taskService.getVariable(chase.getId(), "escalationMessage").toString())
        .contains("initial report was due by Thu 22 May 2025, 20:00");
    assertThat(outbox("incident:" + instance.getId() + ":initial-report-missed"))
        .isEqualTo("contracts@vibrance.example,si-officer@council.example");
    assertThatBreaches(number)
        .containsExactly(
            tuple("INITIAL_REPORT", Kind.MISSED, Instant.parse("2025-05-22T19:00:00Z"), now()));
    assertThat(deadlinesOf(number))
        .contains(
            tuple("INITIAL_REPORT", Instant.parse("2025-05-22T19:00:00Z"), State.MISSED, now()));
    assertThat(instance)
        .isWaitingAt(
            "Task_SubmitInitialReport", "Task_ChaseInitialReport", "Task_SubmitReportingForm");

    TestClock.set(LocalDateTime.of(2025, 5, 23, 20, 1));
    execute(timer(instance, "Timer_InitialReportSecondEscalation"));

    Task managers = taskAt(instance, "Task_ActOnMissingInitialReport");
    assertThat(managers).hasCandidateGroup(Roles.CONTRACTS_MANAGERS);
    // Friday 23 May + 2 working days (Monday 26 May is a bank holiday): end of Wednesday 28 May.
    assertThat(managers.getDueDate()).isEqualTo(at(LocalDateTime.of(2025, 5, 29, 0, 0)));
    assertThat(outbox("incident:" + instance.getId() + ":initial-report-second-escalation"))
        .contains("si-manager@council.example");
    assertThat(breachesOf(number)).hasSize(1);

    complete(
        instance, "Task_ChaseInitialReport", chased("Left a message with the registered manager"));
    assertThat(instance)
        .hasPassed("EndEvent_InitialReportChased")
        .isWaitingAt(
            "Task_SubmitInitialReport",
            "Task_EnterInitialReportReceivedOtherwise",
            "Task_ActOnMissingInitialReport");
  }

  @Test
  void twoChasesOpenAtOnceKeepTheirAnswersOnTheirOwnPathsAndOffTheCase() {
    ProcessInstance instance = loggedByOfficer();
    initialReportMissed(instance);
    reportingFormMissed(instance);
    Task formChase = taskAt(instance, "Task_ChaseReportingForm");
    assertThat(taskService.getVariables(formChase.getId()))
        .as("no answers exist before a chase is answered")
        .doesNotContainKeys("chaseDecision", "escalationAction");

    complete(instance, "Task_ChaseInitialReport", chased("Phoned the registered manager"));

    assertThat(instance).hasPassed("EndEvent_InitialReportChased");
    assertThat(taskService.getVariables(formChase.getId()))
        .as("the other chase's form opens empty")
        .doesNotContainKeys("chaseDecision", "escalationAction");
    assertThat(runtimeService.getVariablesLocal(instance.getId()))
        .as("the council's answers stay off the case, which the provider's tasks read")
        .doesNotContainKeys("chaseDecision", "escalationAction");
    assertThat(historicValues(instance, "escalationAction"))
        .as("the answer stays in the case's history")
        .contains("Phoned the registered manager");

    complete(instance, "Task_ChaseReportingForm", chased("Emailed the provider"));
    assertThat(instance).hasPassed("EndEvent_ReportingFormChased");
    assertThat(runtimeService.getVariablesLocal(instance.getId()))
        .doesNotContainKeys("chaseDecision", "escalationAction");
  }

  @Test
  void twoSecondEscalationsOpenAtOnceKeepTheirAnswersOnTheirOwnPathsAndOffTheCase() {
    ProcessInstance instance = loggedByOfficer();
    initialReportEscalatedTwice(instance);
    reportingFormEscalatedTwice(instance);
    Task form = taskAt(instance, "Task_ActOnMissingReportingForm");
    List<String> answers = List.of("escalationAction", "proceedWithoutReport", "proceedReasons");
    assertThat(taskService.getVariables(form.getId()))
        .as("no answers exist before an escalation is answered")
        .doesNotContainKeys(answers.toArray(String[]::new));

    complete(
        instance,
        "Task_ActOnMissingInitialReport",
        proceedWithoutReport(
            "Called the director", "The reporting form will hold what the review needs"));

    assertThat(instance).hasPassed("EndEvent_ProceedWithoutInitialReport");
    assertThat(taskService.getVariables(form.getId()))
        .as("the other escalation's form opens empty")
        .doesNotContainKeys(answers.toArray(String[]::new));
    assertThat(runtimeService.getVariablesLocal(instance.getId()))
        .as("the council's answers stay off the case, which the provider's tasks read")
        .doesNotContainKeys(answers.toArray(String[]::new));
    assertThat(historicValues(instance, "proceedReasons"))
        .as("the answer stays in the case's history")
        .contains("The reporting form will hold what the review needs");

    // An unticked box sent as nothing: this path keeps waiting for its report.
    complete(form, Map.of("escalationAction", "Meeting with provider"));
    assertThat(instance)
        .hasPassed("EndEvent_ReportingFormEscalated")
        .isWaitingAt("Task_SubmitReportingForm");
    assertThat(runtimeService.getVariablesLocal(instance.getId()))
        .doesNotContainKeys(answers.toArray(String[]::new));
  }

  @Test
  void escalationTasksCloseWhenTheLateReportArrivesAndTheLatenessIsRecorded() {
    ProcessInstance instance = loggedByOfficer();
    String number = numberOf(instance);
    initialReportEscalatedTwice(instance);
    assertThat(instance)
        .isWaitingAt(
            "Task_SubmitInitialReport",
            "Task_ChaseInitialReport",
            "Task_ActOnMissingInitialReport",
            "Task_SubmitReportingForm");
    // No officer is recorded for this contract: the first escalation goes to the commissioning
    // officers.
    assertThat(outbox("incident:" + instance.getId() + ":initial-report-missed"))
        .contains("si-officer@council.example");

    complete(instance, "Task_SubmitInitialReport", initialReport("2025-05-22T09:30+01:00"));

    assertThat(instance).isWaitingAt("Task_SubmitReportingForm");
    assertThat(openTasks(instance))
        .containsExactlyInAnyOrder(
            "Task_SubmitReportingForm", "Task_EnterReportingFormReceivedOtherwise");
    assertThat(breachKinds(number))
        .containsExactly(tuple("INITIAL_REPORT", Kind.LATE), tuple("INITIAL_REPORT", Kind.MISSED));
  }

  @Test
  void variablesSentWithAReportCannotMoveItsDeadlineNorRedirectTheCaseOrItsTasks() {
    ProcessInstance instance = loggedByOfficer();
    String number = numberOf(instance);
    TestClock.set(LocalDateTime.of(2025, 5, 22, 21, 0));
    Map<String, Object> report = initialReport("2025-05-22T09:30+01:00");
    report.put("initialReportDueAt", "2099-01-01T00:00:00Z");
    report.put("incidentNumber", "SI-2025-999999");
    report.put("providerId", 999L);
    // Only the quality assurance team's entry of a phoned or emailed report counts from an earlier
    // time.
    report.put("initialReportReceivedAt", "2025-05-22T09:00+01:00");

    complete(instance, "Task_SubmitInitialReport", report);

    assertThat(breachesOf(number))
        .extracting(
            DeadlineBreach::requirement,
            DeadlineBreach::kind,
            DeadlineBreach::dueAt,
            DeadlineBreach::providerId)
        .containsExactly(
            tuple(
                "INITIAL_REPORT", Kind.LATE, Instant.parse("2025-05-22T19:00:00Z"), vibrance.id()));
    assertThat(incident(number).initialReportAt()).isEqualTo(now());

    Map<String, Object> form = new HashMap<>(reportingForm());
    form.put("providerGroup", BRIGHTPATH_GROUP);
    complete(instance, "Task_SubmitReportingForm", form);
    complete(
        instance,
        "Task_ReviewIncident",
        Map.of("reviewDecision", "MORE_INFORMATION", "informationRequested", "Send the care plan"));
    assertThat(taskAt(instance, "Task_ProvideFurtherInformation"))
        .hasCandidateGroup(VIBRANCE_GROUP);
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskCandidateGroup(BRIGHTPATH_GROUP)
                .count())
        .isZero();
  }

  @Test
  void variablesSentWithAProvidersTaskCannotRedirectOrRewordTheCouncilsEmails() {
    contracts.assignContractOfficer(reference, OFFICER);
    ProcessInstance instance = loggedByOfficer();
    Map<String, Object> form = new HashMap<>(reportingForm());
    form.put("providerEmail", "attacker@elsewhere.example");
    form.put("contractReference", "BOGUS-1");
    form.put("providerName", "Someone Else Ltd");
    form.put("categoryLabel", "Nothing to see");
    form.put("occurredAtText", "never");
    complete(instance, "Task_SubmitReportingForm", form);

    initialReportMissed(instance);

    String key = "incident:" + instance.getId() + ":initial-report-missed";
    assertThat(outbox(key)).isEqualTo("contracts@vibrance.example,si-officer@council.example");
    String body =
        jdbc.sql("SELECT body FROM notification_outbox WHERE idempotency_key = :key")
            .param("key", key)
            .query(String.class)
            .single();
    assertThat(body)
        .contains(reference)
        .contains(vibrance.name())
        .contains("Unexpected death or serious injury")
        .contains("Thu 22 May 2025, 08:00")
        .doesNotContain("BOGUS-1")
        .doesNotContain("Someone Else")
        .doesNotContain("Nothing to see");
  }

  // --- the reporting form -------------------------------------------------------------------

  @Test
  void aReportingFormAfterFortyEightHoursIsMissedThenLate() {
    ProcessInstance instance = reportedByProviderOnTime();
    String number = numberOf(instance);

    reportingFormMissed(instance);

    assertThat(taskAt(instance, "Task_ChaseReportingForm"))
        .hasCandidateGroup(Roles.QUALITY_ASSURANCE);
    assertThat(outbox("incident:" + instance.getId() + ":reporting-form-missed"))
        .contains("contracts@vibrance.example");

    TestClock.set(LocalDateTime.of(2025, 5, 24, 15, 0));
    complete(instance, "Task_SubmitReportingForm", reportingForm());

    assertThat(instance).isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");
    assertThat(taskAt(instance, "Task_ChaseReportingForm")).isNull();
    assertThat(timer(instance, "Timer_FullReportSecondEscalation")).isNull();
    assertThat(breachesOf(number))
        .extracting(DeadlineBreach::requirement, DeadlineBreach::kind, DeadlineBreach::dueAt)
        .containsExactly(
            tuple("REPORTING_FORM", Kind.LATE, Instant.parse("2025-05-24T07:00:00Z")),
            tuple("REPORTING_FORM", Kind.MISSED, Instant.parse("2025-05-24T07:00:00Z")));
  }

  @Test
  void aReportingFormNeverSentIsEscalatedTwice() {
    ProcessInstance instance = reportedByProviderOnTime();

    reportingFormEscalatedTwice(instance);

    assertThat(instance)
        .isWaitingAt(
            "Task_SubmitReportingForm",
            "Task_ChaseReportingForm",
            "Task_ActOnMissingReportingForm");
    assertThat(taskAt(instance, "Task_ActOnMissingReportingForm"))
        .hasCandidateGroup(Roles.CONTRACTS_MANAGERS);
    assertThat(outbox("incident:" + instance.getId() + ":reporting-form-second-escalation"))
        .contains("si-manager@council.example");
    assertThat(breachKinds(numberOf(instance)))
        .containsExactly(tuple("REPORTING_FORM", Kind.MISSED));

    assertRefused(
        taskAt(instance, "Task_ChaseReportingForm"),
        Map.of("escalationAction", "Phoned the registered manager"),
        "chaseDecision: must be one of CHASED, RECEIVED_ANOTHER_WAY");
    assertRefused(
        taskAt(instance, "Task_ChaseReportingForm"),
        Map.of("chaseDecision", "CHASED"),
        "escalationAction: is required");
    complete(instance, "Task_ChaseReportingForm", chased("Phoned the registered manager"));
    assertRefused(
        taskAt(instance, "Task_ActOnMissingReportingForm"),
        Map.of(),
        "escalationAction: is required");
    complete(
        instance,
        "Task_ActOnMissingReportingForm",
        Map.of("escalationAction", "Meeting with provider"));
    assertThat(instance).isWaitingAt("Task_SubmitReportingForm");
  }

  @Test
  void aReportingFormNeverSentDoesNotStopTheReviewWhenTheContractsManagersProceedWithoutIt() {
    ProcessInstance instance = reportedByProviderOnTime();
    String number = numberOf(instance);
    reportingFormEscalatedTwice(instance);
    assertRefused(
        taskAt(instance, "Task_ActOnMissingReportingForm"),
        Map.of("escalationAction", "Default notice being drafted", "proceedWithoutReport", true),
        "proceedReasons: is required to proceed without the report");
    complete(
        instance,
        "Task_ActOnMissingReportingForm",
        proceedWithoutReport(
            "Default notice being drafted",
            "The provider has ceased trading; the review cannot wait"));

    assertThat(instance)
        .hasPassed("EndEvent_ProceedWithoutReportingForm")
        .isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");
    assertThat(taskAt(instance, "Task_SubmitReportingForm")).isNull();
    assertThat(taskAt(instance, "Task_ChaseReportingForm")).isNull();
    assertThat(breachKinds(number)).containsExactly(tuple("REPORTING_FORM", Kind.MISSED));

    complete(instance, "Task_ReviewIncident", close());
    assertThat(instance).isEnded();
    SeriousIncident closed = incident(number);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.reportingFormAt()).isNull();
  }

  @Test
  void aMissingInitialReportDoesNotStopTheReviewWhenTheContractsManagersProceedWithoutIt() {
    ProcessInstance instance = loggedByOfficer();
    initialReportEscalatedTwice(instance);
    complete(instance, "Task_SubmitReportingForm", reportingForm());

    complete(
        instance,
        "Task_ActOnMissingInitialReport",
        proceedWithoutReport(
            "Called the director", "The reporting form holds what the review needs"));

    assertThat(instance)
        .hasPassed("EndEvent_ProceedWithoutInitialReport")
        .isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");
    assertThat(incident(numberOf(instance)).initialReportAt()).isNull();
  }

  // --- reports that reached the council by email or phone (§12.4-12.5) --------------------------

  @Test
  void anInitialReportPhonedInOnTimeIsEnteredByQualityAssuranceAndEndsTheWaitWithoutABreach() {
    ProcessInstance instance = loggedByOfficer();
    String number = numberOf(instance);
    assertThat(instance)
        .isWaitingAt(
            "Task_SubmitInitialReport",
            "Task_EnterInitialReportReceivedOtherwise",
            "Task_SubmitReportingForm",
            "Task_EnterReportingFormReceivedOtherwise");
    Task entry = taskAt(instance, "Task_EnterInitialReportReceivedOtherwise");
    assertThat(entry).hasCandidateGroup(Roles.QUALITY_ASSURANCE);
    assertThat(entry.getDueDate()).isNull();

    TestClock.set(LocalDateTime.of(2025, 5, 22, 11, 0));
    complete(
        entry, initialReportReceived("PHONE", "2025-05-22T09:45+01:00", "2025-05-22T08:30+01:00"));

    assertThat(instance)
        .hasPassed(
            "Task_RecordInitialReportReceivedOtherwise", "EndEvent_InitialReportReceivedOtherwise")
        .isWaitingAt("Task_SubmitReportingForm", "Task_EnterReportingFormReceivedOtherwise")
        .variables()
        .containsEntry("initialReportReceived", true)
        .containsEntry("initialReportChannel", "PHONE");
    assertThat(taskAt(instance, "Task_SubmitInitialReport")).isNull();
    assertThat(timer(instance, "Timer_InitialReport12h")).isNull();
    assertThat(timer(instance, "Timer_InitialReportSecondEscalation")).isNull();
    SeriousIncident row = incident(number);
    assertThat(row.initialReportAt()).isEqualTo(Instant.parse("2025-05-22T08:45:00Z"));
    assertThat(row.providerAwareAt()).isEqualTo(Instant.parse("2025-05-22T07:30:00Z"));
    assertThat(row.riddorReportable()).isTrue();
    assertThat(breachesOf(number)).isEmpty();
  }

  @Test
  void
      anInitialReportEmailedLateAndFoundWhenChasingIsLateFromWhenItArrivedNotFromWhenItWasEntered() {
    ProcessInstance instance = loggedByOfficer();
    String number = numberOf(instance);
    TestClock.set(LocalDateTime.of(2025, 5, 23, 9, 0));
    execute(timer(instance, "Timer_InitialReport12h"));
    assertThat(instance)
        .isWaitingAt(
            "Task_SubmitInitialReport",
            "Task_EnterInitialReportReceivedOtherwise",
            "Task_ChaseInitialReport");

    // Due 20:00 on Thursday; the email came at 21:30 and is entered on Friday morning.
    complete(
        instance,
        "Task_ChaseInitialReport",
        receivedAnotherWay(
            initialReportReceived("EMAIL", "2025-05-22T21:30+01:00", "2025-05-22T08:30+01:00")));

    assertThat(instance)
        .hasPassed("Gateway_InitialReportChaseOutcome", "Task_RecordInitialReportReceivedOtherwise")
        .hasNotPassed("EndEvent_InitialReportChased")
        .isWaitingAt("Task_SubmitReportingForm");
    assertThat(openTasks(instance))
        .containsExactlyInAnyOrder(
            "Task_SubmitReportingForm", "Task_EnterReportingFormReceivedOtherwise");
    assertThat(timer(instance, "Timer_InitialReportSecondEscalation")).isNull();
    assertThat(incident(number).initialReportAt()).isEqualTo(Instant.parse("2025-05-22T20:30:00Z"));
    assertThatBreaches(number)
        .containsExactly(
            tuple(
                "INITIAL_REPORT",
                Kind.LATE,
                Instant.parse("2025-05-22T19:00:00Z"),
                Instant.parse("2025-05-22T20:30:00Z")),
            tuple("INITIAL_REPORT", Kind.MISSED, Instant.parse("2025-05-22T19:00:00Z"), now()));
    assertThat(breachesOf(number).get(0).detail())
        .isEqualTo(
            "The initial report arrived by email 1 h 30 min after its deadline (Thu 22 May 2025, 20:00)");
  }

  @Test
  void anInitialReportPhonedInOnTimeButEnteredAfterTheTimerFiredWithdrawsTheMissedBreach() {
    ProcessInstance instance = loggedByOfficer();
    String number = numberOf(instance);
    initialReportMissed(instance);
    assertThat(breachesOf(number)).extracting(DeadlineBreach::kind).containsExactly(Kind.MISSED);

    // Due 20:00 on Thursday; the provider phoned at 19:30, entered on Friday morning.
    TestClock.set(LocalDateTime.of(2025, 5, 23, 9, 0));
    complete(
        instance,
        "Task_ChaseInitialReport",
        receivedAnotherWay(
            initialReportReceived("PHONE", "2025-05-22T19:30+01:00", "2025-05-22T08:30+01:00")));

    assertThat(incident(number).initialReportAt()).isEqualTo(Instant.parse("2025-05-22T18:30:00Z"));
    assertThat(breachesOf(number)).isEmpty();
  }

  @Test
  void aReportingFormEmailedOnTimeButEnteredAfterTheTimerFiredWithdrawsTheMissedBreach() {
    ProcessInstance instance = reportedByProviderOnTime();
    String number = numberOf(instance);
    reportingFormMissed(instance);
    assertThat(breachesOf(number)).extracting(DeadlineBreach::kind).containsExactly(Kind.MISSED);

    // Due 08:00 on Saturday: the email came at exactly 08:00.
    complete(
        instance,
        "Task_EnterReportingFormReceivedOtherwise",
        reportingFormReceived("2025-05-24T08:00+01:00"));

    assertThat(instance).isWaitingAt("Task_ReviewIncident");
    assertThat(breachesOf(number)).isEmpty();
  }

  @Test
  void aPhonedInitialReportThatSuspectsAbuseRaisesTheProvidersAlertAsOfWhenTheCallCame() {
    ProcessInstance instance = loggedByOfficer();
    String number = numberOf(instance);
    TestClock.set(LocalDateTime.of(2025, 5, 23, 9, 0));
    Map<String, Object> entry =
        initialReportReceived("PHONE", "2025-05-22T21:30+01:00", "2025-05-22T08:30+01:00");
    entry.put("safeguardingSuspected", true);

    complete(instance, "Task_EnterInitialReportReceivedOtherwise", entry);

    assertThat(alertOf(number)).isWaitingAt("Task_ScreenSafeguardingAlert");
    Map<String, Object> row = alertRow(number);
    assertThat(row).containsEntry("RAISED_BY", "PROVIDER");
    assertThat(((OffsetDateTime) row.get("AWARE_AT")).toInstant())
        .isEqualTo(Instant.parse("2025-05-22T07:30:00Z"));
    assertThat(((OffsetDateTime) row.get("ALERTED_AT")).toInstant())
        .isEqualTo(Instant.parse("2025-05-22T20:30:00Z"));
    assertThat(row).containsEntry("SUMMARY", "Concern raised from serious incident " + number);
    assertThat((String) runtimeService.getVariable(alertOf(number).getId(), "concernSummary"))
        .startsWith("Serious incident " + number + " (")
        .endsWith(": the provider suspects abuse or neglect.");
    // 13 hours after the provider became aware: later than the 12 hours of App C 5.2.
    assertThat(breaches.ofCase("SAFEGUARDING_ALERT", number))
        .extracting(DeadlineBreach::kind)
        .containsExactly(Kind.LATE);
  }

  @Test
  void aReportingFormEmailedAfterBothEscalationsEndsThemAndTheCaseGoesOnToReviewAndClosure() {
    ProcessInstance instance = reportedByProviderOnTime();
    String number = numberOf(instance);
    reportingFormEscalatedTwice(instance);
    assertThat(instance)
        .isWaitingAt(
            "Task_SubmitReportingForm",
            "Task_EnterReportingFormReceivedOtherwise",
            "Task_ChaseReportingForm",
            "Task_ActOnMissingReportingForm");

    // Due 08:00 on Saturday; the provider emailed it at 18:00 and the chase finds it on Sunday.
    TestClock.set(LocalDateTime.of(2025, 5, 25, 9, 0));
    complete(
        instance,
        "Task_ChaseReportingForm",
        receivedAnotherWay(reportingFormReceived("2025-05-24T18:00+01:00")));

    assertThat(instance)
        .hasPassed(
            "Task_RecordReportingFormReceivedOtherwise", "EndEvent_ReportingFormReceivedOtherwise")
        .isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");
    assertThat(openTasks(instance)).containsExactly("Task_ReviewIncident");
    assertThat(incident(number).reportingFormAt()).isEqualTo(Instant.parse("2025-05-24T17:00:00Z"));
    assertThatBreaches(number)
        .containsExactly(
            tuple(
                "REPORTING_FORM",
                Kind.LATE,
                Instant.parse("2025-05-24T07:00:00Z"),
                Instant.parse("2025-05-24T17:00:00Z")),
            tuple(
                "REPORTING_FORM",
                Kind.MISSED,
                Instant.parse("2025-05-24T07:00:00Z"),
                at(LocalDateTime.of(2025, 5, 24, 8, 1)).toInstant()));
    assertThat(runtimeService.getVariable(instance.getId(), "reportingFormText").toString())
        .startsWith("SERIOUS INCIDENT REPORTING FORM");

    complete(instance, "Task_ReviewIncident", close());
    assertThat(instance).isEnded().hasPassed("Task_CloseIncident");
    assertThat(incident(number).status()).isEqualTo("CLOSED");
  }

  @Test
  void aReportingFormEmailedOnTimeIsEnteredWithoutWaitingForTheDeadline() {
    ProcessInstance instance = reportedByProviderOnTime();
    String number = numberOf(instance);
    assertThat(taskAt(instance, "Task_EnterReportingFormReceivedOtherwise"))
        .hasCandidateGroup(Roles.QUALITY_ASSURANCE);

    TestClock.set(LocalDateTime.of(2025, 5, 23, 16, 0));
    Map<String, Object> itemsInstead = new HashMap<>(reportingForm());
    itemsInstead.put("reportingFormChannel", "EMAIL");
    itemsInstead.put("reportingFormReceivedAt", "2025-05-23T15:40+01:00");
    complete(instance, "Task_EnterReportingFormReceivedOtherwise", itemsInstead);

    assertThat(instance).isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");
    assertThat(taskAt(instance, "Task_SubmitReportingForm")).isNull();
    assertThat(timer(instance, "Timer_FullReport48h")).isNull();
    assertThat(incident(number).reportingFormAt()).isEqualTo(Instant.parse("2025-05-23T14:40:00Z"));
    assertThat(breachesOf(number)).isEmpty();
  }

  @Test
  void
      anEnteredInitialReportReceivedInTheFutureBeforeTheIncidentOrWithoutItsItemsIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = loggedByOfficer();
    String number = numberOf(instance);
    Task task = taskAt(instance, "Task_EnterInitialReportReceivedOtherwise");

    assertRefused(
        task,
        initialReportReceived("EMAIL", "2025-05-22T09:30+01:00", "2025-05-22T08:30+01:00"),
        "Initial report received by email or phone cannot be completed",
        "initialReportReceivedAt: cannot be in the future");
    Map<String, Object> beforeTheIncident =
        initialReportReceived("EMAIL", "2025-05-22T07:30+01:00", "2025-05-22T08:30+01:00");
    // The incident's time comes from the register, not from what the form sends.
    beforeTheIncident.put("occurredAt", "2025-05-21T08:00+01:00");
    assertRefused(
        task, beforeTheIncident, "initialReportReceivedAt: cannot be before the incident occurred");
    assertRefused(
        task,
        initialReportReceived("PHONE", "2025-05-22T08:20+01:00", "2025-05-22T08:30+01:00"),
        "initialReportReceivedAt: cannot be before the provider became aware of the incident");
    assertRefused(
        task,
        Map.of("initialReportChannel", "FAX"),
        "initialReportChannel: must be one of EMAIL, PHONE",
        "initialReportReceivedAt: is required",
        "providerAwareAt: is required",
        "partiesInvolved: is required",
        "emergencyServices: is required",
        "immediateAction: is required",
        "furtherAction: is required",
        "serviceUserGroup: must be one of",
        "serviceUserName: is required",
        "serviceUserLbbId: is required");

    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
    assertThat(instance)
        .isWaitingAt("Task_SubmitInitialReport", "Task_EnterInitialReportReceivedOtherwise");
    assertThat(incident(number).initialReportAt()).isNull();
    assertThat(breachesOf(number)).isEmpty();
  }

  @Test
  void anEnteredReportingFormWithoutItsContentOrWithABadTimeIsRefusedAndTheChaseStaysOpen() {
    ProcessInstance instance = reportedByProviderOnTime();
    String number = numberOf(instance);
    reportingFormMissed(instance);
    Task chase = taskAt(instance, "Task_ChaseReportingForm");

    assertRefused(
        chase,
        receivedAnotherWay(Map.of()),
        "Chase the reporting form cannot be completed",
        "reportingFormText: paste the form as received, or fill in every item of the form",
        "incidentChronology: is required",
        "currentPosition: is required",
        "contributoryFactors: is required",
        "lessonsAndActions: is required",
        "reportingFormChannel: must be one of EMAIL, PHONE",
        "reportingFormReceivedAt: is required");
    assertRefused(
        chase,
        receivedAnotherWay(reportingFormReceived("2025-05-24T09:30+01:00")),
        "reportingFormReceivedAt: cannot be in the future");
    assertRefused(
        chase,
        receivedAnotherWay(reportingFormReceived("2025-05-22T07:59+01:00")),
        "reportingFormReceivedAt: cannot be before the incident occurred");
    assertRefused(
        taskAt(instance, "Task_EnterReportingFormReceivedOtherwise"),
        Map.of(
            "reportingFormChannel", "EMAIL", "reportingFormReceivedAt", "2025-05-24T07:00+01:00"),
        "Reporting form received by email or phone cannot be completed",
        "reportingFormText: paste the form as received");

    assertThat(instance)
        .isWaitingAt(
            "Task_SubmitReportingForm",
            "Task_EnterReportingFormReceivedOtherwise",
            "Task_ChaseReportingForm");
    assertThat(incident(number).reportingFormAt()).isNull();
    assertThat(breachesOf(number)).extracting(DeadlineBreach::kind).containsExactly(Kind.MISSED);
  }

  // --- cases opened late --------------------------------------------------------------------

  @Test
  void theClocksRunFromTheIncidentNotFromWhenTheCaseWasOpened() {
    TestClock.set(LocalDateTime.of(2025, 5, 22, 19, 0));
    ProcessInstance instance = loggedByOfficer();

    assertThat(timer(instance, "Timer_InitialReport12h").getDuedate())
        .isEqualTo(at(LocalDateTime.of(2025, 5, 22, 20, 0)));
    assertThat(timer(instance, "Timer_FullReport48h").getDuedate())
        .isEqualTo(at(LocalDateTime.of(2025, 5, 24, 8, 0)));
  }

  @Test
  void aCaseOpenedAfterFortyEightHoursHasEveryEscalationDueAtOnce() {
    TestClock.set(LocalDateTime.of(2025, 5, 26, 10, 0));
    ProcessInstance instance = loggedByOfficer();

    assertThat(dueTimers(instance)).isEqualTo(4);
    executeDueJobs(instance);

    assertThat(instance)
        .isWaitingAt(
            "Task_SubmitInitialReport",
            "Task_ChaseInitialReport",
            "Task_ActOnMissingInitialReport",
            "Task_SubmitReportingForm",
            "Task_ChaseReportingForm",
            "Task_ActOnMissingReportingForm");
    assertThat(breachKinds(numberOf(instance)))
        .containsExactly(
            tuple("INITIAL_REPORT", Kind.MISSED), tuple("REPORTING_FORM", Kind.MISSED));
  }

  @Test
  void aProviderReportingAfterFortyEightHoursIsLateAndItsFormAlreadyMissed() {
    TestClock.set(LocalDateTime.of(2025, 5, 24, 10, 0));
    ProcessInstance instance = reportedByProviderAt("2025-05-24T09:00+01:00");
    executeDueJobs(instance);

    assertThat(instance).isWaitingAt("Task_SubmitReportingForm", "Task_ChaseReportingForm");
    assertThat(breachKinds(numberOf(instance)))
        .containsExactly(tuple("INITIAL_REPORT", Kind.LATE), tuple("REPORTING_FORM", Kind.MISSED));
  }

  // --- cases open before the deadlines became rows -------------------------------------------

  @Test
  void theV16MigrationGivesAnOpenCaseARowForEachReportStillOwed() throws Exception {
    ProcessInstance logged = loggedByOfficer();
    ProcessInstance reported = reportedByProviderOnTime();
    String loggedNumber = numberOf(logged);
    String reportedNumber = numberOf(reported);
    for (String number : List.of(loggedNumber, reportedNumber)) {
      jdbc.sql(
              "DELETE FROM case_deadline WHERE case_type = 'SERIOUS_INCIDENT' AND case_reference = :r")
          .param("r", number)
          .update();
    }

    String migration =
        new String(
            new ClassPathResource("db/migration/V16__incident_deadlines.sql")
                .getInputStream()
                .readAllBytes(),
            StandardCharsets.UTF_8);
    jdbc.sql(migration.replaceAll("(?m)^--.*$", "").trim()).update();

    assertThat(deadlines.of(IncidentVariables.CASE_TYPE, loggedNumber))
        .extracting(Deadline::kind, Deadline::dueAt, Deadline::state, Deadline::seedSection)
        .containsExactly(
            tuple("INITIAL_REPORT", Instant.parse("2025-05-22T19:00:00Z"), State.OPEN, "002 §12.4"),
            tuple(
                "REPORTING_FORM", Instant.parse("2025-05-24T07:00:00Z"), State.OPEN, "002 §12.5"));
    // The provider's report opened that case: only the reporting form is still owed.
    assertThat(deadlineStates(IncidentVariables.CASE_TYPE, reportedNumber))
        .containsExactly(tuple("REPORTING_FORM", State.OPEN));

    // The timers that read the rows work as before: the 12 hours pass with no report.
    initialReportMissed(logged);
    assertThatBreaches(loggedNumber)
        .containsExactly(
            tuple("INITIAL_REPORT", Kind.MISSED, Instant.parse("2025-05-22T19:00:00Z"), now()));
  }

  // --- regular updates ------------------------------------------------------------------------

  @Test
  void updatesAreRequestedEveryFiveWorkingDaysAcrossWeekendsAndBankHolidays() {
    ProcessInstance instance = caseUnderReview();
    // Thursday 22 May + 5 working days, Monday 26 May being the Spring bank holiday: Friday 30 May,
    // ending at midnight.
    assertThat(timer(instance, "Timer_NextUpdateDue").getDuedate())
        .isEqualTo(at(LocalDateTime.of(2025, 5, 31, 0, 0)));

    TestClock.set(LocalDateTime.of(2025, 5, 31, 0, 1));
    execute(timer(instance, "Timer_NextUpdateDue"));

    Task update = taskAt(instance, "Task_ProvideUpdate");
    assertThat(update).hasCandidateGroup(VIBRANCE_GROUP);
    // Saturday 31 May + 2 working days: Tuesday 3 June.
    assertThat(update.getDueDate()).isEqualTo(at(LocalDateTime.of(2025, 6, 4, 0, 0)));

    TestClock.set(LocalDateTime.of(2025, 6, 2, 10, 0));
    complete(update, update("Surgery done; discharge planning under way", false));

    assertThat(instance)
        .variables()
        .containsEntry("updatesReceived", 1)
        .containsEntry("lastUpdate", "Surgery done; discharge planning under way");
    // Monday 2 June + 5 working days: Monday 9 June.
    assertThat(timer(instance, "Timer_NextUpdateDue").getDuedate())
        .isEqualTo(at(LocalDateTime.of(2025, 6, 10, 0, 0)));
    assertThat(deadlinesOf(numberOf(instance)))
        .contains(tuple("NEXT_UPDATE", Instant.parse("2025-06-09T23:00:00Z"), State.OPEN, now()));

    TestClock.set(LocalDateTime.of(2025, 6, 10, 0, 1));
    execute(timer(instance, "Timer_NextUpdateDue"));
    assertThat(
            taskService.getVariable(
                taskAt(instance, "Task_ProvideUpdate").getId(), "updateSummary"))
        .isNull();
    complete(instance, "Task_ProvideUpdate", update("Discharged home with a new package", true));

    assertThat(instance)
        .isWaitingAt("Task_ReviewIncident")
        .hasPassed("EndEvent_UpdatesConcluded")
        .variables()
        .containsEntry("updatesReceived", 2);
    assertThat(timer(instance, "Timer_NextUpdateDue")).isNull();
  }

  // --- the council's review -----------------------------------------------------------------

  @Test
  void closingTheIncidentStopsTheUpdateRequestsAndRecordsTheOutcome() {
    ProcessInstance instance = caseUnderReview();
    String number = numberOf(instance);

    assertRefused(
        taskAt(instance, "Task_ReviewIncident"),
        Map.of("reviewDecision", "CLOSE"),
        "outcome: is required",
        "lessonsLearned: is required");

    TestClock.set(LocalDateTime.of(2025, 5, 27, 11, 0));
    complete(instance, "Task_ReviewIncident", close());

    assertThat(instance)
        .isEnded()
        .hasPassed("EndEvent_ReviewClosed", "Task_CloseIncident", "EndEvent_IncidentClosed");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
        .isZero();
    SeriousIncident closed = incident(number);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.closedAt()).isEqualTo(now());
    assertThat(closed.outcome()).isEqualTo("Accidental fall; provider's actions appropriate");
    assertThat(outbox("incident:" + instance.getId() + ":closed"))
        .isEqualTo("contracts@vibrance.example");
    // The provider's mailbox may be shared: the email says where the outcome is, not what it is.
    assertThat(outboxBody("incident:" + instance.getId() + ":closed"))
        .contains("closed")
        .contains("/api/incidents/" + number)
        .doesNotContain("Accidental fall")
        .doesNotContain("Hazard checks");
  }

  @Test
  void moreInformationGoesToTheProviderAndBackToTheReview() {
    ProcessInstance instance = caseUnderReview();

    complete(
        instance,
        "Task_ReviewIncident",
        Map.of(
            "reviewDecision",
            "MORE_INFORMATION",
            "informationRequested",
            "Send the falls risk assessment"));

    Task further = taskAt(instance, "Task_ProvideFurtherInformation");
    assertThat(further).hasCandidateGroup(VIBRANCE_GROUP);
    assertThat(further.getDueDate()).isEqualTo(at(LocalDateTime.of(2025, 5, 28, 0, 0)));
    complete(
        further, Map.of("furtherInformation", "Assessment of 3 March attached to the case file"));

    assertThat(instance).isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");
    // The new review starts with no decision chosen.
    assertThat(
            taskService.getVariable(
                taskAt(instance, "Task_ReviewIncident").getId(), "reviewDecision"))
        .isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "HEAD_OF_SERVICE, Task_HeadOfServiceReview, chief-officers",
    "REGULATOR, Task_RecordRegulatorNotification, quality-assurance",
    "CONTRACT_DEFAULT, Task_ConsiderContractDefault, contracts-managers"
  })
  void eachEscalationHasItsFollowUpTaskAndReturnsToTheReview(
      String route, String followUp, String group) {
    ProcessInstance instance = caseUnderReview();

    complete(instance, "Task_ReviewIncident", escalate(route));

    assertThat(instance).isWaitingAt(followUp, "Timer_NextUpdateDue");
    Task task = taskAt(instance, followUp);
    assertThat(task).hasCandidateGroup(group);
    assertThat(task.getDueDate()).isEqualTo(at(LocalDateTime.of(2025, 5, 28, 0, 0)));
    assertRefused(task, Map.of());
    complete(task, followUpAnswer(route));

    assertThat(instance).isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");
  }

  @Test
  void theCouncilsDeliberationsStayOffTheProvidersLaterTasks() {
    ProcessInstance instance = caseUnderReview();
    complete(instance, "Task_ReviewIncident", escalate("CONTRACT_DEFAULT"));
    complete(instance, "Task_ConsiderContractDefault", followUpAnswer("CONTRACT_DEFAULT"));
    complete(instance, "Task_ReviewIncident", escalate("HEAD_OF_SERVICE"));
    complete(instance, "Task_HeadOfServiceReview", followUpAnswer("HEAD_OF_SERVICE"));
    complete(instance, "Task_ReviewIncident", escalate("REGULATOR"));
    complete(instance, "Task_RecordRegulatorNotification", followUpAnswer("REGULATOR"));
    assertThat(instance).isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");

    TestClock.set(LocalDateTime.of(2025, 5, 31, 0, 1));
    execute(timer(instance, "Timer_NextUpdateDue"));
    Map<String, Object> seenByProvider =
        variablesAs(PROVIDER_USER, taskAt(instance, "Task_ProvideUpdate"));

    assertThat(seenByProvider)
        .containsKey("incidentNumber")
        .doesNotContainKeys(
            "contractDefaultDecision",
            "contractDefaultReasons",
            "headOfServiceResponse",
            "cqcNotificationReference",
            "cqcNotifiedOn",
            "reviewNotes");
    // The council still has every answer, with the task that gave it.
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName("contractDefaultReasons")
                .singleResult()
                .getValue())
        .isEqualTo("Falls procedure not followed");
  }

  @Test
  void theRegulatorNotificationCannotBeDatedBeforeTheIncidentOrInTheFuture() {
    ProcessInstance instance = caseUnderReview();
    complete(instance, "Task_ReviewIncident", escalate("REGULATOR"));
    Task task = taskAt(instance, "Task_RecordRegulatorNotification");

    assertRefused(
        task,
        Map.of("cqcNotificationReference", "CQC-1", "cqcNotifiedOn", "2025-05-21"),
        "cqcNotifiedOn: cannot be before the incident occurred");
    assertRefused(
        task,
        Map.of("cqcNotificationReference", "CQC-1", "cqcNotifiedOn", "2025-05-23"),
        "cqcNotifiedOn: cannot be in the future");
  }

  @Test
  void aSafeguardingEscalationRaisesTheCouncilsAlertOnce() {
    ProcessInstance instance = caseUnderReview();
    String number = numberOf(instance);

    complete(instance, "Task_ReviewIncident", escalate("SAFEGUARDING_ENQUIRY"));

    assertThat(instance)
        .isWaitingAt("Task_ReviewIncident")
        .variables()
        .containsEntry("safeguardingAlertRaised", true);
    ProcessInstance alert = alertOf(number);
    assertThat(alert).isWaitingAt("Task_ScreenSafeguardingAlert");
    Map<String, Object> row = alertRow(number);
    assertThat(row).containsEntry("RAISED_BY", "COUNCIL");
    // The provider's own report, 10 minutes after it became aware, is what App C 5.2 counts.
    assertThat(instantOf(row, "PROVIDER_AWARE_AT"))
        .isEqualTo(Instant.parse("2025-05-22T07:10:00Z"));
    assertThat(instantOf(row, "PROVIDER_REPORTED_AT"))
        .isEqualTo(Instant.parse("2025-05-22T08:00:00Z"));

    complete(instance, "Task_ReviewIncident", escalate("SAFEGUARDING_ENQUIRY"));
    assertThat(runningCases("safeguarding-alert", number)).isOne();
  }

  // --- safeguarding suspected in the report ---------------------------------------------------

  @Test
  void aProviderWhoSuspectsAbuseRaisesTheAlertWithTheIncidentsNumber() {
    Map<String, Object> report =
        providerReport(reference, "2025-05-22T08:00+01:00", "2025-05-22T08:10+01:00");
    report.put("safeguardingSuspected", true);
    report.put("category", "SAFEGUARDING_ALERT_RAISED");
    ProcessInstance instance = startAs(PROVIDER_USER, report);
    String number = numberOf(instance);

    ProcessInstance alert = alertOf(number);
    assertThat(alert).hasBusinessKey(number).isWaitingAt("Task_ScreenSafeguardingAlert");
    assertThat(instance)
        .variables()
        .containsEntry("safeguardingAlertRaised", true)
        .containsEntry("safeguardingAlertProcessInstanceId", alert.getId());
    Map<String, Object> row = alertRow(number);
    assertThat(row).containsEntry("RAISED_BY", "PROVIDER");
    assertThat(((OffsetDateTime) row.get("AWARE_AT")).toInstant())
        .isEqualTo(Instant.parse("2025-05-22T07:10:00Z"));
    assertThat(((OffsetDateTime) row.get("ALERTED_AT")).toInstant()).isEqualTo(now());
    assertThat(row.get("SUMMARY").toString()).doesNotContain("Edith");
    assertThat(incident(number).safeguardingSuspected()).isTrue();
  }

  @Test
  void anOfficerWhoSuspectsAbuseRaisesTheCouncilsAlertAtOnce() {
    Map<String, Object> log = officerLog(reference, "2025-05-22T08:00+01:00");
    log.put("safeguardingSuspected", true);
    ProcessInstance instance = startAs(OFFICER, log);

    assertThat(alertOf(numberOf(instance))).isWaitingAt("Task_ScreenSafeguardingAlert");
    Map<String, Object> row = alertRow(numberOf(instance));
    assertThat(row).containsEntry("RAISED_BY", "COUNCIL");
    assertThat(((OffsetDateTime) row.get("AWARE_AT")).toInstant()).isEqualTo(now());
  }

  @Test
  void
      anInitialReportThatSuspectsAbuseRaisesTheProvidersAlertLateIfAwareMoreThanTwelveHoursBefore() {
    ProcessInstance instance = startAs(OFFICER, officerLog(reference, "2025-05-21T18:00+01:00"));
    String number = numberOf(instance);
    assertThat(alertRowOrNull(number)).isNull();

    Map<String, Object> report = initialReport("2025-05-21T18:30+01:00");
    report.put("safeguardingSuspected", true);
    complete(instance, "Task_SubmitInitialReport", report);

    assertThat(alertOf(number)).isWaitingAt("Task_ScreenSafeguardingAlert");
    assertThat(alertRow(number)).containsEntry("RAISED_BY", "PROVIDER");
    assertThat(breaches.ofCase("SAFEGUARDING_ALERT", number))
        .extracting(DeadlineBreach::kind)
        .containsExactly(Kind.LATE);
  }

  // --- App C 5.2 when the council learnt first ---------------------------------------------------

  @Test
  void theProvidersReportOnACouncilAlertRecordsItsOwnAwarenessForAppC52() {
    Map<String, Object> log = officerLog(reference, "2025-05-22T08:00+01:00");
    log.put("safeguardingSuspected", true);
    ProcessInstance instance = startAs(OFFICER, log);
    String number = numberOf(instance);
    assertThat(alertRow(number))
        .containsEntry("RAISED_BY", "COUNCIL")
        .containsEntry("PROVIDER_AWARE_AT", null);

    TestClock.set(LocalDateTime.of(2025, 5, 22, 12, 0));
    complete(instance, "Task_SubmitInitialReport", initialReport("2025-05-22T09:30+01:00"));

    Map<String, Object> row = alertRow(number);
    assertThat(row).containsEntry("RAISED_BY", "COUNCIL");
    assertThat(instantOf(row, "PROVIDER_AWARE_AT"))
        .isEqualTo(Instant.parse("2025-05-22T08:30:00Z"));
    assertThat(instantOf(row, "PROVIDER_REPORT_DUE_AT"))
        .isEqualTo(Instant.parse("2025-05-22T20:30:00Z"));
    assertThat(instantOf(row, "PROVIDER_REPORTED_AT")).isEqualTo(now());
    // The council's alert is not raised again as the provider's.
    assertThat(runningCases("safeguarding-alert", number)).isOne();
  }

  @Test
  void aCaseFromAComplaintTakesTheProvidersAwarenessBeforeTheComplaintButNotInTheFuture() {
    String complaint = "CP-T-" + reference;
    String alert =
        safeguardingAlerts.raise(
            new SafeguardingConcern(
                SafeguardingConcern.COMPLAINT,
                complaint,
                vibrance.id(),
                VIBRANCE_GROUP,
                SafeguardingConcern.COUNCIL,
                now(),
                now(),
                "Concern raised in a complaint",
                null));
    String number = complaintIncidents.openFromComplaint(complaint, reference, now(), alert);
    ProcessInstance instance = runningCase("serious-incident", number);
    assertThat(instance).isWaitingAt("Task_SubmitInitialReport");

    assertRefused(
        taskAt(instance, "Task_SubmitInitialReport"),
        initialReport("2025-05-22T10:00+01:00"),
        "providerAwareAt: cannot be in the future");

    // The provider knew the evening before the complaint reached the council (09:00 on 22 May):
    // accepted, and its report 15 hours after that is late for App C 5.2.
    complete(instance, "Task_SubmitInitialReport", initialReport("2025-05-21T18:00+01:00"));

    assertThat(incident(number).providerAwareAt()).isEqualTo(Instant.parse("2025-05-21T17:00:00Z"));
    Map<String, Object> row = alertRowOrNull(complaint);
    assertThat(instantOf(row, "PROVIDER_AWARE_AT"))
        .isEqualTo(Instant.parse("2025-05-21T17:00:00Z"));
    assertThat(instantOf(row, "PROVIDER_REPORT_DUE_AT"))
        .isEqualTo(Instant.parse("2025-05-22T05:00:00Z"));
    assertThat(instantOf(row, "PROVIDER_REPORTED_AT")).isEqualTo(now());
    assertThat(alertRowOrNull(number)).as("no second alert for the same concern").isNull();
  }

  private static Instant instantOf(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? null : ((OffsetDateTime) value).toInstant();
  }

  // --- helpers -------------------------------------------------------------------------------

  /**
   * A provider's case with both reports in on Thursday 22 May 2025, waiting for the council's
   * review.
   */
  private ProcessInstance caseUnderReview() {
    ProcessInstance instance = reportedByProviderOnTime();
    complete(instance, "Task_SubmitReportingForm", reportingForm());
    assertThat(instance).isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");
    assertThat(taskAt(instance, "Task_ReviewIncident")).hasCandidateGroup(Roles.QUALITY_ASSURANCE);
    return instance;
  }

  private static Map<String, Object> followUpAnswer(String route) {
    return switch (route) {
      case "HEAD_OF_SERVICE" ->
          Map.of("headOfServiceResponse", "Meet the provider's director this week");
      case "REGULATOR" ->
          Map.of("cqcNotificationReference", "CQC-INS-2025-0042", "cqcNotifiedOn", "2025-05-22");
      case "CONTRACT_DEFAULT" ->
          Map.of(
              "contractDefaultDecision",
              "REMEDIAL_ACTION_PLAN",
              "contractDefaultReasons",
              "Falls procedure not followed");
      default -> throw new IllegalArgumentException(route);
    };
  }

  private ProcessInstance startAs(String userId, Map<String, Object> variables) {
    return startSignedIn(userId, IncidentVariables.PROCESS_KEY, new HashMap<>(variables));
  }

  private String numberOf(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), "incidentNumber");
  }

  /** The register's row of the incident. */
  private SeriousIncident incident(String number) {
    return register.findByNumber(number).orElseThrow();
  }

  private List<DeadlineBreach> breachesOf(String number) {
    return breaches.ofCase("SERIOUS_INCIDENT", number);
  }

  /** The case's breaches as (requirement, kind) rows. */
  private List<Tuple> breachKinds(String number) {
    return breachKinds("SERIOUS_INCIDENT", number);
  }

  private ProcessInstance alertOf(String number) {
    return runningCase("safeguarding-alert", number);
  }

  private Map<String, Object> alertRow(String number) {
    Map<String, Object> row = alertRowOrNull(number);
    assertThat(row).as("safeguarding alert of " + number).isNotNull();
    return row;
  }

  private Map<String, Object> alertRowOrNull(String number) {
    List<Map<String, Object>> rows =
        jdbc.sql("SELECT * FROM safeguarding_alert WHERE source_reference = :number")
            .param("number", number)
            .query()
            .listOfRows();
    return rows.isEmpty() ? null : upperCaseKeys(rows.get(0));
  }

  private static Map<String, Object> upperCaseKeys(Map<String, Object> row) {
    Map<String, Object> upper = new HashMap<>();
    row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
    return upper;
  }

  private void assertNothingCreated() {
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(IncidentVariables.PROCESS_KEY)
                .variableValueEquals("contractReference", reference)
                .count())
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM serious_incident i JOIN contract c ON c.id = i.contract_id"
                        + " WHERE c.reference = :reference")
                .param("reference", reference)
                .query(Long.class)
                .single())
        .isZero();
  }

  private List<Tuple> deadlinesOf(String number) {
    return deadlines.of(IncidentVariables.CASE_TYPE, number).stream()
        .map(d -> tuple(d.kind(), d.dueAt(), d.state(), d.stateAt()))
        .toList();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * The provider's task is offered to its group, and the task and the timer that escalates it are
   * both due at the UK time.
   */
  private void assertProviderTaskDueAt(
      ProcessInstance instance, String taskId, String timerId, LocalDateTime ukTime) {
    assertThat(taskAt(instance, taskId)).hasCandidateGroup(VIBRANCE_GROUP);
    assertThat(taskAt(instance, taskId).getDueDate()).as(taskId).isEqualTo(at(ukTime));
    assertThat(timer(instance, timerId).getDuedate()).as(timerId).isEqualTo(at(ukTime));
  }

  private static Date at(LocalDateTime ukTime) {
    return Date.from(ukTime.atZone(WorkingDayCalendar.UK).toInstant());
  }

  /** A provider's report of an incident at 08:00 on Thursday 22 May 2025, ten minutes after. */
  private ProcessInstance reportedByProviderOnTime() {
    return reportedByProviderAt("2025-05-22T08:10+01:00");
  }

  /** A provider's report, sent at the time given, of an incident at 08:00 on 22 May 2025. */
  private ProcessInstance reportedByProviderAt(String reportedAt) {
    return startAs(PROVIDER_USER, providerReport(reference, "2025-05-22T08:00+01:00", reportedAt));
  }

  /** The officer's log of an incident at 08:00 on Thursday 22 May 2025. */
  private ProcessInstance loggedByOfficer() {
    return startAs(OFFICER, officerLog(reference, "2025-05-22T08:00+01:00"));
  }

  /** The reporting form's 48 hours run out (08:00 on Saturday 24 May). */
  private void reportingFormMissed(ProcessInstance instance) {
    TestClock.set(LocalDateTime.of(2025, 5, 24, 8, 1));
    execute(timer(instance, "Timer_FullReport48h"));
  }

  /** The contracts managers' answer to go on without the missing report, with their reasons. */
  private static Map<String, Object> proceedWithoutReport(String action, String reasons) {
    return Map.of(
        "escalationAction", action, "proceedWithoutReport", true, "proceedReasons", reasons);
  }

  /** Every value the case's history holds for a variable of that name. */
  private Stream<Object> historicValues(ProcessInstance instance, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .list()
        .stream()
        .map(HistoricVariableInstance::getValue);
  }

  /** The reporting form is still missing when its second escalation falls due (08:00 Sunday). */
  private void reportingFormEscalatedTwice(ProcessInstance instance) {
    reportingFormMissed(instance);
    TestClock.set(LocalDateTime.of(2025, 5, 25, 8, 1));
    execute(timer(instance, "Timer_FullReportSecondEscalation"));
  }

  /** By 21:00 on Friday 23 May both escalations of the missing initial report have run. */
  private void initialReportEscalatedTwice(ProcessInstance instance) {
    TestClock.set(LocalDateTime.of(2025, 5, 23, 21, 0));
    executeDueJobs(instance);
  }

  /** The initial report's 12 hours run out (20:00 on Thursday 22 May). */
  private void initialReportMissed(ProcessInstance instance) {
    TestClock.set(LocalDateTime.of(2025, 5, 22, 20, 1));
    execute(timer(instance, "Timer_InitialReport12h"));
  }

  /** The case's breaches as (requirement, kind, due, recorded) rows. */
  private AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>>
      assertThatBreaches(String number) {
    return assertThat(breachesOf(number))
        .extracting(
            DeadlineBreach::requirement,
            DeadlineBreach::kind,
            DeadlineBreach::dueAt,
            DeadlineBreach::recordedAt);
  }
}
