package uk.gov.council.commissioning.kpireports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.kpis.KpiUnit;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.Threshold;

/**
 * The demo's performance returns: for each contract with catalogues assigned, accepted returns for
 * the eight quarters ending with the last quarter over, with values made from the contract, KPI and
 * quarter alone so that every start gives the same figures. Some values fall below their threshold,
 * with the provider's explanation and the purchasing officer's §4.1.3 outcome; the first contract's
 * third return arrived late, with its mitigation, and it has a second version of its contract page
 * for the current year (seed 001 Part 3.2 §5).
 *
 * <p>It runs after the demo contracts and the catalogue assignments, last of the demo's steps, and
 * adds only what is missing. Without catalogue assignments it does nothing.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
class KpiReturnsDemoData {

  private static final Logger log = LoggerFactory.getLogger(KpiReturnsDemoData.class);
  static final int QUARTERS = 8;
  static final int LATE_QUARTER = 3;

  private final JdbcClient jdbc;
  private final Clock clock;

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  @Transactional
  public void onReady() {
    seed(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK));
  }

  /**
   * Adds what is missing of the eight quarters ending before {@code today}; returns the rows added.
   */
  @Transactional
  public int seed(LocalDate today) {
    Map<String, DemoContract> contracts = assignedContracts();
    if (contracts.isEmpty()) {
      log.info("No KPI catalogue is assigned to a contract: no demo performance returns added");
      return 0;
    }
    ReportingQuarter last = ReportingQuarter.containing(today).previous();
    if (!dueDate(last).isBefore(today)) {
      // Its return is not due yet: the demo's returns all arrived, so the eight end a quarter
      // earlier.
      last = last.previous();
    }
    List<ReportingQuarter> quarters = new ArrayList<>();
    for (ReportingQuarter q = last; quarters.size() < QUARTERS; q = q.previous()) {
      quarters.add(0, q);
    }
    int added = 0;
    boolean first = true;
    for (DemoContract c : contracts.values()) {
      if (first) {
        contractPageV2(c, ReportingQuarter.containing(today), today);
      }
      for (int i = 0; i < quarters.size(); i++) {
        added += addReturn(c, quarters.get(i), first && i == LATE_QUARTER - 1, today) ? 1 : 0;
      }
      first = false;
    }
    log.info("Demo performance returns added: {}", added);
    return added;
  }

  private record DemoContract(long id, String reference, long providerId, List<String> codes) {}

  private Map<String, DemoContract> assignedContracts() {
    Map<String, DemoContract> contracts = new TreeMap<>();
    jdbc.sql(
            """
            SELECT DISTINCT c.id, c.reference, c.provider_id, a.catalogue_code
              FROM contract_kpi_catalogue a JOIN contract c ON c.id = a.contract_id
             ORDER BY c.reference, a.catalogue_code""")
        .query(
            rs -> {
              DemoContract c =
                  contracts.computeIfAbsent(
                      rs.getString("reference"),
                      r -> {
                        try {
                          return new DemoContract(
                              rs.getLong("id"), r, rs.getLong("provider_id"), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      });
              if (!c.codes().contains(rs.getString("catalogue_code"))) {
                c.codes().add(rs.getString("catalogue_code"));
              }
            });
    return contracts;
  }

  private boolean addReturn(DemoContract c, ReportingQuarter q, boolean late, LocalDate today) {
    String reference = "PR-" + c.reference() + "-" + q.year().startYear() + "-Q" + q.number();
    boolean exists =
        jdbc.sql(
                    "SELECT COUNT(*) FROM performance_return WHERE contract_id = :c AND reporting_year = :y"
                        + " AND quarter = :q")
                .param("c", c.id())
                .param("y", q.year().startYear())
                .param("q", q.number())
                .query(Long.class)
                .single()
            > 0;
    if (exists) {
      return false;
    }
    List<DemoValue> values = new ArrayList<>();
    for (String code : c.codes()) {
      Long catalogueId = catalogueFor(code, q.year().startYear());
      if (catalogueId == null) {
        continue;
      }
      jdbc.sql(
              """
              SELECT code, unit, threshold, frequency FROM kpi
               WHERE catalogue_id = :id AND reported_by = 'PROVIDER' ORDER BY sort_order""")
          .param("id", catalogueId)
          .query(
              rs -> {
                if ("ANNUAL".equals(rs.getString("frequency")) && q.number() != 4) {
                  return;
                }
                values.add(
                    value(
                        catalogueId,
                        rs.getString("code"),
                        KpiUnit.valueOf(rs.getString("unit")),
                        Threshold.parse(rs.getString("threshold")).orElse(null),
                        c.reference(),
                        q));
              });
    }
    boolean anyBelow = values.stream().anyMatch(DemoValue::below);
    LocalDate due = dueDate(q);
    Instant received =
        (late ? due.plusDays(4) : due.minusDays(3 + Math.floorMod(c.reference().hashCode(), 5)))
            .atTime(LocalTime.of(10, 0))
            .atZone(WorkingDayCalendar.UK)
            .toInstant();
    Instant accepted = received.plusSeconds(7L * 24 * 3600);
    if (!LocalDate.ofInstant(accepted, WorkingDayCalendar.UK).isBefore(today)) {
      accepted =
          today.minusDays(1).atTime(LocalTime.NOON).atZone(WorkingDayCalendar.UK).toInstant();
    }
    String outcome =
        anyBelow
            ? (Math.floorMod((c.reference() + q).hashCode(), 3) == 0
                ? "CONTRACTS_MANAGER"
                : "MONITOR")
            : null;
    jdbc.sql(
            """
            INSERT INTO performance_return (case_reference, contract_id, provider_id, reporting_year, quarter,
                                            contract_page_id, due_date, status, received_at, submitted_by,
                                            late, mitigation, outcome, manager_decision, checked_by,
                                            accepted_at)
            VALUES (:ref, :contract, :provider, :year, :quarter, :page, :due, 'ACCEPTED', :received,
                    'demo-provider', :late, :mitigation, :outcome, :decision, 'officer', :accepted)""")
        .param("ref", reference)
        .param("contract", c.id())
        .param("provider", c.providerId())
        .param("year", q.year().startYear())
        .param("quarter", q.number())
        .param("page", pageInForce(c.id(), q))
        .param("due", due)
        .param("received", received.atOffset(ZoneOffset.UTC))
        .param("late", late)
        .param(
            "mitigation",
            late
                ? "The registered manager was on sick leave when the return fell due; the deputy sent"
                    + " it once the figures had been checked"
                : null)
        .param("outcome", outcome)
        .param(
            "decision",
            "CONTRACTS_MANAGER".equals(outcome)
                ? "Discuss the recruitment plan at the next contract management meeting"
                : null)
        .param("accepted", accepted.atOffset(ZoneOffset.UTC))
        .update();
    long returnId =
        jdbc.sql("SELECT id FROM performance_return WHERE case_reference = :ref")
            .param("ref", reference)
            .query(Long.class)
            .single();
    for (DemoValue v : values) {
      jdbc.sql(
              """
              INSERT INTO performance_return_value (return_id, catalogue_id, kpi_code, reported_value,
                                                    below_trigger, explanation)
              VALUES (:r, :c, :k, :v, :b, :e)""")
          .param("r", returnId)
          .param("c", v.catalogueId())
          .param("k", v.kpiCode())
          .param("v", v.value())
          .param("b", v.below())
          .param(
              "e",
              v.below()
                  ? "Two experienced carers left in the quarter; agency cover was used while their"
                      + " replacements were recruited"
                  : null)
          .update();
    }
    return true;
  }

  /** Four weeks after the quarter (the council sets its own dates each year, §2.1.4). */
  static LocalDate dueDate(ReportingQuarter q) {
    return q.lastDay().plusDays(28);
  }

  private record DemoValue(long catalogueId, String kpiCode, BigDecimal value, boolean below) {}

  /**
   * A value of the KPI's unit that meets its threshold, or in about one quarter in seven falls
   * short of it; the same for the same contract, KPI and quarter every time.
   */
  static DemoValue value(
      long catalogueId,
      String kpiCode,
      KpiUnit unit,
      Threshold threshold,
      String contractReference,
      ReportingQuarter q) {
    int seed =
        Math.floorMod((contractReference + "|" + kpiCode + "|" + q.label()).hashCode(), 1000);
    boolean shortfall = threshold != null && seed % 7 == 0;
    BigDecimal value;
    if (threshold == null) {
      value =
          switch (unit) {
            case PERCENT -> BigDecimal.valueOf(80 + seed % 20);
            case YES_NO -> BigDecimal.ONE;
            case RATIO -> BigDecimal.valueOf(120 + seed % 80, 2);
            case NUMBER -> BigDecimal.valueOf(seed % 6);
          };
    } else {
      BigDecimal step =
          unit == KpiUnit.RATIO
              ? BigDecimal.valueOf(1 + seed % 30, 2)
              : BigDecimal.valueOf(1 + seed % 4);
      value = shortfall ? away(threshold, step) : toward(threshold, step);
      if (unit == KpiUnit.PERCENT) {
        value = value.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
      }
      if (unit == KpiUnit.YES_NO) {
        value = shortfall ? BigDecimal.ONE.subtract(threshold.value()) : threshold.value();
      }
      if (unit != KpiUnit.NUMBER || threshold.value().signum() >= 0) {
        value = value.max(BigDecimal.ZERO);
      }
    }
    value = value.setScale(unit == KpiUnit.RATIO ? 2 : 0, RoundingMode.HALF_UP);
    boolean below = threshold != null && !threshold.met(value);
    return new DemoValue(catalogueId, kpiCode, value, below);
  }

  /** A value on the good side of the threshold. */
  private static BigDecimal toward(Threshold t, BigDecimal step) {
    return switch (t.comparison()) {
      case GE, EQ ->
          t.value().add(t.comparison() == Threshold.Comparison.EQ ? BigDecimal.ZERO : step);
      case GT -> t.value().add(step);
      case LE -> t.value().subtract(step).max(BigDecimal.ZERO);
      case LT -> t.value().subtract(step).max(BigDecimal.ZERO);
    };
  }

  /** A value on the wrong side of it. */
  private static BigDecimal away(Threshold t, BigDecimal step) {
    BigDecimal more = step.multiply(BigDecimal.valueOf(3));
    return switch (t.comparison()) {
      case GE, GT, EQ -> t.value().subtract(more);
      case LE, LT -> t.value().add(more);
    };
  }

  /** The latest version of the catalogue for the year, or of its nearest year where none. */
  private Long catalogueFor(String code, int year) {
    return jdbc.sql(
            """
            SELECT id FROM kpi_catalogue WHERE code = :code
             ORDER BY ABS(reporting_year - :year), reporting_year DESC, version DESC
             FETCH FIRST 1 ROWS ONLY""")
        .param("code", code)
        .param("year", year)
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  private Long pageInForce(long contractId, ReportingQuarter q) {
    return jdbc.sql(
            """
            SELECT id FROM performance_contract_page
             WHERE contract_id = :c AND reporting_year = :y AND effective_from <= :day
             ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""")
        .param("c", contractId)
        .param("y", q.year().startYear())
        .param("day", q.lastDay())
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  /**
   * The first contract's page for the current year in a second version (§5.1.2): the unit numbers
   * changed from the second quarter, and the value-for-money check found nothing adverse.
   */
  private void contractPageV2(DemoContract c, ReportingQuarter current, LocalDate today) {
    int year = current.year().startYear();
    Integer latest =
        jdbc.sql(
                "SELECT MAX(version) FROM performance_contract_page WHERE contract_id = :c AND"
                    + " reporting_year = :y")
            .param("c", c.id())
            .param("y", year)
            .query(Integer.class)
            .optional()
            .orElse(null);
    if (latest != null && latest >= 2) {
      return;
    }
    Instant lockedAt = current.year().firstDay().atStartOfDay(WorkingDayCalendar.UK).toInstant();
    if (latest == null) {
      page(c, year, 1, 40, current.year().firstDay(), null, null, lockedAt);
    }
    LocalDate from = current.year().quarter(2).firstDay();
    page(
        c,
        year,
        2,
        46,
        from.isAfter(today) ? current.year().firstDay() : from,
        "Six more packages of care commissioned from July after the closure of another provider's"
            + " service; unit numbers 40 to 46",
        Boolean.FALSE,
        from.atStartOfDay(WorkingDayCalendar.UK).toInstant());
  }

  private void page(
      DemoContract c,
      int year,
      int version,
      int units,
      LocalDate effectiveFrom,
      String change,
      Boolean vfmAdverse,
      Instant lockedAt) {
    jdbc.sql(
            """
            INSERT INTO performance_contract_page (contract_id, reporting_year, version, service_name,
                   primary_client_group, service_type, administering_authority, unit_numbers,
                   planned_duration, out_of_hours_cover, contract_manager, provider_contact,
                   effective_from, change_description, vfm_adverse, locked_by, locked_at)
            SELECT c.id, :year, :version, c.title, 'Older people', c.service_area, 'Adult Social Care',
                   :units, 'OVER_2_YEARS', TRUE, 'Contracts manager', p.contact_email,
                   :from, :change, :vfm, 'officer', :lockedAt
              FROM contract c JOIN provider p ON p.id = c.provider_id WHERE c.id = :id""")
        .param("year", year)
        .param("version", version)
        .param("units", units)
        .param("from", effectiveFrom)
        .param("change", change)
        .param("vfm", vfmAdverse)
        .param("lockedAt", lockedAt.atOffset(ZoneOffset.UTC))
        .param("id", c.id())
        .update();
  }
}
