package uk.gov.council.commissioning.safeguarding;

import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A provider's safeguarding alerts as the desk-top compliance audit reads them (seed 001 Part 3.1
 * §3.2): the case they came from, who raised them, when, and whether closed; never the summary,
 * which may name a person. Read only.
 */
@Service
@RequiredArgsConstructor
public class SafeguardingHistory {

  /** A safeguarding alert about the provider's service. */
  public record PastAlert(
      String sourceType,
      String sourceReference,
      String raisedBy,
      Instant alertedAt,
      Instant closedAt) {}

  private final JdbcClient jdbc;

  /** The provider's alerts raised since {@code since}, the newest first. */
  public List<PastAlert> since(long providerId, Instant since) {
    return jdbc.sql(
            """
            SELECT source_type, source_reference, raised_by, alerted_at, closed_at
              FROM safeguarding_alert
             WHERE provider_id = :provider AND alerted_at >= :since
             ORDER BY alerted_at DESC, id DESC
            """)
        .param("provider", providerId)
        .param("since", utc(since))
        .query(
            (rs, row) ->
                new PastAlert(
                    rs.getString("source_type"),
                    rs.getString("source_reference"),
                    rs.getString("raised_by"),
                    instant(rs, "alerted_at"),
                    instant(rs, "closed_at")))
        .list();
  }
}
