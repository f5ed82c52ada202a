package uk.gov.council.commissioning.returnyear;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.reports.ReportPage;
import uk.gov.council.commissioning.returns.LateReturns;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The page beside the reports for council staff (seed 001 Part 3.2 §4.1.6, §6.1.1): a quarter's
 * late returns without an extension, with the CSV export, and the year's local PI agreements, which
 * a contracts manager records from the same page.
 */
@Controller
@PreAuthorize("@access.councilStaff(authentication)")
@RequestMapping("/reports")
@RequiredArgsConstructor
class PerformanceReturnPages {

  private final LateReturns lateReturns;
  private final LocalPiExemptions exemptions;
  private final ReportPage reportPage;
  private final Clock clock;

  @ModelAttribute
  void everyPage(Authentication user, Model model, HttpServletResponse response) {
    reportPage.prepare(user, model, response);
  }

  @GetMapping("/performance-returns")
  public String page(
      @RequestParam(required = false) String quarter, Authentication user, Model model) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
    ReportingQuarter shown =
        ReportingQuarter.parse(quarter).orElse(ReportingQuarter.containing(today).previous());
    model.addAttribute("page", "performance-returns");
    model.addAttribute("quarter", shown.label());
    model.addAttribute("year", shown.year().label());
    model.addAttribute("late", lateReturns.of(shown, today));
    model.addAttribute("exemptions", exemptions.forYear(shown.year().startYear()));
    model.addAttribute("mayGrant", CouncilUser.isInAny(user, List.of(Roles.CONTRACTS_MANAGERS)));
    return "reports/performance-returns";
  }

  /** §6.1.1: a contracts manager's agreement, from the page's form. */
  @PostMapping("/performance-returns/local-pi-exemptions")
  @PreAuthorize("@access.staffIn(authentication, 'contracts-managers')")
  public String grant(
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String contract,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String coveredBy,
      Authentication user,
      Model model) {
    ReportingQuarter q =
        ReportingQuarter.parse(quarter)
            .orElseThrow(
                () -> new InvalidRequestException("quarter", "a quarter such as 2026/27-Q1"));
    try {
      exemptions.grant(
          contract == null ? "" : contract.strip(),
          q.year().startYear(),
          coveredBy == null || coveredBy.isBlank() ? null : coveredBy.strip(),
          reason,
          user.getName());
    } catch (InvalidRequestException refused) {
      model.addAttribute("problems", refused.getErrors());
      model.addAttribute("contract", contract);
      model.addAttribute("reason", reason);
      model.addAttribute("coveredBy", coveredBy);
      return page(q.label(), user, model);
    }
    return "redirect:/reports/performance-returns?quarter=" + q.label();
  }

  @ExceptionHandler(AccessDeniedException.class)
  String refused(Authentication user, Model model, HttpServletResponse response) {
    return reportPage.refused(
        user,
        model,
        response,
        "Performance returns",
        "Late returns and local PI agreements are for council staff; contracts managers record agreements.");
  }
}
