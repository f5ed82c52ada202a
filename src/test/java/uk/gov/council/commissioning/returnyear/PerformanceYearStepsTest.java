package uk.gov.council.commissioning.returnyear;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.kpis.Kpi;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.kpis.KpiUnit;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.kpis.Threshold;

/** The page's pre-filled values (seed 001 Part 3.2 §2.1.2) and the workbook's texts (§2.1.4). */
class PerformanceYearStepsTest {

  private static final Provider PROVIDER =
      new Provider(7, "Alpha Care", "office@alpha.example", "provider-alpha");

  private static Contract contract(LocalDate start, LocalDate end) {
    return new Contract(
        1,
        "HC-2022-03",
        "Home care north",
        PROVIDER,
        "Home care",
        start,
        end,
        BigDecimal.TEN,
        BigDecimal.TEN,
        "ASC",
        ContractStatus.ACTIVE,
        Instant.EPOCH,
        List.of(),
        "officer1",
        null,
        null,
        null);
  }

  @Test
  void theFirstYearIsFilledFromTheRegisterAndLaterYearsFromLastYearsPage() {
    Contract contract = contract(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 9, 30));
    Map<String, Object> first =
        PerformanceYearSteps.prefilled(contract, new ReportingYear(2026), null);
    assertThat(first)
        .containsEntry("serviceName", "Home care north")
        .containsEntry("serviceType", "Home care")
        .containsEntry("contractManager", "officer1")
        .containsEntry("providerContact", "Alpha Care, office@alpha.example")
        .containsEntry("plannedDuration", "UNDER_2_YEARS");
    assertThat((String) first.get("pageHeading"))
        .contains("Service ID HC-2022-03")
        .contains("provider ID 7 (Alpha Care)")
        .contains("2026/27");

    ContractPage last =
        new ContractPage(
            3,
            1,
            2025,
            2,
            "Home care north east",
            "Older people",
            "Home care",
            "The council",
            40,
            "UNDER_2_YEARS",
            true,
            "A Manager",
            "01234",
            new BigDecimal("120.50"),
            new BigDecimal("10"),
            null,
            LocalDate.of(2025, 4, 1),
            null,
            null,
            null,
            "o",
            Instant.EPOCH);
    Map<String, Object> next =
        PerformanceYearSteps.prefilled(contract, new ReportingYear(2026), last);
    assertThat(next)
        .containsEntry("serviceName", "Home care north east")
        .containsEntry("primaryClientGroup", "Older people")
        .containsEntry("unitNumbers", 40L)
        .containsEntry("outOfHoursCover", true)
        .containsEntry("frontLineHours", 120.5)
        .containsEntry("managementHours", 10.0)
        .containsEntry("otherStaffHours", null);
  }

  @Test
  void aContractOfTwoYearsOrMoreIsOverTwoYears() {
    assertThat(
            PerformanceYearSteps.plannedDuration(
                contract(LocalDate.of(2025, 4, 1), LocalDate.of(2027, 4, 1))))
        .isEqualTo("OVER_2_YEARS");
    assertThat(
            PerformanceYearSteps.plannedDuration(
                contract(LocalDate.of(2025, 4, 1), LocalDate.of(2027, 3, 30))))
        .isEqualTo("UNDER_2_YEARS");
  }

  @Test
  void theTargetsGuidanceListsEachCataloguesKpisAndThresholds() {
    KpiCatalogue catalogue =
        new KpiCatalogue(
            5,
            "SP-PI",
            "Supporting People PIs",
            new ReportingYear(2026),
            2,
            "seed 001 Part 3.2 §3.1.1",
            List.of(
                new Kpi(
                    "SPI 2",
                    "Utilisation",
                    "Utilisation",
                    KpiUnit.PERCENT,
                    Threshold.parse(">= 95").orElseThrow(),
                    "95% of units in use",
                    Kpi.Frequency.QUARTERLY,
                    null,
                    Kpi.ReportedBy.PROVIDER,
                    null,
                    null),
                new Kpi(
                    "LPI-LOCAL",
                    null,
                    "Referrals",
                    KpiUnit.NUMBER,
                    null,
                    null,
                    Kpi.Frequency.QUARTERLY,
                    null,
                    Kpi.ReportedBy.PROVIDER,
                    null,
                    null)));
    assertThat(PerformanceYearSteps.targetsText(List.of(catalogue)))
        .isEqualTo(
            "Supporting People PIs (version 2):\n"
                + "- SPI 2 Utilisation: ≥ 95 (95% of units in use)\n"
                + "- LPI-LOCAL Referrals");
    assertThat(PerformanceYearSteps.targetsText(List.of())).contains("separately");
  }
}
