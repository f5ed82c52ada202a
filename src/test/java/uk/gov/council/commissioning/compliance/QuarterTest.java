package uk.gov.council.commissioning.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** UK calendar quarters (seed 002 App C reports quarterly) and the percentage rule. */
class QuarterTest {

  @Test
  void readsAQuarterAndKnowsItsDays() {
    Quarter q3 = Quarter.parse("2026-Q3").orElseThrow();

    assertThat(q3).isEqualTo(new Quarter(2026, 3));
    assertThat(q3.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(q3.lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(q3.toString()).isEqualTo("2026-Q3");
    assertThat(Quarter.parse("2026-q1")).contains(new Quarter(2026, 1));
    assertThat(new Quarter(2028, 1).lastDay()).isEqualTo(LocalDate.of(2028, 3, 31));
    assertThat(new Quarter(2026, 4).lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void boundsAreUkMidnightsInSummerAndWinterTime() {
    // Q1 2026 starts at midnight GMT and ends at midnight BST (clocks went forward on 29 March).
    Quarter q1 = new Quarter(2026, 1);
    assertThat(q1.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(q1.end()).isEqualTo(Instant.parse("2026-03-31T23:00:00Z"));
    assertThat(q1.contains(Instant.parse("2026-03-31T22:59:59Z"))).isTrue();
    assertThat(q1.contains(Instant.parse("2026-03-31T23:00:00Z"))).isFalse();
    // Q4 starts in BST and ends in GMT (clocks go back on 25 October).
    Quarter q4 = new Quarter(2026, 4);
    assertThat(q4.start()).isEqualTo(Instant.parse("2026-09-30T23:00:00Z"));
    assertThat(q4.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "2026",
        "2026-Q5",
        "2026-Q0",
        "26-Q3",
        "2026Q3",
        "2026-Q3x",
        "Q3-2026",
        "2026-07",
        "0000-Q1"
      })
  void refusesAnythingElse(String text) {
    assertThat(Quarter.parse(text)).isEmpty();
  }

  @Test
  void findsTheQuarterOfAUkDayAndItsNeighbours() {
    assertThat(Quarter.containing(LocalDate.of(2026, 1, 1))).isEqualTo(new Quarter(2026, 1));
    assertThat(Quarter.containing(LocalDate.of(2026, 6, 30))).isEqualTo(new Quarter(2026, 2));
    assertThat(Quarter.containing(LocalDate.of(2026, 12, 31))).isEqualTo(new Quarter(2026, 4));
    // 23:30 UTC on 30 September is already 1 October in London (BST).
    assertThat(Quarter.containing(Instant.parse("2026-09-30T23:30:00Z")))
        .isEqualTo(new Quarter(2026, 4));
    assertThat(Quarter.containing(Instant.parse("2026-09-30T22:59:59Z")))
        .isEqualTo(new Quarter(2026, 3));

    assertThat(new Quarter(2026, 1).previous()).contains(new Quarter(2025, 4));
    assertThat(new Quarter(2026, 3).previous()).contains(new Quarter(2026, 2));
    assertThat(new Quarter(2026, 4).next()).contains(new Quarter(2027, 1));
    assertThat(new Quarter(2026, 2).next()).contains(new Quarter(2026, 3));
    assertThat(new Quarter(1, 1).previous()).isEmpty();
    assertThat(new Quarter(9999, 4).next()).isEmpty();
  }

  @Test
  void percentageIsMetOverJudgedToOneDecimalPlace() {
    assertThat(Measure.percentage(0, 0)).isNull();
    assertThat(Measure.percentage(2, 1)).isEqualTo(new BigDecimal("66.7"));
    assertThat(Measure.percentage(1, 2)).isEqualTo(new BigDecimal("33.3"));
    assertThat(Measure.percentage(1, 15)).isEqualTo(new BigDecimal("6.3"));
    assertThat(Measure.percentage(3, 0)).isEqualTo(new BigDecimal("100.0"));
    assertThat(Measure.percentage(0, 4)).isEqualTo(new BigDecimal("0.0"));
  }
}
