package uk.gov.council.commissioning.kpireports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.testkit.DemoProfileTestCase;

/**
 * The demo's returns (issue 15 point 7) for two demo contracts given a catalogue: eight accepted
 * returns each, some values below threshold with an explanation and an outcome, one late return
 * with its mitigation, a second version of a contract page; seeding again adds nothing.
 */
class KpiReturnsDemoDataTest extends DemoProfileTestCase {

  private static final List<String> CONTRACTS = List.of("DO-2023-02", "HC-2022-03");

  @Autowired KpiReturnsDemoData demo;
  @Autowired KpiReports reports;
  @Autowired ContractService contracts;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void twoYearsOfReturnsWithBreachesALateReturnAndASecondContractPageOnce() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
    int year = ReportingYear.containing(today).startYear();
    // The demo profile assigned the seed catalogues to the demo contracts (kpis.KpiDemoData) and
    // this runner added their returns at start-up; seeding again here must change nothing.
    demo.seed(today);

    for (String reference : CONTRACTS) {
      assertThat(
              jdbc.sql(
                      "SELECT COUNT(*) FROM performance_return WHERE contract_id = :c AND status ="
                          + " 'ACCEPTED' AND accepted_at IS NOT NULL AND received_at IS NOT NULL")
                  .param("c", id(reference))
                  .query(Long.class)
                  .single())
          .as(reference)
          .isEqualTo(8L);
    }
    // One late return in the demo, the first contract's (by reference) third, whichever contracts
    // had catalogues when the demo first ran.
    List<Map<String, Object>> late =
        jdbc.sql("SELECT mitigation FROM performance_return WHERE late = TRUE")
            .query()
            .listOfRows();
    assertThat(late).hasSize(1);
    assertThat((String) late.get(0).get("MITIGATION")).contains("sick leave");
    // Values below their threshold carry the provider's explanation, and their return an outcome.
    List<Map<String, Object>> below =
        jdbc.sql(
                """
                SELECT v.explanation, r.outcome FROM performance_return_value v
                  JOIN performance_return r ON r.id = v.return_id
                 WHERE v.below_trigger = TRUE""")
            .query()
            .listOfRows();
    assertThat(below).isNotEmpty();
    assertThat(below).allSatisfy(row -> assertThat(row.get("EXPLANATION")).isNotNull());
    assertThat(below).allSatisfy(row -> assertThat(row.get("OUTCOME")).isNotNull());
    Map<String, Object> page =
        jdbc.sql(
                "SELECT change_description, vfm_adverse FROM performance_contract_page WHERE"
                    + " reporting_year = :y AND version = 2 AND change_description LIKE '%40 to 46%'")
            .param("y", year)
            .query()
            .singleRow();
    assertThat((String) page.get("CHANGE_DESCRIPTION")).contains("unit numbers 40 to 46");
    assertThat(page.get("VFM_ADVERSE")).isEqualTo(false);

    long returns = jdbc.sql("SELECT COUNT(*) FROM performance_return").query(Long.class).single();
    long values =
        jdbc.sql("SELECT COUNT(*) FROM performance_return_value").query(Long.class).single();
    assertThat(demo.seed(today)).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM performance_return").query(Long.class).single())
        .isEqualTo(returns);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM performance_return_value").query(Long.class).single())
        .isEqualTo(values);

    // The demo's breach list shows them with their consequence.
    ReportingQuarter last = ReportingQuarter.containing(today).previous();
    if (!KpiReturnsDemoData.dueDate(last).isBefore(today)) {
      last = last.previous();
    }
    assertThat(
            reports
                .contractYear("DO-2023-02", last.year(), Actor.engine())
                .orElseThrow()
                .quarters())
        .filteredOn(quarter -> quarter.returned() != null)
        .allSatisfy(quarter -> assertThat(quarter.returned().status()).isEqualTo("ACCEPTED"))
        .hasSize(last.number());
    long breaches = 0;
    ReportingQuarter q = last;
    for (int i = 0; i < KpiReturnsDemoData.QUARTERS; i++, q = q.previous()) {
      for (var b : reports.breaches(q, Actor.engine()).rows()) {
        if (CONTRACTS.contains(b.contractReference())) {
          assertThat(b.explanation()).isNotBlank();
          assertThat(b.consequence()).isNotBlank();
          breaches++;
        }
      }
    }
    assertThat(breaches).isPositive();
  }

  private long id(String reference) {
    return contracts.findByReference(reference).orElseThrow().id();
  }
}
