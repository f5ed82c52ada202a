package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.cases.RegisterColumns.booleanOrNull;
import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.text;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.council.commissioning.cases.CaseRegisterQueries;

/**
 * The register of improvement plans (table qaf_improvement_plan), read with their QAF, contract and
 * provider.
 */
@Repository
@RequiredArgsConstructor
class ImprovementPlanRegister {

  private static final String SELECT =
      """
      SELECT p.*, q.qaf_number, q.financial_year, q.provider_id, pr.name AS provider_name,
             pr.contact_email AS provider_email, pr.organisation_group, c.reference AS contract_reference,
             c.title AS contract_title
        FROM qaf_improvement_plan p
        JOIN qaf_assessment q ON q.id = p.assessment_id
        JOIN contract c ON c.id = q.contract_id
        JOIN provider pr ON pr.id = q.provider_id
      """;

  private final JdbcClient jdbc;

  /** By its case's business key, {@code <QAF number>/<objective>}. */
  public Optional<ImprovementPlan> findByCaseReference(String caseReference) {
    int slash = caseReference == null ? -1 : caseReference.lastIndexOf('/');
    if (slash < 1) {
      return Optional.empty();
    }
    return jdbc.sql(SELECT + " WHERE q.qaf_number = :number AND p.objective = :objective")
        .param("number", caseReference.substring(0, slash))
        .param("objective", caseReference.substring(slash + 1))
        .query(ImprovementPlanRegister::plan)
        .optional();
  }

  public Optional<ImprovementPlan> findById(long id) {
    return new CaseRegisterQueries<>(jdbc, SELECT, ImprovementPlanRegister::plan)
        .one("p.id = :id", "id", id);
  }

  /**
   * Plans with the given status (all when null), of the given provider organisations only unless
   * {@code organisationGroups} is null.
   */
  public List<ImprovementPlan> find(String status, Collection<String> organisationGroups) {
    if (organisationGroups != null && organisationGroups.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
    if (status != null) {
      sql.append(" AND p.status = :status");
    }
    if (organisationGroups != null) {
      sql.append(" AND pr.organisation_group IN (:groups)");
    }
    sql.append(" ORDER BY p.plan_due_at, p.id");
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
    if (status != null) {
      statement = statement.param("status", status);
    }
    if (organisationGroups != null) {
      statement = statement.param("groups", List.copyOf(organisationGroups));
    }
    return statement.query(ImprovementPlanRegister::plan).list();
  }

  /**
   * The provider's plan; the first submission's time is kept, as the deadline is measured against
   * it.
   */
  void recordSubmission(
      long id,
      String actions,
      String responsible,
      String targetDates,
      String evidence,
      String submittedBy,
      Instant at) {
    jdbc.sql(
            """
            UPDATE qaf_improvement_plan
               SET plan_actions = :actions, responsible_person = :responsible, target_dates = :targetDates,
                   evidence_of_improvement = :evidence, submitted_by = :submittedBy,
                   submitted_at = COALESCE(submitted_at, :at), last_submitted_at = :at,
                   officer_decision = NULL, manager_decision = NULL
             WHERE id = :id""")
        .param("actions", actions)
        .param("responsible", responsible)
        .param("targetDates", targetDates)
        .param("evidence", evidence)
        .param("submittedBy", text(submittedBy))
        .param("at", utc(at))
        .param("id", id)
        .update();
  }

  void recordOfficerReview(long id, String decision, String comments, String by) {
    recordReview("officer", id, decision, comments, by);
  }

  void recordManagerReview(long id, String decision, String comments, String by) {
    recordReview("manager", id, decision, comments, by);
  }

  /** The officer's and the manager's reviews are kept alike, in columns named by the reviewer. */
  private void recordReview(String reviewer, long id, String decision, String comments, String by) {
    jdbc.sql(
            String.format(
                "UPDATE qaf_improvement_plan SET %1$s_decision = :decision, %1$s_comments = :comments,"
                    + " %1$s_reviewed_by = :by WHERE id = :id",
                reviewer))
        .param("decision", decision)
        .param("comments", text(comments))
        .param("by", text(by))
        .param("id", id)
        .update();
  }

  void recordSentBack(long id, Instant resubmissionDueAt) {
    jdbc.sql(
            "UPDATE qaf_improvement_plan SET times_sent_back = times_sent_back + 1, resubmission_due_at = :due"
                + " WHERE id = :id")
        .param("due", utc(resubmissionDueAt))
        .param("id", id)
        .update();
  }

  /** Once: a repeated call keeps the first acceptance and its validation date. */
  void recordAccepted(long id, Instant acceptedAt, Instant validationDueAt) {
    jdbc.sql(
            "UPDATE qaf_improvement_plan SET accepted_at = :at, validation_due_at = :due"
                + " WHERE id = :id AND accepted_at IS NULL")
        .param("at", utc(acceptedAt))
        .param("due", utc(validationDueAt))
        .param("id", id)
        .update();
  }

  void recordValidation(
      long id, String outcome, String newGrade, String findings, String by, Instant at) {
    jdbc.sql(
            """
            UPDATE qaf_improvement_plan
               SET outcome = :outcome, new_grade = :grade, validation_findings = :findings, validated_by = :by,
                   validated_at = :at
             WHERE id = :id""")
        .param("outcome", outcome)
        .param("grade", text(newGrade))
        .param("findings", text(findings))
        .param("by", text(by))
        .param("at", utc(at))
        .param("id", id)
        .update();
  }

  void recordCsgReport(
      long id, String report, boolean defaultNotice, String reasons, String by, Instant at) {
    jdbc.sql(
            """
            UPDATE qaf_improvement_plan
               SET csg_report = :report, default_notice = :notice, default_notice_reasons = :reasons,
                   reported_by = :by, reported_to_csg_at = :at
             WHERE id = :id""")
        .param("report", report)
        .param("notice", defaultNotice)
        .param("reasons", reasons)
        .param("by", text(by))
        .param("at", utc(at))
        .param("id", id)
        .update();
  }

  void close(long id, Instant at) {
    jdbc.sql(
            "UPDATE qaf_improvement_plan SET status = 'CLOSED', closed_at = :at WHERE id = :id AND status = 'OPEN'")
        .param("at", utc(at))
        .param("id", id)
        .update();
  }

  private static ImprovementPlan plan(ResultSet rs, int row) throws SQLException {
    return new ImprovementPlan(
        rs.getLong("id"),
        rs.getLong("assessment_id"),
        rs.getString("qaf_number"),
        rs.getInt("financial_year"),
        rs.getString("objective"),
        rs.getString("process_instance_id"),
        rs.getLong("provider_id"),
        rs.getString("provider_name"),
        rs.getString("provider_email"),
        rs.getString("organisation_group"),
        rs.getString("contract_reference"),
        rs.getString("contract_title"),
        instant(rs, "plan_due_at"),
        instant(rs, "submitted_at"),
        instant(rs, "last_submitted_at"),
        rs.getInt("times_sent_back"),
        rs.getString("plan_actions"),
        rs.getString("responsible_person"),
        rs.getString("target_dates"),
        rs.getString("evidence_of_improvement"),
        rs.getString("officer_decision"),
        rs.getString("officer_comments"),
        rs.getString("manager_decision"),
        rs.getString("manager_comments"),
        instant(rs, "accepted_at"),
        instant(rs, "validation_due_at"),
        instant(rs, "validated_at"),
        rs.getString("outcome"),
        rs.getString("new_grade"),
        rs.getString("validation_findings"),
        instant(rs, "reported_to_csg_at"),
        rs.getString("csg_report"),
        booleanOrNull(rs, "default_notice"),
        rs.getString("default_notice_reasons"),
        rs.getString("status"),
        instant(rs, "closed_at"),
        instant(rs, "resubmission_due_at"));
  }
}
