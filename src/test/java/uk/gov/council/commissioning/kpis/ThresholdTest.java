package uk.gov.council.commissioning.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.council.commissioning.kpis.Threshold.Comparison;

/** Thresholds as the seeds write them: "> 1" (seed 004 App A O1), "≥ 95" (seed 000 §4.7). */
class ThresholdTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "> 1      | GT | 1",
        ">1       | GT | 1",
        ">= 95    | GE | 95",
        "≥ 95%    | GE | 95",
        "< 5      | LT | 5",
        "<= 0.5   | LE | 0.5",
        "≤ 10     | LE | 10",
        "= 100    | EQ | 100",
        "= yes    | EQ | 1",
        "= No     | EQ | 0",
        "> -2.5   | GT | -2.5"
      })
  void readsTheFormsTheSeedsAndOfficersWrite(String text, Comparison comparison, String value) {
    Threshold threshold = Threshold.parse(text).orElseThrow();
    assertThat(threshold.comparison()).isEqualTo(comparison);
    assertThat(threshold.value()).isEqualByComparingTo(value);
    assertThat(Threshold.parse(threshold.text())).contains(threshold);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "95", "more than 1", "> ", "=> 5", "> 1 1", "≥ ninety", "> 1.", "yes"})
  void anythingElseIsNotAThreshold(String text) {
    assertThat(Threshold.parse(text)).isEmpty();
  }

  @Test
  void nullIsNotAThreshold() {
    assertThat(Threshold.parse(null)).isEmpty();
  }

  @Test
  void greaterThanOneIsBreachedByExactlyOne() {
    Threshold liquidity = Threshold.parse("> 1").orElseThrow();
    assertThat(liquidity.met(new BigDecimal("1"))).isFalse();
    assertThat(liquidity.met(new BigDecimal("1.00"))).isFalse();
    assertThat(liquidity.met(new BigDecimal("1.01"))).isTrue();
    assertThat(liquidity.met(new BigDecimal("0.99"))).isFalse();
  }

  @Test
  void atLeastIsMetByEquality() {
    Threshold target = Threshold.parse("≥ 95").orElseThrow();
    assertThat(target.met(new BigDecimal("95"))).isTrue();
    assertThat(target.met(new BigDecimal("94.99"))).isFalse();
    assertThat(target.met(new BigDecimal("95.01"))).isTrue();
  }

  @Test
  void lessThanIsBreachedByEquality() {
    Threshold complaints = Threshold.parse("< 5").orElseThrow();
    assertThat(complaints.met(new BigDecimal("5"))).isFalse();
    assertThat(complaints.met(new BigDecimal("4.99"))).isTrue();
    assertThat(complaints.met(new BigDecimal("5.01"))).isFalse();
  }

  @Test
  void atMostAndEqualTo() {
    Threshold atMost = Threshold.parse("≤ 10").orElseThrow();
    assertThat(atMost.met(BigDecimal.TEN)).isTrue();
    assertThat(atMost.met(new BigDecimal("10.01"))).isFalse();
    Threshold all = Threshold.parse("= 100").orElseThrow();
    assertThat(all.met(new BigDecimal("100.0"))).isTrue();
    assertThat(all.met(new BigDecimal("99.99"))).isFalse();
  }

  @Test
  void textIsTheSymbolAndThePlainValue() {
    assertThat(Threshold.parse(">= 95.0").orElseThrow().text()).isEqualTo("≥ 95");
    assertThat(Threshold.parse("= yes").orElseThrow().text()).isEqualTo("= 1");
    assertThat(Threshold.parse("> 1E+1")).isEmpty();
  }

  @Test
  void textForTheUnitIsAsPeopleReadItAndReadsBack() {
    Threshold yes = Threshold.parse("= yes").orElseThrow();
    assertThat(yes.textFor(KpiUnit.YES_NO)).isEqualTo("= yes");
    assertThat(Threshold.parse("= no").orElseThrow().textFor(KpiUnit.YES_NO)).isEqualTo("= no");
    Threshold percent = Threshold.parse("≥ 95").orElseThrow();
    assertThat(percent.textFor(KpiUnit.PERCENT)).isEqualTo("≥ 95%");
    assertThat(percent.textFor(KpiUnit.NUMBER)).isEqualTo("≥ 95");
    assertThat(Threshold.parse(yes.textFor(KpiUnit.YES_NO))).contains(yes);
    assertThat(Threshold.parse(percent.textFor(KpiUnit.PERCENT))).contains(percent);
  }

  @Test
  void aKpiWithoutAThresholdIsNeverBreached() {
    Kpi count =
        new Kpi(
            "4.1",
            "Complaints and compliments",
            "Number of complaints received",
            KpiUnit.NUMBER,
            null,
            null,
            Kpi.Frequency.QUARTERLY,
            null,
            Kpi.ReportedBy.PROVIDER,
            "complaints-received",
            "seed 002 App C 4.1");
    assertThat(count.breachedBy(new BigDecimal("1000"))).isFalse();
    assertThat(count.breachedBy(null)).isFalse();
  }
}
