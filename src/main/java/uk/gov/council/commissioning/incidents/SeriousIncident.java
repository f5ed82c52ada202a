package uk.gov.council.commissioning.incidents;

import java.time.Instant;

/**
 * A serious incident as the register holds it: facts about deadlines and their outcome, no personal
 * details of the service user (those stay in the process variables). With the provider's contact
 * address and the contract's officer (or null), whom its escalations tell.
 */
record SeriousIncident(
    long id,
    String incidentNumber,
    String processInstanceId,
    long providerId,
    String providerName,
    String organisationGroup,
    String contractReference,
    String contractTitle,
    String source,
    String category,
    Instant occurredAt,
    Instant providerAwareAt,
    Instant openedAt,
    String openedBy,
    Instant initialReportDueAt,
    Instant initialReportAt,
    Instant reportingFormDueAt,
    Instant reportingFormAt,
    boolean safeguardingSuspected,
    boolean riddorReportable,
    String status,
    String outcome,
    Instant closedAt,
    String providerEmail,
    String contractOfficer) {}
