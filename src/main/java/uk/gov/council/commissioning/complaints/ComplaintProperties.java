package uk.gov.council.commissioning.complaints;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The complaint process's periods (application.yml, {@code commissioning.complaints}).
 *
 * @param councilAcknowledgeWorkingDays seed 002 App K: a complaint to the council is acknowledged
 *     within 3 working days
 * @param councilRespondWorkingDays App K: the manager of the service replies within 20 working days
 * @param providerAcknowledgeWithin App C 4.2: a provider acknowledges within 24 hours
 * @param providerResolveDays App C 4.3: a provider resolves within "3 working weeks (15 days)"
 * @param providerResolveDayKind whether those days are working days (the default: 3 working weeks
 *     are 15 working days) or calendar days
 * @param writtenReportWorkingDays §13.5 gives no time for the provider's full written report on an
 *     unresolved complaint: a council choice
 * @param secondEscalationAfter how long after a provider's missed deadline the contracts managers
 *     are told if it is still missing
 * @param safeguardingOpensIncident seed 002 §12.3: a safeguarding alert raised from a complaint
 *     about a provider's contract also opens a serious incident for it
 */
@Validated
@ConfigurationProperties("commissioning.complaints")
public record ComplaintProperties(
    @DefaultValue("3") int councilAcknowledgeWorkingDays,
    @DefaultValue("20") int councilRespondWorkingDays,
    @DefaultValue("PT24H") Duration providerAcknowledgeWithin,
    @DefaultValue("15") int providerResolveDays,
    @DefaultValue("working") DayKind providerResolveDayKind,
    @DefaultValue("5") int writtenReportWorkingDays,
    @DefaultValue("P2D") Duration secondEscalationAfter,
    @DefaultValue("true") boolean safeguardingOpensIncident) {

  /** How the provider's resolution days are counted. */
  public enum DayKind {
    WORKING,
    CALENDAR
  }

  public ComplaintProperties {
    requirePositive("council-acknowledge-working-days", councilAcknowledgeWorkingDays);
    requirePositive("council-respond-working-days", councilRespondWorkingDays);
    requirePositive("provider-resolve-days", providerResolveDays);
    requirePositive("written-report-working-days", writtenReportWorkingDays);
    requirePositive("provider-acknowledge-within", providerAcknowledgeWithin);
    requirePositive("second-escalation-after", secondEscalationAfter);
    if (providerResolveDayKind == null) {
      throw new IllegalArgumentException(
          "commissioning.complaints.provider-resolve-day-kind must be 'working' or 'calendar'");
    }
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "commissioning.complaints." + name + " must be a positive number of days");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          "commissioning.complaints." + name + " must be a positive ISO duration");
    }
  }
}
