package uk.gov.council.commissioning.meetingplans;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
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
import uk.gov.council.commissioning.meetings.MeetingPeriods;
import uk.gov.council.commissioning.reports.ReportPage;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The pages beside the reports (same session as Tasklist): the improvement plans from meetings with
 * their progress (seed 001 Part 3.1 §5), a provider's user seeing only its own; and the year's
 * feedback on the meeting process summarised for the Core Strategy Group (§6), for council staff.
 */
@Controller
@PreAuthorize("isAuthenticated()")
@RequestMapping("/reports")
@RequiredArgsConstructor
class MeetingPlanPages {

  static final String YEAR_PROBLEM = "Enter a year, for example 2027";

  private final MeetingImprovementPlans plans;
  private final MeetingFeedbackReports feedback;
  private final ReportPage reportPage;
  private final Clock clock;

  @ModelAttribute
  void everyPage(Authentication user, Model model, HttpServletResponse response) {
    reportPage.prepare(user, model, response);
  }

  /**
   * §5: the plans, optionally of one contract (those still open, as its next meeting sees them).
   */
  @GetMapping("/meeting-plans")
  @PreAuthorize("@access.staffOrProvider(authentication)")
  public String plans(
      @RequestParam(required = false) String contract, Authentication user, Model model) {
    model.addAttribute("page", "meeting-plans");
    model.addAttribute("staff", !CouncilUser.isProvider(user));
    List<MeetingPlan> shown =
        contract == null || contract.isBlank()
            ? plans.visibleTo(Actor.of(user))
            : plans.toReview(contract.strip()).stream()
                .filter(p -> ProviderScope.sees(user, p.providerGroup()))
                .toList();
    model.addAttribute("contract", contract == null ? null : contract.strip());
    model.addAttribute("plans", shown);
    return "reports/meeting-plans";
  }

  /** §6: the year's answers summarised and quantified, for the Core Strategy Group. */
  @GetMapping("/meeting-feedback")
  @PreAuthorize(MeetingFeedbackController.STAFF_WHO_READ_SUMMARY)
  public String feedback(
      @RequestParam(required = false) String year, Model model, HttpServletResponse response) {
    model.addAttribute("page", "meeting-feedback");
    model.addAttribute("staff", true);
    model.addAttribute("questions", FeedbackSummary.QUESTIONS);
    Year shown;
    try {
      shown =
          year == null || year.isBlank()
              ? Year.from(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK))
              : MeetingPeriods.year(year);
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("yearProblem", YEAR_PROBLEM);
      model.addAttribute("yearEntered", year);
      return "reports/meeting-feedback";
    }
    model.addAttribute("yearEntered", shown.toString());
    model.addAttribute("summary", feedback.summary(shown));
    return "reports/meeting-feedback";
  }

  /** The refusal is a page like the other reports', not the API's problem response. */
  @ExceptionHandler(AccessDeniedException.class)
  public String refused(Authentication user, Model model, HttpServletResponse response) {
    return reportPage.refused(
        user,
        model,
        response,
        "You cannot see this page",
        "The feedback summary is for the council's contract management teams and the Core Strategy"
            + " Group.");
  }
}
