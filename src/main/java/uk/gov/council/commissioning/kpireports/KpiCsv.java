package uk.gov.council.commissioning.kpireports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.kpireports.KpiReportViews.BreachList;
import uk.gov.council.commissioning.kpireports.KpiReportViews.BreachRow;
import uk.gov.council.commissioning.kpireports.KpiReportViews.ContractQuarterRow;
import uk.gov.council.commissioning.kpireports.KpiReportViews.ContractReport;
import uk.gov.council.commissioning.kpireports.KpiReportViews.KpiLine;
import uk.gov.council.commissioning.kpireports.KpiReportViews.KpiSummary;
import uk.gov.council.commissioning.kpireports.KpiReportViews.QuarterColumn;
import uk.gov.council.commissioning.kpireports.KpiReportViews.QuarterReport;
import uk.gov.council.commissioning.kpireports.KpiReportViews.ReturnSummary;

/**
 * The reports' tables as CSV (RFC 4180): a header row, then one row per line of the table, numbers
 * as plain decimals, days as yyyy-mm-dd, times in UK time with their offset. A text cell that a
 * spreadsheet would read as a formula is prefixed with an apostrophe.
 */
final class KpiCsv {

  /** The tables of a contract report. */
  enum ContractTable {
    KPIS,
    RETURNS,
    SUMMARY
  }

  private KpiCsv() {}

  static String contract(ContractReport report, ContractTable table) {
    List<List<Object>> rows = new ArrayList<>();
    switch (table) {
      case KPIS -> {
        rows.add(
            List.of(
                "quarter",
                "contract",
                "catalogue",
                "kpi",
                "wording",
                "unit",
                "threshold",
                "reported",
                "below_trigger",
                "explanation",
                "consequence",
                "measure",
                "measured",
                "difference",
                "flagged"));
        for (QuarterColumn q : report.quarters()) {
          for (KpiLine l : q.kpis()) {
            ReportedVsMeasured c = l.comparison();
            rows.add(
                Arrays.asList(
                    q.quarter(),
                    report.contractReference(),
                    l.catalogue(),
                    l.kpi(),
                    l.wording(),
                    l.unit(),
                    l.threshold(),
                    l.reported(),
                    l.belowTrigger(),
                    l.explanation(),
                    l.consequence(),
                    c == null ? null : c.measure(),
                    c == null ? null : c.measured(),
                    c == null ? null : c.difference(),
                    c != null && c.flagged()));
          }
        }
      }
      case RETURNS -> {
        rows.add(
            List.of(
                "quarter",
                "contract",
                "return",
                "status",
                "due_date",
                "extended_to",
                "received_at",
                "on_time",
                "late",
                "mitigation",
                "outcome",
                "accepted_at"));
        for (QuarterColumn q : report.quarters()) {
          ReturnSummary r = q.returned();
          rows.add(
              r == null
                  ? Arrays.asList(
                      q.quarter(),
                      report.contractReference(),
                      null,
                      "NONE",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null)
                  : Arrays.asList(
                      q.quarter(),
                      report.contractReference(),
                      r.caseReference(),
                      r.status(),
                      r.dueDate(),
                      r.extendedTo(),
                      r.receivedAt(),
                      r.onTime(),
                      r.late(),
                      r.mitigation(),
                      r.outcome(),
                      r.acceptedAt()));
        }
      }
      case SUMMARY -> {
        rows.add(
            List.of(
                "contract",
                "period",
                "catalogue",
                "kpi",
                "wording",
                "threshold",
                "quarters_reported",
                "breaches",
                "latest",
                "average",
                "flagged"));
        for (KpiSummary s : report.summary()) {
          rows.add(
              Arrays.asList(
                  report.contractReference(),
                  report.period(),
                  s.catalogue(),
                  s.kpi(),
                  s.wording(),
                  s.threshold(),
                  s.quartersReported(),
                  s.breaches(),
                  s.latest(),
                  s.average(),
                  s.flagged()));
        }
      }
    }
    return write(rows);
  }

  static String quarter(QuarterReport report) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "quarter",
            "contract",
            "title",
            "provider",
            "return_status",
            "deadline",
            "received_at",
            "on_time",
            "late",
            "breaches",
            "breached_kpis",
            "outcome",
            "flagged",
            "flagged_kpis"));
    for (ContractQuarterRow r : report.rows()) {
      rows.add(
          Arrays.asList(
              report.quarter(),
              r.contractReference(),
              r.contractTitle(),
              r.provider(),
              r.returnStatus() == null ? "NONE" : r.returnStatus(),
              r.deadline(),
              r.receivedAt(),
              r.onTime(),
              r.late(),
              r.breaches(),
              String.join("; ", r.breachedKpis()),
              r.outcome(),
              r.flagged(),
              String.join("; ", r.flaggedKpis())));
    }
    return write(rows);
  }

  static String breaches(BreachList list) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "quarter",
            "contract",
            "provider",
            "catalogue",
            "kpi",
            "wording",
            "threshold",
            "reported",
            "explanation",
            "outcome",
            "consequence"));
    for (BreachRow b : list.rows()) {
      rows.add(
          Arrays.asList(
              b.quarter(),
              b.contractReference(),
              b.provider(),
              b.catalogue(),
              b.kpi(),
              b.wording(),
              b.threshold(),
              b.reported(),
              b.explanation(),
              b.outcome(),
              b.consequence()));
    }
    return write(rows);
  }

  private static String write(List<List<Object>> rows) {
    return rows.stream()
            .map(row -> row.stream().map(KpiCsv::cell).collect(Collectors.joining(",")))
            .collect(Collectors.joining("\r\n"))
        + "\r\n";
  }

  static String cell(Object value) {
    String text;
    if (value == null) {
      text = "";
    } else if (value instanceof BigDecimal d) {
      text = d.toPlainString();
    } else if (value instanceof Instant i) {
      text = i.atZone(WorkingDayCalendar.UK).toOffsetDateTime().toString();
    } else if (value instanceof LocalDate || value instanceof Number || value instanceof Boolean) {
      text = value.toString();
    } else {
      text = guarded(value.toString());
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /** Text a spreadsheet would run as a formula starts with an apostrophe instead. */
  private static String guarded(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
