package uk.gov.council.commissioning.qaf;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.InvalidRequestException;
import uk.gov.council.commissioning.web.PageQuery;

/** Requests QAFs, shows them with grades, dates and breaches, and keeps the meeting schedule. */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/qafs")
@RequiredArgsConstructor
class QafController {

  public record QafRequest(
      String contractReference, LocalDate meetingDate, String variant, String reviewingOfficer) {}

  public record MeetingRequest(String contractReference, LocalDate date) {}

  public record GradeView(
      String objective,
      String title,
      String providerGrade,
      String officerGrade,
      String finalGrade,
      String explanation) {}

  public record QafView(
      String number,
      String contractReference,
      String contractTitle,
      String providerName,
      String financialYear,
      String variant,
      LocalDate meetingDate,
      String reviewingOfficer,
      Instant issueAt,
      Instant issuedAt,
      Instant returnDueAt,
      Instant returnedAt,
      int timesSentBack,
      Boolean validationVisit,
      String validationReasons,
      LocalDate visitDate,
      Instant gradesSentAt,
      Instant gradesAgreedAt,
      String agreement,
      String status,
      List<GradeView> grades,
      List<DeadlineBreach> breaches) {}

  private final QafCaseService cases;
  private final QafRepository repository;
  private final DeadlineBreaches breaches;

  @PostMapping
  @PreAuthorize("@access.mayStart(authentication, 'qaf-assessment')")
  public ResponseEntity<QafView> start(
      @RequestBody(required = false) QafRequest request, Authentication user) {
    InvalidRequestException.requireBody(request, "a QAF request is required");
    Map<String, Object> variables = new HashMap<>();
    variables.put("contractReference", request.contractReference());
    variables.put(
        "meetingDate", request.meetingDate() == null ? null : request.meetingDate().toString());
    variables.put("variant", request.variant());
    variables.put("reviewingOfficer", request.reviewingOfficer());
    QafAssessment q = cases.start(variables, user.getName(), CouncilUser.groups(user));
    return ResponseEntity.created(URI.create("/api/qafs/" + q.number())).body(view(q, false));
  }

  /**
   * The QAFs, the latest meeting first, a page at a time. Open to every signed-in user (the class's
   * rule): a provider's user gets only its own organisations' QAFs ({@code ProviderScope}), each as
   * {@link #get} shows it to them.
   */
  @GetMapping
  public ResponseEntity<List<QafView>> list(PageQuery query, Authentication user) {
    Actor viewer = Actor.of(user);
    return ProviderScope.scoped(
            viewer,
            groups -> repository.pageOfProviderGroups(groups, query),
            () -> repository.page(query))
        .map(q -> view(q, viewer.provider()))
        .toResponse();
  }

  /**
   * Open to every signed-in user (the class's rule): a provider's user gets only its own
   * organisations' QAFs ({@code ProviderScope}); another's answers 404.
   */
  @GetMapping("/{number}")
  public QafView get(@PathVariable String number, Authentication user) {
    Actor viewer = Actor.of(user);
    return cases
        .find(number.trim().toUpperCase(Locale.ROOT), viewer)
        .map(q -> view(q, viewer.provider()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No QAF " + number));
  }

  /** Council staff record a contract's contract management meetings (seed 001 Part 3.1). */
  @PostMapping("/meetings")
  @PreAuthorize("@access.staffIn(authentication, 'commissioning-officers', 'contracts-managers')")
  public ResponseEntity<Map<String, Object>> scheduleMeeting(
      @RequestBody(required = false) MeetingRequest request) {
    if (request == null
        || request.contractReference() == null
        || request.contractReference().isBlank()) {
      throw new InvalidRequestException("contractReference", "is required");
    }
    boolean added = cases.scheduleMeeting(request.contractReference().trim(), request.date());
    return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
        .body(
            Map.of(
                "contractReference",
                request.contractReference().trim(),
                "meetings",
                cases.meetings(request.contractReference().trim())));
  }

  @GetMapping("/meetings")
  @PreAuthorize("@access.councilStaff(authentication)")
  public List<LocalDate> meetings(@RequestParam("contract") String contractReference) {
    return cases.meetings(contractReference.trim());
  }

  @ExceptionHandler(QafDuplicateException.class)
  public ResponseEntity<ProblemDetail> duplicate(QafDuplicateException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.problems().get(0));
    problem.setTitle("QAF already requested");
    problem.setProperty("existing", e.existing());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  /**
   * A provider sees the council's grades and explanations only once they were sent to it (seed 001
   * 3.3 §3.4), and never why a visit was chosen (the Review Form is internal, 3.3 Appendix 2).
   */
  private QafView view(QafAssessment q, boolean forProvider) {
    boolean councilGradesHidden = forProvider && q.gradesSentAt() == null;
    List<GradeView> grades =
        repository.grades(q.id()).stream()
            .map(
                g ->
                    new GradeView(
                        g.objective(),
                        QafObjective.byCode(g.objective()).map(QafObjective::title).orElse(""),
                        g.providerGrade(),
                        councilGradesHidden ? null : g.officerGrade(),
                        g.finalGrade(),
                        councilGradesHidden ? null : g.explanation()))
            .toList();
    return new QafView(
        q.number(),
        q.contractReference(),
        q.contractTitle(),
        q.providerName(),
        q.financialYear() + "/" + String.format("%02d", (q.financialYear() + 1) % 100),
        q.variant(),
        q.meetingDate(),
        q.reviewingOfficer(),
        q.issueAt(),
        q.issuedAt(),
        q.returnDueAt(),
        q.returnedAt(),
        q.timesSentBack(),
        q.validationVisit(),
        forProvider ? null : q.validationReasons(),
        q.visitDate(),
        q.gradesSentAt(),
        q.gradesAgreedAt(),
        q.agreement(),
        q.status(),
        grades,
        breaches.ofCase(QafAssessment.CASE_TYPE, q.number()));
  }
}
