package uk.gov.council.commissioning.kpireports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.kpireports.KpiReportViews.ContractReport;
import uk.gov.council.commissioning.kpireports.KpiReportViews.KpiLine;
import uk.gov.council.commissioning.kpireports.KpiReportViews.QuarterColumn;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.reports.ReportPage;
import uk.gov.council.commissioning.security.Actor;

/**
 * The KPI reports as pages on the reports layout: a contract's year with its rolling twelve months
 * and trend chart, the quarterly management report and the breach list. The chart is drawn in the
 * browser by ECharts, served from the application's own jar, from figures the page carries as data.
 */
@Controller
@PreAuthorize("@access.staffOrProvider(authentication)")
@RequestMapping("/reports/kpi")
@RequiredArgsConstructor
class KpiReportPages {

  /**
   * The layout's policy, with scripts allowed from the application itself for the chart. The
   * figures reach it as a JSON data block, which is not run.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private final KpiReports reports;
  private final KpiReportsController api;
  private final ReportPage reportPage;
  private final ObjectMapper json;
  private final KpiPeriods periods;

  @GetMapping("/contracts/{reference}")
  public String contract(
      @PathVariable String reference,
      @RequestParam(required = false) String year,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    prepare(user, model, response, "kpi-contract");
    Optional<ReportingYear> y = periods.yearOrCurrent(year);
    if (y.isEmpty()) {
      return problem(model, response, "year", KpiPeriods.YEAR_FORMAT, year, "kpi-contract");
    }
    Actor actor = Actor.of(user);
    ContractReport report =
        reports
            .contractYear(reference, y.get(), actor)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    ReportingQuarter lastEnded = periods.lastEnded();
    ReportingQuarter rollingTo =
        lastEnded.year().equals(y.get()) || lastEnded.year().startYear() < y.get().startYear()
            ? lastEnded
            : y.get().quarter(4);
    ContractReport rolling = reports.rolling(reference, rollingTo, actor).orElseThrow();
    ContractReport before =
        reports.contractYear(reference, y.get().previous(), actor).orElseThrow();
    model.addAttribute("report", report);
    model.addAttribute("rolling", rolling);
    model.addAttribute("rollingTo", rollingTo.label());
    model.addAttribute("year", y.get().label());
    model.addAttribute("previousYear", y.get().previous().label());
    model.addAttribute("nextYear", y.get().next().label());
    model.addAttribute("trendJson", trend(before, report));
    return "reports/kpi-contract";
  }

  @GetMapping("/quarters")
  public String quarter(
      @RequestParam(required = false) String quarter,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    prepare(user, model, response, "kpi-quarter");
    ReportingQuarter q = periods.quarterOrLastEnded(quarter).orElse(null);
    if (q == null) {
      return problem(model, response, "quarter", KpiPeriods.QUARTER_FORMAT, quarter, "kpi-quarter");
    }
    model.addAttribute("report", reports.quarter(q, Actor.of(user)));
    navigation(model, q);
    return "reports/kpi-quarter";
  }

  @GetMapping("/breaches")
  public String breaches(
      @RequestParam(required = false) String quarter,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    prepare(user, model, response, "kpi-breaches");
    ReportingQuarter q = periods.quarterOrLastEnded(quarter).orElse(null);
    if (q == null) {
      return problem(
          model, response, "quarter", KpiPeriods.QUARTER_FORMAT, quarter, "kpi-breaches");
    }
    model.addAttribute("report", reports.breaches(q, Actor.of(user)));
    navigation(model, q);
    return "reports/kpi-breaches";
  }

  // The pages' downloads: the API's CSV, reached with the browser's session (the API itself takes
  // HTTP Basic only).

  @GetMapping("/contracts/{reference}.csv")
  @ResponseBody
  public ResponseEntity<?> contractCsv(
      @PathVariable String reference,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String table,
      Authentication user) {
    return api.contractYearCsv(reference, year, table, user);
  }

  @GetMapping("/contracts/{reference}/rolling.csv")
  @ResponseBody
  public ResponseEntity<?> rollingCsv(
      @PathVariable String reference,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String table,
      Authentication user) {
    return api.rollingCsv(reference, to, table, user);
  }

  @GetMapping("/quarters.csv")
  @ResponseBody
  public ResponseEntity<?> quarterCsv(
      @RequestParam(required = false) String quarter, Authentication user) {
    return api.quarterCsv(
        quarter == null || quarter.isBlank() ? periods.lastEnded().label() : quarter, user);
  }

  @GetMapping("/breaches.csv")
  @ResponseBody
  public ResponseEntity<?> breachesCsv(
      @RequestParam(required = false) String quarter, Authentication user) {
    return api.breachesCsv(quarter, user);
  }

  private void prepare(
      Authentication user, Model model, HttpServletResponse response, String page) {
    reportPage.prepare(user, model, response);
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    model.addAttribute("page", page);
  }

  private String problem(
      Model model,
      HttpServletResponse response,
      String field,
      String message,
      String entered,
      String view) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("problemField", field);
    model.addAttribute("problem", "The " + field + " " + message);
    model.addAttribute("entered", entered);
    return "reports/" + view;
  }

  private static void navigation(Model model, ReportingQuarter q) {
    model.addAttribute("quarter", q.label());
    model.addAttribute("previousQuarter", q.previous().label());
    model.addAttribute("nextQuarter", q.next().label());
  }

  /**
   * The chart's figures: the eight quarters of two reporting years, a series of reported values for
   * each KPI with a number, and beside each measured KPI the measured series.
   */
  private String trend(ContractReport before, ContractReport report) {
    List<String> quarters = new ArrayList<>();
    Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
    List<QuarterColumn> columns = new ArrayList<>(before.quarters());
    columns.addAll(report.quarters());
    for (int i = 0; i < columns.size(); i++) {
      QuarterColumn column = columns.get(i);
      quarters.add(column.quarter());
      for (KpiLine line : column.kpis()) {
        if ("YES_NO".equals(line.unit())) {
          continue;
        }
        String name = line.kpi() + " " + (line.wording() == null ? "" : shorten(line.wording()));
        point(series, name + " (reported)", i, columns.size(), line.reported());
        if (line.comparison() != null) {
          point(series, name + " (measured)", i, columns.size(), line.comparison().measured());
        }
      }
    }
    try {
      return json.writeValueAsString(Map.of("quarters", quarters, "series", series))
          .replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void point(
      Map<String, List<BigDecimal>> series, String name, int index, int size, BigDecimal value) {
    List<BigDecimal> values =
        series.computeIfAbsent(
            name,
            n -> {
              List<BigDecimal> empty = new ArrayList<>();
              for (int i = 0; i < size; i++) {
                empty.add(null);
              }
              return empty;
            });
    values.set(index, value);
  }

  private static String shorten(String wording) {
    return wording.length() <= 40 ? wording : wording.substring(0, 39) + "…";
  }
}
