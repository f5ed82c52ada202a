package uk.gov.council.commissioning.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.kpis.Kpi;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * Quarterly performance returns (seed 001 Part 3.2 §4): started by an officer or the annual
 * process, sent by the provider (or entered by an officer from a paper return, §4.1.1), and read. A
 * request refused changes nothing; the provider's own organisation only, another's return is not
 * found.
 */
@Service
@RequiredArgsConstructor
public class PerformanceReturns {

  /** The council teams that work returns: the purchasing officers and the contracts managers. */
  static final List<String> COUNCIL_TEAMS =
      List.of(Roles.COMMISSIONING_OFFICERS, Roles.CONTRACTS_MANAGERS);

  private final ReturnRegister register;
  private final ReturnCatalogues catalogues;
  private final PerformanceReturnSteps steps;
  private final CaseStarts caseStarts;
  private final RuntimeService runtimeService;
  private final Deadlines deadlines;
  private final Clock clock;

  /** What a provider may write about its return: the explanation of one KPI below trigger. */
  public record Explanation(String catalogue, String kpi, String explanation) {}

  /** The answer to a submission: the return, and whether this request changed it. */
  public record Submitted(PerformanceReturn performanceReturn, boolean changed) {}

  /**
   * Starts a quarter's case as the officer; the due date, when null, is the configured time after
   * the quarter ends.
   *
   * @throws InvalidRequestException naming each field at fault
   * @throws uk.gov.council.commissioning.cases.DuplicateCaseException when the contract has its
   *     return for the quarter already
   */
  @Transactional
  public PerformanceReturn start(
      String contractReference,
      Integer year,
      Integer quarter,
      LocalDate dueDate,
      String userId,
      List<String> groups) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(PerformanceReturnSteps.CONTRACT_REFERENCE, contractReference);
    variables.put(PerformanceReturnSteps.YEAR, year);
    variables.put(PerformanceReturnSteps.QUARTER, quarter);
    if (dueDate != null) {
      variables.put(
          PerformanceReturnSteps.DUE_DATE, Date.from(deadlines.endOf(dueDate).minusSeconds(1)));
    }
    String key =
        contractReference == null || year == null || quarter == null
            ? null
            : PerformanceReturnSteps.businessKey(contractReference.strip(), year, quarter);
    var instance =
        caseStarts.start(
            PerformanceReturnSteps.PROCESS_KEY,
            key,
            variables,
            userId,
            groups,
            (request, starter) -> steps.checkStart(variables));
    return register
        .find(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getBusinessKey())
        .orElseThrow();
  }

  /** The return, if the user may see it (a provider's user: its own organisations' only). */
  public Optional<PerformanceReturn> find(String caseReference, Actor user) {
    return ProviderScope.find(user, register.find(caseReference), PerformanceReturn::providerGroup);
  }

  public List<PerformanceReturn.Value> values(PerformanceReturn r) {
    return register.values(r.id());
  }

  public List<PerformanceReturn.Extension> extensions(PerformanceReturn r) {
    return register.extensions(r.id());
  }

  /** The breaches of a received return as the pre-check finds them. */
  public List<ReturnPreCheck.Breach> breaches(PerformanceReturn r) {
    return r.receivedAt() == null ? List.of() : steps.preCheckOf(r).breaches();
  }

  public PageOf<PerformanceReturn> page(
      String contractReference, Integer year, Actor user, PageQuery query) {
    return ProviderScope.scoped(
        user,
        groups -> register.page(contractReference, year, groups, query),
        () -> register.page(contractReference, year, null, query));
  }

  /**
   * The provider's return for the quarter. The same return sent again is answered as before and
   * changes nothing.
   */
  @Transactional
  public Submitted submit(String caseReference, Submission submission, Authentication user) {
    PerformanceReturn r = mayWork(caseReference, user);
    if (!r.reportingQuarter().endedBy(today())) {
      throw new InvalidRequestException(
          "quarter",
          r.reportingQuarter().label()
              + " has not ended yet: it ends "
              + r.reportingQuarter().lastDay());
    }
    if (PerformanceReturn.ACCEPTED.equals(r.status())) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "The return " + caseReference + " is accepted already");
    }
    if (!PerformanceReturn.AWAITED.equals(r.status())
        && submission.digest().equals(r.submissionDigest())) {
      return new Submitted(r, false);
    }
    if (!r.awaitingSubmission()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "The return " + caseReference + " is being checked (" + r.status() + ")");
    }
    List<KpiCatalogue> contractCatalogues = catalogues.of(r.contractReference(), r.reportingYear());
    List<FieldProblem> problems = SubmissionRules.problems(contractCatalogues, submission);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    List<ReturnRegister.StoredValue> stored = new ArrayList<>();
    for (Submission.Value v : submission.values()) {
      if (v.value() == null) {
        continue;
      }
      KpiCatalogue catalogue =
          contractCatalogues.stream()
              .filter(c -> c.code().equals(v.catalogue()))
              .findFirst()
              .orElseThrow();
      Kpi kpi = catalogue.kpi(v.kpi()).orElseThrow();
      stored.add(
          new ReturnRegister.StoredValue(
              catalogue.id(), kpi.code(), v.value(), kpi.breachedBy(v.value()), v.explanation()));
    }
    Instant now = clock.instant();
    boolean late = now.isAfter(deadlines.endOf(r.deadline()));
    register.recordSubmission(r.id(), submission, stored, user.getName(), now, late);
    correlate(r, PerformanceReturnSteps.MESSAGE_SUBMITTED);
    return new Submitted(register.find(caseReference).orElseThrow(), true);
  }

  /** §4.1.6: the provider asks for more time before its return is in. */
  @Transactional
  public PerformanceReturn.Extension requestExtension(
      String caseReference, String reason, LocalDate requestedDate, Authentication user) {
    PerformanceReturn r = mayWork(caseReference, user);
    List<FieldProblem> problems = new ArrayList<>();
    if (reason == null || reason.isBlank()) {
      problems.add(new FieldProblem("reason", "is required"));
    } else if (reason.strip().length() > SubmissionRules.MAX_TEXT) {
      problems.add(
          new FieldProblem("reason", "at most " + SubmissionRules.MAX_TEXT + " characters"));
    }
    if (requestedDate == null) {
      problems.add(new FieldProblem("requestedDate", "is required"));
    } else if (!requestedDate.isAfter(r.deadline())) {
      problems.add(
          new FieldProblem(
              "requestedDate", "must be after the deadline in force, " + r.deadline()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (!PerformanceReturn.AWAITED.equals(r.status())) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "The return " + caseReference + " is already in (" + r.status() + ")");
    }
    if (register.pendingExtension(r.id()).isPresent()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "An extension for " + caseReference + " is being decided already");
    }
    register.requestExtension(
        r.id(), user.getName(), clock.instant(), reason.strip(), requestedDate);
    correlate(r, PerformanceReturnSteps.MESSAGE_EXTENSION);
    return register.pendingExtension(r.id()).orElseThrow();
  }

  /** §4.1.3: the provider explains each KPI below its trigger the council asked about. */
  @Transactional
  public PerformanceReturn explain(
      String caseReference, List<Explanation> explanations, Authentication user) {
    PerformanceReturn r = mayWork(caseReference, user);
    if (!PerformanceReturn.EXPLANATION_REQUESTED.equals(r.status())) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "No explanation is asked for in " + caseReference + " (" + r.status() + ")");
    }
    List<PerformanceReturn.Value> values = register.values(r.id());
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, String> given = new HashMap<>();
    List<Explanation> list = explanations == null ? List.of() : explanations;
    for (int i = 0; i < list.size(); i++) {
      Explanation e = list.get(i);
      String at = "explanations[" + i + "]";
      if (e == null || e.catalogue() == null || e.kpi() == null) {
        problems.add(new FieldProblem(at + ".kpi", "catalogue and kpi are required"));
        continue;
      }
      Optional<PerformanceReturn.Value> value =
          values.stream()
              .filter(
                  v ->
                      v.catalogue().equals(e.catalogue().strip())
                          && v.kpi().equals(e.kpi().strip()))
              .findFirst();
      if (value.isEmpty() || !value.get().belowTrigger()) {
        problems.add(
            new FieldProblem(at + ".kpi", e.kpi() + " is not below its trigger in this return"));
        continue;
      }
      String text = Submission.blankToNull(e.explanation());
      if (text == null) {
        problems.add(new FieldProblem(at + ".explanation", "is required"));
      } else if (text.length() > SubmissionRules.MAX_TEXT) {
        problems.add(
            new FieldProblem(
                at + ".explanation", "at most " + SubmissionRules.MAX_TEXT + " characters"));
      } else {
        given.put(value.get().catalogue() + "/" + value.get().kpi(), text);
      }
    }
    for (PerformanceReturn.Value v : values) {
      if (v.belowTrigger()
          && v.explanation() == null
          && !given.containsKey(v.catalogue() + "/" + v.kpi())) {
        problems.add(
            new FieldProblem(
                "explanations", v.catalogue() + " " + v.kpi() + " still needs an explanation"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    for (PerformanceReturn.Value v : values) {
      String text = given.get(v.catalogue() + "/" + v.kpi());
      if (text != null) {
        register.recordExplanation(r.id(), v.catalogueId(), v.kpi(), text);
      }
    }
    correlate(r, PerformanceReturnSteps.MESSAGE_EXPLANATIONS);
    return register.find(caseReference).orElseThrow();
  }

  /**
   * The return, for a user who may work it: its provider's users, or the council's purchasing
   * officers and contracts managers (a paper return entered for the provider, §4.1.1).
   */
  private PerformanceReturn mayWork(String caseReference, Authentication user) {
    Actor actor = Actor.of(user);
    PerformanceReturn r =
        find(caseReference, actor)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No performance return " + caseReference));
    if (!actor.provider() && !CouncilUser.isInAny(user, withAdmin())) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Only the provider, purchasing officers and contracts managers may do this");
    }
    return r;
  }

  private static List<String> withAdmin() {
    List<String> teams = new ArrayList<>(COUNCIL_TEAMS);
    teams.add(Roles.ADMIN);
    return teams;
  }

  private void correlate(PerformanceReturn r, String message) {
    try {
      runtimeService
          .createMessageCorrelation(message)
          .processInstanceId(r.processInstanceId())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "The case " + r.caseReference() + " is not waiting for this now");
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }
}
