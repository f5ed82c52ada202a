package uk.gov.council.commissioning.audits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.council.commissioning.DmnTable;

/**
 * The Appendix 2 table on its own (seed 001 Part 3.1 Appendix 2), row by row with the plain DMN
 * engine: Low when no criterion applies, each Medium and each High criterion alone, and the highest
 * level when criteria of two levels apply.
 */
class ComplianceAuditRiskDmnTest {

  private static DmnTable table;

  @BeforeAll
  static void parseTheTableFromTheClasspath() {
    table = DmnTable.load("processes/compliance-audit-risk.dmn", "compliance-audit-risk");
  }

  @Test
  void noCriterionIsLowByTheLowRowAlone() {
    assertThat(level(Set.of())).isEqualTo(RiskLevel.LOW);
    assertThat(table.matchedRules()).containsExactly("Rule_Low");
  }

  @ParameterizedTest(name = "{0} alone")
  @EnumSource(RiskCriterion.class)
  void eachCriterionAloneGivesItsOwnLevelByItsOwnRow(RiskCriterion criterion) {
    assertThat(level(Set.of(criterion))).isEqualTo(criterion.level());
    String row =
        "Rule_"
            + Character.toUpperCase(criterion.variable().charAt(0))
            + criterion.variable().substring(1);
    assertThat(table.matchedRules()).containsExactly("Rule_Low", row);
  }

  @Test
  void everyRowOfTheTableIsACriterionOrLow() {
    level(EnumSet.allOf(RiskCriterion.class));
    assertThat(table.matchedRules()).hasSize(RiskCriterion.values().length + 1);
  }

  @Test
  void criteriaOfTwoLevelsGiveTheHigher() {
    assertThat(level(Set.of(RiskCriterion.CLAUSE_NOT_COMPLIED, RiskCriterion.REPUTATION_DAMAGE)))
        .isEqualTo(RiskLevel.HIGH);
    assertThat(
            level(
                Set.of(RiskCriterion.LOW_FINANCIAL_LOSS, RiskCriterion.MINIMAL_REPUTATION_DAMAGE)))
        .isEqualTo(RiskLevel.MEDIUM);
    assertThat(level(EnumSet.allOf(RiskCriterion.class))).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void sixCriteriaDefineMediumAndSixHighAsTheSeedLists() {
    assertThat(
            EnumSet.allOf(RiskCriterion.class).stream()
                .filter(c -> c.level() == RiskLevel.MEDIUM)
                .count())
        .isEqualTo(6);
    assertThat(
            EnumSet.allOf(RiskCriterion.class).stream()
                .filter(c -> c.level() == RiskLevel.HIGH)
                .count())
        .isEqualTo(6);
  }

  private static RiskLevel level(Set<RiskCriterion> applying) {
    Map<String, Object> variables = new HashMap<>();
    for (RiskCriterion c : RiskCriterion.values()) {
      variables.put(c.variable(), applying.contains(c));
    }
    DmnDecisionTableResult result = table.evaluate(variables);
    Number rank = result.getSingleResult().getSingleEntry();
    return RiskLevel.ofRank(rank.intValue());
  }
}
