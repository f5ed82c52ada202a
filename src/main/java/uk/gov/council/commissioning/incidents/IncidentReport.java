package uk.gov.council.commissioning.incidents;

import java.time.Instant;
import uk.gov.council.commissioning.contracts.Contract;

/**
 * A report or log of a serious incident that passed the checks, with what the register needs. The
 * service user's details and the narrative stay in the process variables (see V4 migration).
 *
 * @param providerAwareAt when the provider became aware; null on a council-logged case until the
 *     provider reports
 * @param source PROVIDER_REPORT or COUNCIL_LOGGED
 */
record IncidentReport(
    Contract contract,
    IncidentCategory category,
    Instant occurredAt,
    Instant providerAwareAt,
    String source,
    boolean safeguardingSuspected,
    boolean riddorReportable) {

  public boolean byProvider() {
    return IncidentVariables.SOURCE_PROVIDER_REPORT.equals(source);
  }
}
