package uk.gov.council.commissioning.procurement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The council's procurement choices (application.yml, {@code commissioning.procurement}).
 *
 * @param regimes where the regime data is read from; a council with a regime of its own points this
 *     at its own copy of procurement/regimes.json
 * @param electronicSubmission whether tenders are submitted electronically, which shortens some
 *     minimum tender periods (seed 000 §10.8: the council's e-procurement system, CPR 3.6.1)
 * @param lightTouchMinimumTenderDays the council's minimum tender period where the law sets none
 *     (light touch contracts); a council policy, not law
 */
@ConfigurationProperties("commissioning.procurement")
public record ProcurementProperties(
    @DefaultValue("classpath:procurement/regimes.json") String regimes,
    @DefaultValue("true") boolean electronicSubmission,
    @DefaultValue("25") int lightTouchMinimumTenderDays) {

  public ProcurementProperties {
    if (regimes == null || regimes.isBlank()) {
      throw new IllegalArgumentException("commissioning.procurement.regimes must name the regime data, e.g."
          + " classpath:procurement/regimes.json");
    }
    if (lightTouchMinimumTenderDays <= 0) {
      throw new IllegalArgumentException(
          "commissioning.procurement.light-touch-minimum-tender-days must be a positive number of days");
    }
  }
}
