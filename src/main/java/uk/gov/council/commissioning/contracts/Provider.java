package uk.gov.council.commissioning.contracts;

/**
 * An organisation that delivers contracted services.
 *
 * @param organisationGroup the Camunda group whose members act for this provider
 */
public record Provider(long id, String name, String contactEmail, String organisationGroup) {}
