package uk.gov.council.commissioning.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.ChangedSettingsTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * A past quarter's App C 4.2 and 5.2 figures stay as they were when the council later shortens the
 * configured periods: each case is judged by the deadline recorded with it, not by today's setting.
 */
@ChangedSettingsTest
class ComplianceFiguresSettingChangeTest extends ProcessTestCase {

  private static final Quarter Q3_2026 = new Quarter(2026, 3);
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Autowired ComplianceFigures figures;

  @Test
  void shorteningThePeriodsLaterLeavesAPastQuartersFiguresAlone() {
    String suffix = String.valueOf(System.nanoTime() % 1000000);
    Provider provider =
        contracts.createProvider(
            "Setting Change " + suffix, "sc@example.org", "provider-sc-" + suffix);
    // Recorded in July, while the periods were 24 hours (acknowledgement) and 12 hours (alert).
    Instant received = Instant.parse("2026-07-01T08:00:00Z");
    jdbc.sql(
            """
            INSERT INTO complaint (complaint_number, route, provider_id, received_at, opened_at, acknowledge_due_at,
                                   acknowledged_at, respond_due_at, original_respond_due_at)
            VALUES (:number, 'PROVIDER', :provider, :received, :received, :ackDue, :ack, :due, :due)
            """)
        .param("number", "SC-C-" + suffix)
        .param("provider", provider.id())
        .param("received", utc(received))
        .param("ackDue", utc(received.plus(Duration.ofHours(24))))
        .param("ack", utc(received.plus(Duration.ofHours(23))))
        .param("due", utc(received.plus(Duration.ofDays(21))))
        .update();
    Instant aware = Instant.parse("2026-08-01T00:00:00Z");
    jdbc.sql(
            """
            INSERT INTO safeguarding_alert (source_type, source_reference, provider_id, raised_by, aware_at,
                                            alert_due_at, alerted_at)
            VALUES ('COMPLAINT', :reference, :provider, 'PROVIDER', :aware, :due, :alerted)
            """)
        .param("reference", "SC-S-" + suffix)
        .param("provider", provider.id())
        .param("aware", utc(aware))
        .param("due", utc(aware.plus(Duration.ofHours(12))))
        .param("alerted", utc(aware.plus(Duration.ofHours(11))))
        .update();

    ProviderFigures result = figures.forProvider(provider, Q3_2026, NOW);

    // Acknowledged after 23 hours and alerted after 11: on time then, and still on time now that
    // the
    // settings say 1 hour. Total, met, missed, pending.
    assertThat(line(result, "4.2")).containsExactly(1, 1, 0, 0);
    assertThat(percentage(result, "4.2")).isEqualTo(new BigDecimal("100.0"));
    assertThat(line(result, "5.2")).containsExactly(1, 1, 0, 0);
    assertThat(percentage(result, "5.2")).isEqualTo(new BigDecimal("100.0"));
  }

  private static Measure measure(ProviderFigures figures, String number) {
    return figures.measures().stream()
        .filter(m -> number.equals(m.number()))
        .findFirst()
        .orElseThrow();
  }

  private static List<Integer> line(ProviderFigures figures, String number) {
    Measure m = measure(figures, number);
    return List.of(m.total(), m.met(), m.missed(), m.pending());
  }

  private static BigDecimal percentage(ProviderFigures figures, String number) {
    return measure(figures, number).percentage();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
