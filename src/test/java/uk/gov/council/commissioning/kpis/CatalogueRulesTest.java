package uk.gov.council.commissioning.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.kpis.CatalogueDraft.KpiDraft;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/** A catalogue is checked whole before anything is written, each problem named by its field. */
class CatalogueRulesTest {

  static KpiDraft kpi(String code, String unit, String threshold) {
    return new KpiDraft(
        code,
        "Area",
        "Wording of " + code,
        unit,
        threshold,
        null,
        "QUARTERLY",
        null,
        "PROVIDER",
        null,
        null);
  }

  static List<FieldProblem> problems(CatalogueDraft draft) {
    try {
      CatalogueRules.check(draft);
    } catch (InvalidRequestException e) {
      return e.getErrors();
    }
    throw new AssertionError("accepted " + draft);
  }

  @Test
  void aGoodCatalogueIsReadWithItsThresholdsAndDefaults() {
    var checked =
        CatalogueRules.check(
            new CatalogueDraft(
                "LBB-TEST",
                "Test",
                "2026/27",
                null,
                List.of(
                    kpi("1", "%", "≥ 95"), kpi("2", "yes/no", "= yes"), kpi("3", "ratio", "> 1"))));
    assertThat(checked.year()).isEqualTo(new ReportingYear(2026));
    assertThat(checked.kpis())
        .extracting(Kpi::unit)
        .containsExactly(KpiUnit.PERCENT, KpiUnit.YES_NO, KpiUnit.RATIO);
    assertThat(checked.kpis().get(0).threshold().text()).isEqualTo("≥ 95");
    assertThat(
            CatalogueRules.check(
                    new CatalogueDraft(
                        "X", "T", "2026-27", null, List.of(kpi("1", "NUMBER", null))))
                .year())
        .isEqualTo(new ReportingYear(2026));
  }

  @Test
  void everyBadFieldIsNamed() {
    KpiDraft badFrequency =
        new KpiDraft(
            "4", null, "Words", "NUMBER", null, null, "MONTHLY", null, "COUNCIL", "nope", null);
    List<FieldProblem> problems =
        problems(
            new CatalogueDraft(
                "lower case",
                " ",
                "2026/28",
                null,
                List.of(
                    kpi("1", "PERCENTAGE", "≥ 95"),
                    kpi("1", "PERCENT", "> 101"),
                    kpi("2", "PERCENT", "about 95"),
                    kpi("3", "YES_NO", "> 0"),
                    badFrequency)));
    assertThat(problems)
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder(
            "code",
            "title",
            "year",
            "kpis[0].unit",
            "kpis[1].code",
            "kpis[1].threshold",
            "kpis[2].threshold",
            "kpis[3].threshold",
            "kpis[4].frequency",
            "kpis[4].reportedBy",
            "kpis[4].measure");
  }

  @Test
  void thresholdsMustSuitTheUnit() {
    assertThat(CatalogueRules.thresholdProblem(KpiUnit.PERCENT, t("> 100"))).isPresent();
    assertThat(CatalogueRules.thresholdProblem(KpiUnit.PERCENT, t("< 0"))).isPresent();
    assertThat(CatalogueRules.thresholdProblem(KpiUnit.PERCENT, t("≥ -1"))).isPresent();
    assertThat(CatalogueRules.thresholdProblem(KpiUnit.PERCENT, t("= 100"))).isEmpty();
    assertThat(CatalogueRules.thresholdProblem(KpiUnit.PERCENT, t("< 5"))).isEmpty();
    assertThat(CatalogueRules.thresholdProblem(KpiUnit.YES_NO, t("= no"))).isEmpty();
    assertThat(CatalogueRules.thresholdProblem(KpiUnit.YES_NO, t("≥ 1"))).isPresent();
    assertThat(CatalogueRules.thresholdProblem(KpiUnit.RATIO, t("> -1"))).isPresent();
    assertThat(CatalogueRules.thresholdProblem(KpiUnit.RATIO, t("> 1"))).isEmpty();
    assertThat(CatalogueRules.thresholdProblem(KpiUnit.NUMBER, t("> -5"))).isEmpty();
  }

  @Test
  void aSystemKpiNamesItsMeasureAndAMeasureMustBeKnown() {
    KpiDraft system =
        new KpiDraft(
            "M1",
            null,
            "Meetings held",
            "PERCENT",
            "≥ 90",
            null,
            "QUARTERLY",
            null,
            "SYSTEM",
            null,
            null);
    assertThat(problems(new CatalogueDraft("X", "T", "2026", null, List.of(system))))
        .extracting(FieldProblem::field)
        .containsExactly("kpis[0].measure");
    KpiDraft measured =
        new KpiDraft(
            "M1",
            null,
            "Meetings held",
            "PERCENT",
            "≥ 90",
            null,
            "QUARTERLY",
            null,
            "SYSTEM",
            "meetings-to-schedule",
            null);
    assertThat(
            CatalogueRules.check(new CatalogueDraft("X", "T", "2026", null, List.of(measured)))
                .kpis()
                .get(0)
                .measure())
        .isEqualTo(SystemMeasure.MEETINGS_TO_SCHEDULE.key());
  }

  @Test
  void aCatalogueNeedsKpisAndABody() {
    assertThat(problems(new CatalogueDraft("X", "T", "2026", null, List.of())))
        .extracting(FieldProblem::field)
        .containsExactly("kpis");
    assertThatThrownBy(() -> CatalogueRules.check(null))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void textLongerThanItsColumnIsRefused() {
    KpiDraft longWording =
        new KpiDraft(
            "1",
            null,
            "x".repeat(2001),
            "NUMBER",
            null,
            "t".repeat(301),
            "ANNUAL",
            null,
            null,
            null,
            null);
    assertThat(problems(new CatalogueDraft("X", "T", "2026", null, List.of(longWording))))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("kpis[0].wording", "kpis[0].target");
  }

  private static Threshold t(String text) {
    return Threshold.parse(text).orElseThrow();
  }
}
