package uk.gov.council.commissioning.audits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Levels of risk as officers write them, and their ranks (seed 001 Part 3.1 Appendix 2). */
class RiskLevelTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"LOW, LOW", "Low, LOW", "medium, MEDIUM", "' High ', HIGH"})
  void theThreeLevelsAreReadWhateverTheirCase(String text, RiskLevel level) {
    assertThat(RiskLevel.parse(text)).contains(level);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", "Med", "Severe", "CRITICAL", "3"})
  void anythingElseIsNoLevel(String text) {
    assertThat(RiskLevel.parse(text)).isEmpty();
    assertThat(RiskLevel.parse(null)).isEmpty();
  }

  @Test
  void ranksOrderTheLevelsAndOnlyMediumAndHighAreConcerns() {
    assertThat(RiskLevel.ofRank(1)).isEqualTo(RiskLevel.LOW);
    assertThat(RiskLevel.ofRank(2)).isEqualTo(RiskLevel.MEDIUM);
    assertThat(RiskLevel.ofRank(3)).isEqualTo(RiskLevel.HIGH);
    assertThatThrownBy(() -> RiskLevel.ofRank(4)).isInstanceOf(IllegalArgumentException.class);
    assertThat(RiskLevel.LOW.concern()).isFalse();
    assertThat(RiskLevel.MEDIUM.concern()).isTrue();
    assertThat(RiskLevel.HIGH.concern()).isTrue();
  }

  @Test
  void everyCriterionIsReadByItsName() {
    for (RiskCriterion criterion : RiskCriterion.values()) {
      assertThat(RiskCriterion.parse(criterion.name().toLowerCase())).contains(criterion);
    }
    assertThat(RiskCriterion.parse("GOSSIP")).isEmpty();
  }
}
