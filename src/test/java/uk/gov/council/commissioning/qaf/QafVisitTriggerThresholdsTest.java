package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.qaf.QafProperties.VisitTriggers;

/**
 * Seed 001 Part 3.3 §3.3 triggers 3 and 4 answered from the counts held against the thresholds of
 * {@code commissioning.qaf.visit-triggers}.
 */
class QafVisitTriggerThresholdsTest {

  private static final Instant SINCE = Instant.parse("2025-04-01T00:00:00Z");

  private static QafServiceConcerns.Held held(
      VisitTriggers thresholds, int complaints, int breaches, List<String> procurements) {
    return new QafServiceConcerns.Held(
        thresholds, SINCE, complaints, 0, 0, breaches, 0, 0, procurements);
  }

  @Test
  void byDefaultOneOfAnythingIsAConcernAndOneProcurementAReview() {
    VisitTriggers one = new VisitTriggers(Period.ofMonths(12), 1, 1, 1, 1, 1, 1, 1);
    assertThat(held(one, 0, 0, List.of()).concerns()).isFalse();
    assertThat(held(one, 1, 0, List.of()).concerns()).isTrue();
    assertThat(held(one, 0, 1, List.of()).concerns()).isTrue();
    assertThat(held(one, 0, 0, List.of()).procurementReview()).isFalse();
    assertThat(held(one, 0, 0, List.of("PROC-2026-000001")).procurementReview()).isTrue();
    assertThat(held(one, 0, 0, List.of("PROC-2026-000001")).procurementText())
        .isEqualTo(
            "1 procurement(s) under way for this contract or its service area: PROC-2026-000001."
                + " Suggested answer: yes.");
  }

  @Test
  void aCouncilCanAskForMoreAndLeaveASourceOut() {
    // Three complaints make a concern; breaches are not counted at all.
    VisitTriggers council = new VisitTriggers(Period.ofMonths(12), 3, 1, 1, 0, 1, 1, 0);
    assertThat(held(council, 2, 5, List.of()).concerns()).isFalse();
    assertThat(held(council, 3, 0, List.of()).concerns()).isTrue();
    assertThat(held(council, 0, 0, List.of("PROC-1")).procurementReview()).isFalse();
    assertThat(held(council, 2, 5, List.of()).text()).contains("Suggested answer: no");
  }

  @Test
  void theLookBackMustBeAPositivePeriod() {
    assertThatThrownBy(() -> new VisitTriggers(Period.ZERO, 1, 1, 1, 1, 1, 1, 1))
        .hasMessageContaining(
            "commissioning.qaf.visit-triggers.look-back must be a positive period");
  }
}
