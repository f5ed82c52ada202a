package uk.gov.council.commissioning.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.web.FieldProblem;

/** What a return must be to be taken at all: each refusal names its field (issue 15). */
class SubmissionRulesTest {

  static List<String> fields(Submission submission) {
    return SubmissionRules.problems(
            List.of(ReturnPreCheckTest.SP, ReturnPreCheckTest.LOCAL), submission)
        .stream()
        .map(FieldProblem::field)
        .toList();
  }

  static Submission.Value value(String catalogue, String kpi, String value) {
    return new Submission.Value(catalogue, kpi, value == null ? null : new BigDecimal(value), null);
  }

  @Test
  void aGoodReturnHasNoProblems() {
    assertThat(
            fields(
                new Submission(
                    20,
                    null,
                    null,
                    List.of(value("SP", "KPI 1", "100"), value("SP-LOCAL", "LPI 1", "-2")))))
        .isEmpty();
  }

  @Test
  void aPercentageOutside0To100IsRefusedNamingTheValue() {
    assertThat(
            fields(
                new Submission(
                    20,
                    null,
                    null,
                    List.of(value("SP", "KPI 1", "100.1"), value("SP", "SPI 2", "-1")))))
        .containsExactly("values[0].value", "values[1].value");
  }

  @Test
  void aKpiNotInTheContractsCataloguesOrMeasuredByTheCouncilIsRefusedNamingIt() {
    assertThat(
            fields(
                new Submission(
                    20,
                    null,
                    null,
                    List.of(
                        value("SP", "KPI 9", "1"),
                        value("OTHER", "KPI 1", "1"),
                        value("SP", "SYS", "99"),
                        value("SP", "KPI 1", "95"),
                        value("SP", "KPI 1", "96")))))
        .containsExactly("values[0].kpi", "values[1].catalogue", "values[2].kpi", "values[4].kpi");
  }

  @Test
  void aMissingValueAndNegativeUnitNumbersAreRefused() {
    assertThat(fields(new Submission(-1, null, null, List.of(value("SP", "KPI 1", null)))))
        .containsExactly("unitNumbers", "values[0].value");
  }
}
