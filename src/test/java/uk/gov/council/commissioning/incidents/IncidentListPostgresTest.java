package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * The serious-incident register list at 100,000 rows on PostgreSQL (issue 13): a page is read from
 * the list-order index (V25), not by sorting the register; the first and last pages hold what they
 * should, in order; a provider's pages hold only its own incidents.
 */
@PostgresProcessTest
class IncidentListPostgresTest extends ProcessTestCase {

  private static final Logger log = LoggerFactory.getLogger(IncidentListPostgresTest.class);

  private static final int ROWS = 100_000;
  private static final String BIG_GROUP = "provider-list-big-care";
  private static final String SMALL_GROUP = "provider-list-small-care";

  @Autowired IncidentQueries incidents;
  @Autowired IncidentRepository register;

  long bigProvider;
  long smallProvider;

  @BeforeEach
  void fillTheRegister() {
    bigProvider = withAContract("List Big Care", BIG_GROUP, "LIST-BIG-");
    smallProvider = withAContract("List Small Care", SMALL_GROUP, "LIST-SMALL-");
    insertIncidents(bigProvider, ROWS, "B");
    insertIncidents(smallProvider, 7, "S");
    jdbc.sql("ANALYZE serious_incident").update();
  }

  @AfterEach
  void emptyIt() {
    jdbc.sql("DELETE FROM serious_incident WHERE provider_id IN (:ids)")
        .param("ids", List.of(bigProvider, smallProvider))
        .update();
  }

  @Test
  void aPageIsReadFromTheListOrderIndexNotBySortingTheRegister() {
    String everyone = plan(register.pageStatement(false), Map.of());
    String oneProvider =
        plan(register.pageStatement(true), Map.of("providers", List.of(smallProvider)));
    log.info("Plan of a page of every incident:\n{}", everyone);
    log.info("Plan of a page of one provider's incidents:\n{}", oneProvider);

    assertThat(everyone)
        .contains("Index Scan Backward using ix_serious_incident_list on serious_incident")
        .doesNotContain("Seq Scan on serious_incident")
        .doesNotContain("Sort Key");
    assertThat(oneProvider)
        .as("a provider with few incidents: its own rows from the provider index")
        .contains("ix_serious_incident_provider")
        .doesNotContain("Seq Scan on serious_incident");
    String bigOne = plan(register.pageStatement(true), Map.of("providers", List.of(bigProvider)));
    log.info("Plan of a page of a provider with many incidents:\n{}", bigOne);
    assertThat(bigOne)
        .contains("Index Scan Backward using ix_serious_incident_list on serious_incident")
        .doesNotContain("Seq Scan on serious_incident");
  }

  @Test
  void theFirstAndLastPagesHoldTheNewestAndOldestInOrder() {
    PageOf<SeriousIncident> first =
        incidents.pageOfOrganisations(List.of(BIG_GROUP), new PageQuery(0, 50, true));
    int lastPage = ROWS / 200 - 1;
    PageOf<SeriousIncident> last =
        incidents.pageOfOrganisations(List.of(BIG_GROUP), new PageQuery(lastPage, 200, false));
    PageOf<SeriousIncident> beyond =
        incidents.pageOfOrganisations(List.of(BIG_GROUP), new PageQuery(lastPage + 1, 200, true));

    assertThat(first.items()).hasSize(50);
    assertThat(first.hasMore()).isTrue();
    assertThat(first.total()).isEqualTo(ROWS);
    assertThat(first.items().get(0).incidentNumber()).isEqualTo(number("B", ROWS));
    assertThat(first.items().stream().map(SeriousIncident::occurredAt).toList())
        .isSortedAccordingTo(Comparator.<Instant>reverseOrder());
    assertThat(last.items()).hasSize(200);
    assertThat(last.hasMore()).isFalse();
    assertThat(last.items().get(199).incidentNumber()).isEqualTo(number("B", 1));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(ROWS);

    PageOf<SeriousIncident> everyone = incidents.page(new PageQuery(0, 200, false));
    assertThat(everyone.items()).hasSize(200);
    assertThat(everyone.hasMore()).isTrue();
  }

  @Test
  void aProvidersPagesHoldOnlyItsOwnIncidents() {
    PageOf<SeriousIncident> small =
        incidents.pageOfOrganisations(List.of(SMALL_GROUP), new PageQuery(0, 5, true));
    PageOf<SeriousIncident> rest =
        incidents.pageOfOrganisations(List.of(SMALL_GROUP), new PageQuery(1, 5, false));

    assertThat(small.total()).isEqualTo(7);
    assertThat(small.hasMore()).isTrue();
    assertThat(rest.hasMore()).isFalse();
    assertThat(rest.items()).hasSize(2);
    assertThat(small.items())
        .extracting(SeriousIncident::organisationGroup)
        .containsOnly(SMALL_GROUP);
    assertThat(rest.items())
        .extracting(SeriousIncident::organisationGroup)
        .containsOnly(SMALL_GROUP);
    assertThat(incidents.pageOfOrganisations(List.of(), PageQuery.FIRST).items()).isEmpty();
  }

  private long withAContract(String name, String group, String referencePrefix) {
    access.ensureGroup(group, name, "PROVIDER");
    Provider provider =
        contracts.findAllProviders().stream()
            .filter(p -> p.organisationGroup().equals(group))
            .findFirst()
            .orElseGet(() -> contracts.createProvider(name, "contracts@list.example", group));
    IncidentTestData.homeCareContract(contracts, provider, uniqueReference(referencePrefix));
    return provider.id();
  }

  /** {@code rows} incidents a minute apart, the last the newest, numbered by {@code mark}. */
  private void insertIncidents(long providerId, int rows, String mark) {
    jdbc.sql(
            """
            INSERT INTO serious_incident (incident_number, provider_id, contract_id, source,
                   category, occurred_at, provider_aware_at, opened_at, opened_by,
                   initial_report_due_at, reporting_form_due_at)
            SELECT 'LIST-' || :mark || '-' || g, :provider,
                   (SELECT MAX(id) FROM contract WHERE provider_id = :provider),
                   'PROVIDER_REPORT', 'FALL', t, t, t, 'list-test', t + INTERVAL '12 hours',
                   t + INTERVAL '48 hours'
              FROM (SELECT g, TIMESTAMPTZ '2020-01-01 00:00Z' + g * INTERVAL '1 minute' AS t
                      FROM generate_series(1, :rows) g) s
            """)
        .param("mark", mark)
        .param("provider", providerId)
        .param("rows", rows)
        .update();
  }

  private static String number(String mark, int n) {
    return "LIST-" + mark + "-" + n;
  }

  private String plan(String statement, Map<String, ?> params) {
    return String.join(
        "\n",
        jdbc.sql("EXPLAIN " + statement)
            .params(params)
            .param("pageLimit", 51)
            .param("pageOffset", 0L)
            .query(String.class)
            .list());
  }
}
