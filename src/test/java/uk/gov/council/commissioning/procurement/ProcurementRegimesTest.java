package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static uk.gov.council.commissioning.procurement.ProcurementSettings.settings;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.procurement.ProcurementRegime.RuleBasis;
import uk.gov.council.commissioning.procurement.ProcurementRegime.WorkingDayDefinition;
import uk.gov.council.commissioning.procurement.StandstillRule.DayUnit;

class ProcurementRegimesTest {

  private static ProcurementRegimes load(String location) {
    return new ProcurementRegimes(settings(location, true));
  }

  private final ProcurementRegimes bundled = load("classpath:procurement/regimes.json");

  @Test
  void theBundledDataHoldsTheActTheRegulationsAndTheirLightTouchRegimes() {
    assertThat(bundled.all())
        .extracting(ProcurementRegime::id)
        .containsExactly("PA2023", "PA2023_LIGHT_TOUCH", "PCR2015", "PCR2015_LIGHT_TOUCH");
    assertThat(bundled.find("PA2023_LIGHT_TOUCH"))
        .get()
        .satisfies(
            r -> {
              assertThat(r.lightTouch()).isTrue();
              assertThat(r.standstill().mandatory()).isFalse();
              assertThat(r.procedures())
                  .allSatisfy(p -> assertThat(p.hasStatutoryMinimum()).isFalse());
            });
    assertThat(bundled.find("nothing")).isEmpty();
  }

  @Test
  void theActCountsWorkingDaysUkWideAndRegulationStandstillInCalendarDays() {
    ProcurementRegime act = bundled.find("PA2023").orElseThrow();
    assertThat(act.workingDays().definition()).isEqualTo(WorkingDayDefinition.UK_WIDE);
    assertThat(act.workingDays().basis()).isEqualTo(RuleBasis.LAW);
    assertThat(act.standstill().length()).isEqualTo(8);
    assertThat(act.standstill().unit()).isEqualTo(DayUnit.WORKING_DAYS);

    ProcurementRegime regulations = bundled.find("PCR2015").orElseThrow();
    assertThat(regulations.standstill().length()).isEqualTo(10);
    assertThat(regulations.standstill().unit()).isEqualTo(DayUnit.CALENDAR_DAYS);
    // The Regulations' own definition was not confirmed: the UK-wide reading is the council's
    // choice.
    assertThat(regulations.workingDays().basis()).isEqualTo(RuleBasis.COUNCIL_DEFAULT);
  }

  /**
   * Which procurements each governs (by the day they began) and the law its assessment summaries
   * follow.
   */
  @Test
  void theActGovernsProcurementsBegunFrom24February2025AndTheRegulationsThoseBefore() {
    LocalDate before = LocalDate.of(2025, 2, 23);
    LocalDate from = LocalDate.of(2025, 2, 24);
    assertThat(bundled.problemFor("PA2023_LIGHT_TOUCH", from)).isEmpty();
    assertThat(bundled.problemFor("PA2023_LIGHT_TOUCH", before))
        .get()
        .asString()
        .contains("on or after 2025-02-24");
    assertThat(bundled.problemFor("PCR2015", before)).isEmpty();
    assertThat(bundled.problemFor("PCR2015", from)).get().asString().contains("before 2025-02-24");
    assertThat(bundled.problemFor("EU2004", from))
        .get()
        .asString()
        .startsWith("must be one of PA2023");
    assertThat(bundled.find("PCR2015_LIGHT_TOUCH").orElseThrow().summariesLaw())
        .isEqualTo(AssessmentSummaries.Regime.PCR_2015);
    assertThat(bundled.find("PA2023").orElseThrow().summariesLaw())
        .isEqualTo(AssessmentSummaries.Regime.PROCUREMENT_ACT_2023);
  }

  @Test
  void everyRuleCitesItsSource() {
    for (ProcurementRegime regime : bundled.all()) {
      assertThat(regime.standstill().source()).as(regime.id()).isNotBlank();
      assertThat(regime.notices())
          .allSatisfy(n -> assertThat(n.source()).as(regime.id() + " " + n.code()).isNotBlank());
      for (TenderingProcedure procedure : regime.procedures()) {
        if (procedure.hasStatutoryMinimum()) {
          assertThat(procedure.minimum().source())
              .as(regime.id() + " " + procedure.id())
              .isNotBlank();
        } else {
          assertThat(procedure.note()).as(regime.id() + " " + procedure.id()).isNotBlank();
        }
      }
    }
  }

  @Test
  void inconsistentDataStopsStartUpNamingEachFault() {
    assertThatIllegalStateException()
        .isThrownBy(() -> load("classpath:procurement/regimes-inconsistent.json"))
        .withMessageContaining("regimes-inconsistent.json is inconsistent")
        .withMessageContaining("regime PA2023 is listed twice")
        .withMessageContaining("regime PA2023, procedure OPEN: minimum.source is required")
        .withMessageContaining("electronicSubmission.days must not be longer than minimum.days")
        .withMessageContaining("regime PA2023: contractDetailsNotice must name one of its notices")
        .withMessageContaining("notice UK7: WITHIN_AFTER needs a positive number of days");
  }

  @Test
  void aMisspeltFieldIsRefusedRatherThanIgnored() {
    assertThatIllegalStateException()
        .isThrownBy(() -> load("classpath:procurement/regimes-misspelt.json"))
        .withMessageContaining("cannot be read")
        .withMessageContaining("standstil");
  }

  @Test
  void missingDataIsReportedWithItsLocation() {
    assertThatIllegalStateException()
        .isThrownBy(() -> load("classpath:procurement/no-such-file.json"))
        .withMessageContaining("classpath:procurement/no-such-file.json cannot be read");
  }
}
