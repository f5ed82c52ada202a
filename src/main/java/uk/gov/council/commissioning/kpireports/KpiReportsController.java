package uk.gov.council.commissioning.kpireports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.kpireports.KpiCsv.ContractTable;
import uk.gov.council.commissioning.kpireports.KpiReportViews.ContractReport;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The KPI reports as JSON, or as CSV with {@code ?format=csv} or a {@code .csv} ending. Open to
 * every signed-in user: a provider's user gets only its own organisations' contracts, and another
 * provider's contract answers 404 so that its existence is not revealed.
 */
@RestController
@PreAuthorize("@access.staffOrProvider(authentication)")
@RequestMapping("/api/kpi-reports")
@RequiredArgsConstructor
class KpiReportsController {

  static final String FORMAT_FORMAT = "must be json or csv";
  static final String TABLE_FORMAT = "must be kpis, returns or summary";
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final KpiReports reports;
  private final KpiPeriods periods;

  @GetMapping("/contracts/{reference}")
  public ResponseEntity<?> contractYear(
      @PathVariable String reference,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String table,
      Authentication user) {
    return contractYear(reference, year, format, table, user, false);
  }

  @GetMapping("/contracts/{reference}.csv")
  public ResponseEntity<?> contractYearCsv(
      @PathVariable String reference,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String table,
      Authentication user) {
    return contractYear(reference, year, null, table, user, true);
  }

  @GetMapping("/contracts/{reference}/rolling")
  public ResponseEntity<?> rolling(
      @PathVariable String reference,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String table,
      Authentication user) {
    return rolling(reference, to, format, table, user, false);
  }

  @GetMapping("/contracts/{reference}/rolling.csv")
  public ResponseEntity<?> rollingCsv(
      @PathVariable String reference,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String table,
      Authentication user) {
    return rolling(reference, to, null, table, user, true);
  }

  @GetMapping("/quarters/{quarter}")
  public ResponseEntity<?> quarter(
      @PathVariable String quarter,
      @RequestParam(required = false) String format,
      Authentication user) {
    return quarter(quarter, format, user, false);
  }

  @GetMapping("/quarters/{quarter}.csv")
  public ResponseEntity<?> quarterCsv(@PathVariable String quarter, Authentication user) {
    return quarter(quarter, null, user, true);
  }

  @GetMapping("/breaches")
  public ResponseEntity<?> breaches(
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String format,
      Authentication user) {
    return breaches(quarter, format, user, false);
  }

  @GetMapping("/breaches.csv")
  public ResponseEntity<?> breachesCsv(
      @RequestParam(required = false) String quarter, Authentication user) {
    return breaches(quarter, null, user, true);
  }

  private ResponseEntity<?> contractYear(
      String reference,
      String year,
      String format,
      String table,
      Authentication user,
      boolean csvEnding) {
    List<FieldProblem> problems = new ArrayList<>();
    ReportingYear y = periods.yearOrCurrent(year).orElse(null);
    if (y == null) {
      problems.add(new FieldProblem("year", KpiPeriods.YEAR_FORMAT));
    }
    boolean csv = csv(format, csvEnding, problems);
    ContractTable t = table(table, problems);
    refuseIfAny(problems);
    ContractReport report = found(reports.contractYear(reference, y, Actor.of(user)), reference);
    return csv
        ? csv(
            KpiCsv.contract(report, t),
            "kpi-" + report.contractReference() + "-" + y.startYear() + "-" + name(t))
        : ResponseEntity.ok(report);
  }

  private ResponseEntity<?> rolling(
      String reference,
      String to,
      String format,
      String table,
      Authentication user,
      boolean csvEnding) {
    List<FieldProblem> problems = new ArrayList<>();
    ReportingQuarter q = periods.quarterOrLastEnded(to).orElse(null);
    if (q == null) {
      problems.add(new FieldProblem("to", KpiPeriods.QUARTER_FORMAT));
    }
    boolean csv = csv(format, csvEnding, problems);
    ContractTable t = table(table, problems);
    refuseIfAny(problems);
    ContractReport report = found(reports.rolling(reference, q, Actor.of(user)), reference);
    return csv
        ? csv(
            KpiCsv.contract(report, t),
            "kpi-" + report.contractReference() + "-rolling-to-" + fileLabel(q) + "-" + name(t))
        : ResponseEntity.ok(report);
  }

  private ResponseEntity<?> quarter(
      String quarter, String format, Authentication user, boolean csvEnding) {
    List<FieldProblem> problems = new ArrayList<>();
    ReportingQuarter q = KpiPeriods.quarterOf(quarter);
    if (q == null) {
      problems.add(new FieldProblem("quarter", KpiPeriods.QUARTER_FORMAT));
    }
    boolean csv = csv(format, csvEnding, problems);
    refuseIfAny(problems);
    var report = reports.quarter(q, Actor.of(user));
    return csv
        ? csv(KpiCsv.quarter(report), "kpi-quarter-" + fileLabel(q))
        : ResponseEntity.ok(report);
  }

  private ResponseEntity<?> breaches(
      String quarter, String format, Authentication user, boolean csvEnding) {
    List<FieldProblem> problems = new ArrayList<>();
    ReportingQuarter q = periods.quarterOrLastEnded(quarter).orElse(null);
    if (q == null) {
      problems.add(new FieldProblem("quarter", KpiPeriods.QUARTER_FORMAT));
    }
    boolean csv = csv(format, csvEnding, problems);
    refuseIfAny(problems);
    var list = reports.breaches(q, Actor.of(user));
    return csv
        ? csv(KpiCsv.breaches(list), "kpi-breaches-" + fileLabel(q))
        : ResponseEntity.ok(list);
  }

  private static boolean csv(String format, boolean csvEnding, List<FieldProblem> problems) {
    if (format == null || format.isBlank()) {
      return csvEnding;
    }
    String f = format.strip().toLowerCase(Locale.ROOT);
    if (f.equals("csv")) {
      return true;
    }
    if (f.equals("json") && !csvEnding) {
      return false;
    }
    problems.add(new FieldProblem("format", FORMAT_FORMAT));
    return false;
  }

  private static ContractTable table(String table, List<FieldProblem> problems) {
    if (table == null || table.isBlank()) {
      return ContractTable.KPIS;
    }
    try {
      return ContractTable.valueOf(table.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("table", TABLE_FORMAT));
      return null;
    }
  }

  private static void refuseIfAny(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static <T> T found(java.util.Optional<T> report, String reference) {
    return report.orElseThrow(
        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No contract " + reference));
  }

  private static ResponseEntity<String> csv(String body, String fileName) {
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv")
                .build()
                .toString())
        .body(body);
  }

  private static String name(ContractTable table) {
    return table.name().toLowerCase(Locale.ROOT);
  }

  private static String fileLabel(ReportingQuarter q) {
    return q.year().startYear() + "-Q" + q.number();
  }
}
