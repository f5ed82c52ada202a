package uk.gov.council.commissioning.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.web.FieldProblem;

/** A return's values against a catalogue: problems by field, breaches with their consequence. */
class KpiEvaluationTest {

  private final KpiEvaluation evaluation = new KpiEvaluation();

  private static Kpi kpi(
      String code, KpiUnit unit, String threshold, Kpi.ReportedBy by, String consequence) {
    return new Kpi(
        code,
        "Area",
        "Wording " + code,
        unit,
        threshold == null ? null : Threshold.parse(threshold).orElseThrow(),
        null,
        Kpi.Frequency.QUARTERLY,
        consequence,
        by,
        by == Kpi.ReportedBy.SYSTEM ? "returns-on-time" : null,
        null);
  }

  private final KpiCatalogue catalogue =
      new KpiCatalogue(
          7,
          "TEST",
          "Test",
          new ReportingYear(2026),
          3,
          null,
          List.of(
              kpi("A", KpiUnit.RATIO, "> 1", Kpi.ReportedBy.PROVIDER, "Suspension"),
              kpi("B", KpiUnit.YES_NO, "= yes", Kpi.ReportedBy.PROVIDER, null),
              kpi("C", KpiUnit.NUMBER, null, Kpi.ReportedBy.PROVIDER, null),
              kpi("D", KpiUnit.PERCENT, "≥ 90", Kpi.ReportedBy.SYSTEM, null)));

  @Test
  void valuesAreCheckedInCatalogueOrder() {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    values.put("C", new BigDecimal("-3"));
    values.put("B", BigDecimal.ZERO);
    values.put("A", new BigDecimal("0.8"));
    KpiEvaluation.Evaluation result = evaluation.evaluate(catalogue, values);
    assertThat(result.acceptable()).isTrue();
    assertThat(result.breaches())
        .extracting(KpiEvaluation.Breach::code, KpiEvaluation.Breach::consequence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", "Suspension"),
            org.assertj.core.groups.Tuple.tuple("B", null));
    assertThat(result.results()).extracting(r -> r.kpi().code()).containsExactly("A", "B", "C");
    assertThat(result.missing()).as("the system reports D").isEmpty();
  }

  @Test
  void aValueOutsideItsUnitOrForNoKpiIsAProblemNamingItsField() {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    values.put("B", new BigDecimal("2"));
    values.put("X", BigDecimal.ONE);
    values.put("A", null);
    KpiEvaluation.Evaluation result = evaluation.evaluate(catalogue, values, "figures");
    assertThat(result.problems())
        .containsExactlyInAnyOrder(
            new FieldProblem("figures[B]", "must be yes or no"),
            new FieldProblem("figures[X]", "there is no KPI X in TEST for 2026/27"),
            new FieldProblem("figures[A]", "a value is needed"));
    assertThat(result.breaches()).isEmpty();
    assertThat(result.missing()).containsExactly("C");
  }

  @Test
  void noValuesMissEveryProviderKpi() {
    KpiEvaluation.Evaluation result = evaluation.evaluate(catalogue, null);
    assertThat(result.missing()).containsExactly("A", "B", "C");
    assertThat(result.problems()).isEmpty();
  }
}
