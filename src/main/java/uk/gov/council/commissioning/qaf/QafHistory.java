package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A provider's QAF record as the desk-top compliance audit reads it (seed 001 Part 3.1 §3.2:
 * "QAFs"): the grades of its recent QAFs and the improvement plans still open. Read only.
 */
@Service
@RequiredArgsConstructor
public class QafHistory {

  /** One core objective's final grade on a QAF (null while not yet graded). */
  public record GradedObjective(
      String qafNumber,
      String contractReference,
      int financialYear,
      String status,
      String objective,
      String finalGrade) {}

  /** An improvement plan for a "D" that is still open. */
  public record OpenPlan(
      String qafNumber,
      String objective,
      Instant planDueAt,
      Instant submittedAt,
      Instant acceptedAt) {}

  private final JdbcClient jdbc;

  /** The grades of the provider's QAFs issued since {@code since}, the newest QAF first. */
  public List<GradedObjective> gradesSince(long providerId, Instant since) {
    return jdbc.sql(
            """
            SELECT a.qaf_number, c.reference, a.financial_year, a.status, g.objective, g.final_grade
              FROM qaf_assessment a
              JOIN contract c ON c.id = a.contract_id
              JOIN qaf_grade g ON g.assessment_id = a.id
             WHERE a.provider_id = :provider AND a.issue_at >= :since
             ORDER BY a.issue_at DESC, a.id, g.objective
            """)
        .param("provider", providerId)
        .param("since", utc(since))
        .query(
            (rs, row) ->
                new GradedObjective(
                    rs.getString("qaf_number"),
                    rs.getString("reference"),
                    rs.getInt("financial_year"),
                    rs.getString("status"),
                    rs.getString("objective"),
                    rs.getString("final_grade")))
        .list();
  }

  /** The provider's improvement plans not yet closed, the earliest due first. */
  public List<OpenPlan> openImprovementPlans(long providerId) {
    return jdbc.sql(
            """
            SELECT a.qaf_number, p.objective, p.plan_due_at, p.submitted_at, p.accepted_at
              FROM qaf_improvement_plan p
              JOIN qaf_assessment a ON a.id = p.assessment_id
             WHERE a.provider_id = :provider AND p.status = 'OPEN'
             ORDER BY p.plan_due_at, p.id
            """)
        .param("provider", providerId)
        .query(
            (rs, row) ->
                new OpenPlan(
                    rs.getString("qaf_number"),
                    rs.getString("objective"),
                    instant(rs, "plan_due_at"),
                    instant(rs, "submitted_at"),
                    instant(rs, "accepted_at")))
        .list();
  }
}
