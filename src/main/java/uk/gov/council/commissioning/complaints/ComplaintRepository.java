package uk.gov.council.commissioning.complaints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
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

/** SQL access to the complaint table, in the caller's transaction. H2 2.x and PostgreSQL 15. */
@Repository
@RequiredArgsConstructor
class ComplaintRepository {

  private static final String SELECT =
      """
      SELECT c.*, p.name AS provider_name, p.organisation_group AS provider_group,
             k.reference AS contract_reference
        FROM complaint c
        LEFT JOIN provider p ON p.id = c.provider_id
        LEFT JOIN contract k ON k.id = c.contract_id
      """;

  private final JdbcClient jdbc;

  /** What a new complaint starts with; the number is made from the row's id. */
  public record NewComplaint(
      String processInstanceId,
      String route,
      Long providerId,
      Long contractId,
      Instant receivedAt,
      Instant openedAt,
      String openedBy,
      Instant acknowledgeDueAt,
      Instant respondDueAt,
      boolean safeguardingRaised) {}

  /**
   * Inserts the complaint and gives it its number, CP-year-id, the year being the year it was
   * opened (UK).
   */
  public String insert(NewComplaint c) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO complaint (process_instance_id, route, provider_id, contract_id, received_at, opened_at,
                                   opened_by, acknowledge_due_at, respond_due_at, original_respond_due_at,
                                   safeguarding_raised)
            VALUES (:pid, :route, :providerId, :contractId, :receivedAt, :openedAt, :openedBy,
                    :acknowledgeDueAt, :respondDueAt, :respondDueAt, :safeguarding)
            """)
        .param("pid", c.processInstanceId())
        .param("route", c.route())
        .param("providerId", new SqlParameterValue(Types.BIGINT, c.providerId()))
        .param("contractId", new SqlParameterValue(Types.BIGINT, c.contractId()))
        .param("receivedAt", utc(c.receivedAt()))
        .param("openedAt", utc(c.openedAt()))
        .param("openedBy", new SqlParameterValue(Types.VARCHAR, c.openedBy()))
        .param("acknowledgeDueAt", utc(c.acknowledgeDueAt()))
        .param("respondDueAt", utc(c.respondDueAt()))
        .param("safeguarding", c.safeguardingRaised())
        .update(key, "id");
    long id = key.getKey().longValue();
    int year = ComplaintDeadlines.ukDate(c.openedAt()).getYear();
    String number = String.format("CP-%d-%06d", year, id);
    jdbc.sql("UPDATE complaint SET complaint_number = :number WHERE id = :id")
        .param("number", number)
        .param("id", id)
        .update();
    return number;
  }

  public Optional<Complaint> findByNumber(String number) {
    return jdbc.sql(SELECT + " WHERE c.complaint_number = :number")
        .param("number", number)
        .query(ComplaintRepository::complaint)
        .optional();
  }

  public Optional<Complaint> findByProcessInstance(String processInstanceId) {
    return jdbc.sql(SELECT + " WHERE c.process_instance_id = :pid")
        .param("pid", processInstanceId)
        .query(ComplaintRepository::complaint)
        .optional();
  }

  /** Every complaint, most recently received first. */
  public List<Complaint> findAll() {
    return jdbc.sql(SELECT + " ORDER BY c.received_at DESC, c.id DESC")
        .query(ComplaintRepository::complaint)
        .list();
  }

  /** The complaints these provider organisations handle themselves (route PROVIDER). */
  public List<Complaint> findHandledByProviderGroups(Collection<String> organisationGroups) {
    if (organisationGroups.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            SELECT
                + " WHERE c.route = 'PROVIDER' AND p.organisation_group IN (:groups)"
                + " ORDER BY c.received_at DESC, c.id DESC")
        .param("groups", List.copyOf(organisationGroups))
        .query(ComplaintRepository::complaint)
        .list();
  }

  public void setAcknowledged(long id, Instant at) {
    update("UPDATE complaint SET acknowledged_at = :at WHERE id = :id", id, at);
  }

  public void setResolved(long id, Instant at) {
    update("UPDATE complaint SET resolved_at = :at WHERE id = :id", id, at);
  }

  /** Moves the response date; the original one stays. */
  public void extendResponse(long id, Instant newDue) {
    update(
        "UPDATE complaint SET respond_due_at = :at, extensions = extensions + 1 WHERE id = :id",
        id,
        newDue);
  }

  public void setWrittenReportDue(long id, Instant due) {
    update("UPDATE complaint SET written_report_due_at = :at WHERE id = :id", id, due);
  }

  public void setWrittenReport(long id, Instant at) {
    update("UPDATE complaint SET written_report_at = :at WHERE id = :id", id, at);
  }

  public void setInvestigator(long id, String userId) {
    jdbc.sql("UPDATE complaint SET investigator = :investigator WHERE id = :id")
        .param("investigator", userId)
        .param("id", id)
        .update();
  }

  public void setStage(long id, int stage) {
    jdbc.sql("UPDATE complaint SET stage = :stage WHERE id = :id")
        .param("stage", stage)
        .param("id", id)
        .update();
  }

  public void setOmbudsmanInformationSent(long id, LocalDate on) {
    jdbc.sql("UPDATE complaint SET ombudsman_information_sent_on = :on WHERE id = :id")
        .param("on", on)
        .param("id", id)
        .update();
  }

  public void setSafeguardingRaised(long id) {
    jdbc.sql("UPDATE complaint SET safeguarding_raised = TRUE WHERE id = :id")
        .param("id", id)
        .update();
  }

  /** Closes the complaint once: a closed complaint keeps its first closing time and outcome. */
  public void close(long id, Instant at, String outcomeCode, String outcome) {
    jdbc.sql(
            """
            UPDATE complaint SET status = 'CLOSED', closed_at = :at, outcome_code = :code, outcome = :outcome
             WHERE id = :id AND status = 'OPEN'
            """)
        .param("at", utc(at))
        .param("code", new SqlParameterValue(Types.VARCHAR, outcomeCode))
        .param("outcome", new SqlParameterValue(Types.VARCHAR, truncate(outcome)))
        .param("id", id)
        .update();
  }

  private void update(String sql, long id, Instant at) {
    jdbc.sql(sql).param("at", utc(at)).param("id", id).update();
  }

  private static Complaint complaint(ResultSet rs, int row) throws SQLException {
    long providerId = rs.getLong("provider_id");
    boolean noProvider = rs.wasNull();
    return new Complaint(
        rs.getLong("id"),
        rs.getString("complaint_number"),
        rs.getString("process_instance_id"),
        rs.getString("route"),
        noProvider ? null : providerId,
        rs.getString("provider_name"),
        rs.getString("provider_group"),
        rs.getString("contract_reference"),
        instant(rs, "received_at"),
        instant(rs, "opened_at"),
        rs.getString("opened_by"),
        instant(rs, "acknowledge_due_at"),
        instant(rs, "acknowledged_at"),
        instant(rs, "respond_due_at"),
        instant(rs, "original_respond_due_at"),
        rs.getInt("extensions"),
        instant(rs, "resolved_at"),
        instant(rs, "written_report_due_at"),
        instant(rs, "written_report_at"),
        rs.getString("investigator"),
        rs.getInt("stage"),
        rs.getBoolean("safeguarding_raised"),
        rs.getString("status"),
        rs.getString("outcome_code"),
        rs.getString("outcome"),
        rs.getObject("ombudsman_information_sent_on", LocalDate.class),
        instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
