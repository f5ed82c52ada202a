package uk.gov.council.commissioning.returns;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.cases.DuplicateCaseException;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.web.InvalidRequestException;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * Quarterly performance returns over REST (seed 001 Part 3.2 §4). Officers start a quarter's case;
 * the provider sends its return (JSON or a CSV upload), asks for an extension and explains KPIs
 * below their trigger; everyone who sees the cases reads them. A provider's user sees and works
 * only its own organisation's returns: another's answers 404.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/performance-returns")
@RequiredArgsConstructor
class PerformanceReturnController {

  static final String WORKS_RETURNS = "@access.staffOrProvider(authentication)";
  static final String SEES_RETURNS = "@access.seesCases(authentication, 'performance-return')";

  private final PerformanceReturns returns;

  record StartRequest(String contractReference, Integer year, Integer quarter, LocalDate dueDate) {}

  record ValueRequest(String catalogue, String kpi, BigDecimal value, String explanation) {}

  record SubmissionRequest(
      Integer unitNumbers,
      String unitNumbersExplanation,
      String comments,
      List<ValueRequest> values) {}

  record ExtensionRequest(String reason, LocalDate requestedDate) {}

  record ExplanationsRequest(List<PerformanceReturns.Explanation> explanations) {}

  record ValueView(
      String catalogue, String kpi, BigDecimal value, boolean belowTrigger, String explanation) {}

  record ExtensionView(
      String requestedBy,
      Instant requestedAt,
      String reason,
      LocalDate requestedDate,
      String decision,
      LocalDate agreedDate) {}

  /**
   * A return as the user sees it; the council's own notes (office comments, mitigation, the
   * contracts manager's action) are not shown to the provider.
   */
  record ReturnView(
      String caseReference,
      String contractReference,
      String contractTitle,
      String providerName,
      String reportingYear,
      int quarter,
      LocalDate dueDate,
      LocalDate extendedTo,
      String status,
      Instant receivedAt,
      boolean late,
      Integer unitNumbers,
      Integer contractPageUnitNumbers,
      String unitNumbersExplanation,
      String comments,
      String missingItems,
      String outcome,
      String managerDecision,
      String managerAction,
      String officeComments,
      String mitigation,
      String checkedBy,
      Instant acceptedAt,
      List<ValueView> values,
      List<ReturnPreCheck.Breach> breaches,
      List<ExtensionView> extensions) {}

  @PostMapping
  @PreAuthorize("@access.mayStart(authentication, 'performance-return')")
  public ResponseEntity<ReturnView> start(
      @RequestBody(required = false) StartRequest request, Authentication user) {
    InvalidRequestException.requireBody(
        request, "contractReference, year and quarter are required");
    PerformanceReturn r =
        returns.start(
            request.contractReference(),
            request.year(),
            request.quarter(),
            request.dueDate(),
            user.getName(),
            CouncilUser.groups(user));
    return ResponseEntity.created(URI.create("/api/performance-returns/" + r.caseReference()))
        .body(view(r, false));
  }

  /** The returns a page at a time, latest quarter first; a provider's user its own only. */
  @GetMapping
  @PreAuthorize(SEES_RETURNS)
  public ResponseEntity<List<ReturnView>> list(
      @RequestParam(name = "contract", required = false) String contract,
      @RequestParam(name = "year", required = false) String year,
      PageQuery query,
      Authentication user) {
    Actor viewer = Actor.of(user);
    Integer startYear = null;
    if (year != null && !year.isBlank()) {
      startYear =
          uk.gov.council.commissioning.kpis.ReportingYear.parse(year)
              .map(y -> y.startYear())
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "year", "must be a reporting year: 2026 or 2026/27"));
    }
    String reference = contract == null || contract.isBlank() ? null : contract.strip();
    return returns
        .page(reference, startYear, viewer, query)
        .map(r -> view(r, viewer.provider()))
        .toResponse();
  }

  @GetMapping("/{caseReference}")
  @PreAuthorize(SEES_RETURNS)
  public ReturnView get(@PathVariable String caseReference, Authentication user) {
    Actor viewer = Actor.of(user);
    return returns
        .find(normalised(caseReference), viewer)
        .map(r -> view(r, viewer.provider()))
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No performance return " + caseReference));
  }

  /** The quarter's return as JSON. */
  @PostMapping(value = "/{caseReference}/submission", consumes = "application/json")
  @PreAuthorize(WORKS_RETURNS)
  public ResponseEntity<ReturnView> submit(
      @PathVariable String caseReference,
      @RequestBody(required = false) SubmissionRequest request,
      Authentication user) {
    InvalidRequestException.requireBody(request, "the return is required");
    Submission submission =
        new Submission(
            request.unitNumbers(),
            request.unitNumbersExplanation(),
            request.comments(),
            request.values() == null
                ? List.of()
                : request.values().stream()
                    .map(
                        v ->
                            v == null
                                ? null
                                : new Submission.Value(
                                    v.catalogue(), v.kpi(), v.value(), v.explanation()))
                    .toList());
    return submitted(caseReference, submission, user);
  }

  /**
   * The quarter's values as a CSV upload (header {@code catalogue,kpi,value,explanation}); unit
   * numbers, their explanation and comments as query parameters.
   */
  @PostMapping(value = "/{caseReference}/submission", consumes = "text/csv")
  @PreAuthorize(WORKS_RETURNS)
  public ResponseEntity<ReturnView> submitCsv(
      @PathVariable String caseReference,
      @RequestParam(required = false) String unitNumbers,
      @RequestParam(required = false) String unitNumbersExplanation,
      @RequestParam(required = false) String comments,
      // Required, so that an empty body is not matched by both this and the JSON submission.
      @RequestBody String csv,
      Authentication user) {
    Integer units = null;
    if (unitNumbers != null && !unitNumbers.isBlank()) {
      try {
        units = Integer.valueOf(unitNumbers.strip());
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("unitNumbers", "must be a whole number");
      }
    }
    Submission submission =
        new Submission(units, unitNumbersExplanation, comments, ReturnCsv.values(csv));
    return submitted(caseReference, submission, user);
  }

  private ResponseEntity<ReturnView> submitted(
      String caseReference, Submission submission, Authentication user) {
    PerformanceReturns.Submitted result =
        returns.submit(normalised(caseReference), submission, user);
    return ResponseEntity.status(result.changed() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(view(result.performanceReturn(), Actor.of(user).provider()));
  }

  @PostMapping("/{caseReference}/extension-request")
  @PreAuthorize(WORKS_RETURNS)
  public ResponseEntity<ReturnView> requestExtension(
      @PathVariable String caseReference,
      @RequestBody(required = false) ExtensionRequest request,
      Authentication user) {
    InvalidRequestException.requireBody(request, "reason and requestedDate are required");
    returns.requestExtension(
        normalised(caseReference), request.reason(), request.requestedDate(), user);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(get(caseReference, user));
  }

  @PostMapping("/{caseReference}/explanations")
  @PreAuthorize(WORKS_RETURNS)
  public ResponseEntity<ReturnView> explain(
      @PathVariable String caseReference,
      @RequestBody(required = false) ExplanationsRequest request,
      Authentication user) {
    InvalidRequestException.requireBody(request, "explanations are required");
    PerformanceReturn r = returns.explain(normalised(caseReference), request.explanations(), user);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(r, Actor.of(user).provider()));
  }

  @ExceptionHandler(DuplicateCaseException.class)
  public ResponseEntity<ProblemDetail> duplicate(DuplicateCaseException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.fieldProblems().get(0).message());
    problem.setTitle("Return already started");
    problem.setProperty("existing", e.existing());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  private static String normalised(String caseReference) {
    return caseReference.strip().toUpperCase(Locale.ROOT);
  }

  private ReturnView view(PerformanceReturn r, boolean forProvider) {
    return new ReturnView(
        r.caseReference(),
        r.contractReference(),
        r.contractTitle(),
        r.providerName(),
        r.reportingQuarter().year().label(),
        r.quarter(),
        r.dueDate(),
        r.extendedTo(),
        r.status(),
        r.receivedAt(),
        r.late(),
        r.unitNumbers(),
        r.pageUnitNumbers(),
        r.unitNumbersExplanation(),
        r.providerComments(),
        r.missingItems(),
        r.outcome(),
        r.managerDecision(),
        forProvider ? null : r.managerAction(),
        forProvider ? null : r.officeComments(),
        forProvider ? null : r.mitigation(),
        forProvider ? null : r.checkedBy(),
        r.acceptedAt(),
        returns.values(r).stream()
            .map(
                v ->
                    new ValueView(
                        v.catalogue(),
                        v.kpi(),
                        v.value().stripTrailingZeros(),
                        v.belowTrigger(),
                        v.explanation()))
            .toList(),
        returns.breaches(r),
        returns.extensions(r).stream()
            .map(
                e ->
                    new ExtensionView(
                        e.requestedBy(),
                        e.requestedAt(),
                        e.reason(),
                        e.requestedDate(),
                        e.decision(),
                        e.agreedDate()))
            .toList());
  }
}
