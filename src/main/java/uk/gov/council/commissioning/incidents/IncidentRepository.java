package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.text;
import static uk.gov.council.commissioning.cases.RegisterColumns.timestamp;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.council.commissioning.cases.CaseRegisterQueries;
import uk.gov.council.commissioning.cases.CaseRegisterQueries.NumberedRow;
import uk.gov.council.commissioning.cases.CaseRegisterQueries.Numbering;
import uk.gov.council.commissioning.cases.TransactionMemo;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * SQL access to the {@code serious_incident} register, in the caller's transaction (the engine's,
 * inside the process). SQL that H2 2.x and PostgreSQL 15 both accept.
 */
@Repository
class IncidentRepository {

  private static final String SELECT =
      """
      SELECT i.*, p.name AS provider_name, p.organisation_group, p.contact_email AS provider_email,
             c.reference AS contract_reference, c.title AS contract_title, c.contract_officer
        FROM serious_incident i
        JOIN provider p ON p.id = i.provider_id
        JOIN contract c ON c.id = i.contract_id
      """;

  private static final String NEWEST_FIRST = "i.occurred_at DESC, i.id DESC";

  private static final String OF_PROVIDERS = "i.provider_id IN (:providers)";

  private final JdbcClient jdbc;

  /**
   * The cases this transaction has read or inserted, by number: a step asks for its case, then its
   * emails, the next task's candidate groups and its due date ask again. Each write forgets it.
   */
  private final TransactionMemo<String, SeriousIncident> readInThisTransaction;

  IncidentRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.readInThisTransaction = new TransactionMemo<>(dataSource);
  }

  /**
   * Inserts the case and gives it its number, SI-(year of occurrence)-(six-digit id).
   *
   * @return the case as the register now holds it, so that the step that opens it need not read it
   *     back
   */
  public SeriousIncident insert(
      IncidentReport report,
      String processInstanceId,
      Instant openedAt,
      String openedBy,
      Instant initialReportDueAt,
      Instant reportingFormDueAt,
      int yearOfOccurrence) {
    Map<String, Object> params = new HashMap<>();
    params.put("pid", processInstanceId);
    params.put("providerId", report.contract().provider().id());
    params.put("contractId", report.contract().id());
    params.put("source", report.source());
    params.put("category", report.category().name());
    params.put("occurredAt", utc(report.occurredAt()));
    params.put("awareAt", timestamp(report.providerAwareAt()));
    params.put("openedAt", utc(openedAt));
    params.put("openedBy", text(openedBy));
    params.put("initialDue", utc(initialReportDueAt));
    // A provider's own report is its initial report (seed 002 §12.4).
    params.put("initialAt", timestamp(report.byProvider() ? openedAt : null));
    params.put("formDue", utc(reportingFormDueAt));
    params.put("safeguarding", report.safeguardingSuspected());
    params.put("riddor", report.riddorReportable());
    NumberedRow row =
        CaseRegisterQueries.insertNumbered(
            jdbc,
            new Numbering("serious_incident", "incident_number", "SI-" + yearOfOccurrence + "-", 6),
            """
            process_instance_id, provider_id, contract_id, source, category, occurred_at, provider_aware_at,
            opened_at, opened_by, initial_report_due_at, initial_report_at, reporting_form_due_at,
            safeguarding_suspected, riddor_reportable""",
            """
            :pid, :providerId, :contractId, :source, :category, :occurredAt, :awareAt,
            :openedAt, :openedBy, :initialDue, :initialAt, :formDue, :safeguarding, :riddor""",
            params);
    Contract contract = report.contract();
    Provider provider = contract.provider();
    SeriousIncident incident =
        new SeriousIncident(
            row.id(),
            row.number(),
            processInstanceId,
            provider.id(),
            provider.name(),
            provider.organisationGroup(),
            contract.reference(),
            contract.title(),
            report.source(),
            report.category().name(),
            micros(report.occurredAt()),
            micros(report.providerAwareAt()),
            micros(openedAt),
            openedBy,
            micros(initialReportDueAt),
            report.byProvider() ? micros(openedAt) : null,
            micros(reportingFormDueAt),
            null,
            report.safeguardingSuspected(),
            report.riddorReportable(),
            "OPEN",
            null,
            null,
            provider.contactEmail(),
            contract.contractOfficer());
    readInThisTransaction.remember(incident.incidentNumber(), incident);
    return incident;
  }

  /** As the register's timestamp columns keep an instant. */
  private static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Records the provider's initial report once; a repeat (retried job) keeps the first time. */
  public void recordInitialReport(
      String number,
      Instant at,
      Instant providerAwareAt,
      boolean safeguardingSuspected,
      boolean riddorReportable) {
    changed(number);
    jdbc.sql(
            """
            UPDATE serious_incident
               SET initial_report_at = COALESCE(initial_report_at, :at),
                   provider_aware_at = COALESCE(provider_aware_at, :awareAt),
                   safeguarding_suspected = (safeguarding_suspected OR :safeguarding),
                   riddor_reportable = :riddor
             WHERE incident_number = :number
            """)
        .param("at", utc(at))
        .param("awareAt", utc(providerAwareAt))
        .param("safeguarding", safeguardingSuspected)
        .param("riddor", riddorReportable)
        .param("number", number)
        .update();
  }

  public void recordReportingForm(String number, Instant at) {
    changed(number);
    jdbc.sql(
            "UPDATE serious_incident SET reporting_form_at = COALESCE(reporting_form_at, :at)"
                + " WHERE incident_number = :number")
        .param("at", utc(at))
        .param("number", number)
        .update();
  }

  public void markSafeguardingSuspected(String number) {
    changed(number);
    jdbc.sql(
            "UPDATE serious_incident SET safeguarding_suspected = TRUE WHERE incident_number = :number")
        .param("number", number)
        .update();
  }

  public void close(String number, Instant at, String outcome) {
    changed(number);
    jdbc.sql(
            """
            UPDATE serious_incident
               SET status = 'CLOSED', closed_at = COALESCE(closed_at, :at), outcome = :outcome
             WHERE incident_number = :number
            """)
        .param("at", utc(at))
        .param("outcome", outcome)
        .param("number", number)
        .update();
  }

  public Optional<SeriousIncident> findByNumber(String number) {
    return incidents().one("i.incident_number = :number", "number", number);
  }

  /** The register's record of a case that must exist: a process step's own incident. */
  public SeriousIncident require(String number) {
    SeriousIncident incident =
        readInThisTransaction.computeIfAbsent(number, n -> findByNumber(n).orElse(null));
    if (incident == null) {
      throw new IllegalStateException("No serious incident " + number + " in the register");
    }
    return incident;
  }

  private void changed(String number) {
    readInThisTransaction.forget(number);
  }

  /** A page of every incident, most recent occurrence first. */
  public PageOf<SeriousIncident> page(PageQuery query) {
    return incidents().page(NEWEST_FIRST, query);
  }

  /**
   * A page of the incidents of the providers whose Camunda group is one of {@code
   * organisationGroups}.
   */
  public PageOf<SeriousIncident> pageOfOrganisationGroups(
      Collection<String> organisationGroups, PageQuery query) {
    return incidents().pageOfProviders(OF_PROVIDERS, organisationGroups, NEWEST_FIRST, query);
  }

  /**
   * The statement {@link #page} (without {@code organisationGroups}) or {@link
   * #pageOfOrganisationGroups} reads a page with, for its plan to be checked.
   */
  String pageStatement(boolean ofOrganisationGroups) {
    return incidents()
        .pageStatement(ofOrganisationGroups ? " WHERE " + OF_PROVIDERS : "", NEWEST_FIRST);
  }

  /** The safeguarding alert raised from an incident, if any: who raised it and when. */
  public Optional<SafeguardingAlertSummary> safeguardingAlertOf(String number) {
    return jdbc.sql(
            """
            SELECT raised_by, aware_at, alerted_at, screened_at FROM safeguarding_alert
             WHERE source_type = 'SERIOUS_INCIDENT' AND source_reference = :number
            """)
        .param("number", number)
        .query(
            (rs, row) ->
                new SafeguardingAlertSummary(
                    rs.getString("raised_by"),
                    instant(rs, "aware_at"),
                    instant(rs, "alerted_at"),
                    instant(rs, "screened_at")))
        .optional();
  }

  private CaseRegisterQueries<SeriousIncident> incidents() {
    return new CaseRegisterQueries<>(jdbc, SELECT, IncidentRepository::incident);
  }

  public record SafeguardingAlertSummary(
      String raisedBy, Instant awareAt, Instant alertedAt, Instant screenedAt) {}

  private static SeriousIncident incident(ResultSet rs, int row) throws SQLException {
    return new SeriousIncident(
        rs.getLong("id"),
        rs.getString("incident_number"),
        rs.getString("process_instance_id"),
        rs.getLong("provider_id"),
        rs.getString("provider_name"),
        rs.getString("organisation_group"),
        rs.getString("contract_reference"),
        rs.getString("contract_title"),
        rs.getString("source"),
        rs.getString("category"),
        instant(rs, "occurred_at"),
        instant(rs, "provider_aware_at"),
        instant(rs, "opened_at"),
        rs.getString("opened_by"),
        instant(rs, "initial_report_due_at"),
        instant(rs, "initial_report_at"),
        instant(rs, "reporting_form_due_at"),
        instant(rs, "reporting_form_at"),
        rs.getBoolean("safeguarding_suspected"),
        rs.getBoolean("riddor_reportable"),
        rs.getString("status"),
        rs.getString("outcome"),
        instant(rs, "closed_at"),
        rs.getString("provider_email"),
        rs.getString("contract_officer"));
  }
}
