package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.forms.RequestScope;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/** Opens serious-incident cases on request (REST), after the same checks the process makes. */
@Service
public class IncidentCaseService {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final IncidentReportValidator validator;

  public IncidentCaseService(
      RuntimeService runtimeService,
      IdentityService identityService,
      IncidentReportValidator validator) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.validator = validator;
  }

  public record OpenedCase(String incidentNumber, String processInstanceId, String source) {}

  /**
   * Checks the report, then starts the case as {@code userId} (its initiator), so the engine's
   * authorizations apply and the process knows whether a provider reported it.
   *
   * @throws InvalidRequestException naming every field at fault; nothing is created then
   */
  public OpenedCase open(Map<String, Object> variables, String userId, List<String> groups) {
    try {
      validator.validateStart(RequestScope.of(variables), Actor.of(userId, groups));
    } catch (TaskFormException e) {
      throw invalid(e);
    }
    identityService.setAuthentication(userId, groups);
    try {
      ProcessInstanceWithVariables instance =
          runtimeService
              .createProcessInstanceByKey(PROCESS_KEY)
              .setVariables(variables)
              .executeWithVariablesInReturn();
      return new OpenedCase(
          (String) instance.getVariables().get(INCIDENT_NUMBER),
          instance.getId(),
          (String) instance.getVariables().get(SOURCE));
    } catch (TaskFormException e) {
      // The register changed between the two checks (a contract ended meanwhile).
      throw invalid(e);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static InvalidRequestException invalid(TaskFormException e) {
    return new InvalidRequestException(
        e.problems().stream().map(IncidentCaseService::fieldProblem).toList());
  }

  private static FieldProblem fieldProblem(String problem) {
    int colon = problem.indexOf(": ");
    return colon < 0
        ? new FieldProblem("body", problem)
        : new FieldProblem(problem.substring(0, colon), problem.substring(colon + 2));
  }
}
