package uk.gov.council.commissioning.kpireports;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;

/**
 * Reads the performance returns (V28) and the contracts they belong to. The returns process and the
 * catalogue assignment write these tables; the reports only read them.
 */
@Component
@RequiredArgsConstructor
class ReturnRecords {

  private static final String RETURN_COLUMNS =
      """
      r.id, r.case_reference, r.contract_id, r.provider_id, r.reporting_year, r.quarter, r.due_date,
      r.extended_to, r.status, r.received_at, r.late, r.mitigation, r.outcome, r.accepted_at""";

  private final JdbcClient jdbc;

  /** A return as the reports show it, with its values. */
  record ReturnRow(
      long id,
      String caseReference,
      long contractId,
      long providerId,
      ReportingQuarter quarter,
      LocalDate dueDate,
      LocalDate extendedTo,
      String status,
      Instant receivedAt,
      boolean late,
      String mitigation,
      String outcome,
      Instant acceptedAt,
      List<ValueRow> values) {

    LocalDate deadline() {
      return extendedTo != null ? extendedTo : dueDate;
    }
  }

  record ValueRow(
      long catalogueId,
      String kpiCode,
      BigDecimal value,
      boolean belowTrigger,
      String explanation) {}

  /** A contract a report lists, with its provider. */
  record ContractRow(
      long id,
      String reference,
      String title,
      long providerId,
      String providerName,
      String organisationGroup) {}

  /** The contract's returns for the quarters from {@code first} to {@code last}, in order. */
  List<ReturnRow> ofContract(long contractId, ReportingQuarter first, ReportingQuarter last) {
    List<ReturnRow> rows =
        jdbc.sql(
                "SELECT "
                    + RETURN_COLUMNS
                    + """
                     FROM performance_return r
                    WHERE r.contract_id = :contract
                      AND r.reporting_year * 10 + r.quarter BETWEEN :first AND :last
                    ORDER BY r.reporting_year, r.quarter""")
            .param("contract", contractId)
            .param("first", ordinal(first))
            .param("last", ordinal(last))
            .query(ReturnRecords::returnRow)
            .list();
    return withValues(rows);
  }

  /** Every return of the quarter, by contract id. */
  Map<Long, ReturnRow> inQuarter(ReportingQuarter quarter) {
    List<ReturnRow> rows =
        jdbc.sql(
                "SELECT "
                    + RETURN_COLUMNS
                    + """
                     FROM performance_return r
                    WHERE r.reporting_year = :year AND r.quarter = :quarter""")
            .param("year", quarter.year().startYear())
            .param("quarter", quarter.number())
            .query(ReturnRecords::returnRow)
            .list();
    Map<Long, ReturnRow> byContract = new HashMap<>();
    for (ReturnRow r : withValuesOfQuarter(rows, quarter)) {
      byContract.put(r.contractId(), r);
    }
    return byContract;
  }

  /**
   * The contracts a quarter's report lists: those with a catalogue assigned for its year and those
   * with a return for it, in reference order.
   */
  List<ContractRow> contractsOfQuarter(ReportingQuarter quarter) {
    return jdbc.sql(
            """
            SELECT c.id, c.reference, c.title, p.id AS provider_id, p.name, p.organisation_group
              FROM contract c JOIN provider p ON p.id = c.provider_id
             WHERE c.id IN (SELECT contract_id FROM contract_kpi_catalogue WHERE reporting_year = :year)
                OR c.id IN (SELECT contract_id FROM performance_return
                             WHERE reporting_year = :year AND quarter = :quarter)
             ORDER BY c.reference""")
        .param("year", quarter.year().startYear())
        .param("quarter", quarter.number())
        .query(
            (rs, n) ->
                new ContractRow(
                    rs.getLong("id"),
                    rs.getString("reference"),
                    rs.getString("title"),
                    rs.getLong("provider_id"),
                    rs.getString("name"),
                    rs.getString("organisation_group")))
        .list();
  }

  /** The catalogue codes assigned for the year, by contract id. */
  Map<Long, List<String>> catalogueCodes(ReportingYear year) {
    Map<Long, List<String>> codes = new HashMap<>();
    jdbc.sql(
            """
            SELECT contract_id, catalogue_code FROM contract_kpi_catalogue
             WHERE reporting_year = :year ORDER BY catalogue_code""")
        .param("year", year.startYear())
        .query(
            rs -> {
              codes
                  .computeIfAbsent(rs.getLong("contract_id"), id -> new ArrayList<>())
                  .add(rs.getString("catalogue_code"));
            });
    return codes;
  }

  private List<ReturnRow> withValues(List<ReturnRow> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    return attach(
        rows,
        jdbc.sql(
                """
                SELECT return_id, catalogue_id, kpi_code, reported_value, below_trigger, explanation
                  FROM performance_return_value WHERE return_id IN (:ids)""")
            .param("ids", rows.stream().map(ReturnRow::id).toList()));
  }

  private List<ReturnRow> withValuesOfQuarter(List<ReturnRow> rows, ReportingQuarter quarter) {
    if (rows.isEmpty()) {
      return rows;
    }
    // One statement for the whole quarter: an IN list of hundreds of ids costs more to plan.
    return attach(
        rows,
        jdbc.sql(
                """
                SELECT v.return_id, v.catalogue_id, v.kpi_code, v.reported_value, v.below_trigger,
                       v.explanation
                  FROM performance_return_value v JOIN performance_return r ON r.id = v.return_id
                 WHERE r.reporting_year = :year AND r.quarter = :quarter""")
            .param("year", quarter.year().startYear())
            .param("quarter", quarter.number()));
  }

  private static List<ReturnRow> attach(
      Collection<ReturnRow> rows, JdbcClient.StatementSpec values) {
    Map<Long, List<ValueRow>> byReturn = new LinkedHashMap<>();
    values.query(
        rs -> {
          byReturn
              .computeIfAbsent(rs.getLong("return_id"), id -> new ArrayList<>())
              .add(
                  new ValueRow(
                      rs.getLong("catalogue_id"),
                      rs.getString("kpi_code"),
                      rs.getBigDecimal("reported_value"),
                      rs.getBoolean("below_trigger"),
                      rs.getString("explanation")));
        });
    return rows.stream()
        .map(
            r ->
                new ReturnRow(
                    r.id(),
                    r.caseReference(),
                    r.contractId(),
                    r.providerId(),
                    r.quarter(),
                    r.dueDate(),
                    r.extendedTo(),
                    r.status(),
                    r.receivedAt(),
                    r.late(),
                    r.mitigation(),
                    r.outcome(),
                    r.acceptedAt(),
                    List.copyOf(byReturn.getOrDefault(r.id(), List.of()))))
        .toList();
  }

  private static ReturnRow returnRow(ResultSet rs, int n) throws SQLException {
    return new ReturnRow(
        rs.getLong("id"),
        rs.getString("case_reference"),
        rs.getLong("contract_id"),
        rs.getLong("provider_id"),
        new ReportingQuarter(new ReportingYear(rs.getInt("reporting_year")), rs.getInt("quarter")),
        rs.getObject("due_date", LocalDate.class),
        rs.getObject("extended_to", LocalDate.class),
        rs.getString("status"),
        instant(rs, "received_at"),
        rs.getBoolean("late"),
        rs.getString("mitigation"),
        rs.getString("outcome"),
        instant(rs, "accepted_at"),
        List.of());
  }

  private static long ordinal(ReportingQuarter quarter) {
    return quarter.year().startYear() * 10L + quarter.number();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
