package uk.gov.council.commissioning.audits;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.audits.ComplianceAudit.ClauseRisk;
import uk.gov.council.commissioning.meetings.MeetingMonitoring;
import uk.gov.council.commissioning.reports.ReportPage;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The audit's page (seed 001 Part 3.1 §3.2-§3.4): what the system knows of the provider, the
 * checklist with each clause's risk, and for the officers the forms for the desk-top risks and,
 * after the audit with the provider, the revised risks and the summary; and the month's Contracts
 * Update for the Core Strategy Group. A provider's users see their own organisation's audits only.
 */
@Controller
@PreAuthorize("isAuthenticated()")
@RequestMapping("/audits")
@RequiredArgsConstructor
class AuditPages {

  private static final Pattern ENTRY_FIELD = Pattern.compile("risks\\[(\\d+)]\\.(\\w+)");

  private final ComplianceAudits audits;
  private final ReportPage reportPage;
  private final Clock clock;

  @ModelAttribute
  void everyPage(Authentication user, Model model, HttpServletResponse response) {
    reportPage.prepare(user, model, response);
    model.addAttribute("page", "audits");
  }

  @GetMapping("/{id}")
  public String audit(@PathVariable String id, Authentication user, Model model) {
    return show(visible(id, user), user, model, List.of());
  }

  /** §3.2: the desk-top risks from the page's form. */
  @PostMapping("/{id}/risks")
  @PreAuthorize(AuditController.OFFICERS)
  public String assess(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> form,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    ComplianceAudit audit = visible(id, user);
    List<RiskEntry> entries = new ArrayList<>();
    for (ClauseRisk clause : audit.checklist()) {
      String key = String.valueOf(clause.clauseId());
      String comments = form.getFirst("comments-" + key);
      List<String> criteria = form.getOrDefault("criteria-" + key, List.of());
      String level = form.getFirst("level-" + key);
      String reason = form.getFirst("reason-" + key);
      if (blank(comments) && criteria.isEmpty() && blank(level)) {
        continue;
      }
      entries.add(new RiskEntry(clause.clauseId(), comments, criteria, level, reason));
    }
    return saved(
        audit,
        entries,
        () -> audits.assess(audit.id(), entries, user.getName()),
        user,
        model,
        response);
  }

  /** §3.4: the revised risks and the summary from the page's form. */
  @PostMapping("/{id}/revised")
  @PreAuthorize(AuditController.OFFICERS)
  public String revise(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> form,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    ComplianceAudit audit = visible(id, user);
    List<RiskEntry> entries = new ArrayList<>();
    for (ClauseRisk clause : audit.checklist()) {
      if (clause.riskLevel() == null) {
        continue;
      }
      String key = String.valueOf(clause.clauseId());
      String evidence = form.getFirst("evidence-" + key);
      String level = form.getFirst("revised-" + key);
      if (blank(evidence) && blank(level)) {
        continue;
      }
      entries.add(
          new RiskEntry(
              clause.clauseId(), evidence, List.of(), level, form.getFirst("reason-" + key)));
    }
    String summary = form.getFirst("summary");
    return saved(
        audit,
        entries,
        () -> {
          if (entries.isEmpty() && blank(summary)) {
            throw new InvalidRequestException("summary", "is required, or a clause's revised risk");
          }
          audits.revise(audit.id(), entries, summary, user.getName());
        },
        user,
        model,
        response);
  }

  /** Saves and goes back to the audit; a refusal shows the page again with its problems. */
  private String saved(
      ComplianceAudit audit,
      List<RiskEntry> entries,
      Runnable save,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    try {
      save.run();
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(audit, user, model, problems(e, entries, audit));
    }
    return "redirect:/audits/" + audit.id();
  }

  @GetMapping("/contracts-update")
  @PreAuthorize("@access.councilStaff(authentication)")
  public String contractsUpdate(
      @RequestParam(required = false) String month, Model model, HttpServletResponse response) {
    model.addAttribute("page", "contracts-update");
    YearMonth shown;
    try {
      shown = AuditController.month(month, clock);
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("monthProblem", "Enter a month as a year and month, for example 2027-03");
      model.addAttribute("monthEntered", month);
      return "audits/contracts-update";
    }
    model.addAttribute("update", audits.contractsUpdate(shown));
    model.addAttribute("monthName", MeetingMonitoring.MONTH.format(shown));
    model.addAttribute("previousMonth", shown.minusMonths(1).toString());
    model.addAttribute("nextMonth", shown.plusMonths(1).toString());
    return "audits/contracts-update";
  }

  @ExceptionHandler(AccessDeniedException.class)
  public String refused(Authentication user, Model model, HttpServletResponse response) {
    everyPage(user, model, response);
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("refusedTitle", "You cannot do this");
    model.addAttribute(
        "refusedReason",
        "Only purchasing officers and contracts managers record audits, and only council staff see"
            + " the Contracts Update.");
    return "reports/refused";
  }

  private String show(
      ComplianceAudit audit, Authentication user, Model model, List<String> problems) {
    boolean staff = !Actor.of(user).provider();
    boolean officer =
        staff
            && CouncilUser.isInAny(
                user,
                List.of(
                    Roles.COMMISSIONING_OFFICERS,
                    Roles.CONTRACT_MANAGEMENT_LEADS,
                    Roles.CONTRACTS_MANAGERS,
                    Roles.ADMIN));
    model.addAttribute("audit", audit);
    model.addAttribute("deskTop", audits.deskTop(audit));
    model.addAttribute("criteria", RiskCriterion.values());
    model.addAttribute("levels", RiskLevel.values());
    model.addAttribute("problems", problems);
    model.addAttribute("deskTopForm", officer && ComplianceAudit.DESK_TOP.equals(audit.status()));
    model.addAttribute(
        "revisedForm", officer && ComplianceAudit.PROVIDER_AUDIT.equals(audit.status()));
    return "audits/audit";
  }

  /** The refusal's problems as sentences naming the clause. */
  private static List<String> problems(
      InvalidRequestException e, List<RiskEntry> entries, ComplianceAudit audit) {
    List<String> out = new ArrayList<>();
    for (FieldProblem problem : e.getErrors()) {
      String field = problem.field();
      String where = field;
      Matcher m = ENTRY_FIELD.matcher(field);
      if (m.matches() && Integer.parseInt(m.group(1)) < entries.size()) {
        long clauseId = entries.get(Integer.parseInt(m.group(1))).clauseId();
        String clause =
            audit.checklist().stream()
                .filter(c -> c.clauseId() == clauseId)
                .map(ClauseRisk::clause)
                .findFirst()
                .orElse("clause " + clauseId);
        where = "“" + clause + "”: " + label(m.group(2));
      }
      out.add(where + " " + problem.message());
    }
    return out;
  }

  private static String label(String field) {
    return switch (field) {
      case "riskLevel" -> "the level of risk";
      case "reason" -> "the reason";
      case "criteria" -> "the criteria";
      case "comments" -> "the comments";
      default -> field;
    };
  }

  private ComplianceAudit visible(String id, Authentication user) {
    long number;
    try {
      number = Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No audit " + id);
    }
    return audits
        .find(number, Actor.of(user))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No audit " + id));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
