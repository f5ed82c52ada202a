package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintVariables.*;

import java.util.HashMap;
import java.util.Map;

/**
 * A new complaint over REST: the fields of the Tasklist start form, with the same names.
 *
 * @param receivedAt ISO date and time, with an offset or Z; without one it is read as UK time
 * @param route COUNCIL or PROVIDER; a provider's user may leave it out (its own complaints are
 *     PROVIDER)
 */
record ComplaintRequest(
    String receivedAt,
    String complainantName,
    String complainantRelationship,
    String complainantContact,
    String serviceUserName,
    String howReceived,
    String summary,
    String route,
    String contractReference,
    Boolean safeguardingConcern,
    String safeguardingSummary) {

  /** The process variables the start form would have set. */
  Map<String, Object> toVariables() {
    Map<String, Object> v = new HashMap<>();
    put(v, RECEIVED_AT, receivedAt);
    put(v, COMPLAINANT_NAME, complainantName);
    put(v, COMPLAINANT_RELATIONSHIP, complainantRelationship);
    put(v, COMPLAINANT_CONTACT, complainantContact);
    put(v, SERVICE_USER_NAME, serviceUserName);
    put(v, HOW_RECEIVED, howReceived);
    put(v, SUMMARY, summary);
    put(v, ROUTE, route);
    put(v, CONTRACT_REFERENCE, contractReference);
    put(v, SAFEGUARDING_CONCERN, safeguardingConcern == null ? Boolean.FALSE : safeguardingConcern);
    put(v, SAFEGUARDING_SUMMARY, safeguardingSummary);
    return v;
  }

  private static void put(Map<String, Object> variables, String name, Object value) {
    if (value != null) {
      variables.put(name, value);
    }
  }
}
