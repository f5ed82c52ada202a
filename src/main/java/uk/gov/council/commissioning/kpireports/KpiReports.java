package uk.gov.council.commissioning.kpireports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.kpireports.KpiReportViews.BreachList;
import uk.gov.council.commissioning.kpireports.KpiReportViews.BreachRow;
import uk.gov.council.commissioning.kpireports.KpiReportViews.ContractQuarterRow;
import uk.gov.council.commissioning.kpireports.KpiReportViews.ContractReport;
import uk.gov.council.commissioning.kpireports.KpiReportViews.KpiLine;
import uk.gov.council.commissioning.kpireports.KpiReportViews.KpiSummary;
import uk.gov.council.commissioning.kpireports.KpiReportViews.QuarterColumn;
import uk.gov.council.commissioning.kpireports.KpiReportViews.QuarterReport;
import uk.gov.council.commissioning.kpireports.KpiReportViews.ReturnSummary;
import uk.gov.council.commissioning.kpireports.ReturnRecords.ContractRow;
import uk.gov.council.commissioning.kpireports.ReturnRecords.ReturnRow;
import uk.gov.council.commissioning.kpireports.ReturnRecords.ValueRow;
import uk.gov.council.commissioning.kpis.Kpi;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.kpis.KpiCatalogues;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.kpis.SystemMeasure;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;

/**
 * The performance indicator reports of seed 001 Part 3.2 §7: a contract's returns quarter by
 * quarter (a reporting year, or the rolling twelve months of §7.1.2), the quarterly management
 * report across providers (§7.1.1) and the KPI breach list. Each KPI a catalogue gives a system
 * measure shows the provider's value beside the measured one ({@link ReportedVsMeasured}).
 *
 * <p>A provider's user sees only its own organisations' contracts; another's is not found.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class KpiReports {

  private final ReturnRecords records;
  private final ContractService contracts;
  private final MeasuredFigures measured;
  private final KpiCatalogues catalogues;
  private final KpiReportsProperties settings;
  private final Clock clock;

  /** The contract's four quarters of the reporting year; empty when the user may not see it. */
  public Optional<ContractReport> contractYear(String reference, ReportingYear year, Actor user) {
    return contracts
        .findByReference(reference, user)
        .map(c -> contractReport(c, year.quarters(), year.label()));
  }

  /** The contract's twelve months ending with the quarter {@code to} (§7.1.2). */
  public Optional<ContractReport> rolling(String reference, ReportingQuarter to, Actor user) {
    List<ReportingQuarter> quarters =
        List.of(to.previous().previous().previous(), to.previous().previous(), to.previous(), to);
    return contracts
        .findByReference(reference, user)
        .map(
            c ->
                contractReport(
                    c,
                    quarters,
                    "twelve months to the end of " + to.label() + " (" + ending(to) + ")"));
  }

  /**
   * The rolling twelve months for a contract management meeting's agenda (§7.1.2), in one line:
   * counts only, as the agenda goes to the provider. Empty when the contract has no return in the
   * four quarters to the last one over.
   */
  public Optional<String> agendaLine(String reference) {
    ReportingQuarter to =
        ReportingQuarter.containing(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK))
            .previous();
    return rolling(reference, to, Actor.engine())
        .filter(r -> r.quarters().stream().anyMatch(q -> q.returned() != null))
        .map(
            r -> {
              long received =
                  r.quarters().stream()
                      .filter(q -> q.returned() != null && q.returned().receivedAt() != null)
                      .count();
              long onTime =
                  r.quarters().stream()
                      .filter(
                          q -> q.returned() != null && Boolean.TRUE.equals(q.returned().onTime()))
                      .count();
              int below = r.summary().stream().mapToInt(KpiSummary::breaches).sum();
              int flagged = r.summary().stream().mapToInt(KpiSummary::flagged).sum();
              return "performance returns for the twelve months to "
                  + to.label()
                  + ": "
                  + received
                  + " of 4 received, "
                  + onTime
                  + " on time; KPI values below threshold "
                  + below
                  + "; reported values differing from the measured "
                  + flagged;
            });
  }

  /** The quarterly management report across providers (§7.1.1), as the user may see it. */
  public QuarterReport quarter(ReportingQuarter quarter, Actor user) {
    Instant now = clock.instant();
    Lookup lookup = new Lookup();
    QuarterMeasurements measurements = measured.forQuarter(quarter, now);
    Map<Long, ReturnRow> returns = records.inQuarter(quarter);
    Map<Long, List<String>> codes = records.catalogueCodes(quarter.year());
    List<ContractQuarterRow> rows = new ArrayList<>();
    for (ContractRow c : records.contractsOfQuarter(quarter)) {
      if (!ProviderScope.sees(user, c.organisationGroup())) {
        continue;
      }
      List<KpiCatalogue> assigned =
          codes.getOrDefault(c.id(), List.of()).stream()
              .map(code -> lookup.current(code, quarter.year()))
              .flatMap(Optional::stream)
              .toList();
      ReturnRow r = returns.get(c.id());
      List<KpiLine> lines = lines(assigned, r, measurements.of(c.providerId()), lookup, quarter);
      List<String> breached =
          lines.stream().filter(KpiLine::belowTrigger).map(KpiReports::name).toList();
      List<String> flagged =
          lines.stream()
              .filter(l -> l.comparison() != null && l.comparison().flagged())
              .map(KpiReports::name)
              .toList();
      rows.add(
          new ContractQuarterRow(
              c.reference(),
              c.title(),
              c.providerName(),
              r == null ? null : r.status(),
              r == null ? null : r.deadline(),
              r == null ? null : r.receivedAt(),
              r == null ? null : onTime(r),
              r != null && r.late(),
              breached.size(),
              breached,
              r == null ? null : r.outcome(),
              flagged.size(),
              flagged));
    }
    return new QuarterReport(
        quarter.label(),
        quarter.firstDay(),
        quarter.lastDay(),
        now,
        settings.tolerancePercentagePoints(),
        rows.size(),
        (int) rows.stream().filter(r -> r.receivedAt() != null).count(),
        (int) rows.stream().filter(r -> Boolean.TRUE.equals(r.onTime())).count(),
        (int) rows.stream().filter(r -> r.breaches() > 0).count(),
        (int) rows.stream().filter(r -> r.flagged() > 0).count(),
        rows);
  }

  /** Every KPI below its threshold or trigger in the quarter's returns, with its consequence. */
  public BreachList breaches(ReportingQuarter quarter, Actor user) {
    Lookup lookup = new Lookup();
    Map<Long, ReturnRow> returns = records.inQuarter(quarter);
    List<BreachRow> rows = new ArrayList<>();
    for (ContractRow c : records.contractsOfQuarter(quarter)) {
      ReturnRow r = returns.get(c.id());
      if (r == null || !ProviderScope.sees(user, c.organisationGroup())) {
        continue;
      }
      for (ValueRow v : r.values()) {
        Optional<KpiCatalogue> catalogue = lookup.byId(v.catalogueId());
        Optional<Kpi> kpi = catalogue.flatMap(cat -> cat.kpi(v.kpiCode()));
        if (!v.belowTrigger() && !kpi.map(k -> k.breachedBy(v.value())).orElse(false)) {
          continue;
        }
        rows.add(
            new BreachRow(
                quarter.label(),
                c.reference(),
                c.providerName(),
                catalogue.map(KpiCatalogue::code).orElse(null),
                v.kpiCode(),
                kpi.map(Kpi::wording).orElse(null),
                kpi.map(k -> k.threshold() == null ? null : k.threshold().text()).orElse(null),
                ReportedVsMeasured.plain(v.value()),
                v.explanation(),
                r.outcome(),
                consequence(kpi.orElse(null), r.outcome())));
      }
    }
    return new BreachList(quarter.label(), rows.size(), rows);
  }

  private ContractReport contractReport(
      Contract contract, List<ReportingQuarter> quarters, String period) {
    Instant now = clock.instant();
    Lookup lookup = new Lookup();
    Map<ReportingQuarter, ReturnRow> returns = new HashMap<>();
    for (ReturnRow r :
        records.ofContract(contract.id(), quarters.get(0), quarters.get(quarters.size() - 1))) {
      returns.put(r.quarter(), r);
    }
    Map<ReportingYear, List<KpiCatalogue>> assigned = new HashMap<>();
    List<QuarterColumn> columns = new ArrayList<>();
    for (ReportingQuarter q : quarters) {
      List<KpiCatalogue> cats =
          assigned.computeIfAbsent(q.year(), y -> catalogues.forContract(contract.reference(), y));
      ReturnRow r = returns.get(q);
      Map<SystemMeasure, BigDecimal> values =
          measured.forQuarter(q, now).of(contract.provider().id());
      columns.add(new QuarterColumn(q.label(), summary(r), lines(cats, r, values, lookup, q)));
    }
    return new ContractReport(
        contract.reference(),
        contract.title(),
        contract.provider().name(),
        period,
        now,
        settings.tolerancePercentagePoints(),
        columns,
        summarise(columns));
  }

  /**
   * The quarter's KPI lines: each KPI of the assigned catalogues, then any value the return holds
   * against a catalogue no longer assigned.
   */
  private List<KpiLine> lines(
      List<KpiCatalogue> assigned,
      ReturnRow r,
      Map<SystemMeasure, BigDecimal> measuredValues,
      Lookup lookup,
      ReportingQuarter quarter) {
    Map<String, ValueRow> values = new LinkedHashMap<>();
    Map<String, KpiCatalogue> valueCatalogues = new HashMap<>();
    if (r != null) {
      for (ValueRow v : r.values()) {
        Optional<KpiCatalogue> cat = lookup.byId(v.catalogueId());
        String code = cat.map(KpiCatalogue::code).orElse("#" + v.catalogueId());
        values.put(code + "|" + v.kpiCode(), v);
        cat.ifPresent(c -> valueCatalogues.putIfAbsent(code, c));
      }
    }
    List<KpiLine> lines = new ArrayList<>();
    for (KpiCatalogue cat : assigned) {
      valueCatalogues.remove(cat.code());
      for (Kpi kpi : cat.kpis()) {
        ValueRow v = values.remove(cat.code() + "|" + kpi.code());
        if (v == null && kpi.frequency() == Kpi.Frequency.ANNUAL && quarter.number() != 4) {
          continue;
        }
        lines.add(line(cat.code(), kpi, v, r, measuredValues));
      }
    }
    for (Map.Entry<String, ValueRow> e : values.entrySet()) {
      String code = e.getKey().substring(0, e.getKey().indexOf('|'));
      KpiCatalogue cat = valueCatalogues.get(code);
      Kpi kpi = cat == null ? null : cat.kpi(e.getValue().kpiCode()).orElse(null);
      lines.add(
          kpi == null
              ? new KpiLine(
                  code,
                  e.getValue().kpiCode(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  ReportedVsMeasured.plain(e.getValue().value()),
                  e.getValue().belowTrigger(),
                  e.getValue().explanation(),
                  e.getValue().belowTrigger() ? consequence(null, r.outcome()) : null,
                  null)
              : line(code, kpi, e.getValue(), r, measuredValues));
    }
    return lines;
  }

  private KpiLine line(
      String catalogueCode,
      Kpi kpi,
      ValueRow v,
      ReturnRow r,
      Map<SystemMeasure, BigDecimal> measuredValues) {
    BigDecimal reported = v == null ? null : v.value();
    boolean below = v != null && (v.belowTrigger() || kpi.breachedBy(v.value()));
    ReportedVsMeasured comparison =
        kpi.measure() == null
            ? null
            : ReportedVsMeasured.of(
                kpi.measure(),
                kpi.unit(),
                reported,
                SystemMeasure.byKey(kpi.measure()).map(measuredValues::get).orElse(null),
                settings);
    return new KpiLine(
        catalogueCode,
        kpi.code(),
        kpi.area(),
        kpi.wording(),
        kpi.unit().name(),
        kpi.threshold() == null ? null : kpi.threshold().text(),
        kpi.reportedBy().name(),
        ReportedVsMeasured.plain(reported),
        below,
        v == null ? null : v.explanation(),
        below ? consequence(kpi, r.outcome()) : null,
        comparison);
  }

  private static List<KpiSummary> summarise(List<QuarterColumn> columns) {
    Map<String, List<KpiLine>> byKpi = new LinkedHashMap<>();
    for (QuarterColumn column : columns) {
      for (KpiLine line : column.kpis()) {
        byKpi.computeIfAbsent(name(line), k -> new ArrayList<>()).add(line);
      }
    }
    List<KpiSummary> summary = new ArrayList<>();
    byKpi.forEach(
        (name, lines) -> {
          List<BigDecimal> reported =
              lines.stream().map(KpiLine::reported).filter(java.util.Objects::nonNull).toList();
          KpiLine first = lines.get(0);
          summary.add(
              new KpiSummary(
                  first.catalogue(),
                  first.kpi(),
                  first.wording(),
                  first.threshold(),
                  reported.size(),
                  (int) lines.stream().filter(KpiLine::belowTrigger).count(),
                  reported.isEmpty() ? null : reported.get(reported.size() - 1),
                  reported.isEmpty()
                      ? null
                      : reported.stream()
                          .reduce(BigDecimal.ZERO, BigDecimal::add)
                          .divide(BigDecimal.valueOf(reported.size()), 2, RoundingMode.HALF_UP),
                  (int)
                      lines.stream()
                          .filter(l -> l.comparison() != null && l.comparison().flagged())
                          .count()));
        });
    return summary;
  }

  private static ReturnSummary summary(ReturnRow r) {
    return r == null
        ? null
        : new ReturnSummary(
            r.caseReference(),
            r.quarter().label(),
            r.status(),
            r.dueDate(),
            r.extendedTo(),
            r.receivedAt(),
            onTime(r),
            r.late(),
            r.mitigation(),
            r.outcome(),
            r.acceptedAt());
  }

  private static Boolean onTime(ReturnRow r) {
    if (r.receivedAt() == null) {
      return null;
    }
    return !LocalDate.ofInstant(r.receivedAt(), WorkingDayCalendar.UK).isAfter(r.deadline());
  }

  /**
   * The catalogue's own consequence where it names one; otherwise what seed 001 Part 3.2 §4.1.3
   * attaches to the purchasing officer's outcome.
   */
  static String consequence(Kpi kpi, String outcome) {
    if (kpi != null && kpi.consequence() != null && !kpi.consequence().isBlank()) {
      return kpi.consequence();
    }
    if (outcome == null) {
      return "Awaiting the purchasing officer's decision on the explanation (3.2 §4.1.3)";
    }
    return switch (outcome) {
      case "MONITOR" -> "Explanation accepted as short term: next quarter monitored (3.2 §4.1.3)";
      case "CONTRACTS_MANAGER" ->
          "Likely to continue: the contracts manager decides the action (3.2 §4.1.3)";
      case "UNSATISFACTORY" ->
          "No or unsatisfactory explanation: the contracts manager decides, which could be a default"
              + " notice or more frequent contract management meetings (3.2 §4.1.3)";
      default -> outcome;
    };
  }

  private static String name(KpiLine line) {
    return line.catalogue() + " " + line.kpi();
  }

  private static String ending(ReportingQuarter to) {
    return to.previous().previous().previous().firstDay() + " to " + to.lastDay();
  }

  /** Catalogue versions read once per report, however many contracts use them. */
  private final class Lookup {
    private final Map<Long, Optional<KpiCatalogue>> byId = new HashMap<>();
    private final Map<String, Optional<KpiCatalogue>> current = new HashMap<>();

    Optional<KpiCatalogue> byId(long id) {
      return byId.computeIfAbsent(id, catalogues::byId);
    }

    Optional<KpiCatalogue> current(String code, ReportingYear year) {
      return current.computeIfAbsent(
          code + "|" + year.startYear(), k -> catalogues.current(code, year));
    }
  }
}
