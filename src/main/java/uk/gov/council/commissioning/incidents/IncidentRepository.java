package uk.gov.council.commissioning.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL access to the {@code serious_incident} register, in the caller's transaction (the engine's,
 * inside the process). SQL that H2 2.x and PostgreSQL 15 both accept.
 */
@Repository
@RequiredArgsConstructor
class IncidentRepository {

  private static final String SELECT =
      """
      SELECT i.*, p.name AS provider_name, p.organisation_group, c.reference AS contract_reference,
             c.title AS contract_title
        FROM serious_incident i
        JOIN provider p ON p.id = i.provider_id
        JOIN contract c ON c.id = i.contract_id
      """;

  private final JdbcClient jdbc;

  /** Inserts the case and gives it its number, SI-(year of occurrence)-(six-digit id). */
  public String insert(
      IncidentReport report,
      String processInstanceId,
      Instant openedAt,
      String openedBy,
      Instant initialReportDueAt,
      Instant reportingFormDueAt,
      int yearOfOccurrence) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO serious_incident
              (process_instance_id, provider_id, contract_id, source, category, occurred_at, provider_aware_at,
               opened_at, opened_by, initial_report_due_at, initial_report_at, reporting_form_due_at,
               safeguarding_suspected, riddor_reportable)
            VALUES (:pid, :providerId, :contractId, :source, :category, :occurredAt, :awareAt,
                    :openedAt, :openedBy, :initialDue, :initialAt, :formDue, :safeguarding, :riddor)
            """)
        .param("pid", processInstanceId)
        .param("providerId", report.contract().provider().id())
        .param("contractId", report.contract().id())
        .param("source", report.source())
        .param("category", report.category().name())
        .param("occurredAt", utc(report.occurredAt()))
        .param(
            "awareAt",
            new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, utc(report.providerAwareAt())))
        .param("openedAt", utc(openedAt))
        .param("openedBy", new SqlParameterValue(Types.VARCHAR, openedBy))
        .param("initialDue", utc(initialReportDueAt))
        // A provider's own report is its initial report (seed 002 §12.4).
        .param(
            "initialAt",
            new SqlParameterValue(
                Types.TIMESTAMP_WITH_TIMEZONE, report.byProvider() ? utc(openedAt) : null))
        .param("formDue", utc(reportingFormDueAt))
        .param("safeguarding", report.safeguardingSuspected())
        .param("riddor", report.riddorReportable())
        .update(key, "id");
    long id = key.getKey().longValue();
    String number = String.format("SI-%d-%06d", yearOfOccurrence, id);
    jdbc.sql("UPDATE serious_incident SET incident_number = :number WHERE id = :id")
        .param("number", number)
        .param("id", id)
        .update();
    return number;
  }

  /** Records the provider's initial report once; a repeat (retried job) keeps the first time. */
  public void recordInitialReport(
      String number,
      Instant at,
      Instant providerAwareAt,
      boolean safeguardingSuspected,
      boolean riddorReportable) {
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
    jdbc.sql(
            "UPDATE serious_incident SET reporting_form_at = COALESCE(reporting_form_at, :at)"
                + " WHERE incident_number = :number")
        .param("at", utc(at))
        .param("number", number)
        .update();
  }

  public void markSafeguardingSuspected(String number) {
    jdbc.sql(
            "UPDATE serious_incident SET safeguarding_suspected = TRUE WHERE incident_number = :number")
        .param("number", number)
        .update();
  }

  public void close(String number, Instant at, String outcome) {
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
    return jdbc.sql(SELECT + " WHERE i.incident_number = :number")
        .param("number", number)
        .query(IncidentRepository::incident)
        .optional();
  }

  /** The register's record of a case that must exist: a process step's own incident. */
  public SeriousIncident require(String number) {
    return findByNumber(number)
        .orElseThrow(
            () -> new IllegalStateException("No serious incident " + number + " in the register"));
  }

  public List<SeriousIncident> findAll() {
    return jdbc.sql(SELECT + " ORDER BY i.occurred_at DESC, i.id DESC")
        .query(IncidentRepository::incident)
        .list();
  }

  /** The incidents of the providers whose Camunda group is one of {@code organisationGroups}. */
  public List<SeriousIncident> findByOrganisationGroups(Collection<String> organisationGroups) {
    if (organisationGroups.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            SELECT
                + " WHERE p.organisation_group IN (:groups) ORDER BY i.occurred_at DESC, i.id DESC")
        .param("groups", List.copyOf(organisationGroups))
        .query(IncidentRepository::incident)
        .list();
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
        instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
