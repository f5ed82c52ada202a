package uk.gov.council.commissioning.audits;

import static uk.gov.council.commissioning.cases.RegisterColumns.date;
import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.text;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.InsertOnce;

/**
 * The audits and their clause risks (V23), read and written in the caller's transaction. An audit
 * is read without its checklist, which {@link ComplianceAudits} adds.
 */
@Component
@RequiredArgsConstructor
class AuditRegister {

  /** A clause's risk row. */
  record RiskRow(
      long clauseId,
      String comments,
      List<RiskCriterion> criteria,
      RiskLevel suggested,
      RiskLevel level,
      String overrideReason,
      String assessedBy,
      String evidence,
      RiskLevel revised,
      String revisedReason,
      String revisedBy) {}

  private static final String AUDITS =
      """
      SELECT a.*, m.meeting_date, c.reference, c.title, p.name, p.organisation_group
        FROM compliance_audit a
        JOIN contract_management_meeting m ON m.id = a.meeting_id
        JOIN contract c ON c.id = a.contract_id
        JOIN provider p ON p.id = a.provider_id
      """;

  private final JdbcClient jdbc;
  private final InsertOnce insertOnce;

  /**
   * Opens the meeting's audit unless it has one.
   *
   * @return false when there is no such meeting
   */
  boolean open(long meetingId, String processInstanceId, Instant at) {
    Map<String, Object> params = new HashMap<>();
    params.put("meeting", meetingId);
    params.put("instance", text(processInstanceId));
    params.put("at", utc(at));
    insertOnce.insert(
        """
        INSERT INTO compliance_audit (meeting_id, contract_id, provider_id, process_instance_id, opened_at)
        SELECT m.id, m.contract_id, c.provider_id, :instance, :at
          FROM contract_management_meeting m JOIN contract c ON c.id = m.contract_id
         WHERE m.id = :meeting
           AND NOT EXISTS (SELECT 1 FROM compliance_audit WHERE meeting_id = :meeting)
        """,
        params);
    return forMeeting(meetingId).isPresent();
  }

  Optional<ComplianceAudit> find(long id) {
    return jdbc.sql(AUDITS + " WHERE a.id = :id")
        .param("id", id)
        .query(AuditRegister::audit)
        .optional();
  }

  Optional<ComplianceAudit> forMeeting(long meetingId) {
    return jdbc.sql(AUDITS + " WHERE a.meeting_id = :meeting")
        .param("meeting", meetingId)
        .query(AuditRegister::audit)
        .optional();
  }

  List<ComplianceAudit> all() {
    return jdbc.sql(AUDITS + " ORDER BY m.meeting_date DESC, a.id DESC")
        .query(AuditRegister::audit)
        .list();
  }

  List<ComplianceAudit> ofOrganisations(Collection<String> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            AUDITS
                + " WHERE p.organisation_group IN (:groups) ORDER BY m.meeting_date DESC, a.id DESC")
        .param("groups", List.copyOf(groups))
        .query(AuditRegister::audit)
        .list();
  }

  /** Audits whose risks went to the contracts managers, or whose raised risks to the CSG, then. */
  List<ComplianceAudit> reportedBetween(Instant from, Instant to) {
    return jdbc.sql(
            AUDITS
                + " WHERE (a.risks_reported_at >= :from AND a.risks_reported_at < :to)"
                + " OR (a.raised_reported_at >= :from AND a.raised_reported_at < :to)"
                + " ORDER BY p.name, m.meeting_date, a.id")
        .param("from", utc(from))
        .param("to", utc(to))
        .query(AuditRegister::audit)
        .list();
  }

  Map<Long, RiskRow> risks(long auditId) {
    return jdbc
        .sql("SELECT * FROM compliance_audit_risk WHERE audit_id = :audit")
        .param("audit", auditId)
        .query(AuditRegister::risk)
        .list()
        .stream()
        .collect(Collectors.toMap(RiskRow::clauseId, r -> r));
  }

  /** Writes a clause's desk-top risk, replacing what the desk-top review said before. */
  void saveRisk(long auditId, RiskRow risk, Instant at) {
    Map<String, Object> params = new HashMap<>();
    params.put("audit", auditId);
    params.put("clause", risk.clauseId());
    params.put("comments", text(risk.comments()));
    params.put("criteria", text(criteria(risk.criteria())));
    params.put("suggested", risk.suggested().name());
    params.put("level", risk.level().name());
    params.put("reason", text(risk.overrideReason()));
    params.put("by", risk.assessedBy());
    params.put("at", utc(at));
    int updated =
        jdbc.sql(
                """
                UPDATE compliance_audit_risk
                   SET comments = :comments, criteria = :criteria, suggested_level = :suggested,
                       risk_level = :level, override_reason = :reason, assessed_by = :by, assessed_at = :at
                 WHERE audit_id = :audit AND clause_id = :clause
                """)
            .params(params)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO compliance_audit_risk
                (audit_id, clause_id, comments, criteria, suggested_level, risk_level, override_reason,
                 assessed_by, assessed_at)
              VALUES (:audit, :clause, :comments, :criteria, :suggested, :level, :reason, :by, :at)
              """)
          .params(params)
          .update();
    }
  }

  /** Writes a clause's revised risk after the audit with the provider. */
  void saveRevised(
      long auditId,
      long clauseId,
      String evidence,
      RiskLevel revised,
      String reason,
      String by,
      Instant at) {
    jdbc.sql(
            """
            UPDATE compliance_audit_risk
               SET evidence = :evidence, revised_level = :revised, revised_reason = :reason,
                   revised_by = :by, revised_at = :at
             WHERE audit_id = :audit AND clause_id = :clause
            """)
        .param("evidence", text(evidence))
        .param("revised", revised.name())
        .param("reason", text(reason))
        .param("by", by)
        .param("at", utc(at))
        .param("audit", auditId)
        .param("clause", clauseId)
        .update();
  }

  /**
   * Sets the columns when the audit's status is {@code from}.
   *
   * @return whether the audit was in that status
   */
  boolean move(long auditId, String from, String to, Map<String, Object> columns) {
    StringBuilder sql = new StringBuilder("UPDATE compliance_audit SET status = :to");
    Map<String, Object> params = new HashMap<>(columns);
    columns
        .keySet()
        .forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
    sql.append(" WHERE id = :id AND status = :from");
    params.put("to", to);
    params.put("from", from);
    params.put("id", auditId);
    return jdbc.sql(sql.toString()).params(params).update() > 0;
  }

  /**
   * Stamps a report's time once.
   *
   * @return false when it was stamped before (the report went then)
   */
  boolean stamp(long auditId, String column, Instant at) {
    return jdbc.sql(
                "UPDATE compliance_audit SET "
                    + column
                    + " = :at WHERE id = :id AND "
                    + column
                    + " IS NULL")
            .param("at", utc(at))
            .param("id", auditId)
            .update()
        > 0;
  }

  void setSummary(long auditId, String summary) {
    jdbc.sql("UPDATE compliance_audit SET summary = :summary WHERE id = :id")
        .param("summary", text(summary))
        .param("id", auditId)
        .update();
  }

  private static String criteria(List<RiskCriterion> criteria) {
    return criteria.isEmpty()
        ? null
        : criteria.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  private static ComplianceAudit audit(ResultSet rs, int row) throws SQLException {
    return new ComplianceAudit(
        rs.getLong("id"),
        rs.getLong("meeting_id"),
        date(rs, "meeting_date"),
        rs.getString("reference"),
        rs.getString("title"),
        rs.getLong("provider_id"),
        rs.getString("name"),
        rs.getString("organisation_group"),
        rs.getString("status"),
        instant(rs, "opened_at"),
        rs.getString("desk_top_officer"),
        instant(rs, "desk_top_done_at"),
        instant(rs, "risks_reported_at"),
        date(rs, "audit_date"),
        rs.getString("areas_to_evidence"),
        rs.getString("audit_officer"),
        rs.getString("summary"),
        instant(rs, "audit_done_at"),
        instant(rs, "raised_reported_at"),
        List.of());
  }

  private static RiskRow risk(ResultSet rs, int row) throws SQLException {
    String criteria = rs.getString("criteria");
    return new RiskRow(
        rs.getLong("clause_id"),
        rs.getString("comments"),
        criteria == null
            ? List.of()
            : Arrays.stream(criteria.split(",")).map(RiskCriterion::valueOf).toList(),
        level(rs.getString("suggested_level")),
        level(rs.getString("risk_level")),
        rs.getString("override_reason"),
        rs.getString("assessed_by"),
        rs.getString("evidence"),
        level(rs.getString("revised_level")),
        rs.getString("revised_reason"),
        rs.getString("revised_by"));
  }

  private static RiskLevel level(String name) {
    return name == null ? null : RiskLevel.valueOf(name);
  }
}
