package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.council.commissioning.DmnTable;

/**
 * The validation-visit table on its own (seed 001 Part 3.3 §3.3), rule by rule, with the plain DMN
 * engine: each of the five triggers alone, at its threshold, and all together.
 */
class QafValidationVisitDmnTest {

  private static DmnTable table;

  @BeforeAll
  static void parseTheTableFromTheClasspath() {
    table = DmnTable.load("processes/qaf-validation-visit.dmn", "qaf-validation-visit");
  }

  @Test
  void nothingToTriggerAVisitGivesNoReason() {
    assertThat(reasons(1, false, false, false, 0.5)).isEmpty();
    assertThat(table.matchedRules()).isEmpty();
  }

  @Test
  void withoutAnEarlierQafThereIsNoChange() {
    assertThat(reasons(null, false, false, false, 0.5)).isEmpty();
  }

  @ParameterizedTest(name = "{0} grade steps -> visit {1}")
  @CsvSource({"0, false", "1, false", "2, true", "3, true"})
  void ruleOneASignificantChangeIsTwoGradeStepsOrMore(int steps, boolean visit) {
    assertThat(reasons(steps, false, false, false, 0.99))
        .isEqualTo(visit ? List.of("SIGNIFICANT_CHANGE") : List.of());
    assertThat(table.matchedRules())
        .isEqualTo(visit ? List.of("Rule_SignificantChange") : List.of());
  }

  @Test
  void ruleTwoAnAClaimed() {
    assertThat(reasons(0, true, false, false, 0.99)).containsExactly("A_GRADE_CLAIMED");
    assertThat(table.matchedRules()).containsExactly("Rule_AGradeClaimed");
  }

  @Test
  void ruleThreeConcernsOverTheService() {
    assertThat(reasons(null, false, true, false, 0.99)).containsExactly("CONCERNS_OVER_SERVICE");
    assertThat(table.matchedRules()).containsExactly("Rule_ConcernsOverService");
  }

  @Test
  void ruleFourAProcurementReview() {
    assertThat(reasons(0, false, false, true, 0.99)).containsExactly("PROCUREMENT_REVIEW");
    assertThat(table.matchedRules()).containsExactly("Rule_ProcurementReview");
  }

  @ParameterizedTest(name = "draw {0} -> visit {1}")
  @CsvSource({"0.0, true", "0.0999, true", "0.10, false", "0.75, false", "1.0, false"})
  void ruleFiveARandomTenPerCentSample(double draw, boolean visit) {
    assertThat(reasons(0, false, false, false, draw))
        .isEqualTo(visit ? List.of("RANDOM_SAMPLE") : List.of());
    assertThat(table.matchedRules()).isEqualTo(visit ? List.of("Rule_RandomSample") : List.of());
  }

  @Test
  void everyReasonThatAppliesIsCollected() {
    assertThat(reasons(3, true, true, true, 0.01))
        .containsExactly(
            "SIGNIFICANT_CHANGE",
            "A_GRADE_CLAIMED",
            "CONCERNS_OVER_SERVICE",
            "PROCUREMENT_REVIEW",
            "RANDOM_SAMPLE");
  }

  private static List<Object> reasons(
      Integer steps, boolean anyA, boolean concerns, boolean procurement, double draw) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("gradeStepsChanged", steps);
    variables.put("anyAClaimed", anyA);
    variables.put("concernsOverService", concerns);
    variables.put("procurementReview", procurement);
    variables.put("randomDraw", draw);
    DmnDecisionTableResult result = table.evaluate(variables);
    return result.collectEntries("reason");
  }
}
