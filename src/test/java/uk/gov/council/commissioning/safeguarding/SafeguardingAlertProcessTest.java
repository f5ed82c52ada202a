package uk.gov.council.commissioning.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Every path and the timer of safeguarding-alert.bpmn (seed 002 §10.3-10.5, App C 5.2), and
 * SafeguardingAlerts.raise(). Jobs are executed explicitly and the engine clock is moved.
 */
@ProcessTest
class SafeguardingAlertProcessTest extends ProcessTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PROVIDER_GROUP = "provider-sg-alpha";
  // Monday 6 July 2026, 11:00 in London (BST).
  private static final Instant ALERTED = Instant.parse("2026-07-06T10:00:00Z");

  @Autowired SafeguardingAlerts alerts;
  @Autowired SafeguardingRegister register;

  Provider alpha;
  String reference;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    access.ensureGroup(PROVIDER_GROUP, "Alpha Safeguarding Care", "PROVIDER");
    user(access, "sg-screener", Roles.SAFEGUARDING);
    user(access, "sg-alpha-manager", Roles.PROVIDERS, PROVIDER_GROUP);
    alpha =
        contracts.createProvider(
            "Alpha Safeguarding Care", "safeguarding@alpha.example", PROVIDER_GROUP);
    reference = "SI-SG-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    TestClock.set(Date.from(ALERTED));
  }

  // --- raising the alert and opening the screening --------------------------------------------

  @Test
  void anAlertEmailsTheSafeguardingTeamAndWaitsForScreeningDueADayLater() {
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));

    assertThat(instance)
        .isStarted()
        .hasBusinessKey(reference)
        .isWaitingAt("Task_ScreenSafeguardingAlert")
        .variables()
        .containsEntry("providerName", "Alpha Safeguarding Care")
        .containsEntry("sourceText", "serious incident " + reference)
        .containsEntry("awareAtText", "Mon 6 Jul 2026, 08:00")
        .containsEntry("alertedAtText", "Mon 6 Jul 2026, 11:00")
        .containsEntry("screeningDueText", "Tue 7 Jul 2026, 11:00");
    assertThat((String) runtimeService.getVariable(instance.getId(), "alertTimeliness"))
        .isEqualTo("Alerted by the provider 3 h 0 min after becoming aware: in time.");
    Task screening = task(instance);
    assertThat(screening).hasCandidateGroup(Roles.SAFEGUARDING);
    // commissioning.safeguarding.screening-due, PT24H by default: a council choice, the seed sets
    // none.
    assertThat(screening.getDueDate()).isEqualTo(Date.from(ALERTED.plus(Duration.ofHours(24))));
    assertThat(outboxRecipients("safeguarding:" + instance.getId() + ":raised"))
        .contains("sg-screener@council.example");
    assertThat(outboxBody("safeguarding:" + instance.getId() + ":raised"))
        .contains(reference)
        .contains("Alpha Safeguarding Care")
        .doesNotContain("bruising");
  }

  @Test
  void aLateProvidersAlertSaysSoOnTheScreeningForm() {
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(14).plusMinutes(30)));

    assertThat((String) runtimeService.getVariable(instance.getId(), "alertTimeliness"))
        .isEqualTo(
            "Alerted by the provider 14 h 30 min after becoming aware: later than the 12 hours required"
                + " (App C 5.2); recorded as a late alert.");
  }

  // --- seed 002 §10.3: section 42 enquiry led by the provider ------------------------------------

  @Test
  void onlyTheLeadingProvidersUsersSeeItsEnquiryTask() {
    access.ensureGroup("provider-sg-beta", "Beta Safeguarding Support", "PROVIDER");
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));
    assertThat(visibleTasks(instance, "sg-alpha-manager", Roles.PROVIDERS, PROVIDER_GROUP))
        .isZero();

    complete(task(instance), screening("YES", "PROVIDER"));

    assertThat(visibleTasks(instance, "sg-alpha-manager", Roles.PROVIDERS, PROVIDER_GROUP)).isOne();
    assertThat(visibleTasks(instance, "sg-beta-manager", Roles.PROVIDERS, "provider-sg-beta"))
        .isZero();
  }

  @Test
  void variablesSentWithTheScreeningCannotHandTheEnquiryToAnotherProvider() {
    access.ensureGroup("provider-other", "Other Care", "PROVIDER");
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));
    Map<String, Object> screening = screening("YES", "PROVIDER");
    screening.put("providerGroup", "provider-other");
    screening.put("providerId", 999_999L);
    screening.put("sourceReference", "SI-SOMETHING-ELSE");

    complete(task(instance), screening);

    assertThat(instance).isWaitingAt("Task_ProviderLedEnquiry");
    assertThat(task(instance)).hasCandidateGroup(PROVIDER_GROUP);
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskCandidateGroup("provider-other")
                .count())
        .isZero();
    assertThat(outboxRecipients("safeguarding:" + instance.getId() + ":provider-leads-enquiry"))
        .containsExactlyInAnyOrder(
            "sg-alpha-manager@council.example", "safeguarding@alpha.example");
    assertThat(alertRow().get("lead_organisation")).isEqualTo("PROVIDER");
  }

  @Test
  void providerLedEnquiryGoesToTheProviderThenTheCouncilRecordsTheOutcome() {
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));
    TestClock.set(Date.from(ALERTED.plus(Duration.ofHours(5))));

    complete(task(instance), screening("YES", "PROVIDER"));

    assertThat(instance).isWaitingAt("Task_ProviderLedEnquiry");
    assertThat(task(instance)).hasCandidateGroup(PROVIDER_GROUP);
    Map<String, Object> row = alertRow();
    assertThat(row.get("screened_at")).isEqualTo(ALERTED.plus(Duration.ofHours(5)));
    assertThat(row.get("lead_organisation")).isEqualTo("PROVIDER");
    assertThat(row.get("section42_enquiry")).isEqualTo(true);
    assertThat(row.get("closed_at")).isNull();
    assertThat(outboxRecipients("safeguarding:" + instance.getId() + ":provider-leads-enquiry"))
        .containsExactlyInAnyOrder(
            "sg-alpha-manager@council.example", "safeguarding@alpha.example");

    // §10.4: the registered manager's check is part of the record.
    Map<String, Object> withoutCheck = providerEnquiry();
    withoutCheck.put("registeredManagerConfirmed", false);
    withoutCheck.remove("actionsTaken");
    assertRefused(
        task(instance),
        withoutCheck,
        "registeredManagerConfirmed: the registered manager must confirm",
        "actionsTaken: is required");
    assertThat(instance).isWaitingAt("Task_ProviderLedEnquiry");

    complete(task(instance), providerEnquiry());
    assertThat(instance).isWaitingAt("Task_RecordEnquiryOutcome");
    assertThat(task(instance)).hasCandidateGroup(Roles.SAFEGUARDING);

    TestClock.set(Date.from(ALERTED.plus(Duration.ofDays(20))));
    complete(task(instance), outcome());

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_EmailProviderToLead", "Task_CloseAlert", "EndEvent_AlertClosed");
    row = alertRow();
    assertThat(row.get("outcome"))
        .isEqualTo("Section 42 enquiry: Neglect substantiated; risk reduced");
    assertThat(row.get("closed_at")).isEqualTo(ALERTED.plus(Duration.ofDays(20)));
  }

  // --- section 42 enquiry led by the council, the police or another agency -----------------------

  @Test
  void councilLedEnquiryGoesStraightToTheOutcome() {
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));

    complete(task(instance), screening("YES", "COUNCIL"));

    assertThat(instance).isWaitingAt("Task_RecordEnquiryOutcome");
    assertThat(alertRow().get("lead_organisation")).isEqualTo("COUNCIL");
    complete(task(instance), outcome());
    assertThat(instance)
        .isEnded()
        .hasPassed("EndEvent_AlertClosed")
        .hasNotPassed("Task_ProviderLedEnquiry");
    assertThat(outboxCount("safeguarding:" + instance.getId() + ":provider-leads-enquiry"))
        .isZero();
  }

  @Test
  void anotherAgencyLeadsWhenNamedAndThePoliceOnlyWhenInformed() {
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));
    Task task = task(instance);

    Map<String, Object> other = screening("YES", "OTHER_AGENCY");
    assertRefused(task, other, "otherAgency: name the agency that leads");
    Map<String, Object> police = screening("YES", "POLICE");
    police.put("policeInformed", false);
    assertRefused(
        task,
        police,
        "policeInformed: the police lead the enquiry, so they must have been informed");

    other.put("otherAgency", "NHS Bromley community health trust");
    complete(task(instance), other);
    assertThat(instance).isWaitingAt("Task_RecordEnquiryOutcome");
    assertThat(alertRow().get("lead_organisation")).isEqualTo("OTHER_AGENCY");
  }

  // --- no section 42 enquiry -----------------------------------------------------------------

  @Test
  void withoutASection42EnquiryTheAlertClosesWithTheScreeningReasons() {
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));
    TestClock.set(Date.from(ALERTED.plus(Duration.ofHours(2))));
    Map<String, Object> screening = screening("NO", null);

    complete(task(instance), screening);

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_RecordScreening", "Task_CloseAlert", "EndEvent_AlertClosed")
        .hasNotPassed("Task_RecordEnquiryOutcome");
    Map<String, Object> row = alertRow();
    assertThat(row.get("section42_enquiry")).isEqualTo(false);
    assertThat(row.get("lead_organisation")).isNull();
    assertThat(row.get("screened_at")).isEqualTo(ALERTED.plus(Duration.ofHours(2)));
    assertThat(row.get("closed_at")).isEqualTo(ALERTED.plus(Duration.ofHours(2)));
    assertThat(row.get("outcome"))
        .isEqualTo("No section 42 enquiry: " + screening.get("screeningReasons"));
  }

  // --- the screening reminder -------------------------------------------------------------------

  @Test
  void anUnscreenedAlertRemindsTheTeamOnceAtItsDueTimeAndTheScreeningCarriesOn() {
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));
    Job reminder =
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .activityId("Timer_ScreeningOverdue")
            .singleResult();
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(ALERTED.plus(Duration.ofHours(24))));

    TestClock.set(Date.from(ALERTED.plus(Duration.ofHours(24)).plusSeconds(1)));
    execute(reminder);

    assertThat(instance)
        .isWaitingAt("Task_ScreenSafeguardingAlert")
        .hasPassed("Task_EmailScreeningOverdue");
    assertThat(outboxRecipients("safeguarding:" + instance.getId() + ":screening-overdue"))
        .contains("sg-screener@council.example");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
        .isZero();
    // The seed sets no screening time, so a late screening is not a provider's breach.
    assertThat(breaches.ofCase("SAFEGUARDING_ALERT", reference)).isEmpty();

    complete(task(instance), screening("NO", null));
    assertThat(instance).isEnded();
  }

  @Test
  void screeningInTimeRemovesTheReminder() {
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));

    complete(task(instance), screening("YES", "COUNCIL"));

    assertThat(
            managementService.createJobQuery().processInstanceId(instance.getId()).timers().count())
        .isZero();
    assertThat(outboxCount("safeguarding:" + instance.getId() + ":screening-overdue")).isZero();
  }

  // --- bad screening input ----------------------------------------------------------------------

  @Test
  void anEmptyScreeningNamesEveryMissingField() {
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));
    Task task = task(instance);

    assertRefused(
        task,
        Map.of(),
        "section42Enquiry: must be one of NO, YES",
        "screeningReasons: is required",
        "immediateProtectiveActions: is required");

    Map<String, Object> noLead = screening("YES", null);
    assertRefused(
        task, noLead, "leadOrganisation: must be one of COUNCIL, OTHER_AGENCY, POLICE, PROVIDER");
    Map<String, Object> leadWithoutEnquiry = screening("NO", "COUNCIL");
    assertRefused(
        task,
        leadWithoutEnquiry,
        "leadOrganisation: only a section 42 enquiry has a lead organisation");
    Map<String, Object> notAFlag = screening("NO", null);
    notAFlag.put("cqcInformed", "perhaps");
    assertRefused(task, notAFlag, "cqcInformed: must be ticked or not");

    assertThat(instance).isWaitingAt("Task_ScreenSafeguardingAlert");
    assertThat(alertRow().get("screened_at")).isNull();
  }

  @Test
  void aConcernWithNoProviderCannotBeLedByAProvider() {
    // A complaint to the council about its own service: no provider, no provider group.
    ProcessInstance instance =
        raise(
            new SafeguardingConcern(
                SafeguardingConcern.COMPLAINT,
                reference,
                null,
                null,
                SafeguardingConcern.COUNCIL,
                ALERTED.minus(Duration.ofHours(1)),
                ALERTED,
                "Possible financial abuse",
                null));
    assertThat(instance)
        .isWaitingAt("Task_ScreenSafeguardingAlert")
        .variables()
        .containsEntry("providerName", "no provider named")
        .containsEntry("sourceText", "complaint " + reference)
        .containsEntry("alertTimeliness", "Raised by a council officer.");
    Task task = task(instance);

    assertRefused(
        task,
        screening("YES", "PROVIDER"),
        "leadOrganisation: no provider is linked to this alert");

    complete(task(instance), screening("YES", "COUNCIL"));
    assertThat(instance).isWaitingAt("Task_RecordEnquiryOutcome");
  }

  // --- the register is written once
  // ---------------------------------------------------------------

  @Test
  void aRepeatedScreeningOrClosureLeavesTheFirstRecord() {
    ProcessInstance instance = raise(providerConcern(Duration.ofHours(3)));
    complete(task(instance), screening("NO", null));
    Map<String, Object> first = alertRow();

    DelegateExecution retry = mock(DelegateExecution.class);
    when(retry.getVariable("sourceType")).thenReturn(SafeguardingConcern.SERIOUS_INCIDENT);
    when(retry.getVariable("sourceReference")).thenReturn(reference);
    when(retry.getVariable("section42Enquiry")).thenReturn("YES");
    when(retry.getVariable("leadOrganisation")).thenReturn("POLICE");
    when(retry.getVariable("enquiryOutcome")).thenReturn("Something else");
    TestClock.set(Date.from(ALERTED.plus(Duration.ofDays(3))));

    assertThat(register.recordScreening(retry)).isFalse();
    assertThat(register.close(retry)).isFalse();
    assertThat(alertRow()).isEqualTo(first);
  }

  // --- SafeguardingAlerts.raise(): seed 002 App C 5.2
  // ---------------------------------------------

  @Test
  void raisingTwiceFromTheSameCaseGivesOneAlert() {
    String first = alerts.raise(providerConcern(Duration.ofHours(3)));
    String second = alerts.raise(providerConcern(Duration.ofHours(3)));

    assertThat(second).isEqualTo(first);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM safeguarding_alert WHERE source_reference = :r")
                .param("r", reference)
                .query(Integer.class)
                .single())
        .isOne();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .count())
        .isOne();
    assertThat(alertRow().get("process_instance_id")).isEqualTo(first);
  }

  @Test
  void aProvidersAlertExactly12HoursAfterAwarenessIsOnTime() {
    raise(providerConcern(Duration.ofHours(12)));

    assertThat(breaches.ofCase("SAFEGUARDING_ALERT", reference)).isEmpty();
  }

  @Test
  void theAlertsDeadlineIsRecordedWithItFromThePeriodThenInForce() {
    raise(providerConcern(Duration.ofHours(3)));

    // commissioning.safeguarding.alert-within (PT12H) after awareness, kept for the App C 5.2
    // figures.
    OffsetDateTime due =
        jdbc.sql("SELECT alert_due_at FROM safeguarding_alert WHERE source_reference = :r")
            .param("r", reference)
            .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
            .single();
    assertThat(due.toInstant())
        .isEqualTo(ALERTED.minus(Duration.ofHours(3)).plus(Duration.ofHours(12)));
  }

  @Test
  void aProvidersAlert12HoursAndAMinuteAfterAwarenessIsRecordedLate() {
    raise(providerConcern(Duration.ofHours(12).plusMinutes(1)));
    alerts.raise(providerConcern(Duration.ofHours(12).plusMinutes(1)));

    List<DeadlineBreach> recorded = breaches.ofCase("SAFEGUARDING_ALERT", reference);
    assertThat(recorded)
        .singleElement()
        .satisfies(
            breach -> {
              assertThat(breach.kind()).isEqualTo(Kind.LATE);
              assertThat(breach.requirement()).isEqualTo("SAFEGUARDING_ALERT");
              assertThat(breach.providerId()).isEqualTo(alpha.id());
              assertThat(breach.dueAt()).isEqualTo(ALERTED.minus(Duration.ofMinutes(1)));
              assertThat(breach.recordedAt()).isEqualTo(ALERTED);
              assertThat(breach.detail()).contains("721 minutes");
            });
  }

  @Test
  void anAlertRaisedByACouncilOfficerIsNeverAProvidersBreach() {
    raise(
        new SafeguardingConcern(
            SafeguardingConcern.SERIOUS_INCIDENT,
            reference,
            alpha.id(),
            PROVIDER_GROUP,
            SafeguardingConcern.COUNCIL,
            ALERTED.minus(Duration.ofHours(20)),
            ALERTED,
            "Found by a hospital nurse",
            null));

    assertThat(breaches.ofCase("SAFEGUARDING_ALERT", reference)).isEmpty();
    assertThat(alertRow().get("raised_by")).isEqualTo("COUNCIL");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private SafeguardingConcern providerConcern(Duration afterAwareness) {
    return new SafeguardingConcern(
        SafeguardingConcern.SERIOUS_INCIDENT,
        reference,
        alpha.id(),
        PROVIDER_GROUP,
        SafeguardingConcern.PROVIDER,
        ALERTED.minus(afterAwareness),
        ALERTED,
        "Unexplained bruising noticed by a care worker during a morning visit",
        "si-process-" + reference);
  }

  private ProcessInstance raise(SafeguardingConcern concern) {
    String id = alerts.raise(concern);
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private static Map<String, Object> screening(String section42, String lead) {
    Map<String, Object> v = new HashMap<>();
    v.put("section42Enquiry", section42);
    if (lead != null) {
      v.put("leadOrganisation", lead);
    }
    v.put(
        "screeningReasons", "Care and support needs; at risk of neglect; cannot protect themself");
    v.put("immediateProtectiveActions", "Second carer on every visit; GP asked to examine");
    v.put("cqcInformed", true);
    v.put("policeInformed", true);
    return v;
  }

  private static Map<String, Object> providerEnquiry() {
    Map<String, Object> v = new HashMap<>();
    v.put("enquiryFindings", "Moving and handling not followed on two visits");
    v.put("actionsTaken", "Care worker retrained and supervised; care plan updated");
    v.put("registeredManagerName", "A. Manager");
    v.put("registeredManagerConfirmed", true);
    return v;
  }

  private static Map<String, Object> outcome() {
    return Map.of(
        "enquiryOutcome",
        "Neglect substantiated; risk reduced",
        "enquiryActions",
        "Quality monitoring visit in four weeks");
  }

  private Map<String, Object> alertRow() {
    return singleRow(
        """
        SELECT process_instance_id, raised_by, screened_at, lead_organisation, section42_enquiry, outcome, closed_at
          FROM safeguarding_alert WHERE source_reference = :r
        """,
        "r",
        reference);
  }

  /**
   * Tasks of the instance the user can see, with the engine's authorizations applied as in
   * Tasklist.
   */
  private long visibleTasks(ProcessInstance instance, String userId, String... groups) {
    engine.getIdentityService().setAuthentication(userId, List.of(groups));
    try {
      return taskService.createTaskQuery().processInstanceId(instance.getId()).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private List<String> outboxRecipients(String key) {
    String recipients = outbox(key);
    assertThat(recipients).as(key).isNotNull();
    return List.of(recipients.split(","));
  }
}
