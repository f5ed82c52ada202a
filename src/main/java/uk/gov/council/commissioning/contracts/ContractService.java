package uk.gov.council.commissioning.contracts;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/** The contract register: what contracts exist, when they end and which extensions remain. */
@Service
@RequiredArgsConstructor
public class ContractService {

  /** The longest reference the register holds, of a contract or a procurement. */
  private static final int REFERENCE_LENGTH = 40;

  private final ContractRepository repository;
  private final Validator validator;
  private final IdentityService identityService;
  private final Clock clock;

  @Transactional(readOnly = true)
  public Optional<Contract> findByReference(String reference) {
    return repository.findByReference(reference);
  }

  /**
   * The contract, if the user sees it: a provider's user only its own organisations' contracts
   * ({@link ProviderScope}). Another provider's contract is as good as unknown, so a provider
   * cannot find out which references exist.
   */
  @Transactional(readOnly = true)
  public Optional<Contract> findByReference(String reference, Actor user) {
    return ProviderScope.find(
        user, findByReference(reference), c -> c.provider().organisationGroup());
  }

  @Transactional(readOnly = true)
  public List<Contract> findAll() {
    return repository.findAll();
  }

  /** A page of the contracts the user sees: a provider's user only its own organisations'. */
  @Transactional(readOnly = true)
  public PageOf<Contract> page(Actor user, PageQuery query) {
    return ProviderScope.scoped(
        user,
        groups -> repository.pageOfProviderGroups(groups, query),
        () -> repository.page(query));
  }

  /** Contracts of the providers whose Camunda group is one of {@code organisationGroups}. */
  @Transactional(readOnly = true)
  public List<Contract> findByProviderGroups(Collection<String> organisationGroups) {
    return repository.findByProviderGroups(organisationGroups);
  }

  /**
   * Locks the contract's row for the rest of the caller's transaction, so two callers deciding
   * about the same contract take turns, and returns the contract as it is once the lock is held.
   * Without a surrounding transaction the lock ends when this method returns.
   *
   * @throws ContractNotFoundException if there is no contract with that reference
   */
  @Transactional
  public Contract lockForUpdate(String reference) {
    repository
        .lockByReference(reference)
        .orElseThrow(() -> new ContractNotFoundException(reference));
    return repository
        .findByReference(reference)
        .orElseThrow(() -> new ContractNotFoundException(reference));
  }

  /**
   * The period the contract would run for if its next option were used: from the day after the
   * current end date for the option's length (e.g. 8 Apr 2020 + 12 months ends 7 Apr 2021). Options
   * are taken in order, so this is the lowest-ordered unused one.
   *
   * @return empty when every option has been used
   */
  public Optional<ExtensionPeriod> nextExtension(Contract c) {
    return c.options().stream()
        .filter(o -> !o.used())
        .min(Comparator.comparingInt(ExtensionOption::optionOrder))
        .map(
            o -> {
              LocalDate start = c.endDate().plusDays(1);
              return new ExtensionPeriod(
                  start, start.plusMonths(o.lengthMonths()).minusDays(1), o.optionOrder());
            });
  }

  /**
   * Records that {@code decisionReference} used option {@code optionOrder} and moves the end date
   * to {@code newEndDate}. Happens once: a repeat by the same decision (a retried job) changes
   * nothing.
   *
   * @return true if the extension was applied now, false if this decision had already applied it
   * @throws ContractNotFoundException if there is no such contract
   * @throws IllegalStateException if another decision used the option, an earlier option is still
   *     unused, or the contract is not active
   * @throws IllegalArgumentException if the contract has no such option, or the new end date is not
   *     after the current one
   */
  @Transactional
  public boolean applyExtension(
      String reference, int optionOrder, String decisionReference, LocalDate newEndDate) {
    if (decisionReference == null || decisionReference.isBlank()) {
      throw new IllegalArgumentException(
          "A decision reference is needed to use an extension option");
    }
    Contract contract = lockForUpdate(reference);
    ExtensionOption option =
        contract.options().stream()
            .filter(o -> o.optionOrder() == optionOrder)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Contract " + reference + " has no extension option " + optionOrder));
    if (option.used()) {
      return alreadyUsed(reference, option, decisionReference);
    }
    if (contract.status() != ContractStatus.ACTIVE) {
      throw new IllegalStateException(
          "Contract " + reference + " is " + contract.status() + " and cannot be extended");
    }
    contract.options().stream()
        .filter(o -> o.optionOrder() < optionOrder && !o.used())
        .findFirst()
        .ifPresent(
            earlier -> {
              throw new IllegalStateException(
                  "Contract "
                      + reference
                      + ": option "
                      + earlier.optionOrder()
                      + " must be used before option "
                      + optionOrder);
            });
    if (newEndDate == null || !newEndDate.isAfter(contract.endDate())) {
      throw new IllegalArgumentException(
          "New end date "
              + newEndDate
              + " for contract "
              + reference
              + " must be after its current end date "
              + contract.endDate());
    }
    // The row lock already serialises callers; the condition keeps the option from being used
    // twice even by a caller that reached the table without it.
    if (!repository.markOptionUsed(
        contract.id(), optionOrder, decisionReference, clock.instant())) {
      ExtensionOption now =
          repository.findByReference(reference).orElseThrow().options().stream()
              .filter(o -> o.optionOrder() == optionOrder)
              .findFirst()
              .orElseThrow();
      return alreadyUsed(reference, now, decisionReference);
    }
    repository.updateEndDate(contract.id(), newEndDate);
    return true;
  }

  private static boolean alreadyUsed(
      String reference, ExtensionOption option, String decisionReference) {
    if (decisionReference.equals(option.usedByDecision())) {
      return false;
    }
    throw new IllegalStateException(
        "Extension option "
            + option.optionOrder()
            + " of contract "
            + reference
            + " was already used by decision '"
            + option.usedByDecision()
            + "', not '"
            + decisionReference
            + "'");
  }

  /** Active contracts ending on a day in [from, to] that still have an extension option. */
  @Transactional(readOnly = true)
  public List<Contract> findEndingBetweenWithUnusedOption(LocalDate from, LocalDate to) {
    return repository.findActiveEndingBetweenWithUnusedOption(from, to);
  }

  /**
   * Adds a contract with unused options, numbered from 1 in the order given.
   *
   * @throws InvalidRequestException naming every field that is wrong; nothing is saved
   */
  @Transactional
  public Contract create(NewContract request) {
    return insertChecked(request, ContractStatus.ACTIVE, Award.NONE, List.of());
  }

  /**
   * Adds a contract a procurement awarded and that has been signed but not commenced ({@link
   * ContractStatus#SIGNED}): in the register before it starts, not live until {@link
   * #commence(String)}. Its options are as given, unused. Checked exactly as {@link
   * #create(NewContract)}, with every problem reported at once. A repeat by the same procurement (a
   * retried job) returns the contract that procurement registered, unchanged.
   *
   * @param procurementReference the procurement that awarded it
   * @param replacesReference the contract it replaces when it commences, or null
   * @throws InvalidRequestException naming every field that is wrong (the reference too when a
   *     contract of that reference exists that this procurement did not register); nothing is saved
   */
  @Transactional
  public Contract registerAwarded(
      NewContract contract, String procurementReference, String replacesReference) {
    Optional<Contract> earlier = registeredBy(contract, procurementReference);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    return insertChecked(
        contract,
        ContractStatus.SIGNED,
        new Award(procurementReference, replacesReference),
        awardProblems(procurementReference, replacesReference));
  }

  /**
   * What {@link #registerAwarded} would refuse, without saving anything: none when this procurement
   * has registered the contract already.
   */
  @Transactional(readOnly = true)
  public List<FieldProblem> awardedContractProblems(
      NewContract contract, String procurementReference, String replacesReference) {
    if (registeredBy(contract, procurementReference).isPresent()) {
      return new ArrayList<>();
    }
    List<FieldProblem> problems = problemsOf(contract);
    problems.addAll(awardProblems(procurementReference, replacesReference));
    return problems;
  }

  /** What a procurement records about the contract it awarded; NONE for one added directly. */
  private record Award(String procurementReference, String replacesReference) {
    static final Award NONE = new Award(null, null);
  }

  private Optional<Contract> registeredBy(NewContract contract, String procurementReference) {
    if (contract == null || contract.reference() == null || procurementReference == null) {
      return Optional.empty();
    }
    return repository
        .findByReference(contract.reference())
        .filter(c -> procurementReference.equals(c.procurementReference()));
  }

  private List<FieldProblem> awardProblems(String procurementReference, String replacesReference) {
    List<FieldProblem> problems = new ArrayList<>();
    if (procurementReference == null || procurementReference.isBlank()) {
      problems.add(new FieldProblem("procurementReference", "must not be blank"));
    } else if (procurementReference.length() > REFERENCE_LENGTH) {
      problems.add(
          new FieldProblem(
              "procurementReference", "must be at most " + REFERENCE_LENGTH + " characters"));
    }
    if (replacesReference != null) {
      Optional<Contract> replaced = repository.findByReference(replacesReference);
      if (replaced.isEmpty()) {
        problems.add(
            new FieldProblem(
                "replacesReference", "no contract with reference " + replacesReference));
      } else if (replaced.get().replacedByReference() != null) {
        String successor = replaced.get().replacedByReference();
        problems.add(
            new FieldProblem(
                "replacesReference",
                "contract " + replacesReference + " was already replaced by " + successor));
      }
    }
    return problems;
  }

  /**
   * Checks the request, adding {@code awardProblems}, and inserts it when there are none.
   *
   * @throws InvalidRequestException naming every field that is wrong; nothing is saved
   */
  private Contract insertChecked(
      NewContract request, ContractStatus status, Award award, List<FieldProblem> awardProblems) {
    List<FieldProblem> problems = problemsOf(request);
    problems.addAll(awardProblems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    try {
      repository.insertContract(
          request, status, award.procurementReference(), award.replacesReference());
    } catch (DuplicateKeyException raced) {
      // Lost the race for the reference. A procurement's retried job then finds its own
      // contract through registeredBy.
      throw new InvalidRequestException(List.of(duplicateReference(request.reference())));
    }
    return repository.findByReference(request.reference()).orElseThrow();
  }

  private List<FieldProblem> problemsOf(NewContract request) {
    if (request == null) {
      throw new InvalidRequestException("body", "a contract is required");
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<NewContract> v : validator.validate(request)) {
      // A null list element is reported as "options[0].<list element>"; the caller knows it as
      // options[0].
      String field = v.getPropertyPath().toString().replace(".<list element>", "");
      problems.add(new FieldProblem(field, v.getMessage()));
    }
    if (request.startDate() != null
        && request.endDate() != null
        && !request.endDate().isAfter(request.startDate())) {
      problems.add(new FieldProblem("endDate", "must be after the start date"));
    }
    if (request.annualValue() != null
        && request.wholeLifeValue() != null
        && request.wholeLifeValue().compareTo(request.annualValue()) < 0) {
      problems.add(new FieldProblem("wholeLifeValue", "must not be less than the annual value"));
    }
    if (request.providerId() != null
        && repository.findProviderById(request.providerId()).isEmpty()) {
      problems.add(new FieldProblem("providerId", "no provider with id " + request.providerId()));
    }
    if (request.contractOfficer() != null
        && request.contractOfficer().matches("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}")
        && identityService.createUserQuery().userId(request.contractOfficer()).count() == 0) {
      problems.add(new FieldProblem("contractOfficer", "no user " + request.contractOfficer()));
    }
    if (request.reference() != null && repository.existsByReference(request.reference())) {
      problems.add(duplicateReference(request.reference()));
    }
    return problems;
  }

  /**
   * Puts an awarded contract live on its commencement date and closes the contract it replaces:
   * that one becomes EXPIRED whatever its end date (a TERMINATED one keeps its status) and records
   * this one as its successor. Happens once: a repeat (a retried job, a second caller) finds the
   * work done and changes nothing.
   *
   * @return true if this call commenced the contract, false if it had already commenced
   * @throws ContractNotFoundException if there is no contract with that reference
   * @throws IllegalStateException if the contract was not registered by a procurement, is neither
   *     SIGNED nor ACTIVE, or the contract it replaces was replaced by another one
   */
  @Transactional
  public boolean commence(String reference) {
    Contract contract = lockForUpdate(reference);
    refuseUnlessAwarded(contract);
    // Successor before predecessor, always, so that two commencements cannot deadlock.
    Optional<Contract> replaced =
        Optional.ofNullable(contract.replacesReference()).map(this::lockForUpdate);
    replaced.ifPresent(old -> refuseIfReplacedByAnother(old, reference));

    boolean changed =
        repository.changeStatus(contract.id(), ContractStatus.SIGNED, ContractStatus.ACTIVE);
    if (replaced.isPresent() && replaced.get().replacedByReference() == null) {
      Contract old = replaced.get();
      repository.markReplaced(old.id(), reference, statusOnceReplaced(old));
      changed = true;
    }
    return changed;
  }

  private static void refuseUnlessAwarded(Contract contract) {
    if (contract.procurementReference() == null) {
      throw new IllegalStateException(
          "Contract "
              + contract.reference()
              + " was not awarded by a procurement: it has no commencement to apply");
    }
    if (contract.status() != ContractStatus.SIGNED && contract.status() != ContractStatus.ACTIVE) {
      throw new IllegalStateException(
          "Contract "
              + contract.reference()
              + " is "
              + contract.status()
              + ": only a signed contract can commence");
    }
  }

  private static void refuseIfReplacedByAnother(Contract old, String successor) {
    if (old.replacedByReference() != null && !old.replacedByReference().equals(successor)) {
      throw new IllegalStateException(
          "Contract "
              + successor
              + " cannot replace "
              + old.reference()
              + ": it was already replaced by "
              + old.replacedByReference());
    }
  }

  /** A terminated contract stays terminated: replacing it does not rewrite how it ended. */
  private static ContractStatus statusOnceReplaced(Contract old) {
    return old.status() == ContractStatus.TERMINATED
        ? ContractStatus.TERMINATED
        : ContractStatus.EXPIRED;
  }

  private static FieldProblem duplicateReference(String reference) {
    return new FieldProblem(
        "reference", "a contract with reference " + reference + " already exists");
  }

  /**
   * The user id of the council officer who manages the contract, copied on the provider's missed
   * deadlines; empty when none is recorded (the commissioning officers are told instead).
   */
  @Transactional(readOnly = true)
  public Optional<String> contractOfficer(String reference) {
    return repository.findContractOfficer(reference);
  }

  @Transactional
  public void assignContractOfficer(String reference, String userId) {
    repository.setContractOfficer(reference, userId);
  }

  @Transactional(readOnly = true)
  public Optional<Provider> findProviderById(long id) {
    return repository.findProviderById(id);
  }

  @Transactional(readOnly = true)
  public List<Provider> findAllProviders() {
    return repository.findAllProviders();
  }

  /** Adds a provider, or returns the existing one with that name unchanged. */
  @Transactional
  public Provider createProvider(String name, String contactEmail, String organisationGroup) {
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException("name", "must not be blank");
    }
    if (organisationGroup == null || organisationGroup.isBlank()) {
      throw new InvalidRequestException("organisationGroup", "must not be blank");
    }
    return repository
        .findProviderByName(name)
        .orElseGet(() -> repository.insertProvider(name, contactEmail, organisationGroup));
  }

  /** Records an option used before the register existed, without moving the end date. */
  @Transactional
  void recordEarlierUse(String reference, int optionOrder, String decision, Instant usedAt) {
    Contract contract = lockForUpdate(reference);
    repository.markOptionUsed(contract.id(), optionOrder, decision, usedAt);
  }
}
