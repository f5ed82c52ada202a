package uk.gov.council.commissioning.procurement;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The council's procurement choices (application.yml, {@code commissioning.procurement}).
 *
 * @param regimes where the regime data is read from; a council with a regime of its own points this
 *     at its own copy of procurement/regimes.json
 * @param electronicSubmission whether tenders are submitted electronically, which shortens some
 *     minimum tender periods (seed 000 §10.8: the council's e-procurement system, CPR 3.6.1)
 * @param lightTouchMinimumTenderDays the council's minimum tender period where the law sets none
 *     (light touch contracts); a council policy, not law
 * @param approvalStepWorkingDays each approval, planning, challenge or lead's decision task is due
 *     in this many working days
 * @param defaultRegime the regime a procurement started by the extension process begins with (the
 *     officer may change it when preparing the case and when planning)
 * @param contractTermMonths the initial term offered for the new contract (seed 000 §6.8: 5 years)
 * @param extensionOptionMonths the extension options offered, in order (seed 000 §6.8: 1 year then
 *     a further 1 year)
 * @param leadTime a contract with no extension option left, ending within this period, gets a
 *     procurement started automatically (the seed's tender ran some 16 months, §6.5)
 * @param autoStartCron when the register is scanned for such contracts (UK time; "-" never)
 * @param autoStartOnStartup whether to scan at start-up as well
 */
@Validated
@ConfigurationProperties("commissioning.procurement")
public record ProcurementProperties(
    @DefaultValue("classpath:procurement/regimes.json") String regimes,
    @DefaultValue("true") boolean electronicSubmission,
    @DefaultValue("25") int lightTouchMinimumTenderDays,
    @DefaultValue("10") int approvalStepWorkingDays,
    @DefaultValue("PA2023_LIGHT_TOUCH") String defaultRegime,
    @DefaultValue("60") int contractTermMonths,
    @DefaultValue({"12", "12"}) List<Integer> extensionOptionMonths,
    @DefaultValue("P18M") java.time.Period leadTime,
    @DefaultValue("0 15 6 * * *") String autoStartCron,
    @DefaultValue("true") boolean autoStartOnStartup) {

  public ProcurementProperties {
    if (regimes == null || regimes.isBlank()) {
      throw new IllegalArgumentException(
          "commissioning.procurement.regimes must name the regime data, e.g."
              + " classpath:procurement/regimes.json");
    }
    if (lightTouchMinimumTenderDays <= 0) {
      throw new IllegalArgumentException(
          "commissioning.procurement.light-touch-minimum-tender-days must be a positive number of days");
    }
    if (approvalStepWorkingDays < 1) {
      throw new IllegalArgumentException(
          "commissioning.procurement.approval-step-working-days must be at least 1");
    }
    if (contractTermMonths < 1) {
      throw new IllegalArgumentException(
          "commissioning.procurement.contract-term-months must be at least 1");
    }
    extensionOptionMonths = List.copyOf(extensionOptionMonths);
    if (extensionOptionMonths.stream().anyMatch(m -> m == null || m < 1 || m > 60)) {
      throw new IllegalArgumentException(
          "commissioning.procurement.extension-option-months must each be 1 to 60 months");
    }
  }

  /**
   * The months of the whole contract if every option were used: the basis of the whole-life value.
   */
  public int wholeLifeMonths() {
    return contractTermMonths + extensionOptionMonths.stream().mapToInt(Integer::intValue).sum();
  }
}
