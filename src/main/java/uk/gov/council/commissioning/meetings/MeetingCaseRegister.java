package uk.gov.council.commissioning.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * What a meeting's case records on its row of {@code contract_management_meeting}, its actions
 * ({@code meeting_action}) and formal monitoring ({@code contract_priority}), V22. Every write can
 * run again (a retried job) and leaves the same rows.
 */
@Repository
@RequiredArgsConstructor
class MeetingCaseRegister {

  private static final String SELECT =
      """
      SELECT m.id, c.id AS contract_id, c.reference, c.title, p.name, p.organisation_group, p.contact_email,
             m.meeting_date, m.meeting_time, m.venue, m.status, m.process_instance_id,
             m.letter_sent_at, m.compliance_audit_needed, m.compliance_audit_date,
             m.areas_to_evidence, m.provider_agenda_items, m.agenda, m.priority_reassigned,
             m.priority_reason
        FROM contract_management_meeting m
        JOIN contract c ON c.id = m.contract_id
        JOIN provider p ON p.id = c.provider_id
      """;

  private final JdbcClient jdbc;

  Optional<MeetingCase> find(long meetingId) {
    return jdbc.sql(SELECT + " WHERE m.id = :id")
        .param("id", meetingId)
        .query(MeetingCaseRegister::row)
        .optional();
  }

  MeetingCase ofProcess(String processInstanceId) {
    return jdbc.sql(SELECT + " WHERE m.process_instance_id = :p")
        .param("p", processInstanceId)
        .query(MeetingCaseRegister::row)
        .single();
  }

  void attachCase(long meetingId, String processInstanceId) {
    update(
        "UPDATE contract_management_meeting SET process_instance_id = :v WHERE id = :id",
        meetingId,
        processInstanceId);
  }

  /** The planned meetings of a schedule that have no case yet, soonest first. */
  List<Long> withoutCase(long scheduleId) {
    return jdbc.sql(
            """
            SELECT id FROM contract_management_meeting
             WHERE schedule_id = :s AND process_instance_id IS NULL AND status = 'PLANNED'
             ORDER BY meeting_date, id
            """)
        .param("s", scheduleId)
        .query(Long.class)
        .list();
  }

  void agreeDate(long meetingId, LocalDate date, String time, String venue, String by) {
    jdbc.sql(
            """
            UPDATE contract_management_meeting
               SET meeting_date = :d, meeting_time = :t, venue = :v, date_agreed_by = :by
             WHERE id = :id
            """)
        .param("d", date)
        .param("t", time)
        .param("v", venue)
        .param("by", by)
        .param("id", meetingId)
        .update();
  }

  /** Whether another meeting of the contract is on that day (one meeting per contract a day). */
  boolean otherMeetingOn(long meetingId, long contractId, LocalDate date) {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM contract_management_meeting
                 WHERE contract_id = :c AND meeting_date = :d AND id <> :id
                """)
            .param("c", contractId)
            .param("d", date)
            .param("id", meetingId)
            .query(Long.class)
            .single()
        > 0;
  }

  void letterSent(long meetingId, Instant at) {
    jdbc.sql(
            "UPDATE contract_management_meeting SET letter_sent_at = :at"
                + " WHERE id = :id AND letter_sent_at IS NULL")
        .param("at", at.atOffset(ZoneOffset.UTC))
        .param("id", meetingId)
        .update();
  }

  void auditDecision(
      long meetingId,
      boolean needed,
      String consultation,
      String justification,
      LocalDate auditDate,
      String areas) {
    jdbc.sql(
            """
            UPDATE contract_management_meeting
               SET compliance_audit_needed = :n, consultation_level = :c,
                   compliance_audit_justification = :j, compliance_audit_date = :d,
                   areas_to_evidence = :a
             WHERE id = :id
            """)
        .param("n", needed)
        .param("c", consultation)
        .param("j", justification)
        .param("d", auditDate)
        .param("a", areas)
        .param("id", meetingId)
        .update();
  }

  void providerAgendaItems(long meetingId, String items) {
    update(
        "UPDATE contract_management_meeting SET provider_agenda_items = :v WHERE id = :id",
        meetingId,
        items);
  }

  void agenda(long meetingId, String agenda) {
    update("UPDATE contract_management_meeting SET agenda = :v WHERE id = :id", meetingId, agenda);
  }

  void agendaCirculated(long meetingId, Instant at) {
    jdbc.sql(
            "UPDATE contract_management_meeting SET agenda_circulated_at = :at"
                + " WHERE id = :id AND agenda_circulated_at IS NULL")
        .param("at", at.atOffset(ZoneOffset.UTC))
        .param("id", meetingId)
        .update();
  }

  /** §4: the minutes, the meeting held, and the priority level reassigned (the appendix). */
  void minutes(
      long meetingId,
      String minutes,
      String by,
      LocalDate heldOn,
      String priorityBefore,
      String priority,
      String reason) {
    jdbc.sql(
            """
            UPDATE contract_management_meeting
               SET minutes = :m, minutes_recorded_by = :by, status = 'HELD', held_on = :held,
                   held_recorded_by = COALESCE(held_recorded_by, :by),
                   priority_before = :before, priority_reassigned = :p, priority_reason = :r
             WHERE id = :id
            """)
        .param("m", minutes)
        .param("by", by)
        .param("held", heldOn)
        .param("before", priorityBefore)
        .param("p", priority)
        .param("r", reason)
        .param("id", meetingId)
        .update();
  }

  /** The minutes' actions replace any recorded before (a retried step records them once). */
  void replaceActions(long meetingId, List<ActionLines.Action> actions, String by, Instant at) {
    jdbc.sql("DELETE FROM meeting_action WHERE meeting_id = :m").param("m", meetingId).update();
    for (ActionLines.Action action : actions) {
      jdbc.sql(
              """
              INSERT INTO meeting_action
                (meeting_id, owner, description, target_date, recorded_by, recorded_at)
              VALUES (:m, :o, :d, :t, :by, :at)
              """)
          .param("m", meetingId)
          .param("o", action.owner())
          .param("d", action.description())
          .param("t", action.targetDate())
          .param("by", by)
          .param("at", at.atOffset(ZoneOffset.UTC))
          .update();
    }
  }

  List<MeetingAction> actions(long meetingId) {
    return jdbc.sql(
            "SELECT id, owner, description, target_date FROM meeting_action"
                + " WHERE meeting_id = :m ORDER BY id")
        .param("m", meetingId)
        .query(
            (rs, n) ->
                new MeetingAction(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }

  /** The actions whose target date is before {@code day}, by meeting, oldest target first. */
  java.util.Map<Long, List<MeetingAction>> actionsPastTarget(LocalDate day) {
    java.util.Map<Long, List<MeetingAction>> byMeeting = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "SELECT meeting_id, id, owner, description, target_date FROM meeting_action"
                + " WHERE target_date < :d ORDER BY target_date, meeting_id, id")
        .param("d", day)
        .query(
            (rs, n) ->
                byMeeting
                    .computeIfAbsent(rs.getLong(1), m -> new java.util.ArrayList<>())
                    .add(
                        new MeetingAction(
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, LocalDate.class))))
        .list();
    return byMeeting;
  }

  /**
   * §4: the contract is under formal monitoring from {@code since}; a contract already under it
   * keeps the day it started.
   */
  void formalMonitoring(long contractId, LocalDate since, long meetingId) {
    jdbc.sql(
            """
            UPDATE contract_priority
               SET formal_monitoring_since = :s, formal_monitoring_meeting_id = :m
             WHERE contract_id = :c AND formal_monitoring_since IS NULL
            """)
        .param("s", since)
        .param("m", meetingId)
        .param("c", contractId)
        .update();
  }

  /** Taken off formal monitoring: the contract left RED. */
  void endFormalMonitoring(long contractId) {
    jdbc.sql(
            """
            UPDATE contract_priority
               SET formal_monitoring_since = NULL, formal_monitoring_meeting_id = NULL
             WHERE contract_id = :c
            """)
        .param("c", contractId)
        .update();
  }

  Optional<LocalDate> formalMonitoringSince(long contractId) {
    return jdbc.sql(
            "SELECT formal_monitoring_since FROM contract_priority WHERE contract_id = :c"
                + " AND formal_monitoring_since IS NOT NULL")
        .param("c", contractId)
        .query(LocalDate.class)
        .optional();
  }

  /** The contract's meeting dates from {@code from} on. */
  List<LocalDate> meetingDatesFrom(long contractId, LocalDate from) {
    return jdbc.sql(
            "SELECT meeting_date FROM contract_management_meeting"
                + " WHERE contract_id = :c AND meeting_date >= :f ORDER BY meeting_date")
        .param("c", contractId)
        .param("f", from)
        .query(LocalDate.class)
        .list();
  }

  /** A further meeting of the contract, planned outside the annual schedule. */
  long planMeeting(long contractId, LocalDate date) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO contract_management_meeting (contract_id, meeting_date, status)"
                + " VALUES (:c, :d, 'PLANNED')")
        .param("c", contractId)
        .param("d", date)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void unannouncedAudits(long meetingId, boolean needed, String notes) {
    jdbc.sql(
            """
            UPDATE contract_management_meeting
               SET unannounced_audits_needed = :n, unannounced_audits_notes = :t WHERE id = :id
            """)
        .param("n", needed)
        .param("t", notes)
        .param("id", meetingId)
        .update();
  }

  void defaultNoticeDecision(long meetingId, String decision, String reasons) {
    jdbc.sql(
            """
            UPDATE contract_management_meeting
               SET default_notice_decision = :d, default_notice_reasons = :r WHERE id = :id
            """)
        .param("d", decision)
        .param("r", reasons)
        .param("id", meetingId)
        .update();
  }

  void outcomeReported(long meetingId, Instant at) {
    jdbc.sql(
            "UPDATE contract_management_meeting SET outcome_reported_at = :at"
                + " WHERE id = :id AND outcome_reported_at IS NULL")
        .param("at", at.atOffset(ZoneOffset.UTC))
        .param("id", meetingId)
        .update();
  }

  private void update(String sql, long meetingId, String value) {
    jdbc.sql(sql).param("v", value).param("id", meetingId).update();
  }

  private static MeetingCase row(ResultSet rs, int n) throws SQLException {
    OffsetDateTime letter = rs.getObject("letter_sent_at", OffsetDateTime.class);
    return new MeetingCase(
        rs.getLong("id"),
        rs.getLong("contract_id"),
        rs.getString("reference"),
        rs.getString("title"),
        rs.getString("name"),
        rs.getString("organisation_group"),
        rs.getString("contact_email"),
        rs.getObject("meeting_date", LocalDate.class),
        rs.getString("meeting_time"),
        rs.getString("venue"),
        rs.getString("status"),
        rs.getString("process_instance_id"),
        letter == null ? null : letter.toInstant(),
        (Boolean) rs.getObject("compliance_audit_needed"),
        rs.getObject("compliance_audit_date", LocalDate.class),
        rs.getString("areas_to_evidence"),
        rs.getString("provider_agenda_items"),
        rs.getString("agenda"),
        rs.getString("priority_reassigned"),
        rs.getString("priority_reason"));
  }
}
