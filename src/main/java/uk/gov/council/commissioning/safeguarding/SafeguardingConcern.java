package uk.gov.council.commissioning.safeguarding;

import java.time.Instant;

/**
 * Suspected abuse or neglect that has come to light in another case.
 *
 * @param sourceType SERIOUS_INCIDENT or COMPLAINT
 * @param sourceReference the incident or complaint number; also the alert's business key, so both
 *     cases are found together in Cockpit
 * @param providerId the provider concerned, if any
 * @param providerGroup that provider's Camunda group, if any (a provider-led enquiry is its task)
 * @param raisedBy PROVIDER when the provider alerted the council (counts for seed 002 App C 5.2),
 *     COUNCIL when an officer raised it
 * @param awareAt when whoever raised it became aware of the concern
 * @param alertedAt when the alert reached the council
 * @param summary what is suspected, in a line or two, for the safeguarding team; it may name the
 *     person, so it is kept only in the alert process's {@code concernSummary} variable, never in
 *     the register
 * @param sourceProcessInstanceId the process instance of the source case
 */
public record SafeguardingConcern(
    String sourceType,
    String sourceReference,
    Long providerId,
    String providerGroup,
    String raisedBy,
    Instant awareAt,
    Instant alertedAt,
    String summary,
    String sourceProcessInstanceId) {

  public static final String SERIOUS_INCIDENT = "SERIOUS_INCIDENT";
  public static final String COMPLAINT = "COMPLAINT";
  public static final String PROVIDER = "PROVIDER";
  public static final String COUNCIL = "COUNCIL";
}
