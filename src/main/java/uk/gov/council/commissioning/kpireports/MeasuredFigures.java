package uk.gov.council.commissioning.kpireports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.compliance.ComplianceFigures;
import uk.gov.council.commissioning.compliance.Measure;
import uk.gov.council.commissioning.compliance.ProviderFigures;
import uk.gov.council.commissioning.compliance.Quarter;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.SystemMeasure;
import uk.gov.council.commissioning.meetings.ComplianceToSchedule;
import uk.gov.council.commissioning.meetings.MeetingMonitoring;
import uk.gov.council.commissioning.meetings.MonthFigures;
import uk.gov.council.commissioning.security.Actor;

/**
 * The value of each {@link SystemMeasure} for a provider and a reporting quarter, from the facts
 * the processes recorded. Seed 002 App C sections 4-6 come from {@link ComplianceFigures} for the
 * calendar quarter the reporting quarter is (reporting Q1, April to June, is calendar Q2); meetings
 * to schedule from {@link MeetingMonitoring} over the quarter's three months; complaints handled
 * within every deadline (seed 000 §4.7) and returns on time (seed 001 Part 3.1 §3.5) are counted
 * here, as nothing else counts them.
 *
 * <p>The figures are the provider's: a contract's measured value is its provider's across all its
 * contracts, as the cases behind them (a complaint, an alert) name the provider, not always the
 * contract. A percentage is null when no case could be judged.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class MeasuredFigures {

  private final ComplianceFigures compliance;
  private final MeetingMonitoring meetings;
  private final JdbcClient jdbc;
  private final Clock clock;

  /** The contract's provider's measures for the quarter, as of now (the engine's clock). */
  public Map<SystemMeasure, BigDecimal> forContract(Contract contract, ReportingQuarter quarter) {
    return forQuarter(quarter).of(contract.provider().id());
  }

  /** Every provider's measures for the quarter, read once, as of now (the engine's clock). */
  public QuarterMeasurements forQuarter(ReportingQuarter quarter) {
    return forQuarter(quarter, clock.instant());
  }

  public QuarterMeasurements forQuarter(ReportingQuarter quarter, Instant now) {
    Quarter calendar = calendarQuarter(quarter);
    Map<Long, Map<SystemMeasure, BigDecimal>> byProvider = new HashMap<>();
    for (ProviderFigures figures : compliance.forAllProviders(calendar, now).providers()) {
      Map<SystemMeasure, BigDecimal> values = byProvider(byProvider, figures.provider().id());
      for (Measure m : figures.measures()) {
        fromCompliance(m.key())
            .ifPresent(
                measure ->
                    values.put(measure, m.percentage() != null ? m.percentage() : countOrNull(m)));
      }
    }
    Map<Long, ComplianceToSchedule> schedule = new HashMap<>();
    YearMonth month = YearMonth.from(quarter.firstDay());
    for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
      MonthFigures figures = meetings.figures(month, Actor.engine());
      for (MonthFigures.ProviderFigures p : figures.providers()) {
        schedule.merge(p.providerId(), p.figures(), ComplianceToSchedule::plus);
      }
    }
    schedule.forEach(
        (id, s) ->
            byProvider(byProvider, id)
                .put(SystemMeasure.MEETINGS_TO_SCHEDULE, s.compliancePercent()));
    handledInTime(calendar, now)
        .forEach(
            (id, t) ->
                byProvider(byProvider, id)
                    .put(SystemMeasure.COMPLAINTS_HANDLED_IN_TIME, t.percentage()));
    returnsOnTime(quarter, now)
        .forEach(
            (id, t) ->
                byProvider(byProvider, id).put(SystemMeasure.RETURNS_ON_TIME, t.percentage()));
    return new QuarterMeasurements(quarter, now, byProvider);
  }

  /** Reporting Q1 2026/27 (April to June 2026) is calendar 2026-Q2; Q4 is 2027-Q1. */
  static Quarter calendarQuarter(ReportingQuarter quarter) {
    return Quarter.containing(quarter.firstDay());
  }

  private static Map<SystemMeasure, BigDecimal> byProvider(
      Map<Long, Map<SystemMeasure, BigDecimal>> all, long providerId) {
    return all.computeIfAbsent(providerId, id -> new EnumMap<>(SystemMeasure.class));
  }

  private static BigDecimal countOrNull(Measure m) {
    // A timed measure with nothing to judge has no percentage; only a count is a plain total.
    return m.met() == null ? BigDecimal.valueOf(m.total()) : null;
  }

  private static java.util.Optional<SystemMeasure> fromCompliance(String key) {
    return java.util.Optional.ofNullable(
        switch (key) {
          case "complaints-received" -> SystemMeasure.COMPLAINTS_RECEIVED;
          case "complaints-acknowledged-in-time" -> SystemMeasure.COMPLAINTS_ACKNOWLEDGED_24H;
          case "complaints-resolved-in-time" -> SystemMeasure.COMPLAINTS_RESOLVED_15_DAYS;
          case "safeguarding-alerts-reported" -> SystemMeasure.SAFEGUARDING_REPORTED;
          case "safeguarding-alerts-in-time" -> SystemMeasure.SAFEGUARDING_REPORTED_12H;
          case "serious-incidents" -> SystemMeasure.INCIDENTS_REPORTED;
          default -> null;
        });
  }

  /**
   * Seed 000 §4.7, "complaints dealt with in compliance with the Provider's internal QA system and
   * procedures": a complaint received in the quarter met it when it was both acknowledged and
   * resolved by the deadlines set when it was received; missed when either arrived late or its
   * deadline passed with nothing; pending (left out) otherwise.
   */
  private Map<Long, Tally> handledInTime(Quarter quarter, Instant now) {
    Map<Long, Tally> tallies = new HashMap<>();
    jdbc.sql(
            """
            SELECT provider_id, acknowledge_due_at, acknowledged_at, original_respond_due_at, resolved_at
              FROM complaint
             WHERE route = 'PROVIDER' AND received_at >= :from AND received_at < :to""")
        .param("from", quarter.start().atOffset(ZoneOffset.UTC))
        .param("to", quarter.end().atOffset(ZoneOffset.UTC))
        .query(
            rs -> {
              Verdict ack =
                  Verdict.of(
                      instant(rs.getObject("acknowledge_due_at", OffsetDateTime.class)),
                      instant(rs.getObject("acknowledged_at", OffsetDateTime.class)),
                      now);
              Verdict resolved =
                  Verdict.of(
                      instant(rs.getObject("original_respond_due_at", OffsetDateTime.class)),
                      instant(rs.getObject("resolved_at", OffsetDateTime.class)),
                      now);
              Tally t = tallies.computeIfAbsent(rs.getLong("provider_id"), id -> new Tally());
              if (ack == Verdict.MISSED || resolved == Verdict.MISSED) {
                t.missed++;
              } else if (ack == Verdict.MET && resolved == Verdict.MET) {
                t.met++;
              }
            });
    return tallies;
  }

  /**
   * Seed 001 Part 3.1 §3.5: the provider's returns for the quarter whose deadline (the agreed new
   * date where there is one, §4.1.6) has passed, and how many of them arrived by it, by UK day.
   */
  private Map<Long, Tally> returnsOnTime(ReportingQuarter quarter, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, WorkingDayCalendar.UK);
    Map<Long, Tally> tallies = new HashMap<>();
    List<ReturnTiming> timings =
        jdbc.sql(
                """
                SELECT provider_id, due_date, extended_to, received_at
                  FROM performance_return
                 WHERE reporting_year = :year AND quarter = :quarter""")
            .param("year", quarter.year().startYear())
            .param("quarter", quarter.number())
            .query(
                (rs, n) ->
                    new ReturnTiming(
                        rs.getLong("provider_id"),
                        rs.getObject("extended_to", LocalDate.class) != null
                            ? rs.getObject("extended_to", LocalDate.class)
                            : rs.getObject("due_date", LocalDate.class),
                        instant(rs.getObject("received_at", OffsetDateTime.class))))
            .list();
    for (ReturnTiming r : timings) {
      LocalDate arrived =
          r.receivedAt() == null
              ? null
              : LocalDate.ofInstant(r.receivedAt(), WorkingDayCalendar.UK);
      Tally t = tallies.computeIfAbsent(r.providerId(), id -> new Tally());
      if (arrived != null && !arrived.isAfter(r.deadline())) {
        t.met++;
      } else if (arrived != null || today.isAfter(r.deadline())) {
        t.missed++;
      }
    }
    tallies.values().removeIf(t -> t.met + t.missed == 0);
    return tallies;
  }

  private record ReturnTiming(long providerId, LocalDate deadline, Instant receivedAt) {}

  private enum Verdict {
    MET,
    MISSED,
    PENDING;

    static Verdict of(Instant due, Instant arrived, Instant now) {
      if (arrived != null) {
        return arrived.isAfter(due) ? MISSED : MET;
      }
      return now.isAfter(due) ? MISSED : PENDING;
    }
  }

  private static final class Tally {
    int met;
    int missed;

    BigDecimal percentage() {
      return met + missed == 0
          ? null
          : BigDecimal.valueOf(met * 100L)
              .divide(BigDecimal.valueOf(met + missed), 1, RoundingMode.HALF_UP);
    }
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
