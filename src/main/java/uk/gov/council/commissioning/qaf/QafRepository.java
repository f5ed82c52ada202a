package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.cases.RegisterColumns.booleanOrNull;
import static uk.gov.council.commissioning.cases.RegisterColumns.date;
import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.text;
import static uk.gov.council.commissioning.cases.RegisterColumns.timestamp;
import static uk.gov.council.commissioning.cases.RegisterColumns.truncate;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.council.commissioning.cases.CaseRegisterQueries;
import uk.gov.council.commissioning.cases.CaseRegisterQueries.NumberedRow;
import uk.gov.council.commissioning.cases.CaseRegisterQueries.Numbering;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/** QAFs, their grades and the contract management meetings they are timed from (V8, V9). */
@Repository
@RequiredArgsConstructor
public class QafRepository {

  private static final String SELECT =
      """
      SELECT q.*, c.reference AS contract_reference, c.title AS contract_title, p.name AS provider_name,
             p.contact_email AS provider_email, p.organisation_group AS provider_group
        FROM qaf_assessment q
        JOIN contract c ON c.id = q.contract_id
        JOIN provider p ON p.id = q.provider_id
      """;

  private static final String LATEST_MEETING_FIRST = "q.meeting_date DESC, q.id DESC";

  private final JdbcClient jdbc;

  /**
   * A new QAF is numbered QAF-(financial year)-(six-digit id) and has a grade row per objective it
   * asks for.
   */
  public String insert(
      String processInstanceId,
      long contractId,
      long providerId,
      int financialYear,
      String variant,
      LocalDate meetingDate,
      String reviewingOfficer,
      Instant issueAt,
      Instant returnDueAt) {
    Map<String, Object> params = new HashMap<>();
    params.put("pid", processInstanceId);
    params.put("contractId", contractId);
    params.put("providerId", providerId);
    params.put("year", financialYear);
    params.put("variant", variant);
    params.put("meeting", date(meetingDate));
    params.put("officer", text(reviewingOfficer));
    params.put("issueAt", timestamp(issueAt));
    params.put("returnDueAt", timestamp(returnDueAt));
    NumberedRow row =
        CaseRegisterQueries.insertNumbered(
            jdbc,
            new Numbering("qaf_assessment", "qaf_number", "QAF-" + financialYear + "-", 6),
            """
            process_instance_id, contract_id, provider_id, financial_year, variant,
            meeting_date, reviewing_officer, issue_at, return_due_at""",
            ":pid, :contractId, :providerId, :year, :variant, :meeting, :officer, :issueAt, :returnDueAt",
            params);
    for (QafObjective objective : QafObjective.of(variant)) {
      jdbc.sql("INSERT INTO qaf_grade (assessment_id, objective) VALUES (:id, :objective)")
          .param("id", row.id())
          .param("objective", objective.code())
          .update();
    }
    return row.number();
  }

  public Optional<QafAssessment> findByProcessInstance(String processInstanceId) {
    return assessments().one("q.process_instance_id = :pid", "pid", processInstanceId);
  }

  /** The QAF a case works on; a case without one is a fault, raised as an incident. */
  QafAssessment ofProcess(String processInstanceId) {
    return findByProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No QAF for process " + processInstanceId));
  }

  public Optional<QafAssessment> findByNumber(String number) {
    return assessments().one("q.qaf_number = :number", "number", number);
  }

  public Optional<QafAssessment> findById(long id) {
    return assessments().one("q.id = :id", "id", id);
  }

  public List<QafAssessment> findAll() {
    return assessments().all(LATEST_MEETING_FIRST);
  }

  /** A page of every QAF, the latest meeting first. */
  public PageOf<QafAssessment> page(PageQuery query) {
    return assessments().page(LATEST_MEETING_FIRST, query);
  }

  /** A page of the QAFs of the providers whose organisation group is one of {@code groups}. */
  public PageOf<QafAssessment> pageOfProviderGroups(Collection<String> groups, PageQuery query) {
    return assessments()
        .pageOfProviders("q.provider_id IN (:providers)", groups, LATEST_MEETING_FIRST, query);
  }

  public List<QafAssessment> findByProviderGroups(Collection<String> groups) {
    return assessments()
        .ofGroups("p.organisation_group IN (:groups)", groups, LATEST_MEETING_FIRST);
  }

  /** The QAF already held for this contract and meeting, if any (one per meeting). */
  public Optional<String> numberFor(long contractId, LocalDate meetingDate) {
    return jdbc.sql(
            "SELECT qaf_number FROM qaf_assessment WHERE contract_id = :c AND meeting_date = :m")
        .param("c", contractId)
        .param("m", meetingDate)
        .query(String.class)
        .optional();
  }

  public List<QafGrade> grades(long assessmentId) {
    return jdbc.sql("SELECT * FROM qaf_grade WHERE assessment_id = :id ORDER BY objective")
        .param("id", assessmentId)
        .query(
            (rs, row) ->
                new QafGrade(
                    rs.getString("objective"),
                    trim(rs.getString("provider_grade")),
                    trim(rs.getString("officer_grade")),
                    trim(rs.getString("final_grade")),
                    rs.getString("explanation"),
                    rs.getString("officer_comments")))
        .list();
  }

  /**
   * The final grades of the latest earlier QAF agreed for the same contract ("the latest QAF held",
   * §3.3), by objective; empty when there is none.
   */
  public Map<String, QafGrade> previousGrades(long contractId, int financialYear) {
    Optional<Long> previous =
        jdbc
            .sql(
                """
            SELECT id FROM qaf_assessment
             WHERE contract_id = :c AND financial_year < :year AND status = 'AGREED'
             ORDER BY financial_year DESC, meeting_date DESC, id DESC
            """)
            .param("c", contractId)
            .param("year", financialYear)
            .query(Long.class)
            .list()
            .stream()
            .findFirst();
    Map<String, QafGrade> byObjective = new LinkedHashMap<>();
    previous.ifPresent(id -> grades(id).forEach(g -> byObjective.put(g.objective(), g)));
    return byObjective;
  }

  public void recordIssued(long id, Instant at) {
    recordTimeOnce("issued_at", id, at);
  }

  public void recordClaim(long id, String objective, String grade) {
    jdbc.sql(
            "UPDATE qaf_grade SET provider_grade = :grade WHERE assessment_id = :id AND objective = :objective")
        .param("grade", new SqlParameterValue(Types.CHAR, grade))
        .param("id", id)
        .param("objective", objective)
        .update();
  }

  public void recordSummary(long id, String signedBy, LocalDate signedOn) {
    jdbc.sql(
            "UPDATE qaf_assessment SET summary_signed_by = :by, summary_signed_on = :on WHERE id = :id")
        .param("by", text(signedBy))
        .param("on", date(signedOn))
        .param("id", id)
        .update();
  }

  /** The contracts manager closed a QAF that was never returned. */
  public void closeAsNotReturned(long id) {
    jdbc.sql("UPDATE qaf_assessment SET status = 'NOT_RETURNED' WHERE id = :id AND status = 'OPEN'")
        .param("id", id)
        .update();
  }

  public void sentBack(long id) {
    jdbc.sql("UPDATE qaf_assessment SET times_sent_back = times_sent_back + 1 WHERE id = :id")
        .param("id", id)
        .update();
  }

  public void recordReturned(long id, Instant at) {
    recordTimeOnce("returned_at", id, at);
  }

  public void recordLateExplanation(long id, boolean accepted, String explanation) {
    jdbc.sql(
            "UPDATE qaf_assessment SET late_explanation_accepted = :accepted, late_explanation = :explanation"
                + " WHERE id = :id")
        .param("accepted", accepted)
        .param("explanation", text(explanation))
        .param("id", id)
        .update();
  }

  public void recordOfficerGrade(
      long id, String objective, String grade, String explanation, String comments) {
    jdbc.sql(
            """
            UPDATE qaf_grade SET officer_grade = :grade, explanation = :explanation, officer_comments = :comments
             WHERE assessment_id = :id AND objective = :objective
            """)
        .param("grade", new SqlParameterValue(Types.CHAR, grade))
        .param("explanation", text(explanation))
        .param("comments", text(comments))
        .param("id", id)
        .param("objective", objective)
        .update();
  }

  public void recordDeskReview(long id, Instant at, String concerns, boolean procurementReview) {
    jdbc.sql(
            """
            UPDATE qaf_assessment SET desk_review_at = :at, concerns_over_service = :concerns,
                   procurement_review = :procurement WHERE id = :id
            """)
        .param("at", utc(at))
        .param("concerns", text(concerns))
        .param("procurement", procurementReview)
        .param("id", id)
        .update();
  }

  public void recordVisitDecision(
      long id, Integer gradeStepsChanged, boolean visit, String reasons) {
    jdbc.sql(
            """
            UPDATE qaf_assessment SET grade_steps_changed = :steps, validation_visit = :visit,
                   validation_reasons = :reasons WHERE id = :id
            """)
        .param("steps", new SqlParameterValue(Types.INTEGER, gradeStepsChanged))
        .param("visit", visit)
        .param("reasons", text(reasons))
        .param("id", id)
        .update();
  }

  public void recordVisit(long id, LocalDate visitDate, boolean supportPlanAudit) {
    jdbc.sql(
            "UPDATE qaf_assessment SET visit_date = :date, support_plan_audit = :audit, validation_visit = TRUE"
                + " WHERE id = :id")
        .param("date", visitDate)
        .param("audit", supportPlanAudit)
        .param("id", id)
        .update();
  }

  public void recordGradesSent(long id, Instant at) {
    set("grades_sent_at", id, utc(at));
  }

  public void recordProviderResponse(long id, String response) {
    set("provider_response", id, response);
  }

  /**
   * Triggers 3 and 4 (§3.3): what the system held when the desk review was completed, and the
   * officer's reason wherever the answer differs from it.
   */
  public void recordVisitTriggerEvidence(
      long id,
      String concernsHeld,
      String concernsOverrideReason,
      String procurementHeld,
      String procurementOverrideReason) {
    jdbc.sql(
            """
            UPDATE qaf_assessment SET concerns_held = :concernsHeld,
                   concerns_override_reason = :concernsReason, procurement_held = :procurementHeld,
                   procurement_override_reason = :procurementReason
             WHERE id = :id""")
        .param("concernsHeld", text(truncate(concernsHeld, 1000)))
        .param("concernsReason", text(concernsOverrideReason))
        .param("procurementHeld", text(truncate(procurementHeld, 1000)))
        .param("procurementReason", text(procurementOverrideReason))
        .param("id", id)
        .update();
  }

  /** §2: the supplementary QAF this QAF was issued with; the first one attached stays. */
  public void attachSupplementary(long id, long supplementaryId) {
    jdbc.sql(
            "UPDATE qaf_assessment SET supplementary_id = :sid"
                + " WHERE id = :id AND supplementary_id IS NULL")
        .param("sid", supplementaryId)
        .param("id", id)
        .update();
  }

  /** The supplementary QAF this QAF carries, if it was issued with one. */
  public java.util.Optional<Long> supplementaryOf(long id) {
    return jdbc.sql("SELECT supplementary_id FROM qaf_assessment WHERE id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                java.util.Optional.ofNullable(
                    uk.gov.council.commissioning.cases.RegisterColumns.longOrNull(
                        rs, "supplementary_id")))
        .single();
  }

  public void recordSupplementaryEvidence(long id, String evidence) {
    jdbc.sql("UPDATE qaf_assessment SET supplementary_evidence = :evidence WHERE id = :id")
        .param("evidence", text(truncate(evidence, 4000)))
        .param("id", id)
        .update();
  }

  public void recordConcernsToCsg(long id, String concerns) {
    set("concerns_to_csg", id, concerns);
  }

  /** Sets one column of the QAF; {@code column} is always one of this class's names. */
  private void set(String column, long id, Object value) {
    jdbc.sql("UPDATE qaf_assessment SET " + column + " = :value WHERE id = :id")
        .param("value", value)
        .param("id", id)
        .update();
  }

  /** Records a time once: a repeat (retried job) keeps the first. */
  private void recordTimeOnce(String column, long id, Instant at) {
    jdbc.sql(
            "UPDATE qaf_assessment SET "
                + column
                + " = COALESCE("
                + column
                + ", :at) WHERE id = :id")
        .param("at", utc(at))
        .param("id", id)
        .update();
  }

  /** Final grades: the given grade per objective; status AGREED. */
  public void agree(long id, Map<String, String> finalGrades, String agreement, Instant at) {
    finalGrades.forEach(
        (objective, grade) ->
            jdbc.sql(
                    "UPDATE qaf_grade SET final_grade = :grade WHERE assessment_id = :id AND objective = :objective")
                .param("grade", grade)
                .param("id", id)
                .param("objective", objective)
                .update());
    jdbc.sql(
            """
            UPDATE qaf_assessment SET status = 'AGREED', agreement = :agreement, grades_agreed_at = :at
             WHERE id = :id
            """)
        .param("agreement", agreement)
        .param("at", utc(at))
        .param("id", id)
        .update();
  }

  // --- contract management meetings (seed 001 Part 3.1) ----------------------------------------

  /**
   * @return false when the meeting was already scheduled
   */
  public boolean scheduleMeeting(long contractId, LocalDate date) {
    return jdbc.sql(
                """
            INSERT INTO contract_management_meeting (contract_id, meeting_date)
            SELECT :c, :d WHERE NOT EXISTS
              (SELECT 1 FROM contract_management_meeting WHERE contract_id = :c AND meeting_date = :d)
            """)
            .param("c", contractId)
            .param("d", date)
            .update()
        > 0;
  }

  public List<LocalDate> meetings(long contractId) {
    return jdbc.sql(
            "SELECT meeting_date FROM contract_management_meeting WHERE contract_id = :c ORDER BY meeting_date")
        .param("c", contractId)
        .query(LocalDate.class)
        .list();
  }

  /** The contract's next scheduled meeting after {@code after} that has no QAF yet. */
  public Optional<LocalDate> nextUncoveredMeeting(long contractId, LocalDate after) {
    return jdbc
        .sql(
            """
            SELECT m.meeting_date FROM contract_management_meeting m
             WHERE m.contract_id = :c AND m.meeting_date > :after
               AND NOT EXISTS (SELECT 1 FROM qaf_assessment q
                                WHERE q.contract_id = m.contract_id AND q.meeting_date = m.meeting_date)
             ORDER BY m.meeting_date
            """)
        .param("c", contractId)
        .param("after", after)
        .query(LocalDate.class)
        .list()
        .stream()
        .findFirst();
  }

  /** A scheduled meeting of an active contract, after {@code today}, without a QAF. */
  public record DueMeeting(String contractReference, LocalDate meetingDate) {}

  /**
   * Meetings from {@code from} to {@code to} (both inclusive) of active contracts that have no QAF.
   */
  public List<DueMeeting> uncoveredMeetingsBetween(LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            SELECT c.reference, m.meeting_date FROM contract_management_meeting m
              JOIN contract c ON c.id = m.contract_id
             WHERE c.status = 'ACTIVE' AND m.meeting_date >= :from AND m.meeting_date <= :to
               AND NOT EXISTS (SELECT 1 FROM qaf_assessment q
                                WHERE q.contract_id = m.contract_id AND q.meeting_date = m.meeting_date)
             ORDER BY m.meeting_date, c.reference
            """)
        .param("from", from)
        .param("to", to)
        .query((rs, row) -> new DueMeeting(rs.getString(1), rs.getObject(2, LocalDate.class)))
        .list();
  }

  private CaseRegisterQueries<QafAssessment> assessments() {
    return new CaseRegisterQueries<>(jdbc, SELECT, QafRepository::assessment);
  }

  private static QafAssessment assessment(ResultSet rs, int row) throws SQLException {
    return new QafAssessment(
        rs.getLong("id"),
        rs.getString("qaf_number"),
        rs.getString("process_instance_id"),
        rs.getLong("contract_id"),
        rs.getString("contract_reference"),
        rs.getString("contract_title"),
        rs.getLong("provider_id"),
        rs.getString("provider_name"),
        rs.getString("provider_email"),
        rs.getString("provider_group"),
        rs.getInt("financial_year"),
        rs.getString("variant"),
        date(rs, "meeting_date"),
        rs.getString("reviewing_officer"),
        instant(rs, "issue_at"),
        instant(rs, "issued_at"),
        instant(rs, "return_due_at"),
        instant(rs, "returned_at"),
        rs.getInt("times_sent_back"),
        rs.getString("late_explanation"),
        booleanOrNull(rs, "late_explanation_accepted"),
        rs.getString("summary_signed_by"),
        date(rs, "summary_signed_on"),
        instant(rs, "desk_review_at"),
        rs.getString("concerns_over_service"),
        booleanOrNull(rs, "procurement_review"),
        (Integer) rs.getObject("grade_steps_changed", Integer.class),
        booleanOrNull(rs, "validation_visit"),
        rs.getString("validation_reasons"),
        date(rs, "visit_date"),
        booleanOrNull(rs, "support_plan_audit"),
        instant(rs, "grades_sent_at"),
        rs.getString("provider_response"),
        instant(rs, "grades_agreed_at"),
        rs.getString("agreement"),
        rs.getString("concerns_to_csg"),
        rs.getString("status"));
  }

  private static String trim(String grade) {
    return grade == null ? null : grade.trim();
  }
}
