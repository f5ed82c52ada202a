package uk.gov.council.commissioning.returns;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.contracts.Contract;

/** Catalogues, contract pages and exemptions for the tests of performance returns. */
final class TestReturns {

  private TestReturns() {}

  /** A catalogue version of the year; returns its id. */
  static long catalogue(JdbcClient jdbc, String code, int year) {
    jdbc.sql(
            "INSERT INTO kpi_catalogue (code, title, reporting_year, version, created_by,"
                + " created_at) VALUES (:c, :t, :y, 1, 'test', :at)")
        .param("c", code)
        .param("t", "Test catalogue " + code)
        .param("y", year)
        .param("at", java.sql.Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")))
        .update();
    return jdbc.sql("SELECT id FROM kpi_catalogue WHERE code = :c AND reporting_year = :y")
        .param("c", code)
        .param("y", year)
        .query(Long.class)
        .single();
  }

  static void kpi(
      JdbcClient jdbc,
      long catalogueId,
      String code,
      int position,
      String unit,
      String threshold,
      String reportedBy) {
    jdbc.sql(
            "INSERT INTO kpi (catalogue_id, code, sort_order, wording, unit, threshold, frequency,"
                + " reported_by) VALUES (:cat, :code, :pos, :w, :unit, :th, 'QUARTERLY', :by)")
        .param("cat", catalogueId)
        .param("code", code)
        .param("pos", position)
        .param("w", "Measure " + code)
        .param("unit", unit)
        .param("th", threshold)
        .param("by", reportedBy)
        .update();
  }

  static void assign(JdbcClient jdbc, Contract contract, int year, String catalogueCode) {
    jdbc.sql(
            "INSERT INTO contract_kpi_catalogue (contract_id, reporting_year, catalogue_code)"
                + " VALUES (:c, :y, :code)")
        .param("c", contract.id())
        .param("y", year)
        .param("code", catalogueCode)
        .update();
  }

  /**
   * The contract's catalogues for the year: {@code <prefix>-SP} with KPI 1 (percent, trigger ≥ 90),
   * SPI 2 (number, no trigger) and a measure the council takes itself; {@code <prefix>-LOCAL} with
   * one local PI.
   */
  static void standardCatalogues(JdbcClient jdbc, Contract contract, int year, String prefix) {
    long sp = catalogue(jdbc, prefix + "-SP", year);
    kpi(jdbc, sp, "KPI 1", 1, "PERCENT", "≥ 90", "PROVIDER");
    kpi(jdbc, sp, "SPI 2", 2, "NUMBER", null, "PROVIDER");
    kpi(jdbc, sp, "SYS 1", 3, "PERCENT", "≥ 95", "SYSTEM");
    long local = catalogue(jdbc, prefix + "-LOCAL", year);
    kpi(jdbc, local, "LPI 1", 1, "NUMBER", null, "PROVIDER");
    assign(jdbc, contract, year, prefix + "-SP");
    assign(jdbc, contract, year, prefix + "-LOCAL");
  }

  /** The locked contract page of the year (§2.1.3) with its unit numbers. */
  static void contractPage(JdbcClient jdbc, Contract contract, int year, int unitNumbers) {
    jdbc.sql(
            "INSERT INTO performance_contract_page (contract_id, reporting_year, version,"
                + " service_name, primary_client_group, service_type, administering_authority,"
                + " unit_numbers, planned_duration, out_of_hours_cover, contract_manager,"
                + " effective_from, locked_by, locked_at) VALUES (:c, :y, 1, 'Service',"
                + " 'Older people', 'Floating support', 'Council', :units, 'OVER_2_YEARS', FALSE,"
                + " 'A Manager', :from, 'test', :at)")
        .param("c", contract.id())
        .param("y", year)
        .param("units", unitNumbers)
        .param("from", java.sql.Date.valueOf(year + "-04-01"))
        .param("at", java.sql.Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")))
        .update();
  }

  static void exemptLocalPis(JdbcClient jdbc, Contract contract, int year) {
    jdbc.sql(
            "INSERT INTO performance_local_pi_exemption (contract_id, reporting_year, reason,"
                + " granted_by, granted_at) VALUES (:c, :y, 'Covered elsewhere', 'test', :at)")
        .param("c", contract.id())
        .param("y", year)
        .param("at", java.sql.Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")))
        .update();
  }
}
