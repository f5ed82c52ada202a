package uk.gov.council.commissioning.meetingviews;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.meetingviews.MeetingViews.ProviderHistory;
import uk.gov.council.commissioning.reports.ReportPage;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The meeting views as pages beside the reports: the year's schedule under month headings with
 * links filtering by officer and priority, a provider's meeting history, and the overdue list. A
 * provider's user sees only its own organisation's; input that cannot be read is a page saying what
 * to enter (400).
 */
@Controller
@PreAuthorize("@access.staffOrProvider(authentication)")
@RequestMapping("/reports")
@RequiredArgsConstructor
class MeetingViewPages {

  static final String YEAR_PROBLEM = "Enter a year, for example 2027";
  static final String MONTH_PROBLEM =
      "Enter a month of the year as a year and month, for example 2027-03";
  static final String PROVIDER_PROBLEM = "Choose a provider from the list";

  private final MeetingViews views;
  private final ReportPage reportPage;
  private final Clock clock;

  @ModelAttribute
  void everyPage(Authentication user, Model model, HttpServletResponse response) {
    reportPage.prepare(user, model, response);
    model.addAttribute("staff", !CouncilUser.isProvider(user));
  }

  /** §1: the schedule for the year, by month, filtered by officer and priority. */
  @GetMapping("/meeting-schedule")
  public String schedule(
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String month,
      @RequestParam(required = false) String officer,
      @RequestParam(required = false) String priority,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("page", "meeting-schedule");
    model.addAttribute("levels", views.priorityLevels());
    model.addAttribute("yearEntered", year);
    model.addAttribute("monthEntered", month);
    model.addAttribute("officerEntered", officer);
    model.addAttribute("priorityEntered", priority);
    try {
      SchedulePeriod period =
          SchedulePeriod.of(
              year, month, Year.from(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK)));
      Year shown = period.year();
      model.addAttribute("yearEntered", shown.toString());
      model.addAttribute(
          "schedule", views.schedule(shown, period.month(), officer, priority, Actor.of(user)));
      model.addAttribute("previousYear", shown.minusYears(1).toString());
      model.addAttribute("nextYear", shown.plusYears(1).toString());
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute(
          "problems",
          e.getErrors().stream().map(p -> new FieldProblem(p.field(), problem(p))).toList());
    }
    return "reports/meeting-schedule";
  }

  /**
   * §3-§5: a provider's meetings with their actions; without a provider, the list to choose from.
   */
  @GetMapping("/meeting-history")
  public String history(
      @RequestParam(required = false) String provider,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("page", "meeting-history");
    List<Provider> providers = views.providers(Actor.of(user));
    model.addAttribute("providers", providers);
    String entered = provider == null || provider.isBlank() ? null : provider.strip();
    if (entered == null && providers.size() == 1) {
      entered = String.valueOf(providers.get(0).id());
    }
    if (entered == null) {
      return "reports/meeting-history";
    }
    Optional<ProviderHistory> found;
    try {
      found = views.history(MeetingViewController.providerId(entered), Actor.of(user));
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("providerProblem", PROVIDER_PROBLEM);
      return "reports/meeting-history";
    }
    if (found.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("providerProblem", PROVIDER_PROBLEM);
      return "reports/meeting-history";
    }
    model.addAttribute("history", found.get());
    return "reports/meeting-history";
  }

  /** Meetings not held when due, and actions past their target date. */
  @GetMapping("/meetings-overdue")
  public String overdue(Authentication user, Model model) {
    model.addAttribute("page", "meetings-overdue");
    model.addAttribute("overdue", views.overdue(Actor.of(user)));
    return "reports/meetings-overdue";
  }

  private String problem(FieldProblem p) {
    return switch (p.field()) {
      case "year" -> YEAR_PROBLEM;
      case "month" -> MONTH_PROBLEM;
      case "priority" -> "Choose a priority level: " + String.join(", ", views.priorityLevels());
      default -> p.message();
    };
  }

  /** The refusal is a page like the other reports', not the API's problem response. */
  @ExceptionHandler(AccessDeniedException.class)
  public String refused(Authentication user, Model model, HttpServletResponse response) {
    return reportPage.refused(
        user,
        model,
        response,
        "You cannot see this page",
        "The meeting views are for the council's staff and the providers whose meetings they are.");
  }
}
