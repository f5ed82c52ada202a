package uk.gov.council.commissioning.complaints;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A complaint as the council records it: route, deadlines and what happened when. The complainant's
 * details and the complaint's text are not here: they stay in the process.
 *
 * @param route COUNCIL (a complaint to the council, seed 002 App K) or PROVIDER (one the provider
 *     handles, §13.5, App C 4)
 * @param respondDueAt the council's response (COUNCIL) or the provider's resolution (PROVIDER) is
 *     due then; moved by an extension the complainant was told of
 * @param resolvedAt when the council responded (COUNCIL) or the provider resolved it (PROVIDER)
 */
public record Complaint(
    long id,
    String number,
    String processInstanceId,
    String route,
    Long providerId,
    String providerName,
    String providerGroup,
    String contractReference,
    Instant receivedAt,
    Instant openedAt,
    String openedBy,
    Instant acknowledgeDueAt,
    Instant acknowledgedAt,
    Instant respondDueAt,
    Instant originalRespondDueAt,
    int extensions,
    Instant resolvedAt,
    Instant writtenReportDueAt,
    Instant writtenReportAt,
    String investigator,
    int stage,
    boolean safeguardingRaised,
    String status,
    String outcomeCode,
    String outcome,
    LocalDate ombudsmanInformationSentOn,
    Instant closedAt) {

  public static final String COUNCIL = "COUNCIL";
  public static final String PROVIDER = "PROVIDER";

  public boolean providerRoute() {
    return PROVIDER.equals(route);
  }

  /**
   * The provider organisation whose case this is, for who may see it: a complaint to the council is
   * the council's casework even when it names a provider, so only a provider-route complaint has
   * one.
   */
  public String owningOrganisation() {
    return providerRoute() ? providerGroup : null;
  }

  /**
   * The provider a missed deadline counts against: only the provider's own deadlines do; a late
   * council response is the council's, even when the complaint names a provider.
   */
  public Long breachProviderId() {
    return providerRoute() ? providerId : null;
  }
}
