package uk.gov.council.commissioning.kpireports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Catalogue and return rows as the kpis and returns capabilities write them (V27, V28). */
final class KpiTestData {

  private KpiTestData() {}

  /** A catalogue version of seed 002 App C's measured KPIs; returns its id. */
  static long appCCatalogue(JdbcClient jdbc, String code, int year) {
    jdbc.sql(
            """
            INSERT INTO kpi_catalogue (code, title, reporting_year, version, seed_section, created_by,
                                       created_at)
            VALUES (:code, 'Home care Appendix C', :year, 1, 'seed 002 App C', 'test', CURRENT_TIMESTAMP)""")
        .param("code", code)
        .param("year", year)
        .update();
    long id =
        jdbc.sql("SELECT id FROM kpi_catalogue WHERE code = :code AND reporting_year = :year")
            .param("code", code)
            .param("year", year)
            .query(Long.class)
            .single();
    kpi(jdbc, id, "4.1", 1, "Number of complaints received", "NUMBER", null, "complaints-received");
    kpi(
        jdbc,
        id,
        "4.2",
        2,
        "Percentage of complaints received that have been acknowledged within 24 hours",
        "PERCENT",
        "≥ 95",
        "complaints-acknowledged-24h");
    kpi(
        jdbc,
        id,
        "5.2",
        3,
        "Percentage of incidents of abuse or suspected abuse reported within 12 hours",
        "PERCENT",
        "= 100",
        "safeguarding-reported-12h");
    kpi(
        jdbc,
        id,
        "6.1",
        4,
        "Number of accidents, incidents and/or near misses reported",
        "NUMBER",
        null,
        "incidents-reported");
    kpi(jdbc, id, "2.1", 5, "Service users with a care plan", "PERCENT", "≥ 90", null);
    return id;
  }

  static void kpi(
      JdbcClient jdbc,
      long catalogueId,
      String code,
      int order,
      String wording,
      String unit,
      String threshold,
      String measure) {
    jdbc.sql(
            """
            INSERT INTO kpi (catalogue_id, code, sort_order, area, wording, unit, threshold, frequency,
                             reported_by, measure, seed_section)
            VALUES (:cat, :code, :order, 'Appendix C', :wording, :unit, :threshold, 'QUARTERLY', 'PROVIDER',
                    :measure, 'seed 002 App C')""")
        .param("cat", catalogueId)
        .param("code", code)
        .param("order", order)
        .param("wording", wording)
        .param("unit", unit)
        .param("threshold", threshold)
        .param("measure", measure)
        .update();
  }

  static void assign(JdbcClient jdbc, long contractId, int year, String code) {
    jdbc.sql(
            "INSERT INTO contract_kpi_catalogue (contract_id, reporting_year, catalogue_code)"
                + " VALUES (:c, :y, :code)")
        .param("c", contractId)
        .param("y", year)
        .param("code", code)
        .update();
  }

  /** An accepted return; returns its id. */
  static long acceptedReturn(
      JdbcClient jdbc,
      String reference,
      long contractId,
      long providerId,
      int year,
      int quarter,
      LocalDate due,
      Instant received,
      String outcome) {
    jdbc.sql(
            """
            INSERT INTO performance_return (case_reference, contract_id, provider_id, reporting_year, quarter,
                                            due_date, status, received_at, submitted_by, late, outcome,
                                            accepted_at)
            VALUES (:ref, :contract, :provider, :year, :quarter, :due, 'ACCEPTED', :received, 'test', :late,
                    :outcome, :received)""")
        .param("ref", reference)
        .param("contract", contractId)
        .param("provider", providerId)
        .param("year", year)
        .param("quarter", quarter)
        .param("due", due)
        .param("received", received.atOffset(ZoneOffset.UTC))
        .param("late", received.isAfter(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
        .param("outcome", outcome)
        .update();
    return jdbc.sql("SELECT id FROM performance_return WHERE case_reference = :ref")
        .param("ref", reference)
        .query(Long.class)
        .single();
  }

  static void value(
      JdbcClient jdbc,
      long returnId,
      long catalogueId,
      String kpi,
      String value,
      boolean below,
      String explanation) {
    jdbc.sql(
            """
            INSERT INTO performance_return_value (return_id, catalogue_id, kpi_code, reported_value,
                                                  below_trigger, explanation)
            VALUES (:r, :c, :k, :v, :b, :e)""")
        .param("r", returnId)
        .param("c", catalogueId)
        .param("k", kpi)
        .param("v", new BigDecimal(value))
        .param("b", below)
        .param("e", explanation)
        .update();
  }
}
