package uk.gov.council.commissioning.safeguarding;

/**
 * Who leads a section 42 enquiry, decided by the council when it screens the alert (seed 002 §10.3:
 * "A decision will be made by the Council in the screening process in relation to which
 * organisation will lead the enquiry. For some enquiries this may be the Provider").
 */
enum LeadOrganisation {
  COUNCIL,
  PROVIDER,
  POLICE,
  OTHER_AGENCY
}
