package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.cases.CaseStarts;

/**
 * Seed 002 §12.3: "a safeguarding matter raised through a complaint is also a serious incident".
 * Opens that incident as the council's own log (an officer log, not a provider's report), naming
 * the complaint as its source. The complaint holds no service user details the incident needs, so
 * none are copied: the provider's initial report and reporting form supply them, and its 12 h / 48
 * h deadlines run as on any incident the council logged.
 */
@Service
@RequiredArgsConstructor
public class ComplaintIncidents {

  private final CaseStarts cases;
  private final HistoryService history;
  private final IdentityService identity;

  /**
   * Opens the incident once per complaint, in the caller's transaction.
   *
   * @param councilAwareAt when the concern became known through the complaint: the incident's time,
   *     as the complaint holds no other
   * @param alertProcessInstanceId the complaint's safeguarding alert, which is the incident's alert
   * @return the incident number; the existing one if this complaint opened an incident before
   */
  @Transactional
  public String openFromComplaint(
      String complaintNumber,
      String contractReference,
      Instant councilAwareAt,
      String alertProcessInstanceId) {
    Optional<String> existing = incidentOf(complaintNumber);
    if (existing.isPresent()) {
      return existing.get();
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CONTRACT_REFERENCE, contractReference);
    variables.put(CATEGORY, IncidentCategory.SAFEGUARDING_ALERT_RAISED.name());
    variables.put(OCCURRED_AT, councilAwareAt.toString());
    variables.put(
        HOW_COUNCIL_LEARNT, "Safeguarding concern raised through complaint " + complaintNumber);
    // No detail of the concern or the person: those stay in the complaint and the alert.
    variables.put(
        DESCRIPTION,
        "Safeguarding alert raised from complaint "
            + complaintNumber
            + " (seed 002 §12.3); the provider's report supplies the details.");
    variables.put(SAFEGUARDING_SUSPECTED, true);
    variables.put(RIDDOR_REPORTABLE, false);
    variables.put(SOURCE_COMPLAINT, complaintNumber);
    variables.put(SOURCE_COMPLAINT_ALERT, alertProcessInstanceId);
    // Logged by the council whoever completed the complaint's step: a provider's user there must
    // not turn this into the provider's own report, nor need rights to start incidents.
    Authentication signedIn = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return (String)
          cases.startAsSystem(PROCESS_KEY, null, variables).getVariables().get(INCIDENT_NUMBER);
    } finally {
      if (signedIn != null) {
        identity.setAuthentication(signedIn);
      }
    }
  }

  /** The number of the incident this complaint opened, if any. */
  public Optional<String> incidentOf(String complaintNumber) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(SOURCE_COMPLAINT, complaintNumber)
        .orderByProcessInstanceStartTime()
        .asc()
        .list()
        .stream()
        .findFirst()
        .map(HistoricProcessInstance::getBusinessKey);
  }
}
