package uk.gov.council.commissioning.audits;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.audits.ComplianceAudit.ClauseRisk;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The compliance audits before contract management meetings over REST (seed 001 Part 3.1
 * §3.2-§3.4). Reads are open to every signed-in user and filtered: a provider's user sees its own
 * organisation's audits, and another's is not found. Only the purchasing officers, the lead for
 * contract management and the contracts managers write.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/audits")
@RequiredArgsConstructor
class AuditController {

  static final String OFFICERS =
      "@access.staffIn(authentication, 'commissioning-officers', 'contract-management-leads',"
          + " 'contracts-managers')";

  private final ComplianceAudits audits;
  private final Clock clock;

  record RisksRequest(List<RiskEntry> risks, String summary) {}

  record PlanRequest(String auditDate, String areasToEvidence) {}

  record ClauseRequest(Long providerId, String section, String text) {}

  /** The audits the user may see, the latest meeting first (without their checklists). */
  @GetMapping
  public List<ComplianceAudit> audits(
      @RequestParam(required = false) String meetingId, Authentication user) {
    if (meetingId != null) {
      return audits.forMeeting(number("meetingId", meetingId), Actor.of(user)).stream().toList();
    }
    return audits.list(Actor.of(user));
  }

  @GetMapping("/{id}")
  public ComplianceAudit audit(@PathVariable String id, Authentication user) {
    return visible(id, user);
  }

  /** §3.2: what the system knows of the provider over the last twelve months. */
  @GetMapping("/{id}/desk-top")
  public DeskTopView deskTop(@PathVariable String id, Authentication user) {
    return audits.deskTop(visible(id, user));
  }

  /** The Appendix 3 checklist for a provider: the standard clauses and the provider's own. */
  @GetMapping("/checklist")
  @PreAuthorize("@access.councilStaff(authentication)")
  public List<ClauseRisk> checklist(@RequestParam(required = false) String providerId) {
    if (providerId == null || providerId.isBlank()) {
      throw new InvalidRequestException("providerId", "is required: the provider's number");
    }
    return audits.checklistFor(number("providerId", providerId));
  }

  /** §3.2: a concern added to one provider's checklist. */
  @PostMapping("/checklist/clauses")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(OFFICERS)
  public ClauseRisk addClause(
      @RequestBody(required = false) ClauseRequest body, Authentication user) {
    InvalidRequestException.requireBody(body, "providerId, section and text are required");
    return audits.addClause(body.providerId(), body.section(), body.text(), user.getName());
  }

  /** §3.2: the desk-top risks of clauses (Appendix 2 criteria, or a level with a reason). */
  @PutMapping("/{id}/risks")
  @PreAuthorize(OFFICERS)
  public ComplianceAudit assess(
      @PathVariable String id,
      @RequestBody(required = false) RisksRequest body,
      Authentication user) {
    ComplianceAudit audit = visible(id, user);
    return audits.assess(audit.id(), body == null ? null : body.risks(), user.getName());
  }

  /** §3.3: the audit with the provider: its date and the areas to be evidenced (sent to them). */
  @PostMapping("/{id}/provider-audit")
  @PreAuthorize(OFFICERS)
  public ComplianceAudit plan(
      @PathVariable String id,
      @RequestBody(required = false) PlanRequest body,
      Authentication user) {
    ComplianceAudit audit = visible(id, user);
    return audits.planProviderAudit(
        audit.id(),
        body == null ? null : body.auditDate(),
        body == null ? null : body.areasToEvidence(),
        user.getName());
  }

  /** §3.4: the revised risks after the audit with the provider, and its summary. */
  @PutMapping("/{id}/revised-risks")
  @PreAuthorize(OFFICERS)
  public ComplianceAudit revise(
      @PathVariable String id,
      @RequestBody(required = false) RisksRequest body,
      Authentication user) {
    ComplianceAudit audit = visible(id, user);
    InvalidRequestException.requireBody(body, "risks or summary are required");
    if ((body.risks() == null || body.risks().isEmpty())
        && (body.summary() == null || body.summary().isBlank())) {
      throw new InvalidRequestException("risks", "or summary is required");
    }
    return audits.revise(audit.id(), body.risks(), body.summary(), user.getName());
  }

  /** The month's Medium and High risks and Medium-to-High moves, for the CSG (default: now). */
  @GetMapping("/contracts-update")
  @PreAuthorize("@access.councilStaff(authentication)")
  public ContractsUpdate contractsUpdate(@RequestParam(required = false) String month) {
    return audits.contractsUpdate(month(month, clock));
  }

  static YearMonth month(String text, Clock clock) {
    if (text == null || text.isBlank()) {
      return YearMonth.from(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK));
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeException e) {
      throw new InvalidRequestException("month", "must be a year and month, e.g. 2027-03");
    }
  }

  private ComplianceAudit visible(String id, Authentication user) {
    long number = number("id", id);
    return audits
        .find(number, Actor.of(user))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No audit " + id));
  }

  static long number(String field, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(field, "must be a whole number");
    }
  }
}
