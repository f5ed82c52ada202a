package uk.gov.council.commissioning.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;

/** §4.1.6 "continued failure": late quarters in a row, counted back across reporting years. */
class LateQuartersTest {

  static ReportingQuarter q(int year, int n) {
    return new ReportingYear(year).quarter(n);
  }

  static int inRow(ReportingQuarter late, Map<ReportingQuarter, Boolean> history) {
    return LateQuarters.inRow(late, q -> Optional.ofNullable(history.get(q)));
  }

  @Test
  void aLateQuarterAloneCountsOne() {
    assertThat(inRow(q(2026, 2), Map.of(q(2026, 1), false))).isEqualTo(1);
    assertThat(inRow(q(2026, 2), Map.of())).isEqualTo(1);
  }

  @Test
  void theCountRunsBackFromTheFirstQuarterToThePreviousYearsFourth() {
    assertThat(inRow(q(2027, 1), Map.of(q(2026, 4), true))).isEqualTo(2);
    assertThat(inRow(q(2027, 1), Map.of(q(2026, 4), true, q(2026, 3), true, q(2026, 2), false)))
        .isEqualTo(3);
  }

  @Test
  void aQuarterOnTimeOrWithoutAReturnEndsTheRun() {
    assertThat(inRow(q(2027, 2), Map.of(q(2027, 1), false, q(2026, 4), true))).isEqualTo(1);
    assertThat(inRow(q(2027, 2), Map.of(q(2026, 4), true))).isEqualTo(1);
  }
}
