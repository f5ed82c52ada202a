package uk.gov.council.commissioning.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.kpis.Kpi;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.kpis.KpiUnit;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.kpis.Threshold;

/** The system's checks on a return before the officer's (seed 001 Part 3.2 §4.1.1, §6.1.1). */
class ReturnPreCheckTest {

  static final ReportingYear YEAR = new ReportingYear(2026);
  static final ReportingQuarter Q1 = YEAR.quarter(1);

  static Kpi kpi(String code, KpiUnit unit, String threshold, Kpi.Frequency frequency) {
    return new Kpi(
        code,
        null,
        "Measure " + code,
        unit,
        threshold == null ? null : Threshold.parse(threshold).orElseThrow(),
        null,
        frequency,
        null,
        Kpi.ReportedBy.PROVIDER,
        null,
        "seed 001 Part 3.2 §3.1.1");
  }

  static final KpiCatalogue SP =
      new KpiCatalogue(
          1,
          "SP",
          "Supporting People",
          YEAR,
          1,
          null,
          List.of(
              kpi("KPI 1", KpiUnit.PERCENT, "≥ 90", Kpi.Frequency.QUARTERLY),
              kpi("SPI 2", KpiUnit.PERCENT, "> 80", Kpi.Frequency.QUARTERLY),
              kpi("ANNUAL", KpiUnit.NUMBER, null, Kpi.Frequency.ANNUAL),
              new Kpi(
                  "SYS",
                  null,
                  "Measured",
                  KpiUnit.PERCENT,
                  Threshold.parse("≥ 95").orElseThrow(),
                  null,
                  Kpi.Frequency.QUARTERLY,
                  null,
                  Kpi.ReportedBy.SYSTEM,
                  "returns-on-time",
                  null)));

  static final KpiCatalogue LOCAL =
      new KpiCatalogue(
          2,
          "SP-LOCAL",
          "Local PIs",
          YEAR,
          1,
          null,
          List.of(kpi("LPI 1", KpiUnit.NUMBER, null, Kpi.Frequency.QUARTERLY)));

  static Submission.Value value(String catalogue, String kpi, String value, String why) {
    return new Submission.Value(catalogue, kpi, new BigDecimal(value), why);
  }

  @Test
  void everyReturnedKpiAndLocalPiAndTheUnitNumbersMakeACompleteReturn() {
    var result =
        ReturnPreCheck.check(
            Q1,
            List.of(SP, LOCAL),
            false,
            20,
            new Submission(
                20,
                null,
                null,
                List.of(
                    value("SP", "KPI 1", "90", null),
                    value("SP", "SPI 2", "81", null),
                    value("SP-LOCAL", "LPI 1", "0", null))));
    assertThat(result.complete()).isTrue();
    assertThat(result.unitNumbersChanged()).isFalse();
    assertThat(result.belowTrigger()).isFalse();
  }

  @Test
  void missingLocalPisMakeItIncompleteUnlessExempted() {
    Submission withoutLocal =
        new Submission(
            20,
            null,
            null,
            List.of(value("SP", "KPI 1", "95", null), value("SP", "SPI 2", "90", null)));
    assertThat(ReturnPreCheck.check(Q1, List.of(SP, LOCAL), false, 20, withoutLocal).missing())
        .containsExactly("local PI SP-LOCAL LPI 1 (Measure LPI 1) is not returned");
    assertThat(ReturnPreCheck.check(Q1, List.of(SP, LOCAL), true, 20, withoutLocal).complete())
        .isTrue();
  }

  @Test
  void anAnnualKpiIsDueWithTheFourthQuarterOnlyAndASystemMeasureNever() {
    Submission quarterly =
        new Submission(
            20,
            null,
            null,
            List.of(value("SP", "KPI 1", "95", null), value("SP", "SPI 2", "90", null)));
    assertThat(ReturnPreCheck.check(Q1, List.of(SP), false, null, quarterly).complete()).isTrue();
    assertThat(ReturnPreCheck.check(YEAR.quarter(4), List.of(SP), false, null, quarterly).missing())
        .containsExactly("KPI SP ANNUAL (Measure ANNUAL) is not returned");
  }

  @Test
  void changedUnitNumbersNeedAnExplanation() {
    List<Submission.Value> values =
        List.of(value("SP", "KPI 1", "95", null), value("SP", "SPI 2", "90", null));
    var unexplained =
        ReturnPreCheck.check(Q1, List.of(SP), false, 20, new Submission(18, " ", null, values));
    assertThat(unexplained.unitNumbersChanged()).isTrue();
    assertThat(unexplained.missing())
        .containsExactly(
            "unitNumbersExplanation: the unit numbers changed from 20 to 18 without an"
                + " explanation (§4.1.1)");
    var explained =
        ReturnPreCheck.check(
            Q1, List.of(SP), false, 20, new Submission(18, "Two units closed", null, values));
    assertThat(explained.unitNumbersChanged()).isTrue();
    assertThat(explained.complete()).isTrue();
    assertThat(
            ReturnPreCheck.check(
                    Q1, List.of(SP), false, 20, new Submission(null, null, null, values))
                .missing())
        .containsExactly("unitNumbers: the unit numbers are not given");
  }

  @Test
  void kpisBelowTheirTriggerAreFoundWithWhetherEachIsExplained() {
    var result =
        ReturnPreCheck.check(
            Q1,
            List.of(SP),
            false,
            null,
            new Submission(
                20,
                null,
                null,
                List.of(
                    value("SP", "KPI 1", "89.9", "Staff sickness"),
                    // "> 80": exactly 80 does not reach it.
                    value("SP", "SPI 2", "80", null))));
    assertThat(result.breaches())
        .extracting(
            ReturnPreCheck.Breach::kpi,
            ReturnPreCheck.Breach::threshold,
            ReturnPreCheck.Breach::explained)
        .containsExactly(tuple("KPI 1", "≥ 90", true), tuple("SPI 2", "> 80", false));
    assertThat(result.explanationsMissing()).isTrue();
  }

  @Test
  void theSameReturnHasTheSameDigestWhateverTheOrderOfItsValues() {
    Submission a =
        new Submission(
            20,
            null,
            "ok",
            List.of(value("SP", "KPI 1", "95", null), value("SP", "SPI 2", "90.0", null)));
    Submission b =
        new Submission(
            20,
            " ",
            "ok ",
            List.of(value("SP", "SPI 2", "90", null), value("SP", "KPI 1", "95.00", null)));
    Submission c =
        new Submission(
            21,
            null,
            "ok",
            List.of(value("SP", "KPI 1", "95", null), value("SP", "SPI 2", "90", null)));
    assertThat(a.digest()).isEqualTo(b.digest()).isNotEqualTo(c.digest());
  }
}
