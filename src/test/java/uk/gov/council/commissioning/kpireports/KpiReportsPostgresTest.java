package uk.gov.council.commissioning.kpireports;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;
import static uk.gov.council.commissioning.testkit.TestUsers.providerUser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.kpireports.KpiReportViews.ContractQuarterRow;
import uk.gov.council.commissioning.kpireports.KpiReportViews.QuarterReport;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.kpis.SystemMeasure;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.testkit.FormValues;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * The KPI reports' statements on the local PostgreSQL server: a complaint acknowledged late through
 * the complaint process measured against a return claiming 100 %, and the quarterly report and
 * breach list over the bench's data at 50 contracts x 8 quarters (typed nulls, intervals, time
 * zones and numeric values, which H2 forgives).
 */
@PostgresProcessTest
class KpiReportsPostgresTest extends ProcessTestCase {

  private static final ReportingQuarter Q2 = new ReportingQuarter(new ReportingYear(2026), 2);

  @Autowired MeasuredFigures measured;
  @Autowired KpiReports reports;

  @Test
  void aLateAcknowledgementIsMeasuredAndTheReturnClaimingOtherwiseIsFlagged() {
    String group = "provider-kpi-pg";
    providerUser(access, "kpi-pg-user", group, "KPI PG Care");
    Provider provider = contracts.createProvider("KPI PG Care", "pg@example.org", group);
    Contract contract =
        contracts.create(
            draft("KPI-PG-01", provider.id())
                .about("Domiciliary Care Service", "Home care", "Home Care - Older People")
                .running("2024-04-01", "2029-03-31", "640000.00", "3200000.00", 12));
    long catalogueId = KpiTestData.appCCatalogue(jdbc, "PG-APP-C", 2026);
    KpiTestData.assign(jdbc, contract.id(), 2026, "PG-APP-C");

    TestClock.set(LocalDateTime.of(2026, 7, 13, 9, 40));
    Map<String, Object> form = FormValues.load("complaints/complaint");
    form.put("receivedAt", "2026-07-13T08:30:00Z");
    form.put("contractReference", contract.reference());
    ProcessInstance complaint = startSignedIn("kpi-pg-user", "complaint", form);
    fire(timer(complaint, "Timer_Acknowledge24h"));
    TestClock.set(LocalDateTime.of(2026, 7, 14, 10, 0));
    complete(
        complaint,
        "Task_ProviderAcknowledgeComplaint",
        Map.of("acknowledgedAt", "2026-07-14T08:45:00Z"));

    long returnId =
        KpiTestData.acceptedReturn(
            jdbc,
            "PR-KPI-PG-01-2026-Q2",
            contract.id(),
            provider.id(),
            2026,
            2,
            LocalDate.of(2026, 10, 28),
            Instant.parse("2026-10-30T10:00:00Z"),
            null);
    KpiTestData.value(jdbc, returnId, catalogueId, "4.1", "1", false, null);
    KpiTestData.value(jdbc, returnId, catalogueId, "4.2", "100", false, null);
    KpiTestData.value(jdbc, returnId, catalogueId, "2.1", "70", true, "No explanation yet");
    TestClock.set(LocalDateTime.of(2026, 11, 2, 12, 0));

    Map<SystemMeasure, java.math.BigDecimal> values = measured.forContract(contract, Q2);
    assertThat(values.get(SystemMeasure.COMPLAINTS_ACKNOWLEDGED_24H)).isEqualByComparingTo("0.0");
    // Arrived two days after its deadline.
    assertThat(values.get(SystemMeasure.RETURNS_ON_TIME)).isEqualByComparingTo("0.0");
    ContractQuarterRow row = row(reports.quarter(Q2, Actor.engine()), "KPI-PG-01");
    assertThat(row.onTime()).isFalse();
    assertThat(row.flaggedKpis()).containsExactly("PG-APP-C 4.2");
    assertThat(row.breachedKpis()).containsExactly("PG-APP-C 2.1");
    assertThat(reports.breaches(Q2, Actor.engine()).rows())
        .filteredOn(b -> b.contractReference().equals("KPI-PG-01"))
        .singleElement()
        .satisfies(b -> assertThat(b.consequence()).startsWith("Awaiting"));
    assertThat(reports.rolling("KPI-PG-01", Q2, Actor.engine()).orElseThrow().summary())
        .filteredOn(s -> s.kpi().equals("4.2"))
        .singleElement()
        .satisfies(s -> assertThat(s.flagged()).isEqualTo(1));
  }

  @Test
  void theQuarterlyReportOverTheBenchData() {
    KpiReportBench.load(jdbc, 50, 8, Q2);
    TestClock.set(LocalDateTime.of(2026, 11, 2, 12, 0));

    QuarterReport report = reports.quarter(Q2, Actor.engine());

    assertThat(report.rows()).filteredOn(r -> r.contractReference().startsWith("KB-")).hasSize(50);
    // The return of each contract whose id is a multiple of 23 came nine days after its deadline.
    long late =
        jdbc.sql("SELECT COUNT(*) FROM contract WHERE reference LIKE 'KB-%' AND MOD(id, 23) = 0")
            .query(Long.class)
            .single();
    assertThat(report.rows())
        .filteredOn(
            r -> r.contractReference().startsWith("KB-") && Boolean.FALSE.equals(r.onTime()))
        .hasSize((int) late);
    assertThat(late).isPositive();
    assertThat(reports.breaches(Q2, Actor.engine()).rows()).isNotEmpty();
    assertThat(KpiCsv.quarter(report).lines().filter(l -> l.startsWith("2026/27-Q2,KB-")))
        .hasSize(50);
  }

  private static ContractQuarterRow row(QuarterReport report, String reference) {
    return report.rows().stream()
        .filter(r -> r.contractReference().equals(reference))
        .findFirst()
        .orElseThrow();
  }
}
