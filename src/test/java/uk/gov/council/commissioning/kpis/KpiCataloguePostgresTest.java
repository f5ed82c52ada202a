package uk.gov.council.commissioning.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.kpis.CatalogueDraft.KpiDraft;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * The catalogues on PostgreSQL (V27 and its SQL): the seed files loaded by two nodes at once write
 * each catalogue once; a change is the next version and the earlier one is kept; a contract's
 * catalogues for a year give their latest versions.
 */
@PostgresProcessTest
class KpiCataloguePostgresTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM = TestTeam.of("kpipg").withProviders("KPIPG Alpha", "KPIPG Beta");

  static final ReportingYear YEAR = new ReportingYear(2094);

  @Autowired CatalogueFiles files;
  @Autowired KpiCatalogueService service;
  @Autowired KpiCatalogueRegister register;
  @Autowired KpiCatalogues catalogues;

  @Test
  void seedFilesLoadedByTwoNodesAtOnceAreWrittenOnceAndVersionsAndAssignmentsFollow()
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    CompletableFuture<Integer> first = loadAfter(start);
    CompletableFuture<Integer> second = loadAfter(start);
    start.countDown();
    assertThat(first.get() + second.get()).isEqualTo(4);
    assertThat(files.load(List.of(YEAR))).isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM kpi_catalogue WHERE reporting_year = :y")
                .param("y", YEAR.startYear())
                .query(Long.class)
                .single())
        .isEqualTo(4);
    assertThat(catalogues.current("QPS-APP-A", YEAR).orElseThrow().kpis()).hasSize(24);
    assertThat(catalogues.current("HOMECARE-APP-C", YEAR).orElseThrow().kpis()).hasSize(30);

    KpiCatalogue v1 = catalogues.current("QPS-APP-A", YEAR).orElseThrow();
    KpiCatalogue v2 =
        service.editKpi(
            "QPS-APP-A", YEAR, "O1.2", null, "ROCE – Must be > than 6%", "> 6", "kpipg-manager");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.kpi("O1.2").orElseThrow().threshold().text()).isEqualTo("> 6");
    assertThat(v2.kpi("O1.2").orElseThrow().wording())
        .isEqualTo(v1.kpi("O1.2").orElseThrow().wording());
    assertThat(catalogues.byId(v1.id()).orElseThrow().kpi("O1.2").orElseThrow().threshold().text())
        .isEqualTo("> 5");
    assertThat(files.load(List.of(YEAR))).as("a later version is left alone").isZero();

    KpiCatalogue copied = service.copy("QPS-APP-A", YEAR, YEAR.next(), "kpipg-manager");
    assertThat(copied.year()).isEqualTo(YEAR.next());
    assertThat(copied.kpi("O1.2").orElseThrow().threshold().text()).isEqualTo("> 6");

    Contract contract = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("KPIPG-"));
    service.assign(contract.reference(), YEAR, List.of("QPS-APP-A", "SP-PI-3.2"));
    assertThat(catalogues.forContract(contract.reference(), YEAR))
        .extracting(KpiCatalogue::code, KpiCatalogue::version)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("QPS-APP-A", 2),
            org.assertj.core.groups.Tuple.tuple("SP-PI-3.2", 1));
    assertThat(catalogues.forContract(contract.reference(), YEAR.next())).isEmpty();
    assertThat(
            register.assignedToOrganisations(
                "QPS-APP-A", YEAR, List.of(TEAM.alpha().organisationGroup())))
        .isTrue();
    assertThat(
            register.assignedToOrganisations(
                "QPS-APP-A", YEAR, List.of(TEAM.beta().organisationGroup())))
        .isFalse();
    assertThat(register.latestAssignedTo(List.of(TEAM.alpha().organisationGroup()), YEAR))
        .extracting(KpiCatalogueRegister.Summary::code)
        .containsExactly("QPS-APP-A", "SP-PI-3.2");

    KpiCatalogue council =
        service.save(
            new CatalogueDraft(
                "KPIPG-OWN",
                "The council's own",
                YEAR.label(),
                null,
                List.of(
                    new KpiDraft(
                        "M1",
                        "Meetings",
                        "Meetings held in their month",
                        "PERCENT",
                        "≥ 90",
                        null,
                        "QUARTERLY",
                        null,
                        "SYSTEM",
                        "meetings-to-schedule",
                        null))),
            "kpipg-manager");
    assertThat(council.version()).isEqualTo(1);
    assertThat(council.kpis().get(0).reportedBy()).isEqualTo(Kpi.ReportedBy.SYSTEM);
  }

  private CompletableFuture<Integer> loadAfter(CountDownLatch start) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return files.load(List.of(YEAR));
        });
  }
}
