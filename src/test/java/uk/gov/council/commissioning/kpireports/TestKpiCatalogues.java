package uk.gov.council.commissioning.kpireports;

import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Fallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.kpis.Kpi;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.kpis.KpiCatalogues;
import uk.gov.council.commissioning.kpis.KpiUnit;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.kpis.Threshold;

/**
 * The catalogues as V27's tables hold them, for the tests' contexts. The kpis capability owns the
 * real implementation; this one stands back ({@link Fallback}) wherever that one is present.
 */
@Component
@Fallback
class TestKpiCatalogues implements KpiCatalogues {

  private final JdbcClient jdbc;

  TestKpiCatalogues(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<KpiCatalogue> current(String code, ReportingYear year) {
    return jdbc.sql(
            """
            SELECT id FROM kpi_catalogue WHERE code = :code AND reporting_year = :year
             ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""")
        .param("code", code)
        .param("year", year.startYear())
        .query(Long.class)
        .optional()
        .flatMap(this::byId);
  }

  @Override
  public Optional<KpiCatalogue> byId(long id) {
    return jdbc.sql(
            "SELECT id, code, title, reporting_year, version, seed_section FROM kpi_catalogue"
                + " WHERE id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new KpiCatalogue(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("title"),
                    new ReportingYear(rs.getInt("reporting_year")),
                    rs.getInt("version"),
                    rs.getString("seed_section"),
                    kpis(id)))
        .optional();
  }

  @Override
  public List<KpiCatalogue> forContract(String contractReference, ReportingYear year) {
    return jdbc
        .sql(
            """
            SELECT a.catalogue_code FROM contract_kpi_catalogue a JOIN contract c ON c.id = a.contract_id
             WHERE c.reference = :reference AND a.reporting_year = :year ORDER BY a.catalogue_code""")
        .param("reference", contractReference)
        .param("year", year.startYear())
        .query(String.class)
        .list()
        .stream()
        .map(code -> current(code, year))
        .flatMap(Optional::stream)
        .toList();
  }

  private List<Kpi> kpis(long catalogueId) {
    return jdbc.sql("SELECT * FROM kpi WHERE catalogue_id = :id ORDER BY sort_order")
        .param("id", catalogueId)
        .query(
            (rs, n) ->
                new Kpi(
                    rs.getString("code"),
                    rs.getString("area"),
                    rs.getString("wording"),
                    KpiUnit.valueOf(rs.getString("unit")),
                    Threshold.parse(rs.getString("threshold")).orElse(null),
                    rs.getString("target"),
                    Kpi.Frequency.valueOf(rs.getString("frequency")),
                    rs.getString("consequence"),
                    Kpi.ReportedBy.valueOf(rs.getString("reported_by")),
                    rs.getString("measure"),
                    rs.getString("seed_section")))
        .list();
  }
}
