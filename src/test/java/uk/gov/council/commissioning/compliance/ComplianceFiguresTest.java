package uk.gov.council.commissioning.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.SqlParameterValue;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Seed 002 App C sections 4-6 computed from hand-made facts, with the expected numbers worked out
 * by hand in each test. Each test has providers of its own, so facts of other tests never count.
 */
@ProcessTest
class ComplianceFiguresTest extends ProcessTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final Quarter Q3_2026 = new Quarter(2026, 3);
  // 21:00 BST on 30 September 2026: the quarter's last evening.
  private static final Instant NOW = Instant.parse("2026-09-30T20:00:00Z");

  @Autowired ComplianceFigures figures;

  Provider alpha;
  Provider beta;
  Contract alphaContract;
  Contract betaContract;
  int number;

  @BeforeEach
  void setUp() {
    int n = SEQUENCE.incrementAndGet();
    String suffix = n + "-" + System.nanoTime() % 100000;
    alpha =
        contracts.createProvider(
            "Compliance Alpha " + suffix, "alpha@example.org", "provider-cf-alpha-" + suffix);
    beta =
        contracts.createProvider(
            "Compliance Beta " + suffix, "beta@example.org", "provider-cf-beta-" + suffix);
    alphaContract = contract(alpha, "CF-A-" + suffix);
    betaContract = contract(beta, "CF-B-" + suffix);
  }

  // --- App C 4: complaints about the provider ---------------------------------------------------

  @Test
  void complaintsReceivedAcknowledgedAndResolved() {
    // C1: acknowledged exactly 24 h after receipt (met), resolved exactly at the deadline (met).
    complaint(
        alpha,
        "PROVIDER",
        "2026-07-01T08:00:00Z",
        "2026-07-02T08:00:00Z",
        "2026-07-22T08:00:00Z",
        "2026-07-22T08:00:00Z",
        "2026-07-22T08:00:00Z");
    // C2: acknowledged 24 h 1 min after (missed); resolved after the original deadline though
    // within an
    // extension the complainant was told of (missed: an extension does not excuse the provider).
    complaint(
        alpha,
        "PROVIDER",
        "2026-07-10T09:00:00Z",
        "2026-07-11T09:01:00Z",
        "2026-07-31T09:00:00Z",
        "2026-08-10T09:00:00Z",
        "2026-08-01T10:00:00Z");
    // C3: never acknowledged, the 24 h long past (missed); resolved before its deadline (met).
    complaint(
        alpha,
        "PROVIDER",
        "2026-08-03T12:00:00Z",
        null,
        "2026-08-24T12:00:00Z",
        "2026-08-24T12:00:00Z",
        "2026-08-20T16:00:00Z");
    // C4: received this morning; neither deadline has passed (pending, pending).
    openComplaint(alpha, "PROVIDER", "2026-09-30T10:00:00Z", "2026-10-21T10:00:00Z");
    // C5: 00:30 BST on 1 July, which is still 30 June in UTC: in Q3 (met, met).
    complaint(
        alpha,
        "PROVIDER",
        "2026-06-30T23:30:00Z",
        "2026-07-01T10:00:00Z",
        "2026-07-21T23:30:00Z",
        "2026-07-21T23:30:00Z",
        "2026-07-15T10:00:00Z");
    // Not counted: 23:30 BST on 30 June (Q2); 00:30 BST on 1 October (Q4); a complaint to the
    // council
    // about the provider's service (App K, not App C 4); another provider's complaint.
    openComplaint(alpha, "PROVIDER", "2026-06-30T22:30:00Z", "2026-07-21T22:30:00Z");
    openComplaint(alpha, "PROVIDER", "2026-09-30T23:30:00Z", "2026-10-21T23:30:00Z");
    openComplaint(alpha, "COUNCIL", "2026-07-15T09:00:00Z", "2026-08-12T09:00:00Z");
    openComplaint(beta, "PROVIDER", "2026-07-15T09:00:00Z", "2026-08-05T09:00:00Z");

    ProviderFigures result = figures.forProvider(alpha, Q3_2026, NOW);

    assertCount(result, "4.1", 5);
    // Acknowledged: met C1, C5; missed C2, C3; pending C4. 2 / (2 + 2) = 50.0 %.
    assertTimed(result, "4.2", 5, 2, 2, 1, "50.0");
    // Resolved: met C1, C3, C5; missed C2; pending C4. 3 / (3 + 1) = 75.0 %.
    assertTimed(result, "4.3", 5, 3, 1, 1, "75.0");
  }

  // --- App C 5: safeguarding alerts raised by the provider ---------------------------------------

  @Test
  void safeguardingAlertsWithin12HoursOfAwareness() {
    alert(alpha, "PROVIDER", "2026-07-05T00:00:00Z", Duration.ofHours(12)); // met: exactly 12 h
    alert(alpha, "PROVIDER", "2026-07-20T00:00:00Z", Duration.ofHours(12).plusMinutes(1)); // missed
    alert(alpha, "PROVIDER", "2026-08-01T00:00:00Z", Duration.ofHours(1)); // met
    // Not counted: raised by a council officer; another provider's; aware in Q2 though alerted in
    // Q3.
    alert(alpha, "COUNCIL", "2026-08-02T00:00:00Z", Duration.ofHours(30));
    alert(beta, "PROVIDER", "2026-08-02T00:00:00Z", Duration.ofHours(30));
    alert(alpha, "PROVIDER", "2026-06-30T10:00:00Z", Duration.ofHours(15));

    ProviderFigures result = figures.forProvider(alpha, Q3_2026, NOW);

    assertCount(result, "5.1", 3);
    // 2 / (2 + 1) = 66.666... = 66.7 %. An alert is recorded only once it has arrived: never
    // pending.
    assertTimed(result, "5.2", 3, 2, 1, 0, "66.7");
  }

  @Test
  void whenTheCouncilLearntFirstTheProvidersReportCountsFromItsOwnAwareness() {
    // Council alerts with the provider's awareness and report recorded: 11 h 59 min (met); 12 h 1
    // min (missed), counted though the council raised them; both by the provider's awareness.
    councilAlert(alpha, "2026-07-05T02:00:00Z", "2026-07-05T00:00:00Z", Duration.ofMinutes(719));
    councilAlert(alpha, "2026-07-06T02:00:00Z", "2026-07-06T00:00:00Z", Duration.ofMinutes(721));
    // The provider knew on 30 June (Q2), before the council learnt in Q3: the provider's quarter.
    councilAlert(alpha, "2026-07-01T10:00:00Z", "2026-06-30T10:00:00Z", Duration.ofHours(2));
    // The provider has not yet said when it became aware: not counted.
    alert(alpha, "COUNCIL", "2026-08-02T00:00:00Z", Duration.ZERO);

    ProviderFigures result = figures.forProvider(alpha, Q3_2026, NOW);

    assertCount(result, "5.1", 2);
    assertTimed(result, "5.2", 2, 1, 1, 0, "50.0");
    assertCount(figures.forProvider(alpha, new Quarter(2026, 2), NOW), "5.1", 1);
  }

  // --- App C 6 and seed 002 §12.4-12.5: serious incidents ----------------------------------------

  @Test
  void seriousIncidentsReportedWithin12And48Hours() {
    // S1: initial report exactly at 12 h (met); form at 48 h 1 min (missed); RIDDOR.
    incident(
        alpha,
        alphaContract,
        "2026-07-02T10:00:00Z",
        "2026-07-02T22:00:00Z",
        "2026-07-04T10:01:00Z",
        true);
    // S2: no initial report, long overdue (missed); form within 48 h (met).
    incident(alpha, alphaContract, "2026-08-10T10:00:00Z", null, "2026-08-11T09:00:00Z", false);
    // S3: this afternoon; initial report in (met); form not yet due (pending); RIDDOR.
    incident(alpha, alphaContract, "2026-09-30T15:00:00Z", "2026-09-30T18:00:00Z", null, true);
    // Not counted: 23:59 BST on 30 June (Q2); another provider's.
    incident(alpha, alphaContract, "2026-06-30T22:59:00Z", null, null, true);
    incident(beta, betaContract, "2026-08-10T10:00:00Z", null, null, true);

    ProviderFigures result = figures.forProvider(alpha, Q3_2026, NOW);

    assertCount(result, "6.1", 3);
    // Initial reports: met S1, S3; missed S2. 2 / 3 = 66.7 %.
    assertTimed(result, "serious-incidents-initial-report-in-time", 3, 2, 1, 0, "66.7");
    // Forms: met S2; missed S1; pending S3. 1 / 2 = 50.0 %.
    assertTimed(result, "serious-incidents-reporting-form-in-time", 3, 1, 1, 1, "50.0");
    assertCount(result, "6.2", 2);
  }

  @Test
  void pendingBecomesMissedOnceTheDeadlinePasses() {
    incident(alpha, alphaContract, "2026-09-30T15:00:00Z", "2026-09-30T18:00:00Z", null, false);

    // The form is due 48 h after the incident: 2 October 15:00 UTC.
    assertTimed(
        figures.forProvider(alpha, Q3_2026, Instant.parse("2026-10-02T15:00:00Z")),
        "serious-incidents-reporting-form-in-time",
        1,
        0,
        0,
        1,
        null);
    assertTimed(
        figures.forProvider(alpha, Q3_2026, Instant.parse("2026-10-02T15:01:00Z")),
        "serious-incidents-reporting-form-in-time",
        1,
        0,
        1,
        0,
        "0.0");
  }

  @Test
  void aQuarterFromGmtIntoBstCountsByUkDays() {
    Quarter q1 = new Quarter(2026, 1);
    incident(alpha, alphaContract, "2025-12-31T23:59:00Z", null, null, false); // Q4 2025 (GMT)
    incident(alpha, alphaContract, "2026-01-01T00:00:00Z", null, null, false); // Q1: midnight GMT
    incident(
        alpha, alphaContract, "2026-03-31T22:59:00Z", null, null, true); // Q1: 23:59 BST, 31 March
    incident(
        alpha,
        alphaContract,
        "2026-03-31T23:00:00Z",
        null,
        null,
        true); // Q2: midnight BST, 1 April

    ProviderFigures result = figures.forProvider(alpha, q1, Instant.parse("2026-06-01T00:00:00Z"));

    assertThat(result.from()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(result.to()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertCount(result, "6.1", 2);
    assertCount(result, "6.2", 1);
    assertTimed(result, "serious-incidents-initial-report-in-time", 2, 0, 2, 0, "0.0");
  }

  @Test
  void aQuarterWithNothingRecordedHasZerosAndNoPercentages() {
    ProviderFigures result = figures.forProvider(alpha, Q3_2026, NOW);

    assertThat(result.provider())
        .isEqualTo(new ProviderFigures.ProviderName(alpha.id(), alpha.name()));
    assertThat(result.quarter()).isEqualTo("2026-Q3");
    assertThat(result.asAt()).isEqualTo(NOW);
    assertThat(result.measures())
        .extracting(Measure::key)
        .containsExactly(
            "complaints-received",
            "complaints-acknowledged-in-time",
            "complaints-resolved-in-time",
            "safeguarding-alerts-reported",
            "safeguarding-alerts-in-time",
            "serious-incidents",
            "serious-incidents-initial-report-in-time",
            "serious-incidents-reporting-form-in-time",
            "riddor-reportable-events");
    assertThat(result.measures())
        .extracting(Measure::number)
        .containsExactly("4.1", "4.2", "4.3", "5.1", "5.2", "6.1", null, null, "6.2");
    assertThat(result.measures())
        .allSatisfy(
            m -> {
              assertThat(m.total()).isZero();
              assertThat(m.percentage()).isNull();
            });
    assertTimed(result, "4.2", 0, 0, 0, 0, null);
  }

  @Test
  void nowIsTheEngineClockUnlessGiven() {
    openComplaint(alpha, "PROVIDER", "2026-09-30T10:00:00Z", "2026-10-21T10:00:00Z");

    TestClock.set(Date.from(Instant.parse("2026-10-01T10:00:00Z")));
    ProviderFigures atTheDeadline = figures.forProvider(alpha, Q3_2026);
    TestClock.set(Date.from(Instant.parse("2026-10-01T10:00:01Z")));
    ProviderFigures justAfter = figures.forProvider(alpha, Q3_2026);

    assertThat(atTheDeadline.asAt()).isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
    assertTimed(atTheDeadline, "4.2", 1, 0, 0, 1, null);
    assertTimed(justAfter, "4.2", 1, 0, 1, 0, "0.0");
  }

  @Test
  void everyProvidersFiguresTogether() {
    complaint(
        alpha,
        "PROVIDER",
        "2026-07-01T08:00:00Z",
        "2026-07-01T09:00:00Z",
        "2026-07-22T08:00:00Z",
        "2026-07-22T08:00:00Z",
        null);
    openComplaint(beta, "PROVIDER", "2026-07-15T09:00:00Z", "2026-08-05T09:00:00Z");
    openComplaint(beta, "PROVIDER", "2026-07-16T09:00:00Z", "2026-08-06T09:00:00Z");

    QuarterFigures all = figures.forAllProviders(Q3_2026, NOW);

    assertThat(all.quarter()).isEqualTo("2026-Q3");
    ProviderFigures a = of(all, alpha);
    ProviderFigures b = of(all, beta);
    assertCount(a, "4.1", 1);
    assertTimed(a, "4.2", 1, 1, 0, 0, "100.0");
    assertCount(b, "4.1", 2);
    assertTimed(b, "4.2", 2, 0, 2, 0, "0.0");
    assertThat(all.providers()).extracting(p -> p.provider().id()).contains(alpha.id(), beta.id());
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static ProviderFigures of(QuarterFigures all, Provider provider) {
    return all.providers().stream()
        .filter(p -> p.provider().id() == provider.id())
        .findFirst()
        .orElseThrow();
  }

  private static Measure measure(ProviderFigures figures, String numberOrKey) {
    return figures.measures().stream()
        .filter(m -> numberOrKey.equals(m.number()) || numberOrKey.equals(m.key()))
        .findFirst()
        .orElseThrow();
  }

  private static void assertCount(ProviderFigures figures, String numberOrKey, int total) {
    Measure m = measure(figures, numberOrKey);
    assertThat(m.total()).as(numberOrKey + " total").isEqualTo(total);
    assertThat(m.met()).as(numberOrKey + " met").isNull();
    assertThat(m.percentage()).as(numberOrKey + " percentage").isNull();
  }

  private static void assertTimed(
      ProviderFigures figures,
      String numberOrKey,
      int total,
      int met,
      int missed,
      int pending,
      String percentage) {
    Measure m = measure(figures, numberOrKey);
    assertThat(List.of(m.total(), m.met(), m.missed(), m.pending()))
        .as(numberOrKey + " total, met, missed, pending")
        .containsExactly(total, met, missed, pending);
    assertThat(m.percentage())
        .as(numberOrKey + " percentage")
        .isEqualTo(percentage == null ? null : new BigDecimal(percentage));
  }

  private Contract contract(Provider provider, String reference) {
    return contracts.create(
        draft(reference, provider.id())
            .about("Domiciliary care", "Domiciliary care", null)
            .running("2025-04-01", "2029-03-31", "500000.00", "2000000.00"));
  }

  /** A complaint neither acknowledged nor resolved, still due when it was first due. */
  private void openComplaint(Provider provider, String route, String receivedAt, String dueAt) {
    complaint(provider, route, receivedAt, null, dueAt, dueAt, null);
  }

  private void complaint(
      Provider provider,
      String route,
      String receivedAt,
      String acknowledgedAt,
      String originalDueAt,
      String currentDueAt,
      String resolvedAt) {
    Instant received = Instant.parse(receivedAt);
    jdbc.sql(
            """
            INSERT INTO complaint (complaint_number, route, provider_id, received_at, opened_at, acknowledge_due_at,
                                   acknowledged_at, respond_due_at, original_respond_due_at, resolved_at)
            VALUES (:number, :route, :provider, :received, :received, :ackDue, :ack, :due, :originalDue, :resolved)
            """)
        .param("number", "CF-C-" + SEQUENCE.get() + "-" + ++number)
        .param("route", route)
        .param("provider", provider.id())
        .param("received", utc(received))
        // As the complaint process records it: commissioning.complaints.provider-acknowledge-within
        // (24 hours).
        .param("ackDue", utc(received.plus(Duration.ofHours(24))))
        .param("ack", time(acknowledgedAt))
        .param("due", utc(Instant.parse(currentDueAt)))
        .param("originalDue", utc(Instant.parse(originalDueAt)))
        .param("resolved", time(resolvedAt))
        .update();
  }

  private void alert(Provider provider, String raisedBy, String awareAt, Duration untilAlerted) {
    Instant aware = Instant.parse(awareAt);
    jdbc.sql(
            """
            INSERT INTO safeguarding_alert (source_type, source_reference, provider_id, raised_by, aware_at,
                                            alert_due_at, alerted_at)
            VALUES ('SERIOUS_INCIDENT', :reference, :provider, :raisedBy, :aware, :due, :alerted)
            """)
        .param("reference", "CF-S-" + SEQUENCE.get() + "-" + ++number)
        .param("provider", provider.id())
        .param("raisedBy", raisedBy)
        .param("aware", utc(aware))
        // As SafeguardingAlerts records it: commissioning.safeguarding.alert-within (12 hours)
        // after awareness.
        .param("due", utc(aware.plus(Duration.ofHours(12))))
        .param("alerted", utc(aware.plus(untilAlerted)))
        .update();
  }

  /**
   * An alert the council raised at {@code councilAwareAt}, and the provider's report {@code
   * untilReported} after the provider's own awareness, as SafeguardingAlerts.providerReported
   * records them.
   */
  private void councilAlert(
      Provider provider, String councilAwareAt, String providerAwareAt, Duration untilReported) {
    Instant council = Instant.parse(councilAwareAt);
    Instant aware = Instant.parse(providerAwareAt);
    jdbc.sql(
            """
            INSERT INTO safeguarding_alert (source_type, source_reference, provider_id, raised_by, aware_at,
                                            alert_due_at, alerted_at, provider_aware_at,
                                            provider_report_due_at, provider_reported_at)
            VALUES ('COMPLAINT', :reference, :provider, 'COUNCIL', :council, :councilDue, :council,
                    :aware, :due, :reported)
            """)
        .param("reference", "CF-C-" + SEQUENCE.get() + "-" + ++number)
        .param("provider", provider.id())
        .param("council", utc(council))
        .param("councilDue", utc(council.plus(Duration.ofHours(12))))
        .param("aware", utc(aware))
        .param("due", utc(aware.plus(Duration.ofHours(12))))
        .param("reported", utc(aware.plus(untilReported)))
        .update();
  }

  private void incident(
      Provider provider,
      Contract contract,
      String occurredAt,
      String initialReportAt,
      String reportingFormAt,
      boolean riddor) {
    Instant occurred = Instant.parse(occurredAt);
    jdbc.sql(
            """
            INSERT INTO serious_incident (incident_number, provider_id, contract_id, source, category, occurred_at,
                                          opened_at, initial_report_due_at, initial_report_at, reporting_form_due_at,
                                          reporting_form_at, riddor_reportable)
            VALUES (:number, :provider, :contract, 'PROVIDER_REPORT', 'EMERGENCY_ADMISSION', :occurred, :occurred,
                    :initialDue, :initial, :formDue, :form, :riddor)
            """)
        .param("number", "CF-I-" + SEQUENCE.get() + "-" + ++number)
        .param("provider", provider.id())
        .param("contract", contract.id())
        .param("occurred", utc(occurred))
        .param("initialDue", utc(occurred.plus(Duration.ofHours(12))))
        .param("initial", time(initialReportAt))
        .param("formDue", utc(occurred.plus(Duration.ofHours(48))))
        .param("form", time(reportingFormAt))
        .param("riddor", riddor)
        .update();
  }

  private static SqlParameterValue time(String instant) {
    return new SqlParameterValue(
        Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : utc(Instant.parse(instant)));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
