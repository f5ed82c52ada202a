package uk.gov.council.commissioning.procurement;

import static uk.gov.council.commissioning.cases.RegisterColumns.date;
import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.text;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import uk.gov.council.commissioning.cases.CaseRegisterQueries;
import uk.gov.council.commissioning.cases.CaseRegisterQueries.Numbering;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * Procurements as recorded facts (V12): the case, its current timetable, finished stages, slips,
 * notices and challenges. The process reads dates from here, so a re-plan moves every later
 * deadline at once.
 */
@Repository
@RequiredArgsConstructor
class ProcurementRegister {

  private final JdbcClient jdbc;

  public record Procurement(
      long id,
      String reference,
      String processInstanceId,
      String title,
      String serviceArea,
      String regime,
      BigDecimal estimatedValue,
      String replacesReference,
      String startReason,
      String startedBy,
      String status,
      String plan,
      int planRevision,
      String evaluationInputs,
      String evaluationResult,
      String winningBidder,
      String awardedContractReference,
      boolean keyDecision,
      String approvalRoute,
      Instant createdAt) {}

  public record Slip(
      ProcurementStage stage,
      LocalDate plannedEnd,
      Instant detectedAt,
      LocalDate newPlannedEnd,
      String reason,
      String replannedBy) {}

  public record Notice(
      String code,
      String name,
      LocalDate dueOn,
      String reference,
      LocalDate publishedOn,
      String recordedBy) {

    public boolean late() {
      return dueOn != null && publishedOn.isAfter(dueOn);
    }
  }

  public record Challenge(
      long id,
      LocalDate receivedOn,
      String challenger,
      String grounds,
      String outcome,
      String resolution,
      LocalDate resolvedOn) {}

  /**
   * Inserts a procurement begun at {@code begunAt} (the application's clock, which decides the law
   * that governs it, not the database's) and names it PROC-(year)-(four-digit id).
   */
  public String insert(
      String processInstanceId,
      String title,
      String serviceArea,
      String regime,
      BigDecimal estimatedValue,
      boolean keyDecision,
      String replacesReference,
      String startReason,
      String startedBy,
      int year,
      Instant begunAt) {
    Map<String, Object> params = new HashMap<>();
    params.put("pid", processInstanceId);
    params.put("title", text(title));
    params.put("area", text(serviceArea));
    params.put("regime", text(regime));
    params.put("value", new SqlParameterValue(Types.NUMERIC, estimatedValue));
    params.put("key", keyDecision);
    params.put("replaces", text(replacesReference));
    params.put("reason", text(startReason));
    params.put("by", text(startedBy));
    params.put("at", utc(begunAt));
    return CaseRegisterQueries.insertNumbered(
            jdbc,
            new Numbering("procurement", "reference", "PROC-" + year + "-", 4),
            """
            process_instance_id, title, service_area, regime, estimated_value, key_decision,
            replaces_reference, start_reason, started_by, created_at""",
            ":pid, :title, :area, :regime, :value, :key, :replaces, :reason, :by, :at",
            params)
        .number();
  }

  public Optional<Procurement> find(String reference) {
    return procurements().one("reference = :ref", "ref", reference);
  }

  public Procurement require(String reference) {
    return find(reference)
        .orElseThrow(() -> new IllegalStateException("No procurement " + reference));
  }

  public List<Procurement> all() {
    return procurements().all("id");
  }

  /** A page of every procurement, the one started last first. */
  public PageOf<Procurement> page(PageQuery query) {
    return procurements().page("id DESC", query);
  }

  private CaseRegisterQueries<Procurement> procurements() {
    return new CaseRegisterQueries<>(
        jdbc, "SELECT * FROM procurement", ProcurementRegister::procurement);
  }

  /**
   * Open procurements already replacing this contract: a second one would tender the same service
   * twice.
   */
  public List<String> openFor(String contractReference) {
    return jdbc.sql(
            """
            SELECT reference FROM procurement
            WHERE replaces_reference = :ref AND status NOT IN ('NOT_APPROVED', 'WITHDRAWN', 'CONTRACT_LIVE', 'ABANDONED')
            ORDER BY id""")
        .param("ref", contractReference)
        .query(String.class)
        .list();
  }

  /**
   * Active contracts ending in [from, to] with no extension option left and never procured: each
   * needs a procurement. One refused or withdrawn stays the council's decision, so it is not
   * redone.
   */
  public List<String> contractsNeedingProcurement(LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            SELECT c.reference FROM contract c
            WHERE c.status = 'ACTIVE' AND c.end_date BETWEEN :from AND :to
              AND NOT EXISTS (SELECT 1 FROM extension_option o WHERE o.contract_id = c.id AND o.used = FALSE)
              AND NOT EXISTS (SELECT 1 FROM procurement p WHERE p.replaces_reference = c.reference)
            ORDER BY c.end_date, c.reference""")
        .param("from", from)
        .param("to", to)
        .query(String.class)
        .list();
  }

  public void setStatus(String reference, String status) {
    set("status", reference, status);
  }

  public void updateCase(
      String reference, BigDecimal estimatedValue, boolean keyDecision, String regime) {
    jdbc.sql(
            """
            UPDATE procurement SET estimated_value = :value, key_decision = :key, regime = :regime
            WHERE reference = :ref""")
        .param("value", estimatedValue)
        .param("key", keyDecision)
        .param("regime", regime)
        .param("ref", reference)
        .update();
  }

  public void setApprovalRoute(String reference, String route) {
    set("approval_route", reference, route);
  }

  /** Sets one column of the procurement; {@code column} is always one of this class's names. */
  private void set(String column, String reference, Object value) {
    jdbc.sql("UPDATE procurement SET " + column + " = :value WHERE reference = :ref")
        .param("value", value)
        .param("ref", reference)
        .update();
  }

  // Agreements to procure

  public void recordAgreement(
      String reference, String agreement, String answer, String comments, String by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO procurement_agreement (procurement_id, agreement, answer, comments, answered_by, answered_at)
            VALUES (:id, :agreement, :answer, :comments, :by, :at)""")
        .param("id", require(reference).id())
        .param("agreement", agreement)
        .param("answer", answer)
        .param("comments", text(comments))
        .param("by", text(by))
        .param("at", utc(at))
        .update();
  }

  /** The latest answer of each director to the case as it now stands, by agreement (form field). */
  public java.util.Map<String, Agreement> currentAgreements(String reference) {
    java.util.Map<String, Agreement> latest = new java.util.TreeMap<>();
    jdbc.sql(
            """
            SELECT a.agreement, a.answer, a.comments FROM procurement_agreement a
            JOIN procurement p ON p.id = a.procurement_id
            WHERE p.reference = :ref AND a.superseded = FALSE ORDER BY a.id""")
        .param("ref", reference)
        .query(
            (rs, n) ->
                new Agreement(
                    rs.getString("agreement"), rs.getString("answer"), rs.getString("comments")))
        .list()
        .forEach(a -> latest.put(a.agreement(), a));
    return latest;
  }

  /** A revised case: every director answers afresh; the earlier answers stay as history. */
  public void supersedeAgreements(String reference) {
    jdbc.sql("UPDATE procurement_agreement SET superseded = TRUE WHERE procurement_id = :id")
        .param("id", require(reference).id())
        .update();
  }

  public record Agreement(String agreement, String answer, String comments) {}

  public void setRegime(String reference, String regime) {
    set("regime", reference, regime);
  }

  public void savePlan(String reference, String planJson) {
    jdbc.sql(
            "UPDATE procurement SET plan = :plan, plan_revision = plan_revision + 1 WHERE reference = :ref")
        .param("plan", planJson)
        .param("ref", reference)
        .update();
  }

  public void saveEvaluation(String reference, String inputsJson, String resultJson) {
    jdbc.sql(
            """
            UPDATE procurement SET evaluation_inputs = :inputs, evaluation_result = :result, winning_bidder = NULL
            WHERE reference = :ref""")
        .param("inputs", inputsJson)
        .param("result", resultJson)
        .param("ref", reference)
        .update();
  }

  /** A new tender round: the failed round's evaluation is not this round's. */
  public void clearEvaluation(String reference) {
    jdbc.sql(
            """
            UPDATE procurement SET evaluation_inputs = NULL, evaluation_result = NULL, winning_bidder = NULL
            WHERE reference = :ref""")
        .param("ref", reference)
        .update();
  }

  public void recordWinner(String reference, String bidder) {
    set("winning_bidder", reference, bidder);
  }

  public void recordAwardedContract(
      String reference, String contractReference, LocalDate signedOn) {
    jdbc.sql(
            """
            UPDATE procurement SET awarded_contract_reference = :contract, contract_signed_on = :signed
            WHERE reference = :ref""")
        .param("contract", contractReference)
        .param("signed", signedOn)
        .param("ref", reference)
        .update();
  }

  /** The day the awarded contract was entered into; empty until it is signed. */
  public Optional<LocalDate> contractSignedOn(String reference) {
    return jdbc.sql("SELECT contract_signed_on FROM procurement WHERE reference = :ref")
        .param("ref", reference)
        .query((rs, n) -> rs.getObject(1, LocalDate.class))
        .optional();
  }

  /**
   * Fixes the notice a notice task (by its execution) records. A sequential multi-instance task
   * reuses its execution for the next notice, so the row is replaced.
   */
  public void openNoticeTask(String reference, String executionId, String noticeCode) {
    jdbc.sql("DELETE FROM procurement_notice_task WHERE execution_id = :execution")
        .param("execution", executionId)
        .update();
    jdbc.sql(
            """
            INSERT INTO procurement_notice_task (execution_id, procurement_id, notice_code)
            VALUES (:execution, :id, :code)""")
        .param("execution", executionId)
        .param("id", require(reference).id())
        .param("code", noticeCode)
        .update();
  }

  public Optional<String> noticeOfTask(String executionId) {
    return jdbc.sql(
            "SELECT notice_code FROM procurement_notice_task WHERE execution_id = :execution")
        .param("execution", executionId)
        .query(String.class)
        .optional();
  }

  // Stages

  public void stageFinished(String reference, ProcurementStage stage, LocalDate on) {
    long id = require(reference).id();
    int updated =
        jdbc.sql(
                "UPDATE procurement_stage_done SET finished_on = :on WHERE procurement_id = :id AND stage = :stage")
            .param("on", on)
            .param("id", id)
            .param("stage", stage.name())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO procurement_stage_done (procurement_id, stage, finished_on) VALUES (:id, :stage, :on)")
          .param("id", id)
          .param("stage", stage.name())
          .param("on", on)
          .update();
    }
  }

  /** Forgets every stage from {@code from} on, so a new tender round runs them again. */
  public void reopenStagesFrom(String reference, ProcurementStage from) {
    long id = require(reference).id();
    for (ProcurementStage stage : ProcurementStage.values()) {
      if (stage.ordinal() >= from.ordinal()) {
        jdbc.sql("DELETE FROM procurement_stage_done WHERE procurement_id = :id AND stage = :stage")
            .param("id", id)
            .param("stage", stage.name())
            .update();
      }
    }
  }

  public Optional<LocalDate> stageFinishedOn(String reference, ProcurementStage stage) {
    return jdbc.sql(
            """
            SELECT d.finished_on FROM procurement_stage_done d JOIN procurement p ON p.id = d.procurement_id
            WHERE p.reference = :ref AND d.stage = :stage""")
        .param("ref", reference)
        .param("stage", stage.name())
        .query((rs, n) -> rs.getObject(1, LocalDate.class))
        .optional();
  }

  public List<ProcurementStage> finishedStages(String reference) {
    return jdbc
        .sql(
            """
            SELECT d.stage FROM procurement_stage_done d JOIN procurement p ON p.id = d.procurement_id
            WHERE p.reference = :ref""")
        .param("ref", reference)
        .query((rs, n) -> ProcurementStage.valueOf(rs.getString(1)))
        .list()
        .stream()
        .sorted()
        .toList();
  }

  // Slips

  public void recordSlip(
      String reference, ProcurementStage stage, LocalDate plannedEnd, Instant detectedAt) {
    jdbc.sql(
            """
            INSERT INTO procurement_slip (procurement_id, stage, planned_end, detected_at)
            VALUES (:id, :stage, :planned, :at)""")
        .param("id", require(reference).id())
        .param("stage", stage.name())
        .param("planned", plannedEnd)
        .param("at", utc(detectedAt))
        .update();
  }

  /** Completes the latest slip of the stage with the lead's new date and reason. */
  public void recordReplan(
      String reference,
      ProcurementStage stage,
      LocalDate newPlannedEnd,
      String reason,
      String by,
      Instant at) {
    long id = require(reference).id();
    Long slipId =
        jdbc.sql(
                """
            SELECT MAX(id) FROM procurement_slip WHERE procurement_id = :id AND stage = :stage""")
            .param("id", id)
            .param("stage", stage.name())
            .query(Long.class)
            .single();
    if (slipId == null) {
      throw new IllegalStateException("No slip recorded for " + stage + " of " + reference);
    }
    jdbc.sql(
            """
            UPDATE procurement_slip SET new_planned_end = :end, reason = :reason, replanned_by = :by, replanned_at = :at
            WHERE id = :slip""")
        .param("end", newPlannedEnd)
        .param("reason", reason)
        .param("by", text(by))
        .param("at", utc(at))
        .param("slip", slipId)
        .update();
  }

  public List<Slip> slips(String reference) {
    return recordsOf(
        "procurement_slip",
        reference,
        (rs, n) ->
            new Slip(
                ProcurementStage.valueOf(rs.getString("stage")),
                date(rs, "planned_end"),
                instant(rs, "detected_at"),
                date(rs, "new_planned_end"),
                rs.getString("reason"),
                rs.getString("replanned_by")));
  }

  /** The rows of one of the procurement's own tables, in the order they were recorded. */
  private <T> List<T> recordsOf(String table, String reference, RowMapper<T> row) {
    return jdbc.sql(
            "SELECT r.* FROM "
                + table
                + " r JOIN procurement p ON p.id = r.procurement_id"
                + " WHERE p.reference = :ref ORDER BY r.id")
        .param("ref", reference)
        .query(row)
        .list();
  }

  // Notices

  public void recordNotice(
      String reference,
      String code,
      String name,
      LocalDate dueOn,
      String noticeReference,
      LocalDate publishedOn,
      String recordedBy) {
    jdbc.sql(
            """
            INSERT INTO procurement_notice (procurement_id, notice_code, notice_name, due_on, notice_reference,
                                            published_on, recorded_by)
            VALUES (:id, :code, :name, :due, :noticeRef, :published, :by)""")
        .param("id", require(reference).id())
        .param("code", code)
        .param("name", name)
        .param("due", date(dueOn))
        .param("noticeRef", noticeReference)
        .param("published", publishedOn)
        .param("by", text(recordedBy))
        .update();
  }

  public List<Notice> notices(String reference) {
    return recordsOf(
        "procurement_notice",
        reference,
        (rs, n) ->
            new Notice(
                rs.getString("notice_code"),
                rs.getString("notice_name"),
                date(rs, "due_on"),
                rs.getString("notice_reference"),
                date(rs, "published_on"),
                rs.getString("recorded_by")));
  }

  // Challenges

  public long recordChallenge(
      String reference, LocalDate receivedOn, String challenger, String grounds, String by) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO procurement_challenge (procurement_id, received_on, challenger, grounds, recorded_by)
            VALUES (:id, :received, :challenger, :grounds, :by)""")
        .param("id", require(reference).id())
        .param("received", receivedOn)
        .param("challenger", challenger)
        .param("grounds", grounds)
        .param("by", text(by))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void resolveChallenge(
      String reference, String outcome, String resolution, LocalDate on, String by) {
    jdbc.sql(
            """
            UPDATE procurement_challenge SET outcome = :outcome, resolution = :resolution, resolved_on = :on,
                   resolved_by = :by
            WHERE procurement_id = :id AND outcome IS NULL""")
        .param("outcome", outcome)
        .param("resolution", resolution)
        .param("on", on)
        .param("by", text(by))
        .param("id", require(reference).id())
        .update();
  }

  public List<Challenge> challenges(String reference) {
    return recordsOf(
        "procurement_challenge",
        reference,
        (rs, n) ->
            new Challenge(
                rs.getLong("id"),
                date(rs, "received_on"),
                rs.getString("challenger"),
                rs.getString("grounds"),
                rs.getString("outcome"),
                rs.getString("resolution"),
                date(rs, "resolved_on")));
  }

  private static Procurement procurement(ResultSet rs, int row) throws SQLException {
    return new Procurement(
        rs.getLong("id"),
        rs.getString("reference"),
        rs.getString("process_instance_id"),
        rs.getString("title"),
        rs.getString("service_area"),
        rs.getString("regime"),
        rs.getBigDecimal("estimated_value"),
        rs.getString("replaces_reference"),
        rs.getString("start_reason"),
        rs.getString("started_by"),
        rs.getString("status"),
        rs.getString("plan"),
        rs.getInt("plan_revision"),
        rs.getString("evaluation_inputs"),
        rs.getString("evaluation_result"),
        rs.getString("winning_bidder"),
        rs.getString("awarded_contract_reference"),
        rs.getBoolean("key_decision"),
        rs.getString("approval_route"),
        instant(rs, "created_at"));
  }

  // Written to the nanosecond as given, unlike the case registers' times (RegisterColumns.utc).
  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
