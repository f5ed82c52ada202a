package uk.gov.council.commissioning.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
import uk.gov.council.commissioning.compliance.ComplianceFigures;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.compliance.Quarter;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.meetings.MeetingMonitoring;
import uk.gov.council.commissioning.meetings.MonthFigures;
import uk.gov.council.commissioning.reports.ReportViews.BreachRow;
import uk.gov.council.commissioning.reports.ReportViews.ProviderSection;
import uk.gov.council.commissioning.reports.ReportViews.QuarterView;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.ProviderScope;

/**
 * Pages for people signed in to the web apps (the same session as Tasklist): the quarterly
 * compliance figures (seed 002 App C sections 4-6) and the deadline breaches behind them. Council
 * staff see every provider; a provider's users only their own organisation. The figures come from
 * {@link ComplianceFigures}, the breaches from {@link DeadlineBreaches}; nothing is worked out here
 * but which of them the user may see and how they read.
 */
@Controller
@PreAuthorize("isAuthenticated()")
@RequestMapping("/reports")
@RequiredArgsConstructor
class ReportsController {

  static final String QUARTER_PROBLEM =
      "Enter a quarter as a year and quarter number, for example 2026-Q3 (Q1 is January to March)";

  static final String CONTENT_SECURITY_POLICY = ReportPage.CONTENT_SECURITY_POLICY;

  private final ComplianceFigures figures;
  private final DeadlineBreaches breaches;
  private final ContractService contracts;
  private final ReportPage reportPage;
  private final MeetingMonitoring meetingMonitoring;
  private final Clock clock;

  /** Who is looking: council staff, or a provider's user with the organisations it acts for. */
  private record Viewer(boolean staff, List<Provider> organisations) {}

  @ModelAttribute
  void everyPage(Authentication user, Model model, HttpServletResponse response) {
    reportPage.prepare(user, model, response);
  }

  @GetMapping({"", "/"})
  @PreAuthorize("@access.staffOrProvider(authentication)")
  public String index(Authentication user, Model model) {
    model.addAttribute("page", "index");
    model.addAttribute("staff", viewer(user).staff());
    model.addAttribute("currentQuarter", Quarter.containing(clock.instant()).toString());
    return "reports/index";
  }

  @GetMapping("/compliance")
  @PreAuthorize("@access.staffOrProvider(authentication)")
  public String compliance(
      @RequestParam(required = false) String quarter,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    Instant now = clock.instant();
    return quarterPage(
        "compliance",
        quarter,
        now,
        user,
        model,
        response,
        (viewer, q) -> {
          model.addAttribute("asAt", ReportFormat.time(now));
          model.addAttribute("asAtMachine", ReportFormat.machineTime(now));
          List<ProviderSection> sections =
              viewer.staff()
                  ? figures.forAllProviders(q, now).providers().stream()
                      .map(ProviderSection::of)
                      .toList()
                  : viewer.organisations().stream()
                      .map(p -> ProviderSection.of(figures.forProvider(p, q, now)))
                      .toList();
          model.addAttribute("providers", sections);
        });
  }

  @GetMapping("/breaches")
  @PreAuthorize("@access.staffOrProvider(authentication)")
  public String breaches(
      @RequestParam(required = false) String quarter,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    return quarterPage(
        "breaches",
        quarter,
        clock.instant(),
        user,
        model,
        response,
        (viewer, q) -> {
          List<DeadlineBreach> found =
              viewer.staff()
                  ? breaches.dueIn(q)
                  : breaches.dueIn(q, viewer.organisations().stream().map(Provider::id).toList());
          // Staff may see any provider's name; a provider's user only the names of its own
          // organisations.
          Map<Long, String> names =
              (viewer.staff() ? contracts.findAllProviders() : viewer.organisations())
                  .stream().collect(Collectors.toMap(Provider::id, Provider::name, (a, b) -> a));
          model.addAttribute(
              "breaches",
              found.stream().map(b -> BreachRow.of(b, providerName(b, names))).toList());
          model.addAttribute("missed", found.stream().filter(b -> b.kind() == Kind.MISSED).count());
          model.addAttribute("late", found.stream().filter(b -> b.kind() == Kind.LATE).count());
        });
  }

  static final String MONTH_PROBLEM = "Enter a month as a year and month, for example 2027-03";

  /**
   * Contract management meetings planned for a month against those held, and the % compliance to
   * schedule (seed 001 Part 3.1 §2). Staff see every provider, a provider's user its own.
   */
  @GetMapping("/meetings")
  @PreAuthorize("@access.staffOrProvider(authentication)")
  public String meetings(
      @RequestParam(required = false) String month,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("page", "meetings");
    model.addAttribute("staff", viewer(user).staff());
    YearMonth shown;
    try {
      shown =
          month == null || month.isBlank()
              ? YearMonth.from(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK))
              : YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("monthProblem", MONTH_PROBLEM);
      model.addAttribute("monthEntered", month);
      return "reports/meetings";
    }
    MonthFigures figures = meetingMonitoring.figures(shown, Actor.of(user));
    model.addAttribute("monthEntered", shown.toString());
    model.addAttribute("monthName", MeetingMonitoring.MONTH.format(shown));
    model.addAttribute("previousMonth", shown.minusMonths(1).toString());
    model.addAttribute("nextMonth", shown.plusMonths(1).toString());
    model.addAttribute("figures", figures);
    return "reports/meetings";
  }

  /** What a quarterly page shows once its viewer and quarter are known. */
  private interface QuarterContent {
    void addTo(Viewer viewer, Quarter quarter);
  }

  /**
   * A quarterly page, reports/{page}, shown again with the problem when the quarter entered cannot
   * be read.
   */
  private String quarterPage(
      String page,
      String entered,
      Instant now,
      Authentication user,
      Model model,
      HttpServletResponse response,
      QuarterContent content) {
    Viewer viewer = viewer(user);
    String view = "reports/" + page;
    model.addAttribute("page", page);
    model.addAttribute("staff", viewer.staff());
    Optional<Quarter> shown = quarter(entered, now);
    if (shown.isEmpty()) {
      return badQuarter(entered, view, model, response);
    }
    Quarter q = shown.get();
    model.addAttribute("quarter", QuarterView.of(q));
    model.addAttribute("quarterEntered", q.toString());
    content.addTo(viewer, q);
    return view;
  }

  /** The viewer of a page its {@code @PreAuthorize} let through: staff or a provider's user. */
  private Viewer viewer(Authentication user) {
    if (CouncilUser.isProvider(user)) {
      List<Provider> own =
          contracts.findAllProviders().stream()
              .filter(p -> ProviderScope.sees(user, p.organisationGroup()))
              .sorted(Comparator.comparing(Provider::name).thenComparing(Provider::id))
              .toList();
      return new Viewer(false, own);
    }
    return new Viewer(true, List.of());
  }

  /** The quarter asked for, the current UK quarter when none was; empty when it cannot be read. */
  private static Optional<Quarter> quarter(String text, Instant now) {
    if (text == null || text.isBlank()) {
      return Optional.of(Quarter.containing(now));
    }
    return Quarter.parse(text);
  }

  private static String badQuarter(
      String entered, String view, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("quarterProblem", QUARTER_PROBLEM);
    model.addAttribute("quarterEntered", entered);
    return view;
  }

  /** The refusal is a page like the others, not the API's problem response. */
  @ExceptionHandler(AccessDeniedException.class)
  public String refused(Authentication user, Model model, HttpServletResponse response) {
    everyPage(user, model, response);
    response.setStatus(HttpStatus.FORBIDDEN.value());
    return "reports/refused";
  }

  private static String providerName(DeadlineBreach b, Map<Long, String> names) {
    if (b.providerId() == null) {
      return null;
    }
    return Optional.ofNullable(names.get(b.providerId())).orElse("Provider " + b.providerId());
  }
}
