package uk.gov.council.commissioning.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.safeguarding.SafeguardingAlerts;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * A safeguarding alert through screening and closure, and the compliance figures' queries, once
 * against the local PostgreSQL server: typed nulls, time zones and booleans, which H2 forgives.
 */
@PostgresProcessTest
class SafeguardingAndCompliancePostgresTest extends ProcessTestCase {

  // 11:00 BST, Monday 6 July 2026.
  private static final Instant ALERTED = Instant.parse("2026-07-06T10:00:00Z");

  @Autowired SafeguardingAlerts alerts;
  @Autowired ComplianceFigures figures;
  @Autowired DeadlineBreaches breaches;

  @Test
  void aLateProvidersAlertIsScreenedClosedAndCounted() {
    BpmnAwareTests.init(engine);
    TestClock.set(Date.from(ALERTED));
    Provider provider =
        contracts.createProvider("PG Safeguarding Care", "pg@example.org", "provider-pg-care");
    Contract contract =
        contracts.create(
            draft("PG-SG-01", provider.id())
                .about("Domiciliary care", "Domiciliary care", null)
                .running("2025-04-01", "2029-03-31", "500000.00", "2000000.00"));

    // Alerted 13 hours after awareness: late (App C 5.2).
    String id =
        alerts.raise(
            new SafeguardingConcern(
                SafeguardingConcern.SERIOUS_INCIDENT,
                "SI-PG-1",
                provider.id(),
                "provider-pg-care",
                SafeguardingConcern.PROVIDER,
                ALERTED.minus(Duration.ofHours(13)),
                ALERTED,
                "Medication withheld",
                null));
    ProcessInstance instance =
        runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(instance).isWaitingAt("Task_ScreenSafeguardingAlert");
    assertThat(breaches.ofCase("SAFEGUARDING_ALERT", "SI-PG-1"))
        .extracting(DeadlineBreach::kind)
        .containsExactly(Kind.LATE);
    // The quarter's breaches, as the report pages ask for them: all, or those of some providers.
    Quarter ofBreach = Quarter.containing(ALERTED.minus(Duration.ofHours(1)));
    assertThat(breaches.dueIn(ofBreach))
        .extracting(DeadlineBreach::caseReference)
        .contains("SI-PG-1");
    assertThat(breaches.dueIn(ofBreach, List.of(provider.id())))
        .extracting(DeadlineBreach::caseReference)
        .containsExactly("SI-PG-1");
    assertThat(breaches.dueIn(ofBreach, List.of(provider.id() + 1000))).isEmpty();

    complete(
        task(instance),
        Map.of(
            "section42Enquiry",
            "NO",
            "screeningReasons",
            "Error, no harm; addressed",
            "immediateProtectiveActions",
            "None needed",
            "cqcInformed",
            false,
            "policeInformed",
            false));
    assertThat(instance).isEnded();
    Map<String, Object> row =
        jdbc.sql(
                "SELECT section42_enquiry, lead_organisation, outcome, closed_at"
                    + " FROM safeguarding_alert WHERE source_reference = 'SI-PG-1'")
            .query()
            .singleRow();
    assertThat(row.get("section42_enquiry")).isEqualTo(false);
    assertThat(row.get("lead_organisation")).isNull();
    assertThat(row.get("outcome")).isEqualTo("No section 42 enquiry: Error, no harm; addressed");
    assertThat(row.get("closed_at")).isNotNull();

    // A serious incident reported late and a complaint still awaiting acknowledgement, in the same
    // quarter.
    Instant occurred = Instant.parse("2026-07-01T00:30:00Z");
    jdbc.sql(
            """
            INSERT INTO serious_incident (incident_number, provider_id, contract_id, source, category, occurred_at,
                                          opened_at, initial_report_due_at, initial_report_at, reporting_form_due_at,
                                          riddor_reportable)
            VALUES ('SI-PG-2', :provider, :contract, 'PROVIDER_REPORT', 'SERIOUS_INJURY', :occurred, :occurred,
                    :due12, :reported, :due48, TRUE)
            """)
        .param("provider", provider.id())
        .param("contract", contract.id())
        .param("occurred", utc(occurred))
        .param("due12", utc(occurred.plus(Duration.ofHours(12))))
        .param("reported", utc(occurred.plus(Duration.ofHours(13))))
        .param("due48", utc(occurred.plus(Duration.ofHours(48))))
        .update();
    Instant received = Instant.parse("2026-09-30T12:00:00Z");
    jdbc.sql(
            """
            INSERT INTO complaint (complaint_number, route, provider_id, received_at, opened_at, acknowledge_due_at,
                                   respond_due_at, original_respond_due_at)
            VALUES ('CP-PG-1', 'PROVIDER', :provider, :received, :received, :ackDue, :due, :due)
            """)
        .param("provider", provider.id())
        .param("received", utc(received))
        .param("ackDue", utc(received.plus(Duration.ofHours(24))))
        .param("due", utc(received.plus(Duration.ofDays(21))))
        .update();

    ProviderFigures result =
        figures.forProvider(provider, new Quarter(2026, 3), Instant.parse("2026-09-30T20:00:00Z"));

    assertThat(line(result, "4.1")).containsExactly(1, null, null, null);
    assertThat(line(result, "4.2")).containsExactly(1, 0, 0, 1);
    assertThat(line(result, "5.1")).containsExactly(1, null, null, null);
    assertThat(line(result, "5.2")).containsExactly(1, 0, 1, 0);
    assertThat(line(result, "6.1")).containsExactly(1, null, null, null);
    // Reported 13 hours after: missed. The form was never sent and its 48 hours are long past:
    // missed.
    assertThat(line(result, "serious-incidents-initial-report-in-time"))
        .containsExactly(1, 0, 1, 0);
    assertThat(line(result, "serious-incidents-reporting-form-in-time"))
        .containsExactly(1, 0, 1, 0);
    assertThat(line(result, "6.2")).containsExactly(1, null, null, null);
    assertThat(
            figures
                .forAllProviders(new Quarter(2026, 3), Instant.parse("2026-09-30T20:00:00Z"))
                .providers())
        .extracting(p -> p.provider().id())
        .contains(provider.id());
  }

  private static List<Integer> line(ProviderFigures figures, String numberOrKey) {
    Measure m =
        figures.measures().stream()
            .filter(x -> numberOrKey.equals(x.number()) || numberOrKey.equals(x.key()))
            .findFirst()
            .orElseThrow();
    return Arrays.asList(m.total(), m.met(), m.missed(), m.pending());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
