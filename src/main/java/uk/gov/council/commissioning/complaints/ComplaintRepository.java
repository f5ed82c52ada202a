package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.cases.RegisterColumns.bigint;
import static uk.gov.council.commissioning.cases.RegisterColumns.date;
import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.longOrNull;
import static uk.gov.council.commissioning.cases.RegisterColumns.text;
import static uk.gov.council.commissioning.cases.RegisterColumns.truncate;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.council.commissioning.cases.CaseRegisterQueries;
import uk.gov.council.commissioning.cases.CaseRegisterQueries.Numbering;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

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

  private static final String NEWEST_FIRST = "c.received_at DESC, c.id DESC";

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
    Map<String, Object> params = new HashMap<>();
    params.put("pid", c.processInstanceId());
    params.put("route", c.route());
    params.put("providerId", bigint(c.providerId()));
    params.put("contractId", bigint(c.contractId()));
    params.put("receivedAt", utc(c.receivedAt()));
    params.put("openedAt", utc(c.openedAt()));
    params.put("openedBy", text(c.openedBy()));
    params.put("acknowledgeDueAt", utc(c.acknowledgeDueAt()));
    params.put("respondDueAt", utc(c.respondDueAt()));
    params.put("safeguarding", c.safeguardingRaised());
    int year = ComplaintDeadlines.ukDate(c.openedAt()).getYear();
    return CaseRegisterQueries.insertNumbered(
            jdbc,
            new Numbering("complaint", "complaint_number", "CP-" + year + "-", 6),
            """
            process_instance_id, route, provider_id, contract_id, received_at, opened_at,
            opened_by, acknowledge_due_at, respond_due_at, original_respond_due_at,
            safeguarding_raised""",
            """
            :pid, :route, :providerId, :contractId, :receivedAt, :openedAt, :openedBy,
            :acknowledgeDueAt, :respondDueAt, :respondDueAt, :safeguarding""",
            params)
        .number();
  }

  public Optional<Complaint> findByNumber(String number) {
    return complaints().one("c.complaint_number = :number", "number", number);
  }

  public Optional<Complaint> findByProcessInstance(String processInstanceId) {
    return complaints().one("c.process_instance_id = :pid", "pid", processInstanceId);
  }

  /** Every complaint, most recently received first. */
  public List<Complaint> findAll() {
    return complaints().all(NEWEST_FIRST);
  }

  /** A page of every complaint, most recently received first. */
  public PageOf<Complaint> page(PageQuery query) {
    return complaints().page(NEWEST_FIRST, query);
  }

  /** A page of the complaints these provider organisations handle themselves (route PROVIDER). */
  public PageOf<Complaint> pageHandledByProviderGroups(
      Collection<String> organisationGroups, PageQuery query) {
    return complaints()
        .pageOfProviders(
            "c.route = 'PROVIDER' AND c.provider_id IN (:providers)",
            organisationGroups,
            NEWEST_FIRST,
            query);
  }

  /** The complaints these provider organisations handle themselves (route PROVIDER). */
  public List<Complaint> findHandledByProviderGroups(Collection<String> organisationGroups) {
    return complaints()
        .ofGroups(
            "c.route = 'PROVIDER' AND p.organisation_group IN (:groups)",
            organisationGroups,
            NEWEST_FIRST);
  }

  public void setAcknowledged(long id, Instant at) {
    set("acknowledged_at", id, utc(at));
  }

  public void setResolved(long id, Instant at) {
    set("resolved_at", id, utc(at));
  }

  /** Moves the response date; the original one stays. */
  public void extendResponse(long id, Instant newDue) {
    jdbc.sql(
            "UPDATE complaint SET respond_due_at = :at, extensions = extensions + 1 WHERE id = :id")
        .param("at", utc(newDue))
        .param("id", id)
        .update();
  }

  public void setWrittenReportDue(long id, Instant due) {
    set("written_report_due_at", id, utc(due));
  }

  public void setWrittenReport(long id, Instant at) {
    set("written_report_at", id, utc(at));
  }

  public void setInvestigator(long id, String userId) {
    set("investigator", id, userId);
  }

  public void setStage(long id, int stage) {
    set("stage", id, stage);
  }

  public void setOmbudsmanInformationSent(long id, LocalDate on) {
    set("ombudsman_information_sent_on", id, on);
  }

  public void setSafeguardingRaised(long id) {
    set("safeguarding_raised", id, true);
  }

  /** Closes the complaint once: a closed complaint keeps its first closing time and outcome. */
  public void close(long id, Instant at, String outcomeCode, String outcome) {
    jdbc.sql(
            """
            UPDATE complaint SET status = 'CLOSED', closed_at = :at, outcome_code = :code, outcome = :outcome
             WHERE id = :id AND status = 'OPEN'
            """)
        .param("at", utc(at))
        .param("code", text(outcomeCode))
        .param("outcome", text(truncate(outcome, 2000)))
        .param("id", id)
        .update();
  }

  /** Sets one column of the complaint; {@code column} is always one of this class's names. */
  private void set(String column, long id, Object value) {
    jdbc.sql("UPDATE complaint SET " + column + " = :value WHERE id = :id")
        .param("value", value)
        .param("id", id)
        .update();
  }

  private CaseRegisterQueries<Complaint> complaints() {
    return new CaseRegisterQueries<>(jdbc, SELECT, ComplaintRepository::complaint);
  }

  private static Complaint complaint(ResultSet rs, int row) throws SQLException {
    return new Complaint(
        rs.getLong("id"),
        rs.getString("complaint_number"),
        rs.getString("process_instance_id"),
        rs.getString("route"),
        longOrNull(rs, "provider_id"),
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
        date(rs, "ombudsman_information_sent_on"),
        instant(rs, "closed_at"));
  }
}
