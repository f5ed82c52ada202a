package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Seed 001 Part 3.1 §2: "% compliance to schedule", held ÷ planned, worked by hand. */
class ComplianceToScheduleTest {

  @Test
  void heldOverPlannedToOneDecimalPlaceRoundedHalfUp() {
    assertThat(ComplianceToSchedule.of(4, 3).compliancePercent()).isEqualByComparingTo("75.0");
    assertThat(ComplianceToSchedule.of(3, 2).compliancePercent()).isEqualByComparingTo("66.7");
    assertThat(ComplianceToSchedule.of(3, 1).compliancePercent()).isEqualByComparingTo("33.3");
    // 1/8 = 12.5 exactly; 1/16 = 6.25 rounds half up to 6.3.
    assertThat(ComplianceToSchedule.of(8, 1).compliancePercent()).isEqualByComparingTo("12.5");
    assertThat(ComplianceToSchedule.of(16, 1).compliancePercent()).isEqualByComparingTo("6.3");
    assertThat(ComplianceToSchedule.of(5, 5).compliancePercent()).isEqualByComparingTo("100.0");
    assertThat(ComplianceToSchedule.of(5, 0).compliancePercent()).isEqualByComparingTo("0.0");
    assertThat(ComplianceToSchedule.of(3, 2).percentText()).isEqualTo("66.7%");
  }

  @Test
  void nothingPlannedIsNeitherFullNorNoComplianceButNonePlanned() {
    ComplianceToSchedule none = ComplianceToSchedule.of(0, 0);

    assertThat(none.compliancePercent()).isNull();
    assertThat(none.percentText()).isEqualTo("none planned");
  }

  @Test
  void providersAddUpIntoTheTotalBeforeThePercentageIsTaken() {
    ComplianceToSchedule total =
        ComplianceToSchedule.of(3, 2)
            .plus(ComplianceToSchedule.of(1, 1))
            .plus(ComplianceToSchedule.of(0, 0));

    assertThat(total.planned()).isEqualTo(4);
    assertThat(total.held()).isEqualTo(3);
    // Not the mean of 66.7 % and 100 %.
    assertThat(total.compliancePercent()).isEqualTo(new BigDecimal("75.0"));
  }

  @Test
  void moreHeldThanPlannedCannotBe() {
    assertThatThrownBy(() -> ComplianceToSchedule.of(2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("held (3)");
  }
}
