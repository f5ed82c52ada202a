package uk.gov.council.commissioning.meetingplans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.council.commissioning.meetingplans.MeetingPlan.Action;

/** The improvement plans after meetings and their actions (V24), and the meetings they follow. */
@Repository
@RequiredArgsConstructor
class MeetingPlanRegister {

  /** A plan row without its actions. */
  record PlanRow(
      long id,
      MeetingFacts meeting,
      String caseReference,
      String status,
      int round,
      String reworkReasons,
      Instant agreedAt,
      Instant closedAt) {}

  private static final String MEETING_SELECT =
      """
      SELECT m.id AS meeting_id, m.meeting_date, c.reference, c.title, p.id AS provider_id, p.name,
             p.organisation_group
        FROM contract_management_meeting m
        JOIN contract c ON c.id = m.contract_id
        JOIN provider p ON p.id = c.provider_id
      """;

  private static final String PLAN_SELECT =
      """
      SELECT mp.id, mp.case_reference, mp.status, mp.round, mp.rework_reasons, mp.agreed_at,
             mp.closed_at, m.id AS meeting_id, m.meeting_date, c.reference, c.title,
             p.id AS provider_id, p.name, p.organisation_group
        FROM meeting_plan mp
        JOIN contract_management_meeting m ON m.id = mp.meeting_id
        JOIN contract c ON c.id = m.contract_id
        JOIN provider p ON p.id = c.provider_id
      """;

  private final JdbcClient jdbc;

  Optional<MeetingFacts> meeting(long meetingId) {
    return jdbc.sql(MEETING_SELECT + " WHERE m.id = :id")
        .param("id", meetingId)
        .query(MeetingPlanRegister::meetingFacts)
        .optional();
  }

  // --- plans (§5) ------------------------------------------------------------------------------

  void openPlan(long meetingId, String caseReference, String processInstanceId, Instant at) {
    jdbc.sql(
            """
            INSERT INTO meeting_plan (meeting_id, case_reference, process_instance_id, status, opened_at)
            VALUES (:m, :r, :p, 'DRAFTING', :at)
            """)
        .param("m", meetingId)
        .param("r", caseReference)
        .param("p", processInstanceId)
        .param("at", utc(at))
        .update();
  }

  Optional<PlanRow> plan(String caseReference) {
    return jdbc.sql(PLAN_SELECT + " WHERE mp.case_reference = :r")
        .param("r", caseReference)
        .query(MeetingPlanRegister::planRow)
        .optional();
  }

  Optional<PlanRow> planOfMeeting(long meetingId) {
    return jdbc.sql(PLAN_SELECT + " WHERE mp.meeting_id = :m")
        .param("m", meetingId)
        .query(MeetingPlanRegister::planRow)
        .optional();
  }

  /** Plans not closed, of the contract, oldest meeting first. */
  List<PlanRow> openPlansOf(String contractReference) {
    return jdbc.sql(
            PLAN_SELECT
                + " WHERE c.reference = :c AND mp.status <> 'CLOSED' ORDER BY m.meeting_date, mp.id")
        .param("c", contractReference)
        .query(MeetingPlanRegister::planRow)
        .list();
  }

  /** Every plan, newest meeting first; for a provider only its organisations'. */
  List<PlanRow> plans(Collection<String> organisationGroups) {
    return jdbc.sql(
            PLAN_SELECT
                + " WHERE p.organisation_group IN (:g) ORDER BY m.meeting_date DESC, mp.id DESC")
        .param("g", organisationGroups)
        .query(MeetingPlanRegister::planRow)
        .list();
  }

  List<PlanRow> plans() {
    return jdbc.sql(PLAN_SELECT + " ORDER BY m.meeting_date DESC, mp.id DESC")
        .query(MeetingPlanRegister::planRow)
        .list();
  }

  List<Action> actions(long planId) {
    return jdbc.sql(
            """
            SELECT action_number, description, owner, target_date, status, evidence,
                   rejection_reasons, rejections, validated_by, validated_at, overdue_at
              FROM meeting_plan_action WHERE plan_id = :p ORDER BY action_number
            """)
        .param("p", planId)
        .query(
            (rs, row) ->
                new Action(
                    rs.getInt("action_number"),
                    rs.getString("description"),
                    rs.getString("owner"),
                    rs.getObject("target_date", LocalDate.class),
                    rs.getString("status"),
                    rs.getString("evidence"),
                    rs.getString("rejection_reasons"),
                    rs.getInt("rejections"),
                    rs.getString("validated_by"),
                    instant(rs, "validated_at"),
                    rs.getObject("overdue_at") != null))
        .list();
  }

  /** The provider's plan (first or reworked) replaces the actions and goes to the council. */
  void recordPlan(long planId, List<PlanActionLines.Line> lines, String by, Instant at) {
    jdbc.sql("DELETE FROM meeting_plan_action WHERE plan_id = :p").param("p", planId).update();
    int number = 0;
    for (PlanActionLines.Line line : lines) {
      jdbc.sql(
              """
              INSERT INTO meeting_plan_action (plan_id, action_number, description, owner, target_date)
              VALUES (:p, :n, :d, :o, :t)
              """)
          .param("p", planId)
          .param("n", ++number)
          .param("d", line.description())
          .param("o", line.owner())
          .param("t", line.targetDate())
          .update();
    }
    jdbc.sql(
            """
            UPDATE meeting_plan SET status = 'WITH_COUNCIL', round = round + 1, submitted_by = :by,
                   submitted_at = :at WHERE id = :p
            """)
        .param("by", by)
        .param("at", utc(at))
        .param("p", planId)
        .update();
  }

  void recordRework(long planId, String reasons) {
    jdbc.sql("UPDATE meeting_plan SET status = 'DRAFTING', rework_reasons = :r WHERE id = :p")
        .param("r", reasons)
        .param("p", planId)
        .update();
  }

  void recordAgreed(long planId, String by, Instant at) {
    jdbc.sql(
            """
            UPDATE meeting_plan SET status = 'AGREED', agreed_by = :by, agreed_at = :at
             WHERE id = :p AND status = 'WITH_COUNCIL'
            """)
        .param("by", by)
        .param("at", utc(at))
        .param("p", planId)
        .update();
  }

  void close(long planId, Instant at) {
    jdbc.sql(
            "UPDATE meeting_plan SET status = 'CLOSED', closed_at = :at WHERE id = :p AND status = 'AGREED'")
        .param("at", utc(at))
        .param("p", planId)
        .update();
  }

  void recordValidationRequest(long planId, int action, String evidence, Instant at) {
    jdbc.sql(
            """
            UPDATE meeting_plan_action SET status = 'VALIDATION_REQUESTED', evidence = :e,
                   requested_at = :at
             WHERE plan_id = :p AND action_number = :n AND status <> 'COMPLETE'
            """)
        .param("e", evidence)
        .param("at", utc(at))
        .param("p", planId)
        .param("n", action)
        .update();
  }

  void recordValidated(long planId, int action, String by, Instant at) {
    jdbc.sql(
            """
            UPDATE meeting_plan_action SET status = 'COMPLETE', validated_by = :by, validated_at = :at,
                   rejection_reasons = NULL
             WHERE plan_id = :p AND action_number = :n
            """)
        .param("by", by)
        .param("at", utc(at))
        .param("p", planId)
        .param("n", action)
        .update();
  }

  void recordRejected(long planId, int action, String reasons) {
    jdbc.sql(
            """
            UPDATE meeting_plan_action SET status = 'OPEN', rejection_reasons = :r,
                   rejections = rejections + 1
             WHERE plan_id = :p AND action_number = :n AND status <> 'COMPLETE'
            """)
        .param("r", reasons)
        .param("p", planId)
        .param("n", action)
        .update();
  }

  void recordOverdue(long planId, int action, Instant at) {
    jdbc.sql(
            """
            UPDATE meeting_plan_action SET overdue_at = :at
             WHERE plan_id = :p AND action_number = :n AND overdue_at IS NULL
            """)
        .param("at", utc(at))
        .param("p", planId)
        .param("n", action)
        .update();
  }

  private static PlanRow planRow(ResultSet rs, int row) throws SQLException {
    return new PlanRow(
        rs.getLong("id"),
        meetingFacts(rs, row),
        rs.getString("case_reference"),
        rs.getString("status"),
        rs.getInt("round"),
        rs.getString("rework_reasons"),
        instant(rs, "agreed_at"),
        instant(rs, "closed_at"));
  }

  static MeetingFacts meetingFacts(ResultSet rs, int row) throws SQLException {
    return new MeetingFacts(
        rs.getLong("meeting_id"),
        rs.getObject("meeting_date", LocalDate.class),
        rs.getString("reference"),
        rs.getString("title"),
        rs.getLong("provider_id"),
        rs.getString("name"),
        rs.getString("organisation_group"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }
}
