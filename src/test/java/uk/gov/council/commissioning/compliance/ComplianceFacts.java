package uk.gov.council.commissioning.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.contracts.Provider;

/**
 * Facts the compliance figures count, written straight into their tables as the application records
 * them, so that a test of the figures or of the pages showing them need not run a case.
 */
public final class ComplianceFacts {

  private ComplianceFacts() {}

  /**
   * A safeguarding alert about a complaint, raised by the provider, aware at {@code awareAt} and
   * alerted {@code untilAlerted} later.
   */
  public static void complaintAlert(
      JdbcClient jdbc,
      Provider provider,
      String reference,
      Instant awareAt,
      Duration untilAlerted) {
    jdbc.sql(
            """
            INSERT INTO safeguarding_alert (source_type, source_reference, provider_id, raised_by, aware_at,
                                            alert_due_at, alerted_at)
            VALUES ('COMPLAINT', :reference, :provider, 'PROVIDER', :aware, :due, :alerted)
            """)
        .param("reference", reference)
        .param("provider", provider.id())
        .param("aware", awareAt.atOffset(ZoneOffset.UTC))
        // As the application records it: 12 hours after awareness (App C 5.2).
        .param("due", awareAt.plus(Duration.ofHours(12)).atOffset(ZoneOffset.UTC))
        .param("alerted", awareAt.plus(untilAlerted).atOffset(ZoneOffset.UTC))
        .update();
  }
}
