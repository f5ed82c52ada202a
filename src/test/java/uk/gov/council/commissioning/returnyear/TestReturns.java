package uk.gov.council.commissioning.returnyear;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.contracts.Contract;

/** Quarterly returns as the returns' own process records them, for the reports that read them. */
final class TestReturns {

  private TestReturns() {}

  static void recordReturn(
      JdbcClient jdbc,
      Contract contract,
      int year,
      int quarter,
      LocalDate due,
      LocalDate extendedTo,
      String status,
      Instant receivedAt,
      boolean late) {
    jdbc.sql(
            """
            INSERT INTO performance_return (case_reference, contract_id, provider_id, reporting_year,
              quarter, due_date, extended_to, status, received_at, late)
            VALUES (:ref, :c, :p, :y, :q, :due, :ext, :status, :received, :late)
            """)
        .param("ref", "PR-" + contract.reference() + "-" + year + "-Q" + quarter)
        .param("c", contract.id())
        .param("p", contract.provider().id())
        .param("y", year)
        .param("q", quarter)
        .param("due", due)
        .param("ext", extendedTo)
        .param("status", status)
        .param("received", receivedAt == null ? null : Timestamp.from(receivedAt))
        .param("late", late)
        .update();
  }
}
