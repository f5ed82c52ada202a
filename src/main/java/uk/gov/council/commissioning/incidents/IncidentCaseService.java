package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.web.InvalidRequestException;

/** Opens serious-incident cases on request (REST), after the same checks the process makes. */
@Service
@RequiredArgsConstructor
class IncidentCaseService {

  private final CaseStarts cases;
  private final IncidentReportValidator validator;

  public record OpenedCase(String incidentNumber, String processInstanceId, String source) {}

  /**
   * Checks the report, then starts the case as {@code userId} (its initiator), so the engine's
   * authorizations apply and the process knows whether a provider reported it.
   *
   * @throws InvalidRequestException naming every field at fault; nothing is created then
   */
  public OpenedCase open(Map<String, Object> variables, String userId, List<String> groups) {
    ProcessInstanceWithVariables instance =
        cases.start(PROCESS_KEY, null, variables, userId, groups, validator::validateStart);
    return new OpenedCase(
        (String) instance.getVariables().get(INCIDENT_NUMBER),
        instance.getId(),
        (String) instance.getVariables().get(SOURCE));
  }
}
