package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.cases.CaseStarts;

/**
 * Starts an improvement plan (seed 001 3.3 §3.4) for every standard of a QAF finally graded "D":
 * one {@code qaf-improvement-plan} case per standard, with business key {@code <QAF
 * number>/<objective>}. Once per standard, so a retried job starts nothing twice.
 */
@Service
@RequiredArgsConstructor
class QafImprovementPlans {

  public static final String PROCESS_KEY = "qaf-improvement-plan";

  private final JdbcClient jdbc;
  private final CaseStarts cases;
  private final ImprovementPlanDeadlines deadlines;

  private final Clock clock;

  /**
   * @return the process instance ids of the plans started now (none for standards that already have
   *     one)
   */
  @Transactional
  public List<String> startForFinalDGrades(long assessmentId) {
    Map<String, Object> qaf =
        jdbc.sql(
                """
            SELECT q.qaf_number, q.financial_year, c.reference, c.title, p.name, p.organisation_group
              FROM qaf_assessment q
              JOIN contract c ON c.id = q.contract_id
              JOIN provider p ON p.id = q.provider_id
             WHERE q.id = :id
            """)
            .param("id", assessmentId)
            .query(
                (rs, row) -> {
                  Map<String, Object> m = new HashMap<>();
                  m.put("qafNumber", rs.getString(1));
                  m.put("financialYear", rs.getInt(2));
                  m.put("contractReference", rs.getString(3));
                  m.put("contractTitle", rs.getString(4));
                  m.put("providerName", rs.getString(5));
                  m.put("providerGroup", rs.getString(6));
                  return m;
                })
            .single();
    List<String> objectives =
        jdbc.sql(
                """
            SELECT g.objective FROM qaf_grade g
             WHERE g.assessment_id = :id AND g.final_grade = 'D'
               AND NOT EXISTS (SELECT 1 FROM qaf_improvement_plan p
                                WHERE p.assessment_id = g.assessment_id AND p.objective = g.objective)
             ORDER BY g.objective
            """)
            .param("id", assessmentId)
            .query(String.class)
            .list();
    List<String> started = new ArrayList<>();
    Instant now = clock.instant();
    for (String objective : objectives) {
      Instant due = deadlines.planDue(now);
      jdbc.sql(
              """
              INSERT INTO qaf_improvement_plan (assessment_id, objective, plan_due_at)
              VALUES (:assessmentId, :objective, :due)
              """)
          .param("assessmentId", assessmentId)
          .param("objective", objective)
          .param("due", due.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
          .update();
      Map<String, Object> variables = new HashMap<>(qaf);
      variables.put("assessmentId", assessmentId);
      variables.put("objective", objective);
      String businessKey = qaf.get("qafNumber") + "/" + objective;
      String instanceId = cases.startAsSystem(PROCESS_KEY, businessKey, variables).getId();
      jdbc.sql(
              "UPDATE qaf_improvement_plan SET process_instance_id = :pid"
                  + " WHERE assessment_id = :assessmentId AND objective = :objective")
          .param("pid", instanceId)
          .param("assessmentId", assessmentId)
          .param("objective", objective)
          .update();
      started.add(instanceId);
    }
    return started;
  }
}
