package uk.gov.council.commissioning.meetingplans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Year;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The providers' surveys after meetings (V24). */
@Repository
@RequiredArgsConstructor
class MeetingFeedbackRegister {

  private static final String SELECT =
      """
      SELECT f.case_reference, f.meeting_number, f.status, f.answered_at, f.notice_score,
             f.preparation_score, f.conduct_score, f.actions_score, f.overall_score, f.comments,
             m.id AS meeting_id, m.meeting_date, c.reference, c.title, p.id AS provider_id, p.name,
             p.organisation_group
        FROM meeting_feedback f
        JOIN contract_management_meeting m ON m.id = f.meeting_id
        JOIN contract c ON c.id = m.contract_id
        JOIN provider p ON p.id = c.provider_id
      """;

  private final JdbcClient jdbc;

  /** How many of the provider's meetings have had a survey row (sent or skipped). */
  int surveysOf(long providerId) {
    return jdbc.sql("SELECT COUNT(*) FROM meeting_feedback WHERE provider_id = :p")
        .param("p", providerId)
        .query(Integer.class)
        .single();
  }

  void open(
      MeetingFacts meeting,
      String caseReference,
      String processInstanceId,
      int meetingNumber,
      String status,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO meeting_feedback (meeting_id, case_reference, process_instance_id, provider_id,
                                          meeting_number, status, opened_at)
            VALUES (:m, :r, :p, :provider, :n, :s, :at)
            """)
        .param("m", meeting.meetingId())
        .param("r", caseReference)
        .param("p", processInstanceId)
        .param("provider", meeting.providerId())
        .param("n", meetingNumber)
        .param("s", status)
        .param("at", MeetingPlanRegister.utc(at))
        .update();
  }

  Optional<MeetingFeedback> find(String caseReference) {
    return jdbc.sql(SELECT + " WHERE f.case_reference = :r")
        .param("r", caseReference)
        .query(MeetingFeedbackRegister::row)
        .optional();
  }

  Optional<MeetingFeedback> ofMeeting(long meetingId) {
    return jdbc.sql(SELECT + " WHERE f.meeting_id = :m")
        .param("m", meetingId)
        .query(MeetingFeedbackRegister::row)
        .optional();
  }

  /** The surveys of meetings dated in the year; for a provider only its organisations'. */
  List<MeetingFeedback> inYear(Year year, Collection<String> organisationGroups) {
    return jdbc.sql(
            SELECT
                + " WHERE m.meeting_date >= :from AND m.meeting_date <= :to"
                + " AND p.organisation_group IN (:g) ORDER BY m.meeting_date, f.id")
        .param("from", year.atDay(1))
        .param("to", year.atMonth(12).atEndOfMonth())
        .param("g", organisationGroups)
        .query(MeetingFeedbackRegister::row)
        .list();
  }

  List<MeetingFeedback> inYear(Year year) {
    return jdbc.sql(
            SELECT
                + " WHERE m.meeting_date >= :from AND m.meeting_date <= :to ORDER BY m.meeting_date, f.id")
        .param("from", year.atDay(1))
        .param("to", year.atMonth(12).atEndOfMonth())
        .query(MeetingFeedbackRegister::row)
        .list();
  }

  void recordAnswers(
      String caseReference, Map<String, Integer> scores, String comments, String by, Instant at) {
    jdbc.sql(
            """
            UPDATE meeting_feedback SET status = 'ANSWERED', notice_score = :notice,
                   preparation_score = :preparation, conduct_score = :conduct, actions_score = :actions,
                   overall_score = :overall, comments = :comments, answered_by = :by, answered_at = :at
             WHERE case_reference = :r AND status = 'SENT'
            """)
        .param("notice", scores.get("notice"))
        .param("preparation", scores.get("preparation"))
        .param("conduct", scores.get("conduct"))
        .param("actions", scores.get("actions"))
        .param("overall", scores.get("overall"))
        .param("comments", comments)
        .param("by", by)
        .param("at", MeetingPlanRegister.utc(at))
        .param("r", caseReference)
        .update();
  }

  void recordLapsed(String caseReference) {
    jdbc.sql(
            "UPDATE meeting_feedback SET status = 'LAPSED' WHERE case_reference = :r AND status = 'SENT'")
        .param("r", caseReference)
        .update();
  }

  private static MeetingFeedback row(ResultSet rs, int row) throws SQLException {
    MeetingFacts meeting = MeetingPlanRegister.meetingFacts(rs, row);
    return new MeetingFeedback(
        meeting.meetingId(),
        rs.getString("case_reference"),
        meeting.meetingDate(),
        meeting.contractReference(),
        meeting.providerName(),
        meeting.providerGroup(),
        rs.getInt("meeting_number"),
        rs.getString("status"),
        MeetingPlanRegister.instant(rs, "answered_at"),
        rs.getObject("notice_score", Integer.class),
        rs.getObject("preparation_score", Integer.class),
        rs.getObject("conduct_score", Integer.class),
        rs.getObject("actions_score", Integer.class),
        rs.getObject("overall_score", Integer.class),
        rs.getString("comments"));
  }
}
