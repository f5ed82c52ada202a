package uk.gov.council.commissioning.cases;

import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.forms.RequestScope;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The one way the application opens a case: the process's own start checks run first, so a refusal
 * names every field at fault and creates nothing; then the process starts as the person who asked,
 * so the engine's authorizations apply and the case records who opened it.
 */
@Service
@RequiredArgsConstructor
public class CaseStarts {

  /** A process's start rules, run on the request before anything is created. */
  @FunctionalInterface
  public interface StartCheck {
    /** For a process whose start rules all run inside it. */
    StartCheck NONE = (request, starter) -> {};

    void check(VariableScope request, Actor starter) throws TaskFormException;
  }

  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  /**
   * Starts {@code processKey} as {@code userId} after {@code check}.
   *
   * @param businessKey the case reference, or null where the process gives itself one
   * @throws InvalidRequestException naming every field at fault; nothing is created then
   * @throws DuplicateCaseException as the check or the process threw it: the case exists already
   */
  public ProcessInstanceWithVariables start(
      String processKey,
      String businessKey,
      Map<String, Object> variables,
      String userId,
      List<String> groups,
      StartCheck check) {
    try {
      check.check(RequestScope.of(variables), Actor.of(userId, groups));
    } catch (TaskFormException e) {
      throw refused(e);
    }
    identityService.setAuthentication(userId, groups);
    try {
      return runtimeService
          .createProcessInstanceByKey(processKey)
          .businessKey(businessKey)
          .setVariables(variables)
          .executeWithVariablesInReturn();
    } catch (TaskFormException e) {
      // The register changed between the check and the start (a contract ended meanwhile, another
      // request opened the same case): still the caller's problem, not a failure of the system.
      throw refused(e);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * Starts {@code processKey} for the system (a scheduled start), with no user: the process's own
   * start checks still run inside it.
   */
  public ProcessInstanceWithVariables startAsSystem(
      String processKey, String businessKey, Map<String, Object> variables) {
    return runtimeService
        .createProcessInstanceByKey(processKey)
        .businessKey(businessKey)
        .setVariables(variables)
        .executeWithVariablesInReturn();
  }

  /** Whether a case of this process with this reference is still running (the duplicate rule). */
  public boolean isOpen(String processKey, String businessKey) {
    return runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(processKey)
            .processInstanceBusinessKey(businessKey)
            .count()
        > 0;
  }

  /**
   * Whether the register names a case other than the execution's own that is still running: a
   * second start of the same record (another node, a moment earlier) must fail, while a record left
   * by a case cancelled in Cockpit may be taken over.
   *
   * @param recordedInstanceId the process instance the register names; null when none
   */
  public static boolean anotherCaseRunning(DelegateExecution execution, String recordedInstanceId) {
    return recordedInstanceId != null
        && !recordedInstanceId.equals(execution.getProcessInstanceId())
        && execution
                .getProcessEngineServices()
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(recordedInstanceId)
                .count()
            > 0;
  }

  /** A duplicate stays itself, for the caller to answer as such; any other refusal is invalid. */
  private static RuntimeException refused(TaskFormException refusal) {
    return refusal instanceof DuplicateCaseException ? refusal : invalid(refusal);
  }

  /** A refusal's "field: reason" problems as the REST answer names them. */
  private static InvalidRequestException invalid(TaskFormException refusal) {
    return new InvalidRequestException(
        refusal.fieldProblems().stream()
            .map(p -> p.field() == null ? new FieldProblem("body", p.message()) : p)
            .toList());
  }
}
