package uk.gov.council.commissioning.kpireports;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;
import static uk.gov.council.commissioning.testkit.TestUsers.providerUser;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.kpireports.KpiReportViews.ContractReport;
import uk.gov.council.commissioning.kpireports.KpiReportViews.KpiLine;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.kpis.SystemMeasure;
import uk.gov.council.commissioning.safeguarding.SafeguardingAlerts;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.FormValues;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestUsers;

/**
 * Measured beside reported (issue 15 point 5), from cases run through the complaint,
 * safeguarding-alert and serious-incident processes in reporting quarter 2026/27 Q2 (July to
 * September 2026, calendar 2026-Q3): two complaints the provider records itself, one acknowledged
 * within 24 hours and one after its timer fired (seed 002 App C 4.2: 50 %); a safeguarding alert
 * raised 13 hours after awareness (5.2: 0 %); one serious incident (6.1: 1). The provider's
 * accepted return then claims 100 % for both percentages: both are flagged, the counts that agree
 * are not. Each test has a provider and contract of its own.
 */
@ProcessTest
class KpiReportsProcessTest extends HttpProcessTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ReportingQuarter Q2 = new ReportingQuarter(new ReportingYear(2026), 2);
  private static final String STAFF = "kpi-officer";
  private static final String OTHER_PROVIDER_USER = "kpi-other-user";

  @Autowired MeasuredFigures measured;
  @Autowired KpiReports reports;
  @Autowired SafeguardingAlerts alerts;

  Provider provider;
  Contract contract;
  String providerUser;
  String catalogue;
  long catalogueId;

  @BeforeEach
  void runTheQuarter() {
    BpmnAwareTests.init(engine);
    int n = SEQUENCE.incrementAndGet();
    String suffix = n + "-" + System.nanoTime() % 100000;
    String group = "provider-kpi-" + suffix;
    providerUser = "kpi-user-" + suffix;
    TestUsers.user(access, STAFF, Roles.COMMISSIONING_OFFICERS);
    providerUser(access, providerUser, group, "KPI Care " + suffix);
    providerUser(access, OTHER_PROVIDER_USER, "provider-kpi-other", "KPI Other");
    provider = contracts.createProvider("KPI Care " + suffix, "kpi@example.org", group);
    contract =
        contracts.create(
            draft("KPI-" + suffix, provider.id())
                .about("Domiciliary Care Service", "Home care", "Home Care - Older People")
                .running("2024-04-01", "2029-03-31", "640000.00", "3200000.00", 12));
    contracts.assignContractOfficer(contract.reference(), STAFF);
    catalogue = "TEST-APP-C-" + suffix;
    catalogueId = KpiTestData.appCCatalogue(jdbc, catalogue, 2026);
    KpiTestData.assign(jdbc, contract.id(), 2026, catalogue);

    // 4.1-4.2: acknowledged five and a half hours after receipt.
    TestClock.set(LocalDateTime.of(2026, 7, 6, 9, 40));
    ProcessInstance onTime = complaint("2026-07-06T08:30:00Z");
    TestClock.set(LocalDateTime.of(2026, 7, 6, 15, 0));
    complete(
        onTime,
        "Task_ProviderAcknowledgeComplaint",
        Map.of("acknowledgedAt", "2026-07-06T14:00:00Z"));
    // Acknowledged only after the 24-hour timer fired.
    TestClock.set(LocalDateTime.of(2026, 7, 13, 9, 40));
    ProcessInstance late = complaint("2026-07-13T08:30:00Z");
    fire(timer(late, "Timer_Acknowledge24h"));
    TestClock.set(LocalDateTime.of(2026, 7, 14, 10, 0));
    complete(
        late,
        "Task_ProviderAcknowledgeComplaint",
        Map.of("acknowledgedAt", "2026-07-14T08:45:00Z"));

    // 5.2: alerted 13 hours after the provider became aware.
    Instant aware = Instant.parse("2026-08-03T08:00:00Z");
    TestClock.set(aware.plus(Duration.ofHours(13)));
    alerts.raise(
        new SafeguardingConcern(
            SafeguardingConcern.SERIOUS_INCIDENT,
            "SI-KPI-" + suffix,
            provider.id(),
            group,
            SafeguardingConcern.PROVIDER,
            aware,
            aware.plus(Duration.ofHours(13)),
            "Medication withheld",
            null));

    // 6.1: a serious incident the provider reported.
    TestClock.set(LocalDateTime.of(2026, 8, 10, 11, 0));
    Map<String, Object> report = new HashMap<>(FormValues.load("incidents/report-items"));
    report.put("contractReference", contract.reference());
    report.put("category", "EMERGENCY_HOSPITAL_ADMISSION");
    report.put("occurredAt", "2026-08-10T09:00+01:00");
    report.put("providerAwareAt", "2026-08-10T09:30+01:00");
    report.put("safeguardingSuspected", false);
    report.put("riddorReportable", false);
    startSignedIn(providerUser, "serious-incident", report);

    // The provider's return for the quarter, received before its deadline and accepted.
    long returnId =
        KpiTestData.acceptedReturn(
            jdbc,
            "PR-" + contract.reference() + "-2026-Q2",
            contract.id(),
            provider.id(),
            2026,
            2,
            LocalDate.of(2026, 10, 28),
            Instant.parse("2026-10-14T10:00:00Z"),
            "MONITOR");
    KpiTestData.value(jdbc, returnId, catalogueId, "4.1", "2", false, null);
    KpiTestData.value(jdbc, returnId, catalogueId, "4.2", "100", false, null);
    KpiTestData.value(jdbc, returnId, catalogueId, "5.2", "100", false, null);
    KpiTestData.value(jdbc, returnId, catalogueId, "6.1", "1", false, null);
    KpiTestData.value(
        jdbc, returnId, catalogueId, "2.1", "80", true, "Two care coordinators left in August");

    TestClock.set(LocalDateTime.of(2026, 10, 20, 12, 0));
  }

  @Test
  void theSystemMeasuresTheQuarterFromTheCasesItRan() {
    Map<SystemMeasure, BigDecimal> values = measured.forContract(contract, Q2);

    assertThat(values.get(SystemMeasure.COMPLAINTS_RECEIVED)).isEqualByComparingTo("2");
    assertThat(values.get(SystemMeasure.COMPLAINTS_ACKNOWLEDGED_24H)).isEqualByComparingTo("50.0");
    assertThat(values.get(SystemMeasure.SAFEGUARDING_REPORTED)).isEqualByComparingTo("1");
    assertThat(values.get(SystemMeasure.SAFEGUARDING_REPORTED_12H)).isEqualByComparingTo("0.0");
    assertThat(values.get(SystemMeasure.INCIDENTS_REPORTED)).isEqualByComparingTo("1");
    // Neither complaint was resolved and both resolution deadlines have passed: §4.7 missed twice.
    assertThat(values.get(SystemMeasure.COMPLAINTS_HANDLED_IN_TIME)).isEqualByComparingTo("0.0");
    // Received 14 October, due 28 October.
    assertThat(values.get(SystemMeasure.RETURNS_ON_TIME)).isEqualByComparingTo("100.0");
    // No contract management meeting was planned for the provider in the quarter.
    assertThat(values).doesNotContainKey(SystemMeasure.MEETINGS_TO_SCHEDULE);
    // The quarter before had nothing of this provider's.
    assertThat(measured.forContract(contract, Q2.previous()).get(SystemMeasure.COMPLAINTS_RECEIVED))
        .isEqualByComparingTo("0");
  }

  @Test
  void aReportedValueBeyondTheToleranceIsFlaggedBesideTheMeasuredOne() {
    ContractReport report =
        reports.contractYear(contract.reference(), Q2.year(), Actor.engine()).orElseThrow();

    List<KpiLine> q2 = report.quarters().get(1).kpis();
    assertThat(report.quarters().get(1).quarter()).isEqualTo("2026/27-Q2");
    assertThat(line(q2, "4.1").comparison())
        .extracting("reported", "measured", "flagged")
        .containsExactly(new BigDecimal("2"), new BigDecimal("2"), false);
    ReportedVsMeasured acknowledged = line(q2, "4.2").comparison();
    assertThat(acknowledged.reported()).isEqualByComparingTo("100");
    assertThat(acknowledged.measured()).isEqualByComparingTo("50.0");
    assertThat(acknowledged.difference()).isEqualByComparingTo("50");
    assertThat(acknowledged.flagged()).isTrue();
    assertThat(line(q2, "5.2").comparison().flagged()).isTrue();
    assertThat(line(q2, "5.2").comparison().measured()).isEqualByComparingTo("0");
    assertThat(line(q2, "6.1").comparison().flagged()).isFalse();
    // A KPI without a system measure has no comparison; its breach carries the §4.1.3 consequence.
    KpiLine carePlans = line(q2, "2.1");
    assertThat(carePlans.comparison()).isNull();
    assertThat(carePlans.belowTrigger()).isTrue();
    assertThat(carePlans.consequence()).contains("next quarter monitored");
    // Q1 had no return: nothing reported, so nothing to flag.
    assertThat(line(report.quarters().get(0).kpis(), "4.2").comparison().flagged()).isFalse();
    assertThat(report.quarters().get(0).returned()).isNull();
    assertThat(report.quarters().get(1).returned().onTime()).isTrue();

    var quarter = reports.quarter(Q2, Actor.engine());
    var row =
        quarter.rows().stream()
            .filter(r -> r.contractReference().equals(contract.reference()))
            .findFirst()
            .orElseThrow();
    assertThat(row.onTime()).isTrue();
    assertThat(row.breachedKpis()).containsExactly(catalogue + " 2.1");
    assertThat(row.flaggedKpis()).containsExactly(catalogue + " 4.2", catalogue + " 5.2");
    assertThat(row.outcome()).isEqualTo("MONITOR");
  }

  @Test
  void theReportsAnswerJsonAndCsv() {
    String ref = contract.reference();
    JsonNode year =
        answer(
            http.get("/api/kpi-reports/contracts/" + ref + "?year=2026/27", TestUsers.as(STAFF)),
            200);
    assertThat(year.path("period").asText()).isEqualTo("2026/27");
    assertThat(year.path("quarters")).hasSize(4);
    JsonNode q2Lines = year.path("quarters").get(1).path("kpis");
    assertThat(lineNode(q2Lines, "4.2").path("comparison").path("flagged").asBoolean()).isTrue();
    assertThat(lineNode(q2Lines, "4.2").path("comparison").path("measured").decimalValue())
        .isEqualByComparingTo("50.0");

    var csv =
        http.get(
            "/api/kpi-reports/contracts/" + ref + "?year=2026/27&format=csv", TestUsers.as(STAFF));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.text().lines().findFirst().orElseThrow())
        .isEqualTo(
            "quarter,contract,catalogue,kpi,wording,unit,threshold,reported,below_trigger,explanation,"
                + "consequence,measure,measured,difference,flagged");
    assertThat(csv.text())
        .contains(
            "2026/27-Q2,"
                + ref
                + ","
                + catalogue
                + ",4.2,Percentage of complaints received that have been acknowledged within 24 hours,"
                + "PERCENT,≥ 95,100,false,,,complaints-acknowledged-24h,50.0,50,true");
    assertThat(
            http.get(
                    "/api/kpi-reports/contracts/" + ref + ".csv?year=2026&table=returns",
                    TestUsers.as(STAFF))
                .text())
        .contains("2026/27-Q2," + ref + ",PR-" + ref + "-2026-Q2,ACCEPTED,2026-10-28,");

    JsonNode rolling =
        answer(
            http.get(
                "/api/kpi-reports/contracts/" + ref + "/rolling?to=2026/27-Q2",
                TestUsers.as(STAFF)),
            200);
    assertThat(rolling.path("quarters").findValuesAsText("quarter"))
        .startsWith("2025/26-Q3", "2025/26-Q4", "2026/27-Q1", "2026/27-Q2");
    assertThat(rolling.path("summary").findValuesAsText("kpi")).contains("4.2", "2.1");

    JsonNode quarter =
        answer(http.get("/api/kpi-reports/quarters/2026-27-Q2", TestUsers.as(STAFF)), 200);
    assertThat(quarter.path("quarter").asText()).isEqualTo("2026/27-Q2");
    assertThat(quarter.path("rows").findValuesAsText("contractReference")).contains(ref);
    assertThat(http.get("/api/kpi-reports/quarters/2026-Q2.csv", TestUsers.as(STAFF)).text())
        .contains(ref + ",Domiciliary Care Service," + provider.name() + ",ACCEPTED,2026-10-28,");

    JsonNode breaches =
        answer(http.get("/api/kpi-reports/breaches?quarter=2026/27-Q2", TestUsers.as(STAFF)), 200);
    JsonNode mine = null;
    for (JsonNode b : breaches.path("rows")) {
      if (b.path("contractReference").asText().equals(ref)) {
        mine = b;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.path("kpi").asText()).isEqualTo("2.1");
    assertThat(mine.path("explanation").asText()).isEqualTo("Two care coordinators left in August");
    assertThat(mine.path("consequence").asText()).contains("3.2 §4.1.3");
    assertThat(
            http.get("/api/kpi-reports/breaches.csv?quarter=2026-Q2", TestUsers.as(STAFF)).text())
        .startsWith(
            "quarter,contract,provider,catalogue,kpi,wording,threshold,reported,explanation,outcome,consequence")
        .contains(ref + "," + provider.name() + "," + catalogue + ",2.1,");
  }

  @Test
  void badInputIsRefusedNamingTheParameter() {
    String ref = contract.reference();
    assertField(
        http.get("/api/kpi-reports/contracts/" + ref + "?year=abc", TestUsers.as(STAFF)), "year");
    assertField(
        http.get("/api/kpi-reports/contracts/" + ref + "?year=2026/28", TestUsers.as(STAFF)),
        "year");
    assertField(
        http.get(
            "/api/kpi-reports/contracts/" + ref + "/rolling?to=2026/27-Q5", TestUsers.as(STAFF)),
        "to");
    assertField(
        http.get("/api/kpi-reports/breaches?quarter=2026/27-Q5", TestUsers.as(STAFF)), "quarter");
    assertField(http.get("/api/kpi-reports/quarters/2026-27-Q5", TestUsers.as(STAFF)), "quarter");
    assertField(
        http.get("/api/kpi-reports/quarters/2026-27-Q2?format=xml", TestUsers.as(STAFF)), "format");
    assertField(
        http.get("/api/kpi-reports/contracts/" + ref + "?table=everything", TestUsers.as(STAFF)),
        "table");
  }

  @Test
  void providersSeeOnlyTheirOwnContracts() {
    String ref = contract.reference();
    assertThat(
            answer(http.get("/api/kpi-reports/contracts/" + ref, TestUsers.as(providerUser)), 200)
                .path("contractReference")
                .asText())
        .isEqualTo(ref);
    problem(http.get("/api/kpi-reports/contracts/" + ref, TestUsers.as(OTHER_PROVIDER_USER)), 404);
    problem(
        http.get(
            "/api/kpi-reports/contracts/" + ref + "/rolling.csv",
            TestUsers.as(OTHER_PROVIDER_USER)),
        404);
    problem(http.get("/api/kpi-reports/contracts/NO-SUCH-CONTRACT", TestUsers.as(STAFF)), 404);

    // The quarter's report and breach list hold only the provider's own rows.
    assertThat(
            answer(
                    http.get("/api/kpi-reports/quarters/2026-27-Q2", TestUsers.as(providerUser)),
                    200)
                .path("rows")
                .findValuesAsText("contractReference"))
        .containsExactly(ref);
    assertThat(
            answer(
                    http.get(
                        "/api/kpi-reports/quarters/2026-27-Q2", TestUsers.as(OTHER_PROVIDER_USER)),
                    200)
                .path("rows")
                .findValuesAsText("contractReference"))
        .doesNotContain(ref);
    assertThat(
            http.get(
                    "/api/kpi-reports/breaches.csv?quarter=2026-Q2",
                    TestUsers.as(OTHER_PROVIDER_USER))
                .text())
        .doesNotContain(ref);
    assertThat(http.get("/api/kpi-reports/breaches?quarter=2026-Q2").status()).isEqualTo(401);
  }

  @Test
  void theContractPageDrawsItsTrendWithTheLocallyServedChartLibrary() {
    assertThat(http.signIn(STAFF, TestUsers.password(STAFF)).status()).isEqualTo(302);
    var page = http.get("/reports/kpi/contracts/" + contract.reference() + "?year=2026/27");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(page.text())
        .contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
        .contains("/reports/kpi-charts.js")
        .contains("id=\"kpi-trend-data\"")
        .contains(
            "\"4.2 Percentage of complaints received that … (measured)\":[null,null,null,null,null,50.0,")
        .contains(
            "\"4.2 Percentage of complaints received that … (reported)\":[null,null,null,null,null,100,")
        .doesNotContain("<svg");
    var library = http.get("/webjars/echarts/5.3.1/dist/echarts.min.js");
    assertThat(library.status()).isEqualTo(200);
    assertThat(library.text()).contains("echarts");
    assertThat(http.get("/reports/kpi-charts.js").text()).contains("echarts.init");
    assertThat(http.get("/reports/kpi/quarters?quarter=2026/27-Q2").text())
        .contains(contract.reference())
        .as("dates as people write them")
        .containsPattern("\\d{1,2} [A-Z][a-z]{2} 2026");
    assertThat(http.get("/reports/kpi/breaches?quarter=2026/27-Q2").text())
        .contains("Two care coordinators left in August");
    var download = http.get("/reports/kpi/quarters.csv?quarter=2026/27-Q2");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.contentType()).startsWith("text/csv");
    assertThat(download.text()).contains("2026/27-Q2," + contract.reference() + ",");
    assertThat(
            http.get(
                    "/reports/kpi/contracts/"
                        + contract.reference()
                        + ".csv?year=2026/27&table=summary")
                .text())
        .startsWith("contract,period,catalogue,kpi");
    var bad = http.get("/reports/kpi/quarters?quarter=2026/27-Q5");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("The quarter must be a reporting quarter");

    var other = new uk.gov.council.commissioning.web.HttpTestClient(port);
    assertThat(other.signIn(OTHER_PROVIDER_USER, TestUsers.password(OTHER_PROVIDER_USER)).status())
        .isEqualTo(302);
    assertThat(other.get("/reports/kpi/contracts/" + contract.reference()).status()).isEqualTo(404);
    assertThat(other.get("/reports/kpi/contracts/" + contract.reference() + ".csv").status())
        .isEqualTo(404);
    assertThat(other.get("/reports/kpi/quarters?quarter=2026/27-Q2").text())
        .doesNotContain(contract.reference());
    // Signed out, the chart library is not served either.
    assertThat(
            new uk.gov.council.commissioning.web.HttpTestClient(port)
                .get("/webjars/echarts/5.3.1/dist/echarts.min.js")
                .status())
        .isIn(302, 401);
  }

  @Test
  void theMeetingAgendaGetsTheRollingTwelveMonthsAsCounts() {
    assertThat(reports.agendaLine(contract.reference()))
        .contains(
            "performance returns for the twelve months to 2026/27-Q2: 1 of 4 received, 1 on time;"
                + " KPI values below threshold 1; reported values differing from the measured 2");
  }

  private ProcessInstance complaint(String receivedAt) {
    Map<String, Object> form = FormValues.load("complaints/complaint");
    form.put("receivedAt", receivedAt);
    form.put("contractReference", contract.reference());
    ProcessInstance instance = startSignedIn(providerUser, "complaint", form);
    assertThat(taskAt(instance, "Task_ProviderAcknowledgeComplaint")).isNotNull();
    return instance;
  }

  private void assertField(
      uk.gov.council.commissioning.web.HttpTestClient.Response response, String field) {
    JsonNode body = problem(response, 400);
    assertThat(body.path("errors").findValuesAsText("field")).containsExactly(field);
  }

  private static KpiLine line(List<KpiLine> lines, String code) {
    return lines.stream().filter(l -> l.kpi().equals(code)).findFirst().orElseThrow();
  }

  private static JsonNode lineNode(JsonNode lines, String code) {
    for (JsonNode l : lines) {
      if (l.path("kpi").asText().equals(code)) {
        return l;
      }
    }
    throw new AssertionError("no KPI " + code);
  }
}
