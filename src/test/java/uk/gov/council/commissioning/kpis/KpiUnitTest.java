package uk.gov.council.commissioning.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which values each unit takes; a yes/no is 1 or 0. */
class KpiUnitTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "PERCENT | 0      | null",
        "PERCENT | 100    | null",
        "PERCENT | 55.5   | null",
        "PERCENT | -0.01  | a percentage must be between 0 and 100",
        "PERCENT | 100.01 | a percentage must be between 0 and 100",
        "YES_NO  | 1      | null",
        "YES_NO  | 0      | null",
        "YES_NO  | 1.0    | null",
        "YES_NO  | 2      | must be yes or no",
        "YES_NO  | 0.5    | must be yes or no",
        "RATIO   | 0      | null",
        "RATIO   | 1.35   | null",
        "RATIO   | -0.1   | a ratio cannot be negative",
        "NUMBER  | -25000 | null",
        "NUMBER  | 12     | null"
      })
  void aValueOutsideItsUnitIsAProblem(KpiUnit unit, String value, String problem) {
    if (problem == null) {
      assertThat(unit.problem(new BigDecimal(value))).isEmpty();
    } else {
      assertThat(unit.problem(new BigDecimal(value))).contains(problem);
    }
  }

  @ParameterizedTest
  @CsvSource({"PERCENT", "YES_NO", "RATIO", "NUMBER"})
  void noValueIsAProblemForEveryUnit(KpiUnit unit) {
    assertThat(unit.problem(null)).contains("a value is needed");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "PERCENT | 95%   | 95",
        "PERCENT | 95.5  | 95.5",
        "YES_NO  | yes   | 1",
        "YES_NO  | No    | 0",
        "NUMBER  | 1,250 | 1250",
        "RATIO   | 1.2   | 1.2",
        "NUMBER  | yes   | null",
        "PERCENT | lots  | null",
        "NUMBER  | ''    | null"
      })
  void valuesAreReadAsPeopleTypeThem(KpiUnit unit, String text, String value) {
    if (value == null) {
      assertThat(KpiEvaluation.read(unit, text)).isEmpty();
    } else {
      assertThat(KpiEvaluation.read(unit, text).orElseThrow()).isEqualByComparingTo(value);
    }
  }
}
