package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintVariables.PROCESS_KEY;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.InvalidRequestException;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/** Starts complaints on request, and decides which complaints a user may see. */
@Service
@RequiredArgsConstructor
class ComplaintCaseService {

  private final CaseStarts cases;
  private final ComplaintValidator validator;
  private final ComplaintRepository repository;

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
    ProcessInstance instance =
        cases.start(PROCESS_KEY, null, request.toVariables(), userId, groups, validator::check);
    return repository.findByProcessInstance(instance.getId()).orElseThrow();
  }

  /**
   * Council staff see every complaint; a provider's users those their organisation handles (its
   * {@link Complaint#owningOrganisation()}).
   */
  @Transactional(readOnly = true)
  public List<Complaint> visibleTo(Actor user) {
    return ProviderScope.visible(
        user, repository::findHandledByProviderGroups, repository::findAll);
  }

  /** A page of the complaints the user sees, as {@link #visibleTo}. */
  @Transactional(readOnly = true)
  public PageOf<Complaint> pageVisibleTo(Actor user, PageQuery query) {
    return ProviderScope.scoped(
        user,
        groups -> repository.pageHandledByProviderGroups(groups, query),
        () -> repository.page(query));
  }

  /** The complaint if the user may see it; another provider's is as good as unknown. */
  @Transactional(readOnly = true)
  public Optional<Complaint> find(String number, Actor user) {
    return repository.findByNumber(number).filter(c -> maySee(user, c));
  }

  static boolean maySee(Actor user, Complaint c) {
    return ProviderScope.sees(user, c.owningOrganisation());
  }
}
