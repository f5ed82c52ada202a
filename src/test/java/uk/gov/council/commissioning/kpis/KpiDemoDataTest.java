package uk.gov.council.commissioning.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.testkit.DemoProfileTestCase;

/**
 * The demo profile as it starts: the seed catalogues for this reporting year and the last, and each
 * demo contract reporting against its seed's catalogues in both years; a second run adds nothing.
 */
class KpiDemoDataTest extends DemoProfileTestCase {

  @Autowired KpiDemoData demo;
  @Autowired KpiCatalogues catalogues;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void theDemoContractsReportAgainstTheirSeedsCataloguesThisYearAndLast() {
    ReportingYear current =
        ReportingYear.containing(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK));
    for (ReportingYear year : List.of(current.previous(), current)) {
      assertThat(codes("DPSP-2017-01", year)).containsExactly("DP-SUPPORT-4.7", "SP-PI-3.2");
      assertThat(codes("HC-2022-03", year)).containsExactly("HOMECARE-APP-C");
      assertThat(codes("DO-2023-02", year)).containsExactly("QPS-APP-A");
      assertThat(codes("ADV-2020-01", year)).containsExactly("SP-PI-3.2");
      assertThat(codes("RB-2024-05", year)).containsExactly("SP-PI-3.2");
    }
    long rows = assignments();
    demo.onReady();
    assertThat(assignments()).isEqualTo(rows);
  }

  private List<String> codes(String contract, ReportingYear year) {
    return catalogues.forContract(contract, year).stream().map(KpiCatalogue::code).toList();
  }

  private long assignments() {
    return jdbc.sql("SELECT COUNT(*) FROM contract_kpi_catalogue").query(Long.class).single();
  }
}
