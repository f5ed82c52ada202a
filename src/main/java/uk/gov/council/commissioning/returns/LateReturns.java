package uk.gov.council.commissioning.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.kpis.ReportingQuarter;

/**
 * Seed 001 Part 3.2 §4.1.6: "All late returns without an extension to the published deadlines are
 * reported back to both the Core Strategy Group and to the Commissioning Body on a quarterly
 * basis." A quarter's return counts when it came in late, or is still awaited after its deadline,
 * and no extension covers it (none agreed, or the agreed date has passed too).
 */
@Service
@RequiredArgsConstructor
public class LateReturns {

  private final JdbcClient jdbc;

  /**
   * One late return.
   *
   * @param extendedTo an extension agreed but also missed; null when none was agreed
   * @param receivedAt null while still awaited
   */
  public record LateReturn(
      String caseReference,
      String contractReference,
      String contractTitle,
      String providerName,
      String providerGroup,
      LocalDate dueDate,
      LocalDate extendedTo,
      String status,
      Instant receivedAt) {

    /** Whether it is still awaited rather than received late. */
    public boolean outstanding() {
      return receivedAt == null;
    }
  }

  /** The quarter's late returns without an extension, as of {@code today}, by contract. */
  public List<LateReturn> of(ReportingQuarter quarter, LocalDate today) {
    return jdbc.sql(
            """
            SELECT r.case_reference, c.reference, c.title, p.name, p.organisation_group, r.due_date,
                   r.extended_to, r.status, r.received_at, r.late
              FROM performance_return r
              JOIN contract c ON c.id = r.contract_id
              JOIN provider p ON p.id = r.provider_id
             WHERE r.reporting_year = :y AND r.quarter = :q
               AND (r.late = TRUE
                    OR (r.status = 'AWAITED' AND r.received_at IS NULL AND r.due_date < :today))
               AND (r.extended_to IS NULL OR r.extended_to < :today)
             ORDER BY c.reference
            """)
        .param("y", quarter.year().startYear())
        .param("q", quarter.number())
        .param("today", today)
        .query(
            (rs, n) -> {
              OffsetDateTime received = rs.getObject("received_at", OffsetDateTime.class);
              return new LateReturn(
                  rs.getString("case_reference"),
                  rs.getString("reference"),
                  rs.getString("title"),
                  rs.getString("name"),
                  rs.getString("organisation_group"),
                  rs.getObject("due_date", LocalDate.class),
                  rs.getObject("extended_to", LocalDate.class),
                  rs.getString("status"),
                  received == null ? null : received.toInstant());
            })
        .list();
  }

  /** The list as CSV, for the export. */
  public static String csv(List<LateReturn> returns) {
    StringBuilder out =
        new StringBuilder(
            "case_reference,contract_reference,contract_title,provider,due_date,extended_to,status,received_at\r\n");
    for (LateReturn r : returns) {
      out.append(
              String.join(
                  ",",
                  cell(r.caseReference()),
                  cell(r.contractReference()),
                  cell(r.contractTitle()),
                  cell(r.providerName()),
                  cell(r.dueDate()),
                  cell(r.extendedTo()),
                  cell(r.status()),
                  cell(r.receivedAt())))
          .append("\r\n");
    }
    return out.toString();
  }

  /** RFC 4180 quoting; a leading formula character is defused for spreadsheets. */
  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
