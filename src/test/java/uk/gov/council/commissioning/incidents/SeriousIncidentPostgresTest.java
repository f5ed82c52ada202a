package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.incidents.IncidentTestData.*;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.ComplianceFigures;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.Measure;
import uk.gov.council.commissioning.compliance.Quarter;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * A serious incident from the council's log to its closure, once against the local PostgreSQL
 * server: the incident register's time zones and booleans, the breaches a timer records, the
 * safeguarding alert it raises, a refused start rolling back, and the quarter's figures read from
 * what was recorded (seed 002 §12.4-12.5, App C 5-6). Each run has a database of its own.
 */
@PostgresProcessTest
class SeriousIncidentPostgresTest extends ProcessTestCase {

  private static final String REFERENCE = "PG-SI-01";
  private static final String PROVIDER_USER = "pg-vibrance";
  private static final String OTHER_PROVIDER_USER = "pg-brightpath";
  @RegisterExtension static final TestTeam TEAM = TestTeam.of("pg", QUALITY);

  @Autowired IncidentRepository register;
  @Autowired ComplianceFigures figures;

  Provider vibrance;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    providerUsers(access, PROVIDER_USER, OTHER_PROVIDER_USER);
    vibrance =
        contracts.findAllProviders().stream()
            .filter(p -> p.organisationGroup().equals(VIBRANCE_GROUP))
            .findFirst()
            .orElseGet(() -> IncidentTestData.vibrance(contracts));
    if (contracts.findByReference(REFERENCE).isEmpty()) {
      brightpath(contracts);
      homeCareContract(contracts, vibrance, REFERENCE);
    }
    // Thursday 22 May 2025, 09:00 UK time (BST).
    TestClock.set(LocalDateTime.of(2025, 5, 22, 9, 0));
  }

  @Test
  void aLoggedIncidentIsEscalatedReportedLateReviewedClosedAndCounted() {
    Map<String, Object> log = officerLog(REFERENCE, "2025-05-22T08:00+01:00");
    log.put("safeguardingSuspected", true);
    log.put("safeguardingSummary", "Unexplained bruising noticed by the hospital");
    ProcessInstance instance = startAs(TEAM.user(QUALITY), log);
    String number = (String) runtimeService.getVariable(instance.getId(), "incidentNumber");
    assertThat(instance)
        .hasBusinessKey(number)
        .isWaitingAt("Task_SubmitInitialReport", "Task_SubmitReportingForm");
    assertThat(runningCases("safeguarding-alert", number)).isEqualTo(1);

    // Nothing from the provider by 20:00 (incident + 12 h): the timer records the breach.
    TestClock.set(LocalDateTime.of(2025, 5, 22, 20, 5));
    executeDueJobs(instance);
    assertThat(instance)
        .isWaitingAt(
            "Task_SubmitInitialReport", "Task_ChaseInitialReport", "Task_SubmitReportingForm");

    TestClock.set(LocalDateTime.of(2025, 5, 22, 22, 0));
    complete(instance, "Task_SubmitInitialReport", initialReport("2025-05-22T08:30+01:00"));
    TestClock.set(LocalDateTime.of(2025, 5, 23, 15, 0));
    complete(instance, "Task_SubmitReportingForm", reportingForm());
    assertThat(instance).isWaitingAt("Task_ReviewIncident", "Timer_NextUpdateDue");

    complete(instance, "Task_ReviewIncident", close());
    assertThat(instance).isEnded();

    SeriousIncident row = register.findByNumber(number).orElseThrow();
    assertThat(row.status()).isEqualTo("CLOSED");
    assertThat(row.providerAwareAt()).isEqualTo(Instant.parse("2025-05-22T07:30:00Z"));
    assertThat(row.initialReportAt()).isEqualTo(Instant.parse("2025-05-22T21:00:00Z"));
    assertThat(row.riddorReportable()).isTrue();
    assertThat(breaches.ofCase("SERIOUS_INCIDENT", number))
        .extracting(DeadlineBreach::requirement, DeadlineBreach::kind, DeadlineBreach::providerId)
        .containsExactlyInAnyOrder(
            tuple("INITIAL_REPORT", Kind.MISSED, vibrance.id()),
            tuple("INITIAL_REPORT", Kind.LATE, vibrance.id()));

    // The quarter's figures, from the register: one incident, initial report late, form on time.
    List<Measure> measures =
        figures.forProvider(vibrance, Quarter.parse("2025-Q2").orElseThrow()).measures();
    assertThat(measure(measures, "serious-incidents").total()).isEqualTo(1);
    assertThat(measure(measures, "serious-incidents-initial-report-in-time"))
        .extracting(Measure::met, Measure::missed, Measure::pending, Measure::percentage)
        .containsExactly(0, 1, 0, new BigDecimal("0.0"));
    assertThat(measure(measures, "serious-incidents-reporting-form-in-time"))
        .extracting(Measure::met, Measure::missed, Measure::percentage)
        .containsExactly(1, 0, new BigDecimal("100.0"));
    assertThat(measure(measures, "riddor-reportable-events").total()).isEqualTo(1);
  }

  @Test
  void aRefusedReportCreatesNothing() {
    long before = jdbc.sql("SELECT COUNT(*) FROM serious_incident").query(Long.class).single();
    long casesBefore =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(IncidentVariables.PROCESS_KEY)
            .count();

    assertThatThrownBy(
            () ->
                startAs(
                    OTHER_PROVIDER_USER,
                    providerReport(REFERENCE, "2025-05-22T08:00+01:00", "2025-05-22T08:10+01:00")))
        .isInstanceOf(TaskFormException.class)
        .hasMessageContaining("contractReference");

    assertThat(jdbc.sql("SELECT COUNT(*) FROM serious_incident").query(Long.class).single())
        .isEqualTo(before);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(IncidentVariables.PROCESS_KEY)
                .count())
        .isEqualTo(casesBefore);
  }

  private static Measure measure(List<Measure> measures, String key) {
    return measures.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
  }

  private ProcessInstance startAs(String userId, Map<String, Object> variables) {
    return startSignedIn(userId, IncidentVariables.PROCESS_KEY, new HashMap<>(variables));
  }
}
