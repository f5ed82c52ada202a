package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintVariables.PROCESS_KEY;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.forms.RequestScope;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/** Starts complaints on request, and decides which complaints a user may see. */
@Service
public class ComplaintCaseService {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ComplaintValidator validator;
  private final ComplaintRepository repository;

  public ComplaintCaseService(
      RuntimeService runtimeService,
      IdentityService identityService,
      ComplaintValidator validator,
      ComplaintRepository repository) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.validator = validator;
    this.repository = repository;
  }

  /**
   * Checks the complaint as the start form's first step would, then starts it as the given user
   * (recorded as the one who recorded it).
   *
   * @throws InvalidRequestException naming every field at fault; nothing is created
   */
  @Transactional
  public Complaint start(ComplaintRequest request, String userId, List<String> groups) {
    if (request == null) {
      throw new InvalidRequestException("body", "a complaint is required");
    }
    Map<String, Object> variables = request.toVariables();
    try {
      validator.check(RequestScope.of(variables), Actor.of(userId, groups));
    } catch (TaskFormException e) {
      throw invalid(e);
    }
    identityService.setAuthentication(userId, groups);
    try {
      ProcessInstance instance =
          runtimeService.createProcessInstanceByKey(PROCESS_KEY).setVariables(variables).execute();
      return repository.findByProcessInstance(instance.getId()).orElseThrow();
    } catch (TaskFormException e) {
      // Something changed between the check and the start (a contract removed): still the caller's
      // problem.
      throw invalid(e);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Council staff see every complaint; a provider's users those their organisation handles. */
  @Transactional(readOnly = true)
  public List<Complaint> visibleTo(Actor user) {
    return user.provider()
        ? repository.findHandledByProviderGroups(user.organisationGroups())
        : repository.findAll();
  }

  /** The complaint if the user may see it; another provider's is as good as unknown. */
  @Transactional(readOnly = true)
  public Optional<Complaint> find(String number, Actor user) {
    return repository.findByNumber(number).filter(c -> maySee(user, c));
  }

  /**
   * A complaint to the council is the council's casework, even when it names a provider; a provider
   * sees the complaints it handles itself.
   */
  static boolean maySee(Actor user, Complaint c) {
    return !user.provider()
        || (c.providerRoute() && user.organisationGroups().contains(c.providerGroup()));
  }

  private static InvalidRequestException invalid(TaskFormException e) {
    return new InvalidRequestException(
        e.problems().stream().map(ComplaintCaseService::fieldProblem).toList());
  }

  /** FormChecks' problems read "field: message". */
  static FieldProblem fieldProblem(String problem) {
    int colon = problem.indexOf(": ");
    return colon < 0
        ? new FieldProblem("body", problem)
        : new FieldProblem(problem.substring(0, colon), problem.substring(colon + 2));
  }
}
