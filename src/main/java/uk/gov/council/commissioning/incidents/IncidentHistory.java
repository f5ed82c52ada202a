package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A provider's serious incidents as the desk-top compliance audit reads them (seed 001 Part 3.1
 * §3.2): number, category, when and state, never the people involved. Read only.
 */
@Service
@RequiredArgsConstructor
public class IncidentHistory {

  /** A serious incident in the provider's service. */
  public record PastIncident(
      String incidentNumber, String category, Instant occurredAt, String status) {}

  private final JdbcClient jdbc;

  /** The provider's serious incidents that occurred since {@code since}, the newest first. */
  public List<PastIncident> since(long providerId, Instant since) {
    return jdbc.sql(
            """
            SELECT incident_number, category, occurred_at, status
              FROM serious_incident
             WHERE provider_id = :provider AND occurred_at >= :since
             ORDER BY occurred_at DESC, id DESC
            """)
        .param("provider", providerId)
        .param("since", utc(since))
        .query(
            (rs, row) ->
                new PastIncident(
                    rs.getString("incident_number"),
                    rs.getString("category"),
                    instant(rs, "occurred_at"),
                    rs.getString("status")))
        .list();
  }
}
