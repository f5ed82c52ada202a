package uk.gov.council.commissioning.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.compliance.Measure.Tally;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;

/**
 * A provider's quarterly figures for seed 002 Appendix C sections 4-6 (complaints, safeguarding,
 * incidents), computed only from the facts the processes recorded: when a complaint was received,
 * acknowledged and resolved; when a provider became aware of a safeguarding concern and when its
 * alert reached the council; when a serious incident occurred and when its report and form arrived.
 *
 * <p>A fact belongs to the quarter, in UK time, of the moment it starts from: the complaint's
 * receipt, the provider's awareness of the concern, the incident's occurrence. "Now", which decides
 * whether an open deadline has passed, is the engine's clock.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ComplianceFigures {

  private final JdbcClient jdbc;
  private final ContractService contracts;
  private final Clock clock;

  /** The provider's figures as of now (the engine's clock). */
  public ProviderFigures forProvider(Provider provider, Quarter quarter) {
    return forProvider(provider, quarter, clock.instant());
  }

  public ProviderFigures forProvider(Provider provider, Quarter quarter, Instant now) {
    return figures(provider, quarter, now, Facts.load(jdbc, quarter, provider.id()));
  }

  /** Every provider's figures, in name order, as of now (the engine's clock). */
  public QuarterFigures forAllProviders(Quarter quarter) {
    return forAllProviders(quarter, clock.instant());
  }

  public QuarterFigures forAllProviders(Quarter quarter, Instant now) {
    Facts facts = Facts.load(jdbc, quarter, null);
    List<ProviderFigures> all =
        contracts.findAllProviders().stream()
            .sorted(Comparator.comparing(Provider::name).thenComparing(Provider::id))
            .map(provider -> figures(provider, quarter, now, facts.of(provider.id())))
            .toList();
    return new QuarterFigures(quarter.toString(), quarter.firstDay(), quarter.lastDay(), now, all);
  }

  private ProviderFigures figures(Provider provider, Quarter quarter, Instant now, Facts facts) {
    List<Measure> measures = new ArrayList<>();

    Tally acknowledged = new Tally(now);
    Tally resolved = new Tally(now);
    for (ComplaintFact c : facts.complaints) {
      acknowledged.add(c.acknowledgeDueAt, c.acknowledgedAt);
      resolved.add(c.resolveDueAt, c.resolvedAt);
    }
    measures.add(
        Measure.count(
            "complaints-received",
            "4.1",
            "seed 002 App C 4.1",
            "Number of complaints received",
            "Complaints about the provider that it handles (seed 002 §13.5), by the day they were received",
            facts.complaints.size()));
    measures.add(
        Measure.timed(
            "complaints-acknowledged-in-time",
            "4.2",
            "seed 002 App C 4.2",
            "Percentage of complaints received that have been acknowledged within 24 hours",
            "Within commissioning.complaints.provider-acknowledge-within of receipt, as set when the complaint was"
                + " received",
            acknowledged));
    measures.add(
        Measure.timed(
            "complaints-resolved-in-time",
            "4.3",
            "seed 002 App C 4.3",
            "Percentage of complaints received that have been resolved in 3 working weeks (15 days)",
            "By the resolution deadline set when the complaint was received; an extension does not move it",
            resolved));

    Tally alerted = new Tally(now);
    for (AlertFact a : facts.alerts) {
      // Only a row written outside the application can lack its deadline; it is counted, not
      // judged.
      if (a.alertDueAt != null) {
        alerted.add(a.alertDueAt, a.alertedAt);
      }
    }
    measures.add(
        Measure.count(
            "safeguarding-alerts-reported",
            "5.1",
            "seed 002 App C 5.1",
            "Number of incidents of abuse or suspected abuse have arisen and been reported to LBB in the last quarter",
            "Safeguarding alerts the provider raised, by when it became aware; concerns the council learnt"
                + " of first, once the provider's report gave when it became aware",
            facts.alerts.size()));
    measures.add(
        Measure.timed(
            "safeguarding-alerts-in-time",
            "5.2",
            "seed 002 App C 5.2",
            "Percentage of incidents of abuse or suspected abuse that have been reported to LBB Adult Social Care"
                + " within 12 hours of becoming aware of the matter, for them to progress to S42 if appropriate",
            "Within commissioning.safeguarding.alert-within of the provider's awareness, as set when the"
                + " alert was raised or, where the council learnt first, when the provider's report came",
            alerted));

    Tally initialReports = new Tally(now);
    Tally reportingForms = new Tally(now);
    int riddor = 0;
    for (IncidentFact i : facts.incidents) {
      initialReports.add(i.initialReportDueAt, i.initialReportAt);
      reportingForms.add(i.reportingFormDueAt, i.reportingFormAt);
      if (i.riddorReportable) {
        riddor++;
      }
    }
    measures.add(
        Measure.count(
            "serious-incidents",
            "6.1",
            "seed 002 App C 6.1",
            "Number of accidents, incidents and/or near misses have been reported in the last quarter",
            "Serious incidents (seed 002 §12.3), by when they occurred; lesser accidents and near misses are not"
                + " recorded here",
            facts.incidents.size()));
    measures.add(
        Measure.timed(
            "serious-incidents-initial-report-in-time",
            null,
            "seed 002 §12.4",
            "Serious incidents initially reported within 12 hours of the incident",
            "By the initial report deadline set when the case was opened",
            initialReports));
    measures.add(
        Measure.timed(
            "serious-incidents-reporting-form-in-time",
            null,
            "seed 002 §12.5",
            "Serious incident reporting forms completed within 48 hours of the incident",
            "By the reporting form deadline set when the case was opened",
            reportingForms));
    measures.add(
        Measure.count(
            "riddor-reportable-events",
            "6.2",
            "seed 002 App C 6.2",
            "Number of RIDDOR reportable events have taken place in the last quarter",
            "Serious incidents recorded as RIDDOR reportable, by when they occurred",
            riddor));

    return new ProviderFigures(
        new ProviderFigures.ProviderName(provider.id(), provider.name()),
        quarter.toString(),
        quarter.firstDay(),
        quarter.lastDay(),
        now,
        List.copyOf(measures));
  }

  private record ComplaintFact(
      long providerId,
      Instant acknowledgeDueAt,
      Instant acknowledgedAt,
      Instant resolveDueAt,
      Instant resolvedAt) {}

  private record AlertFact(long providerId, Instant alertDueAt, Instant alertedAt) {}

  private record IncidentFact(
      long providerId,
      Instant initialReportDueAt,
      Instant initialReportAt,
      Instant reportingFormDueAt,
      Instant reportingFormAt,
      boolean riddorReportable) {}

  /** The facts that start in one quarter, for one provider or all. */
  private record Facts(
      List<ComplaintFact> complaints, List<AlertFact> alerts, List<IncidentFact> incidents) {

    static Facts load(JdbcClient jdbc, Quarter quarter, Long providerId) {
      String ofProvider = providerId == null ? "" : " AND provider_id = :providerId";
      Map<String, Object> params = new HashMap<>();
      params.put("from", utc(quarter.start()));
      params.put("to", utc(quarter.end()));
      if (providerId != null) {
        params.put("providerId", providerId);
      }
      List<ComplaintFact> complaints =
          jdbc.sql(
                  """
              SELECT provider_id, acknowledge_due_at, acknowledged_at, original_respond_due_at, resolved_at
                FROM complaint
               WHERE route = 'PROVIDER' AND received_at >= :from AND received_at < :to"""
                      + ofProvider)
              .params(params)
              .query(
                  (rs, n) ->
                      new ComplaintFact(
                          rs.getLong("provider_id"),
                          instant(rs, "acknowledge_due_at"),
                          instant(rs, "acknowledged_at"),
                          instant(rs, "original_respond_due_at"),
                          instant(rs, "resolved_at")))
              .list();
      List<AlertFact> alerts =
          jdbc.sql(
                  """
              SELECT provider_id, alert_due_at, alerted_at
                FROM safeguarding_alert
               WHERE raised_by = 'PROVIDER' AND provider_id IS NOT NULL
                 AND aware_at >= :from AND aware_at < :to"""
                      + ofProvider
                      // The council learnt first: the provider's own report, from its own
                      // awareness, once it gave one (App C 5.2).
                      + """

              UNION ALL
              SELECT provider_id, provider_report_due_at AS alert_due_at,
                     provider_reported_at AS alerted_at
                FROM safeguarding_alert
               WHERE raised_by = 'COUNCIL' AND provider_id IS NOT NULL
                 AND provider_aware_at >= :from AND provider_aware_at < :to"""
                      + ofProvider)
              .params(params)
              .query(
                  (rs, n) ->
                      new AlertFact(
                          rs.getLong("provider_id"),
                          instant(rs, "alert_due_at"),
                          instant(rs, "alerted_at")))
              .list();
      List<IncidentFact> incidents =
          jdbc.sql(
                  """
              SELECT provider_id, initial_report_due_at, initial_report_at, reporting_form_due_at,
                     reporting_form_at, riddor_reportable
                FROM serious_incident
               WHERE occurred_at >= :from AND occurred_at < :to"""
                      + ofProvider)
              .params(params)
              .query(
                  (rs, n) ->
                      new IncidentFact(
                          rs.getLong("provider_id"),
                          instant(rs, "initial_report_due_at"),
                          instant(rs, "initial_report_at"),
                          instant(rs, "reporting_form_due_at"),
                          instant(rs, "reporting_form_at"),
                          rs.getBoolean("riddor_reportable")))
              .list();
      return new Facts(complaints, alerts, incidents);
    }

    Facts of(long providerId) {
      return new Facts(
          complaints.stream().filter(c -> c.providerId == providerId).toList(),
          alerts.stream().filter(a -> a.providerId == providerId).toList(),
          incidents.stream().filter(i -> i.providerId == providerId).toList());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
      OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
  }
}
