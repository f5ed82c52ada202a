package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static uk.gov.council.commissioning.incidents.IncidentTestData.*;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;
import static uk.gov.council.commissioning.testkit.ContractDraft.registered;
import static uk.gov.council.commissioning.testkit.FormRefusals.problemsOf;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.deadlines.EngineClock;
import uk.gov.council.commissioning.forms.RequestScope;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * The checks of a serious incident report (seed 002 §12.3-12.4) as a provider and as council staff,
 * without an engine: the same checks run in the process's first step and before a REST start.
 */
@ExtendWith(TestClock.class)
class IncidentReportValidatorTest {

  private static final Provider VIBRANCE =
      new Provider(1, "Vibrance", "contracts@vibrance.example", VIBRANCE_GROUP);
  private static final Actor VIBRANCE_USER = new Actor("val", true, Set.of(VIBRANCE_GROUP));
  private static final Actor BRIGHTPATH_USER = new Actor("ben", true, Set.of(BRIGHTPATH_GROUP));
  private static final Actor OFFICER = new Actor("olivia", false, Set.of());

  private final ContractService contracts = mock(ContractService.class);
  private final IncidentReportValidator validator =
      new IncidentReportValidator(contracts, new EngineClock());

  @BeforeEach
  void setUp() {
    TestClock.set(
        Date.from(LocalDateTime.of(2025, 5, 22, 9, 0).atZone(WorkingDayCalendar.UK).toInstant()));
    when(contracts.findByReference(anyString())).thenReturn(Optional.empty());
    when(contracts.findByReference(anyString(), any(Actor.class))).thenCallRealMethod();
    when(contracts.findByReference("HC-2024-01"))
        .thenReturn(Optional.of(contract(ContractStatus.ACTIVE)));
  }

  @Test
  void aCompleteProviderReportPasses() {
    IncidentReport report = validator.validateStart(scope(goodReport()), VIBRANCE_USER);

    assertThat(report.source()).isEqualTo("PROVIDER_REPORT");
    assertThat(report.contract().reference()).isEqualTo("HC-2024-01");
    assertThat(report.category()).isEqualTo(IncidentCategory.EMERGENCY_HOSPITAL_ADMISSION);
    assertThat(report.occurredAt()).isEqualTo(Instant.parse("2025-05-22T07:00:00Z"));
    assertThat(report.providerAwareAt()).isEqualTo(Instant.parse("2025-05-22T07:10:00Z"));
  }

  @Test
  void theReferenceIsReadWhateverItsCaseAndAUkTimeWithoutOffsetIsAccepted() {
    Map<String, Object> report = goodReport();
    report.put("contractReference", " hc-2024-01 ");
    report.put("occurredAt", "2025-05-22T08:00");

    assertThat(validator.validateStart(scope(report), VIBRANCE_USER).occurredAt())
        .isEqualTo(Instant.parse("2025-05-22T07:00:00Z"));
  }

  @Test
  void anIncidentInTheFutureIsRefused() {
    Map<String, Object> report = goodReport();
    report.put("occurredAt", "2025-05-22T09:30+01:00");

    assertThat(problems(report, VIBRANCE_USER)).contains("occurredAt: cannot be in the future");
  }

  @Test
  void awarenessBeforeTheIncidentOrInTheFutureIsRefused() {
    Map<String, Object> before = goodReport();
    before.put("providerAwareAt", "2025-05-22T07:59+01:00");
    Map<String, Object> future = goodReport();
    future.put("providerAwareAt", "2025-05-22T10:00+01:00");

    assertThat(problems(before, VIBRANCE_USER))
        .containsExactly("providerAwareAt: cannot be before the incident occurred");
    assertThat(problems(future, VIBRANCE_USER))
        .containsExactly("providerAwareAt: cannot be in the future");
  }

  @Test
  void aProviderMustGiveEverySection124Item() {
    Map<String, Object> report = goodReport();
    IncidentReportValidator.REPORT_ITEMS.forEach(report::remove);
    report.remove("serviceUserGroup");
    report.remove("providerAwareAt");

    assertThat(problems(report, VIBRANCE_USER))
        .containsExactlyInAnyOrder(
            "providerAwareAt: is required",
            "description: is required",
            "partiesInvolved: is required",
            "emergencyServices: is required",
            "immediateAction: is required",
            "furtherAction: is required",
            "serviceUserName: is required",
            "serviceUserLbbId: is required",
            "serviceUserGroup: must be one of CHILDREN, LEARNING_DISABILITY, MENTAL_HEALTH, OLDER_PEOPLE, OTHER,"
                + " PHYSICAL_DISABILITY, SENSORY_IMPAIRMENT");
  }

  @Test
  void councilStaffLogWithoutTheProvidersItemsButSayHowTheyLearntOfIt() {
    Map<String, Object> log = officerLog("HC-2024-01", "2025-05-22T08:00+01:00");

    IncidentReport report = validator.validateStart(scope(log), OFFICER);
    assertThat(report.source()).isEqualTo("COUNCIL_LOGGED");
    assertThat(report.providerAwareAt()).isNull();

    log.remove("howCouncilLearnt");
    assertThat(problems(log, OFFICER)).containsExactly("howCouncilLearnt: is required");
  }

  @Test
  void anotherProvidersContractIsRefusedExactlyLikeAnUnknownOne() {
    Map<String, Object> unknown = goodReport();
    unknown.put("contractReference", "NOPE-1");

    assertThat(problems(goodReport(), BRIGHTPATH_USER))
        .containsExactly(
            "contractReference: no contract HC-2024-01 of your organisation in the register");
    assertThat(problems(unknown, BRIGHTPATH_USER))
        .containsExactly(
            "contractReference: no contract NOPE-1 of your organisation in the register");
    assertThat(problems(unknown, OFFICER))
        .contains("contractReference: no contract NOPE-1 in the register");
  }

  @Test
  void anEndedContractIsRefused() {
    when(contracts.findByReference("HC-2024-01"))
        .thenReturn(Optional.of(contract(ContractStatus.EXPIRED)));

    assertThat(problems(goodReport(), VIBRANCE_USER))
        .containsExactly(
            "contractReference: contract HC-2024-01 is EXPIRED: serious incidents are reported against an active contract");
  }

  @Test
  void theCategoryMustBeOneOfSection123AndTheYesNoQuestionsAnswered() {
    Map<String, Object> report = goodReport();
    report.put("category", "NEAR_MISS");
    report.remove("safeguardingSuspected");
    report.put("riddorReportable", "maybe");

    assertThat(problems(report, VIBRANCE_USER))
        .containsExactly(
            "category: must be one of EMERGENCY_HOSPITAL_ADMISSION, SAFEGUARDING_ALERT_RAISED, SERIOUS_CRIME_OR_VIOLENCE,"
                + " SERIOUS_THREAT, SERVICE_DELIVERY_COMPROMISED, UNEXPECTED_DEATH_OR_SERIOUS_INJURY",
            "safeguardingSuspected: answer yes or no",
            "riddorReportable: answer yes or no");
  }

  @Test
  void anIncidentThatLeadsToASafeguardingAlertMustSaySoForTheAlertToBeRaised() {
    Map<String, Object> report = goodReport();
    report.put("category", "SAFEGUARDING_ALERT_RAISED");

    assertThat(problems(report, VIBRANCE_USER))
        .containsExactly(
            "safeguardingSuspected: must be ticked for an"
                + " incident that leads to a safeguarding alert (seed 002 §12.3): the council's safeguarding team is alerted"
                + " through this case");
    report.put("safeguardingSuspected", true);
    assertThat(validator.validateStart(scope(report), VIBRANCE_USER).safeguardingSuspected())
        .isTrue();
  }

  @Test
  void unreadableTimesAndOverlongTextAreNamed() {
    Map<String, Object> report = goodReport();
    report.put("occurredAt", "22/05/2025 08:00");
    report.put("description", "x".repeat(4001));

    assertThat(problems(report, VIBRANCE_USER))
        .containsExactly(
            "occurredAt: must be a date and time (YYYY-MM-DDTHH:MM)",
            "description: must be at most 4000 characters");
  }

  @Test
  void theProvidersInitialReportOnALoggedCaseNeedsAwarenessAfterTheIncident() {
    Map<String, Object> report = initialReport("2025-05-22T07:30+01:00");
    // The time of the incident comes from the register; a variable sent with the form is ignored.
    Instant occurredAt = Instant.parse("2025-05-22T07:00:00Z");
    report.put("occurredAt", "2025-05-22T06:00+01:00");
    report.remove("immediateAction");

    assertThat(problemsOf(() -> validator.validateInitialReport(scope(report), occurredAt)))
        .containsExactly(
            "providerAwareAt: cannot be before the incident occurred",
            "immediateAction: is required");

    report.put("providerAwareAt", "2025-05-22T08:30+01:00");
    report.put("immediateAction", "Ambulance called");
    assertThat(validator.validateInitialReport(scope(report), occurredAt).providerAwareAt())
        .isEqualTo(Instant.parse("2025-05-22T07:30:00Z"));
  }

  private List<String> problems(Map<String, Object> report, Actor reporter) {
    return problemsOf(() -> validator.validateStart(scope(report), reporter));
  }

  private static Map<String, Object> goodReport() {
    return providerReport("HC-2024-01", "2025-05-22T08:00+01:00", "2025-05-22T08:10+01:00");
  }

  // --- reports the quality assurance team enters for the provider (§12.4-12.5) -----------------

  private static final Instant OCCURRED = Instant.parse("2025-05-22T07:00:00Z");

  @Test
  void anInitialReportReceivedByPhoneCountsFromWhenTheCallCame() {
    IncidentReportValidator.ReceivedInitialReport entry =
        validator.validateInitialReportReceivedOtherwise(
            scope(initialReportReceived("PHONE", "2025-05-22T08:45", "2025-05-22T08:30+01:00")),
            OCCURRED);

    assertThat(entry.received().at()).isEqualTo(Instant.parse("2025-05-22T07:45:00Z"));
    assertThat(entry.received().channel()).isEqualTo("PHONE");
    assertThat(entry.report().providerAwareAt()).isEqualTo(Instant.parse("2025-05-22T07:30:00Z"));
    assertThat(entry.report().riddorReportable()).isTrue();
  }

  @Test
  void anInitialReportCannotHaveReachedTheCouncilBeforeTheProviderKnewOfTheIncident() {
    assertThat(
            problemsOf(
                () ->
                    validator.validateInitialReportReceivedOtherwise(
                        scope(
                            initialReportReceived(
                                "EMAIL", "2025-05-22T08:15+01:00", "2025-05-22T08:30+01:00")),
                        OCCURRED)))
        .containsExactly(
            "initialReportReceivedAt: cannot be before the provider became aware of the incident");
  }

  @Test
  void aReportingFormReceivedByEmailNeedsItsTextOrEveryItem() {
    Map<String, Object> text = new HashMap<>(reportingFormReceived("2025-05-22T08:50+01:00"));
    assertThat(validator.validateReportingFormReceivedOtherwise(scope(text), OCCURRED).at())
        .isEqualTo(Instant.parse("2025-05-22T07:50:00Z"));

    Map<String, Object> items = new HashMap<>(reportingForm());
    items.put("reportingFormChannel", "EMAIL");
    items.put("reportingFormReceivedAt", "2025-05-22T08:50+01:00");
    assertThat(validator.validateReportingFormReceivedOtherwise(scope(items), OCCURRED).channel())
        .isEqualTo("EMAIL");

    items.remove("lessonsAndActions");
    assertThat(
            problemsOf(
                () -> validator.validateReportingFormReceivedOtherwise(scope(items), OCCURRED)))
        .containsExactly(
            "reportingFormText: paste the form as received, or fill in every item of the form",
            "lessonsAndActions: is required");
  }

  private static org.camunda.bpm.engine.delegate.VariableScope scope(Map<String, Object> values) {
    return RequestScope.of(values);
  }

  private static Contract contract(ContractStatus status) {
    return registered(
        7,
        VIBRANCE,
        draft("HC-2024-01", VIBRANCE.id())
            .about("Domiciliary Care Service", "Home care", "Home Care")
            .running("2024-04-01", "2027-03-31", "640000", "1920000"),
        status,
        Instant.parse("2024-01-01T00:00:00Z"));
  }
}
