package uk.gov.council.commissioning.returns;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.kpis.Kpi;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.kpis.KpiCatalogues;
import uk.gov.council.commissioning.kpis.KpiUnit;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.kpis.Threshold;

/**
 * The catalogues as the V27 tables hold them, for the tests of returns when the application has no
 * {@link KpiCatalogues} of its own: the tests write the rows, this reads them. Where the kpis
 * capability provides the bean, this adds nothing and the tests read through it.
 */
class TableKpiCatalogues implements KpiCatalogues {

  private final JdbcClient jdbc;

  TableKpiCatalogues(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<KpiCatalogue> current(String code, ReportingYear year) {
    return jdbc
        .sql(
            "SELECT id FROM kpi_catalogue WHERE code = :c AND reporting_year = :y"
                + " ORDER BY version DESC")
        .param("c", code)
        .param("y", year.startYear())
        .query(Long.class)
        .list()
        .stream()
        .findFirst()
        .flatMap(this::byId);
  }

  @Override
  public Optional<KpiCatalogue> byId(long id) {
    return jdbc.sql("SELECT * FROM kpi_catalogue WHERE id = :id")
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
                    kpis(rs.getLong("id"))))
        .optional();
  }

  @Override
  public List<KpiCatalogue> forContract(String contractReference, ReportingYear year) {
    return jdbc
        .sql(
            "SELECT k.catalogue_code FROM contract_kpi_catalogue k JOIN contract c ON c.id ="
                + " k.contract_id WHERE c.reference = :r AND k.reporting_year = :y"
                + " ORDER BY k.catalogue_code")
        .param("r", contractReference)
        .param("y", year.startYear())
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

  /** Registers the tables' catalogues only where no other bean provides them. */
  @Component
  static class Registrar implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
      if (registry instanceof ConfigurableListableBeanFactory factory
          && factory.getBeanNamesForType(KpiCatalogues.class, true, false).length == 0) {
        RootBeanDefinition definition = new RootBeanDefinition(TableKpiCatalogues.class);
        registry.registerBeanDefinition("tableKpiCatalogues", definition);
      }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
  }
}
