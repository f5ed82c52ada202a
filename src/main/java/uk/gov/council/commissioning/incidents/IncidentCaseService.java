package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.cases.CaseStarts.StartCheck;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * Opens serious-incident cases on request (REST). The report is checked once, by the process's
 * first step ({@link RegisterIncident}) in the transaction that starts it: a refused report creates
 * nothing and comes back as the same 400 naming its fields, so a check before the start as well
 * would only read the contract twice.
 */
@Service
@RequiredArgsConstructor
class IncidentCaseService {

  private final CaseStarts cases;

  public record OpenedCase(String incidentNumber, String processInstanceId, String source) {}

  /**
   * Starts the case as {@code userId} (its initiator), so the engine's authorizations apply and the
   * process knows whether a provider reported it.
   *
   * @throws InvalidRequestException naming every field at fault; nothing is created then
   */
  public OpenedCase open(Map<String, Object> variables, String userId, List<String> groups) {
    ProcessInstanceWithVariables instance =
        cases.start(PROCESS_KEY, null, variables, userId, groups, StartCheck.NONE);
    // The register step marks a provider's report as the initial report received, and only then.
    boolean byProvider = Boolean.TRUE.equals(instance.getVariables().get(INITIAL_REPORT_RECEIVED));
    return new OpenedCase(
        (String) instance.getVariables().get(INCIDENT_NUMBER),
        instance.getId(),
        byProvider ? SOURCE_PROVIDER_REPORT : SOURCE_COUNCIL_LOGGED);
  }
}
