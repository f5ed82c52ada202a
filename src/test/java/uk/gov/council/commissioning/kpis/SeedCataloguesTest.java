package uk.gov.council.commissioning.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * The four seed catalogues as loaded into the tables for a reporting year, each with its seed's
 * count of KPIs, and every KPI with a threshold checked at the threshold, just above and just below
 * it: seed 000 §4.7 (10 KPIs), seed 001 Part 3.2 §3.1.1 (KPI 1-2, SPI 1-4 with the council's
 * triggers), seed 002 App C (30 items, no thresholds), seed 004 App A (O1-O6, C1-C2, S1-S3, P1 as
 * 24 measures, several standards split by their i), ii), iii)). Where the seed writes "&gt; 1",
 * exactly 1 is a breach.
 */
@ProcessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedCataloguesTest extends ProcessTestCase {

  static final ReportingYear YEAR = new ReportingYear(2093);
  static final String SUSPENSION_FAILURE_DECOMMISSION =
      "Suspension; Instigation of Provider Failure; Decommission";

  @Autowired CatalogueFiles files;
  @Autowired KpiCatalogues catalogues;
  @Autowired KpiEvaluation evaluation;

  @BeforeAll
  void load() {
    files.load(List.of(YEAR));
  }

  @Test
  void eachSeedCatalogueIsLoadedWithTheSeedsCount() {
    assertThat(count("DP-SUPPORT-4.7")).isEqualTo(10);
    assertThat(count("SP-PI-3.2")).isEqualTo(6);
    assertThat(count("HOMECARE-APP-C")).isEqualTo(30);
    assertThat(count("QPS-APP-A")).isEqualTo(24);
    assertThat(catalogues.current("QPS-APP-A", YEAR).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void loadingAgainWritesNothing() {
    assertThat(files.load(List.of(YEAR))).isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM kpi_catalogue WHERE reporting_year = :y")
                .param("y", YEAR.startYear())
                .query(Long.class)
                .single())
        .isEqualTo(4);
  }

  @Test
  void appendixAHasTheSeedsStandardsInOrder() {
    KpiCatalogue appA = catalogues.current("QPS-APP-A", YEAR).orElseThrow();
    assertThat(appA.kpis())
        .extracting(Kpi::code)
        .containsExactly(
            "O1.1", "O1.2", "O1.3", "O2.1", "O2.2", "O2.3", "O3.1", "O3.2", "O4.1", "O4.2", "O4.3",
            "O5.1", "O5.2", "O6.1", "O6.2", "C1.1", "C1.2", "C2", "S1", "S2", "S3.1", "S3.2",
            "S3.3", "P1");
    assertThat(appA.kpi("O1.1").orElseThrow().target()).isEqualTo("Liquidity – must be > than 1");
    assertThat(appA.kpi("O1.1").orElseThrow().unit()).isEqualTo(KpiUnit.RATIO);
    assertThat(appA.kpi("O1.3").orElseThrow().target())
        .isEqualTo("Net Asset position – must always show as positive");
    assertThat(appA.kpi("O1.1").orElseThrow().consequence())
        .isEqualTo(SUSPENSION_FAILURE_DECOMMISSION);
    assertThat(appA.kpi("C1.1").orElseThrow().consequence())
        .isEqualTo("Placement/ package review; Transfer of placement/ package; Suspension");
    assertThat(appA.kpi("C2").orElseThrow().consequence()).isEqualTo("tbc");
    assertThat(appA.kpi("S3.1").orElseThrow().consequence()).isEqualTo("Suspension");
    assertThat(appA.kpi("P1").orElseThrow().consequence())
        .isEqualTo(SUSPENSION_FAILURE_DECOMMISSION);
    assertThat(appA.kpi("O2.3").orElseThrow().consequence())
        .as("the seed leaves it blank")
        .isNull();
    assertThat(appA.kpi("O1.1").orElseThrow().frequency()).isEqualTo(Kpi.Frequency.ANNUAL);
    assertThat(appA.kpi("O3.1").orElseThrow().frequency()).isEqualTo(Kpi.Frequency.QUARTERLY);
    assertThat(appA.kpi("O4.1").orElseThrow().frequency()).isEqualTo(Kpi.Frequency.ANNUAL);
  }

  @Test
  void appendixCHasNoThresholdsItsStandardsInTheTargetAndTheSystemsMeasures() {
    KpiCatalogue appC = catalogues.current("HOMECARE-APP-C", YEAR).orElseThrow();
    assertThat(appC.kpis()).allSatisfy(k -> assertThat(k.threshold()).isNull());
    assertThat(appC.kpis().get(0).code()).isEqualTo("1.1");
    assertThat(appC.kpis().get(29).code()).isEqualTo("7.3");
    assertThat(appC.kpi("4.2").orElseThrow().target()).contains("24 hours");
    assertThat(appC.kpi("4.3").orElseThrow().target()).contains("15 days");
    assertThat(appC.kpi("5.2").orElseThrow().target()).contains("12 hours");
    assertThat(appC.kpis())
        .filteredOn(k -> k.measure() != null)
        .extracting(Kpi::code, Kpi::measure, Kpi::reportedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "4.1", "complaints-received", Kpi.ReportedBy.PROVIDER),
            org.assertj.core.groups.Tuple.tuple(
                "4.2", "complaints-acknowledged-24h", Kpi.ReportedBy.PROVIDER),
            org.assertj.core.groups.Tuple.tuple(
                "4.3", "complaints-resolved-15-days", Kpi.ReportedBy.PROVIDER),
            org.assertj.core.groups.Tuple.tuple(
                "5.1", "safeguarding-reported", Kpi.ReportedBy.PROVIDER),
            org.assertj.core.groups.Tuple.tuple(
                "5.2", "safeguarding-reported-12h", Kpi.ReportedBy.PROVIDER),
            org.assertj.core.groups.Tuple.tuple(
                "6.1", "incidents-reported", Kpi.ReportedBy.PROVIDER));
  }

  @Test
  void section47HasItsTargetsAndTheComplaintsMeasure() {
    KpiCatalogue dp = catalogues.current("DP-SUPPORT-4.7", YEAR).orElseThrow();
    assertThat(dp.kpi("IAG1").orElseThrow().target()).isEqualTo("95% within 3 working days");
    assertThat(dp.kpi("IAG4").orElseThrow().frequency()).isEqualTo(Kpi.Frequency.ANNUAL);
    assertThat(dp.kpi("PAY3").orElseThrow().frequency()).isEqualTo(Kpi.Frequency.QUARTERLY);
    assertThat(dp.kpi("PAY6").orElseThrow().target())
        .isEqualTo("Less than 5% of total payroll transactions in the quarter");
    assertThat(dp.kpi("IAG3").orElseThrow().measure()).isEqualTo("complaints-handled-in-time");
    assertThat(dp.kpi("PAY2").orElseThrow().measure()).isEqualTo("complaints-handled-in-time");
  }

  /** catalogue, KPI, threshold, and the outcome at it, just above it and just below it. */
  static Stream<Arguments> boundaries() {
    return Stream.of(
        // seed 000 §4.7
        row("DP-SUPPORT-4.7", "IAG1", "≥ 95", "met", "met", "breach"),
        row("DP-SUPPORT-4.7", "IAG2", "≥ 75", "met", "met", "breach"),
        row("DP-SUPPORT-4.7", "IAG3", "≥ 98", "met", "met", "breach"),
        row("DP-SUPPORT-4.7", "IAG4", "≥ 90", "met", "met", "breach"),
        row("DP-SUPPORT-4.7", "PAY1", "≥ 95", "met", "met", "breach"),
        row("DP-SUPPORT-4.7", "PAY2", "≥ 98", "met", "met", "breach"),
        row("DP-SUPPORT-4.7", "PAY3", "≥ 90", "met", "met", "breach"),
        row("DP-SUPPORT-4.7", "PAY4", "≥ 95", "met", "met", "breach"),
        row("DP-SUPPORT-4.7", "PAY5", "= 100", "met", "problem", "breach"),
        row("DP-SUPPORT-4.7", "PAY6", "< 5", "breach", "breach", "met"),
        // seed 001 Part 3.2 §3.1.1: the council's triggers (application.yml)
        row("SP-PI-3.2", "KPI 1", "≥ 98", "met", "met", "breach"),
        row("SP-PI-3.2", "KPI 2", "≥ 70", "met", "met", "breach"),
        row("SP-PI-3.2", "SPI 1", "≥ 97", "met", "met", "breach"),
        row("SP-PI-3.2", "SPI 2", "≥ 90", "met", "met", "breach"),
        row("SP-PI-3.2", "SPI 3", "≥ 90", "met", "met", "breach"),
        row("SP-PI-3.2", "SPI 4", "≥ 90", "met", "met", "breach"),
        // seed 004 App A
        row("QPS-APP-A", "O1.1", "> 1", "breach", "met", "breach"),
        row("QPS-APP-A", "O1.2", "> 5", "breach", "met", "breach"),
        row("QPS-APP-A", "O1.3", "> 0", "breach", "met", "breach"),
        row("QPS-APP-A", "O2.2", "= 0", "met", "breach", "breach"),
        row("QPS-APP-A", "O2.3", "≥ 90", "met", "met", "breach"),
        row("QPS-APP-A", "O3.1", "= 100", "met", "problem", "breach"),
        row("QPS-APP-A", "O3.2", "≥ 90", "met", "met", "breach"),
        row("QPS-APP-A", "O4.1", "= 100", "met", "problem", "breach"),
        row("QPS-APP-A", "O4.2", "= 100", "met", "problem", "breach"),
        row("QPS-APP-A", "O4.3", "= 100", "met", "problem", "breach"),
        row("QPS-APP-A", "O5.1", "= 100", "met", "problem", "breach"),
        row("QPS-APP-A", "O5.2", "= 100", "met", "problem", "breach"),
        row("QPS-APP-A", "O6.1", "= 0", "met", "breach", "breach"),
        row("QPS-APP-A", "O6.2", "= 100", "met", "problem", "breach"),
        row("QPS-APP-A", "C2", "≥ 90", "met", "met", "breach"),
        row("QPS-APP-A", "S1", "= 100", "met", "problem", "breach"),
        row("QPS-APP-A", "S2", "= 100", "met", "problem", "breach"),
        row("QPS-APP-A", "S3.1", "≥ 90", "met", "met", "breach"),
        row("QPS-APP-A", "S3.2", "= 1", "met", "problem", "breach"),
        row("QPS-APP-A", "S3.3", "= 1", "met", "problem", "breach"),
        row("QPS-APP-A", "P1", "= 100", "met", "problem", "breach"));
  }

  private static Arguments row(
      String catalogue, String kpi, String threshold, String at, String above, String below) {
    return Arguments.of(catalogue, kpi, threshold, at, above, below);
  }

  @ParameterizedTest(name = "{0} {1} {2}: at {3}, above {4}, below {5}")
  @MethodSource("boundaries")
  void everyThresholdIsCheckedAtItsBoundary(
      String code, String kpiCode, String threshold, String at, String above, String below) {
    KpiCatalogue catalogue = catalogues.current(code, YEAR).orElseThrow();
    Kpi kpi = catalogue.kpi(kpiCode).orElseThrow();
    assertThat(kpi.threshold().text()).isEqualTo(threshold);
    BigDecimal step = kpi.unit() == KpiUnit.YES_NO ? BigDecimal.ONE : new BigDecimal("0.01");
    BigDecimal value = kpi.threshold().value();
    assertThat(outcome(catalogue, kpiCode, value)).as("at " + value).isEqualTo(at);
    assertThat(outcome(catalogue, kpiCode, value.add(step))).as("above").isEqualTo(above);
    assertThat(outcome(catalogue, kpiCode, value.subtract(step))).as("below").isEqualTo(below);
  }

  @Test
  void everyKpiWithAThresholdIsInTheBoundaryTable() {
    List<String> tested = boundaries().map(a -> a.get()[0] + " " + a.get()[1]).toList();
    List<String> withThreshold =
        Stream.of("DP-SUPPORT-4.7", "SP-PI-3.2", "HOMECARE-APP-C", "QPS-APP-A")
            .flatMap(
                code ->
                    catalogues.current(code, YEAR).orElseThrow().kpis().stream()
                        .filter(k -> k.threshold() != null)
                        .map(k -> code + " " + k.code()))
            .toList();
    assertThat(tested).containsExactlyInAnyOrderElementsOf(withThreshold);
  }

  @Test
  void aBreachCarriesTheConsequenceAndBadValuesAreNamed() {
    KpiCatalogue appA = catalogues.current("QPS-APP-A", YEAR).orElseThrow();
    KpiEvaluation.Evaluation result =
        evaluation.evaluate(
            appA,
            Map.of(
                "O1.1",
                BigDecimal.ONE,
                "O1.2",
                new BigDecimal("7.5"),
                "C2",
                new BigDecimal("120"),
                "Z9",
                BigDecimal.TEN),
            "kpis");
    assertThat(result.breaches())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.code()).isEqualTo("O1.1");
              assertThat(b.threshold()).isEqualTo("> 1");
              assertThat(b.consequence()).isEqualTo(SUSPENSION_FAILURE_DECOMMISSION);
            });
    assertThat(result.problems())
        .extracting(p -> p.field() + ": " + p.message())
        .containsExactlyInAnyOrder(
            "kpis[C2]: a percentage must be between 0 and 100",
            "kpis[Z9]: there is no KPI Z9 in QPS-APP-A for 2093/94");
    assertThat(result.acceptable()).isFalse();
    assertThat(result.missing()).contains("O1.3", "P1").doesNotContain("O1.1", "C2");
  }

  private String outcome(KpiCatalogue catalogue, String kpiCode, BigDecimal value) {
    KpiEvaluation.Evaluation result = evaluation.evaluate(catalogue, Map.of(kpiCode, value));
    if (!result.problems().isEmpty()) {
      assertThat(result.problems().get(0).field()).isEqualTo("values[" + kpiCode + "]");
      return "problem";
    }
    return result.breaches().isEmpty() ? "met" : "breach";
  }

  private int count(String code) {
    return catalogues.current(code, YEAR).orElseThrow().kpis().size();
  }
}
