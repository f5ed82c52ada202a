package uk.gov.council.commissioning.qaf;

import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.cases.CaseStarts;

/**
 * The contracts manager reviews 2 QAFs per purchasing officer per year (seed 001 3.3 §3.2). The
 * first two QAFs each officer completes in a financial year are put forward, so the quota is met
 * without anyone having to remember it; a {@code qaf-moderation} case is started for each.
 */
@Service
@RequiredArgsConstructor
class QafModeration {

  public static final String PROCESS_KEY = "qaf-moderation";
  public static final int PER_OFFICER_PER_YEAR = 2;

  private final JdbcClient jdbc;
  private final CaseStarts cases;

  /**
   * Puts the QAF forward for moderation if its reviewing officer has fewer than two this financial
   * year. Once per QAF.
   *
   * @return the moderation case's process instance id, if one was started now
   */
  @Transactional
  public Optional<String> consider(long assessmentId) {
    Map<String, Object> qaf =
        jdbc.sql(
                "SELECT qaf_number, reviewing_officer, financial_year FROM qaf_assessment WHERE id = :id")
            .param("id", assessmentId)
            .query()
            .singleRow();
    String number = (String) value(qaf, "qaf_number");
    String officer = (String) value(qaf, "reviewing_officer");
    int year = ((Number) value(qaf, "financial_year")).intValue();
    if (officer == null) {
      return Optional.empty();
    }
    boolean already =
        jdbc.sql("SELECT COUNT(*) FROM qaf_moderation WHERE assessment_id = :id")
                .param("id", assessmentId)
                .query(Long.class)
                .single()
            > 0;
    long thisYear =
        jdbc.sql(
                "SELECT COUNT(*) FROM qaf_moderation"
                    + " WHERE reviewing_officer = :officer AND financial_year = :year")
            .param("officer", officer)
            .param("year", year)
            .query(Long.class)
            .single();
    if (already || thisYear >= PER_OFFICER_PER_YEAR) {
      return Optional.empty();
    }
    jdbc.sql(
            "INSERT INTO qaf_moderation (assessment_id, reviewing_officer, financial_year)"
                + " VALUES (:id, :officer, :year)")
        .param("id", assessmentId)
        .param("officer", officer)
        .param("year", year)
        .update();
    String instanceId =
        cases
            .startAsSystem(
                PROCESS_KEY,
                number,
                Map.of(
                    "assessmentId",
                    assessmentId,
                    "qafNumber",
                    number,
                    "reviewingOfficer",
                    officer,
                    "financialYear",
                    year))
            .getId();
    jdbc.sql("UPDATE qaf_moderation SET process_instance_id = :pid WHERE assessment_id = :id")
        .param("pid", instanceId)
        .param("id", assessmentId)
        .update();
    return Optional.of(instanceId);
  }

  // H2 answers column names in upper case, PostgreSQL in lower case.
  private static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column)
        ? row.get(column)
        : row.get(column.toUpperCase(java.util.Locale.ROOT));
  }
}
