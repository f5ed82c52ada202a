package uk.gov.council.commissioning.kpireports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.CommissioningApplication;
import uk.gov.council.commissioning.kpireports.KpiReportViews.QuarterReport;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.security.Actor;

/**
 * The bench of docs/performance.md, "Quarterly KPI report at 500 contracts": not a test (its name
 * keeps it out of the test run); bench/kpi-report runs it against a database of its own. It starts
 * the application on PostgreSQL, loads providers, contracts, two years of catalogues and eight
 * quarters of accepted returns with their values (and a quarter's complaints, alerts and incidents
 * for the measured side), then times the quarterly management report (seed 001 Part 3.2 §7.1.1) as
 * council staff see it: every contract.
 *
 * <p>Arguments: contracts (500), quarters (8), rounds (20).
 */
public final class KpiReportBench {

  private KpiReportBench() {}

  public static void main(String[] args) {
    int contracts = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int quarters = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    SpringApplication app = new SpringApplication(CommissioningApplication.class);
    app.setAdditionalProfiles("postgres");
    // As arguments, which come before application.yml and the environment.
    try (ConfigurableApplicationContext context =
        app.run(
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.webapp.enabled=false",
            "--commissioning.admin.password=bench-admin-password",
            "--logging.level.root=WARN")) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      KpiReports reports = context.getBean(KpiReports.class);
      ReportingQuarter last = new ReportingQuarter(new ReportingYear(2026), 2);
      long loadStart = System.nanoTime();
      load(jdbc, contracts, quarters, last);
      System.out.printf(
          Locale.ROOT,
          "loaded %d contracts x %d quarters in %.1f s%n",
          contracts,
          quarters,
          (System.nanoTime() - loadStart) / 1e9);

      QuarterReport report = null;
      for (int i = 0; i < 3; i++) {
        report = reports.quarter(last, Actor.engine());
      }
      List<Long> micros = new ArrayList<>();
      List<Long> csvMicros = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        report = reports.quarter(last, Actor.engine());
        long reported = System.nanoTime();
        KpiCsv.quarter(report);
        micros.add((reported - start) / 1000);
        csvMicros.add((System.nanoTime() - reported) / 1000);
      }
      System.out.printf(
          Locale.ROOT,
          "quarterly report %s: %d rows, %d with breaches, %d with flags%n",
          last,
          report.rows().size(),
          report.withBreaches(),
          report.withFlags());
      print("report", micros);
      print("csv", csvMicros);
    }
  }

  private static void print(String what, List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s over %d rounds: p50 %s, p95 %s, max %s%n",
        what,
        sorted.size(),
        ms(sorted.get(sorted.size() / 2)),
        ms(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)),
        ms(sorted.get(sorted.size() - 1)));
  }

  private static String ms(long micros) {
    return Duration.ofNanos(micros * 1000).toNanos() / 1e6 + " ms";
  }

  /**
   * 50 providers with ten contracts each (for 500), one catalogue of ten KPIs per year (four of
   * them measured), every contract assigned both years, one accepted return per contract and
   * quarter ending with {@code last}, a value per KPI, about one in seven below threshold; and for
   * {@code last}, four complaints, an alert and an incident per provider.
   */
  static void load(JdbcClient jdbc, int contracts, int quarters, ReportingQuarter last) {
    int providers = Math.max(1, contracts / 10);
    jdbc.sql(
            """
            INSERT INTO provider (name, contact_email, organisation_group)
            SELECT 'Bench provider ' || g, 'p' || g || '@example.org', 'provider-bench-' || g
              FROM generate_series(1, :n) g""")
        .param("n", providers)
        .update();
    jdbc.sql(
            """
            INSERT INTO contract (reference, title, provider_id, service_area, start_date, end_date,
                                  annual_value, whole_life_value)
            SELECT 'KB-' || lpad(g::text, 4, '0'), 'Bench contract ' || g,
                   (SELECT MIN(id) FROM provider WHERE organisation_group LIKE 'provider-bench-%') + (g % :p),
                   'Home care', DATE '2024-04-01', DATE '2030-03-31', 100000, 600000
              FROM generate_series(1, :n) g""")
        .param("n", contracts)
        .param("p", providers)
        .update();
    ReportingQuarter first = last;
    for (int i = 1; i < quarters; i++) {
      first = first.previous();
    }
    for (int year = first.year().startYear(); year <= last.year().startYear(); year++) {
      long id = KpiTestData.appCCatalogue(jdbc, "BENCH-APP-C", year);
      for (int k = 1; k <= 5; k++) {
        KpiTestData.kpi(
            jdbc, id, "L" + k, 10 + k, "Local PI " + k, "PERCENT", "≥ " + (80 + k), null);
      }
      jdbc.sql(
              """
              INSERT INTO contract_kpi_catalogue (contract_id, reporting_year, catalogue_code)
              SELECT id, :year, 'BENCH-APP-C' FROM contract WHERE reference LIKE 'KB-%'""")
          .param("year", year)
          .update();
    }
    for (ReportingQuarter q = first; ; q = q.next()) {
      jdbc.sql(
              """
              INSERT INTO performance_return (case_reference, contract_id, provider_id, reporting_year,
                     quarter, due_date, status, received_at, submitted_by, late, outcome, accepted_at)
              SELECT 'PR-' || c.reference || '-' || :year || '-Q' || :q, c.id, c.provider_id, :year, :q,
                     CAST(:due AS DATE), 'ACCEPTED',
                     CAST(:due AS DATE) - (c.id % 5) * INTERVAL '1 day' + INTERVAL '10 hours' + (CASE WHEN c.id % 23 = 0 THEN INTERVAL '9 days' ELSE INTERVAL '0 days' END),
                     'bench', c.id % 23 = 0, CASE WHEN c.id % 7 = 0 THEN 'MONITOR' END,
                     CAST(:due AS DATE) + INTERVAL '12 days'
                FROM contract c WHERE c.reference LIKE 'KB-%'""")
          .param("year", q.year().startYear())
          .param("q", q.number())
          .param("due", q.lastDay().plusDays(28))
          .update();
      jdbc.sql(
              """
              INSERT INTO performance_return_value (return_id, catalogue_id, kpi_code, reported_value,
                                                    below_trigger, explanation)
              SELECT r.id, k.catalogue_id, k.code,
                     CASE WHEN k.unit = 'NUMBER' THEN (r.id + k.sort_order) % 6
                          WHEN (r.id + k.sort_order) % 7 = 0 THEN 70 ELSE 96 END,
                     k.unit = 'PERCENT' AND (r.id + k.sort_order) % 7 = 0,
                     CASE WHEN k.unit = 'PERCENT' AND (r.id + k.sort_order) % 7 = 0
                          THEN 'Staff shortage in the quarter' END
                FROM performance_return r
                JOIN kpi_catalogue c ON c.code = 'BENCH-APP-C' AND c.reporting_year = r.reporting_year
                JOIN kpi k ON k.catalogue_id = c.id
               WHERE r.reporting_year = :year AND r.quarter = :q AND r.case_reference LIKE 'PR-KB-%'""")
          .param("year", q.year().startYear())
          .param("q", q.number())
          .update();
      if (q.equals(last)) {
        break;
      }
    }
    java.time.Instant start =
        last.firstDay().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3600);
    jdbc.sql(
            """
            INSERT INTO complaint (complaint_number, route, provider_id, received_at, opened_at,
                                   acknowledge_due_at, acknowledged_at, respond_due_at, original_respond_due_at)
            SELECT 'CP-B-' || p.id || '-' || g, 'PROVIDER', p.id,
                   CAST(:start AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '9 days',
                   CAST(:start AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '9 days',
                   CAST(:start AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '9 days' + INTERVAL '24 hours',
                   CAST(:start AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '9 days' + (p.id % 3 + 20) * INTERVAL '1 hour',
                   CAST(:start AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '9 days' + INTERVAL '21 days',
                   CAST(:start AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '9 days' + INTERVAL '21 days'
              FROM provider p, generate_series(1, 4) g WHERE p.organisation_group LIKE 'provider-bench-%'""")
        .param("start", start.atOffset(java.time.ZoneOffset.UTC))
        .update();
    jdbc.sql("ANALYZE").update();
  }
}
