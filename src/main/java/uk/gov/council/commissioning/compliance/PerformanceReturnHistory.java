package uk.gov.council.commissioning.compliance;

import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A provider's performance returns as a QAF desk review reads them (seed 001 Part 3.3 §3.3,
 * "inadequate information on the Performance Indicators"): how many came late and how many KPI
 * values fell below their trigger. Read only.
 */
@Service
@RequiredArgsConstructor
public class PerformanceReturnHistory {

  /** The counts over returns due on or after a day. */
  public record Held(int lateReturns, int kpisBelowTrigger) {}

  private final JdbcClient jdbc;

  /** The provider's returns due on or after {@code since}. */
  public Held since(long providerId, LocalDate since) {
    int late =
        jdbc.sql(
                "SELECT COUNT(*) FROM performance_return"
                    + " WHERE provider_id = :provider AND due_date >= :since AND late")
            .param("provider", providerId)
            .param("since", since)
            .query(Integer.class)
            .single();
    int below =
        jdbc.sql(
                "SELECT COUNT(*) FROM performance_return_value v"
                    + " JOIN performance_return r ON r.id = v.return_id"
                    + " WHERE r.provider_id = :provider AND r.due_date >= :since"
                    + " AND v.below_trigger")
            .param("provider", providerId)
            .param("since", since)
            .query(Integer.class)
            .single();
    return new Held(late, below);
  }
}
