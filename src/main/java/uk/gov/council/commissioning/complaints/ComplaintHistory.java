package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A provider's complaints as the desk-top compliance audit reads them (seed 001 Part 3.1 §3.2: "Any
 * complaints ... received"): numbers, route, dates and state, never the complainant's details. Read
 * only.
 */
@Service
@RequiredArgsConstructor
public class ComplaintHistory {

  /** A complaint about the provider's service. */
  public record PastComplaint(
      String complaintNumber,
      String route,
      Instant receivedAt,
      int stage,
      String status,
      boolean safeguardingRaised) {}

  private final JdbcClient jdbc;

  /** The provider's complaints received since {@code since}, the newest first. */
  public List<PastComplaint> since(long providerId, Instant since) {
    return jdbc.sql(
            """
            SELECT complaint_number, route, received_at, stage, status, safeguarding_raised
              FROM complaint
             WHERE provider_id = :provider AND received_at >= :since
             ORDER BY received_at DESC, id DESC
            """)
        .param("provider", providerId)
        .param("since", utc(since))
        .query(
            (rs, row) ->
                new PastComplaint(
                    rs.getString("complaint_number"),
                    rs.getString("route"),
                    instant(rs, "received_at"),
                    rs.getInt("stage"),
                    rs.getString("status"),
                    rs.getBoolean("safeguarding_raised")))
        .list();
  }
}
