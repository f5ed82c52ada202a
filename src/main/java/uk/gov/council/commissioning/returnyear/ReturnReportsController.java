package uk.gov.council.commissioning.returnyear;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.returns.LateReturns;
import uk.gov.council.commissioning.returns.LateReturns.LateReturn;
import uk.gov.council.commissioning.returnyear.LocalPiExemptions.Exemption;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The quarter's late returns without an extension (seed 001 Part 3.2 §4.1.6) and the local PI
 * agreements (§6.1.1), for council staff: both list several providers' services at once.
 */
@RestController
@PreAuthorize("@access.councilStaff(authentication)")
@RequiredArgsConstructor
class ReturnReportsController {

  private final LateReturns lateReturns;
  private final LocalPiExemptions exemptions;
  private final Clock clock;

  record ExemptionRequest(Object contract, Object year, Object reason, Object coveredBy) {}

  /** {@code ?quarter=2026/27-Q1}; with {@code format=csv} the CSV export. */
  @GetMapping("/api/performance-returns/late")
  public ResponseEntity<?> late(
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String format) {
    ReportingQuarter q =
        ReportingQuarter.parse(quarter)
            .orElseThrow(
                () -> new InvalidRequestException("quarter", "a quarter such as 2026/27-Q1"));
    List<LateReturn> found =
        lateReturns.of(q, LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK));
    if ("csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              "attachment; filename=\"late-returns-" + q.label().replace('/', '-') + ".csv\"")
          .body(LateReturns.csv(found));
    }
    if (format != null && !format.isBlank() && !"json".equalsIgnoreCase(format)) {
      throw new InvalidRequestException("format", "must be csv or json");
    }
    return ResponseEntity.ok(found);
  }

  @GetMapping("/api/local-pi-exemptions")
  public List<Exemption> exemptions(@RequestParam(required = false) String year) {
    return exemptions.forYear(year(year).startYear());
  }

  /** §6.1.1: agreed with the contracts manager. */
  @PostMapping("/api/local-pi-exemptions")
  @PreAuthorize("@access.staffIn(authentication, 'contracts-managers')")
  @ResponseStatus(HttpStatus.CREATED)
  public Exemption grant(
      @RequestBody(required = false) ExemptionRequest body, Authentication user) {
    InvalidRequestException.requireBody(body, "contract, year and reason are required");
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (!(body.contract() instanceof String contract) || contract.isBlank()) {
      problems.add(new FieldProblem("contract", "the contract reference is required"));
    }
    ReportingYear y =
        body.year() == null ? null : ReportingYear.parse(body.year().toString()).orElse(null);
    if (y == null) {
      problems.add(
          new FieldProblem("year", "a reporting year such as 2026/27 or 2026 is required"));
    }
    if (body.reason() != null && !(body.reason() instanceof String)) {
      problems.add(new FieldProblem("reason", "must be a text"));
    }
    if (body.coveredBy() != null && (!(body.coveredBy() instanceof String c) || c.isBlank())) {
      problems.add(new FieldProblem("coveredBy", "must be a contract reference"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return exemptions.grant(
        ((String) body.contract()).strip(),
        y.startYear(),
        body.coveredBy() == null ? null : ((String) body.coveredBy()).strip(),
        (String) body.reason(),
        user.getName());
  }

  private static ReportingYear year(String text) {
    return ReportingYear.parse(text)
        .orElseThrow(() -> new InvalidRequestException("year", "a reporting year such as 2026/27"));
  }
}
