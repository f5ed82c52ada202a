package uk.gov.council.commissioning.incidents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The serious-incident process's council-set periods (application.yml, {@code
 * commissioning.incidents}).
 *
 * @param initialReportWithin seed 002 §12.4: the initial report is due this long after the incident
 *     occurred
 * @param reportingFormWithin seed 002 §12.5: the reporting form is due this long after the incident
 *     occurred
 * @param secondEscalationAfter a report still missing this long after its deadline goes to the
 *     contracts managers
 * @param updateIntervalWorkingDays seed 002 §12.5 "regular updates" (no interval given): working
 *     days between update requests
 * @param providerResponseWorkingDays working days the provider has to answer an update or
 *     information request
 * @param councilActionWorkingDays working days council staff have for a review, follow-up or
 *     escalation task
 */
@Validated
@ConfigurationProperties("commissioning.incidents")
public record IncidentProperties(
    @DefaultValue("PT12H") Duration initialReportWithin,
    @DefaultValue("PT48H") Duration reportingFormWithin,
    @DefaultValue("PT24H") Duration secondEscalationAfter,
    @DefaultValue("5") int updateIntervalWorkingDays,
    @DefaultValue("2") int providerResponseWorkingDays,
    @DefaultValue("2") int councilActionWorkingDays) {

  public IncidentProperties {
    requirePositive("initial-report-within", initialReportWithin);
    requirePositive("reporting-form-within", reportingFormWithin);
    requirePositive("second-escalation-after", secondEscalationAfter);
    requirePositive("update-interval-working-days", updateIntervalWorkingDays);
    requirePositive("provider-response-working-days", providerResponseWorkingDays);
    requirePositive("council-action-working-days", councilActionWorkingDays);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          "commissioning.incidents." + name + " must be a positive duration, e.g. PT12H");
    }
  }

  private static void requirePositive(String name, int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException(
          "commissioning.incidents." + name + " must be at least 1 working day");
    }
  }
}
