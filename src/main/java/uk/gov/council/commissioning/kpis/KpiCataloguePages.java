package uk.gov.council.commissioning.kpis;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.reports.ReportPage;
import uk.gov.council.commissioning.security.EndpointAccess;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The KPI catalogues for council staff: the catalogues by reporting year, one catalogue's KPIs as a
 * table, and for the contracts managers and administrators a form that changes one KPI's wording,
 * target or threshold, which makes the next version of the year's catalogue (a version a return may
 * have used is never changed).
 */
@Controller
@PreAuthorize("@access.councilStaff(authentication)")
@RequestMapping("/kpi-catalogues")
@RequiredArgsConstructor
class KpiCataloguePages {

  private final KpiCatalogueRegister register;
  private final KpiCatalogueService service;
  private final ReportPage reportPage;
  private final EndpointAccess access;
  private final Clock clock;

  @ModelAttribute
  void everyPage(Authentication user, Model model, HttpServletResponse response) {
    reportPage.prepare(user, model, response);
    model.addAttribute("page", "kpi-catalogues");
  }

  /** The catalogues, newest year first; {@code ?year=} one year's. */
  @GetMapping
  public String list(
      @RequestParam(required = false) String year, Model model, HttpServletResponse response) {
    ReportingYear shown = null;
    if (year != null && !year.isBlank()) {
      shown = CatalogueRules.year(year).orElse(null);
      if (shown == null) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("yearProblem", "Enter a reporting year, for example 2026/27");
        model.addAttribute("yearEntered", year);
        model.addAttribute("years", Map.of());
        return "kpis/catalogues";
      }
    }
    Map<String, List<KpiCatalogueRegister.Summary>> byYear =
        new TreeMap<>(java.util.Comparator.reverseOrder());
    for (KpiCatalogueRegister.Summary s : register.latest(shown)) {
      byYear.computeIfAbsent(s.year().label(), y -> new java.util.ArrayList<>()).add(s);
    }
    model.addAttribute("years", byYear);
    model.addAttribute("yearEntered", shown == null ? null : shown.label());
    model.addAttribute("currentYear", today().label());
    return "kpis/catalogues";
  }

  @GetMapping("/{code}/{year}")
  public String catalogue(
      @PathVariable String code,
      @PathVariable String year,
      @RequestParam(required = false) String version,
      Authentication user,
      Model model) {
    ReportingYear reportingYear = pathYear(year);
    KpiCatalogue catalogue = shown(code, reportingYear, version);
    model.addAttribute("catalogue", catalogue);
    model.addAttribute("pathYear", CatalogueViews.pathYear(reportingYear));
    model.addAttribute("versions", register.versions(code, reportingYear));
    int latest = register.latestVersion(code, reportingYear);
    model.addAttribute("latest", catalogue.version() == latest);
    model.addAttribute("mayEdit", mayEdit(user) && catalogue.version() == latest);
    return "kpis/catalogue";
  }

  @GetMapping("/{code}/{year}/edit")
  @PreAuthorize(KpiCatalogueController.EDITORS)
  public String editForm(
      @PathVariable String code, @PathVariable String year, @RequestParam String kpi, Model model) {
    ReportingYear reportingYear = pathYear(year);
    KpiCatalogue catalogue = shown(code, reportingYear, null);
    Kpi found = kpi(catalogue, kpi);
    return form(
        catalogue,
        found,
        found.wording(),
        found.target(),
        found.threshold() == null ? "" : found.threshold().textFor(found.unit()),
        Map.of(),
        model);
  }

  /** The next version of the year's catalogue with the KPI changed; problems beside the fields. */
  @PostMapping("/{code}/{year}/edit")
  @PreAuthorize(KpiCatalogueController.EDITORS)
  public String edit(
      @PathVariable String code,
      @PathVariable String year,
      @RequestParam String kpi,
      @RequestParam(required = false) String wording,
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String threshold,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    ReportingYear reportingYear = pathYear(year);
    KpiCatalogue catalogue = shown(code, reportingYear, null);
    Kpi found = kpi(catalogue, kpi);
    try {
      KpiCatalogue saved =
          service.editKpi(
              code, reportingYear, found.code(), wording, target, threshold, user.getName());
      return "redirect:/kpi-catalogues/"
          + saved.code()
          + "/"
          + CatalogueViews.pathYear(reportingYear)
          + "?version="
          + saved.version();
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      Map<String, String> problems = new LinkedHashMap<>();
      for (FieldProblem p : e.getErrors()) {
        problems.merge(p.field(), sentence(p), (a, b) -> a + "; " + b);
      }
      return form(catalogue, found, wording, target, threshold, problems, model);
    }
  }

  private String form(
      KpiCatalogue catalogue,
      Kpi kpi,
      String wording,
      String target,
      String threshold,
      Map<String, String> problems,
      Model model) {
    model.addAttribute("catalogue", catalogue);
    model.addAttribute("pathYear", CatalogueViews.pathYear(catalogue.year()));
    model.addAttribute("kpi", kpi);
    model.addAttribute("wording", wording);
    model.addAttribute("target", target);
    model.addAttribute("threshold", threshold);
    model.addAttribute("problems", problems);
    return "kpis/edit-kpi";
  }

  private static String sentence(FieldProblem p) {
    String label =
        switch (p.field()) {
          case "wording" -> "The wording";
          case "target" -> "The target";
          case "threshold" -> "The threshold";
          default -> p.field();
        };
    return label + " " + p.message();
  }

  private KpiCatalogue shown(String code, ReportingYear year, String version) {
    Integer asked = null;
    if (version != null && !version.isBlank()) {
      try {
        asked = Integer.parseInt(version.strip());
      } catch (NumberFormatException e) {
        throw notFound();
      }
    }
    return (asked == null ? register.current(code, year) : register.version(code, year, asked))
        .orElseThrow(KpiCataloguePages::notFound);
  }

  private static Kpi kpi(KpiCatalogue catalogue, String code) {
    return catalogue.kpi(code).orElseThrow(KpiCataloguePages::notFound);
  }

  private static ReportingYear pathYear(String year) {
    return CatalogueRules.year(year).orElseThrow(KpiCataloguePages::notFound);
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such catalogue or KPI");
  }

  private boolean mayEdit(Authentication user) {
    return access.staffIn(user, Roles.CONTRACTS_MANAGERS).isGranted();
  }

  private ReportingYear today() {
    return ReportingYear.containing(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK));
  }

  /**
   * A refusal as a page. Outside the controller, whose every method is for council staff only: a
   * handler there would itself be refused to a provider.
   */
  @ControllerAdvice(assignableTypes = KpiCataloguePages.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  @RequiredArgsConstructor
  static class Refusals {

    private final ReportPage reportPage;

    @ExceptionHandler(AccessDeniedException.class)
    String refused(Authentication user, Model model, HttpServletResponse response) {
      return reportPage.refused(
          user,
          model,
          response,
          "You cannot do this",
          "The KPI catalogues are for the council's staff; only the contracts managers and"
              + " administrators change them.");
    }
  }
}
