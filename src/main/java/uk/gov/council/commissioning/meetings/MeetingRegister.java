package uk.gov.council.commissioning.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import uk.gov.council.commissioning.meetings.ScheduleDraft.ContractToMeet;
import uk.gov.council.commissioning.meetings.ScheduleDraft.DraftMeeting;

/**
 * The contracts' priority levels, the annual schedules and the planned meetings (V6, V20). The
 * meetings are the rows of {@code contract_management_meeting} that the QAF counts back from.
 */
@Repository
@RequiredArgsConstructor
class MeetingRegister {

  /** A schedule row. */
  record Schedule(
      long id,
      int year,
      String processInstanceId,
      String status,
      int csgRound,
      String csgComments) {}

  private static final String MEETING_SELECT =
      """
      SELECT m.id, c.reference, c.title, p.id AS provider_id, p.name, p.organisation_group,
             m.meeting_date, COALESCE(cp.priority, :defaultPriority) AS priority, m.status, m.held_on,
             s.schedule_year, c.contract_officer
        FROM contract_management_meeting m
        JOIN contract c ON c.id = m.contract_id
        JOIN provider p ON p.id = c.provider_id
        LEFT JOIN contract_priority cp ON cp.contract_id = c.id
        LEFT JOIN meeting_schedule s ON s.id = m.schedule_id
      """;

  private final JdbcClient jdbc;
  private final MeetingsProperties properties;

  // --- priority levels (§1) -----------------------------------------------------------------

  Optional<String> priorityOf(long contractId) {
    return jdbc.sql("SELECT priority FROM contract_priority WHERE contract_id = :c")
        .param("c", contractId)
        .query(String.class)
        .optional();
  }

  void setPriority(long contractId, String priority, String reason, String by, Instant at) {
    String update =
        """
        UPDATE contract_priority SET priority = :p, reason = :r, set_by = :by, set_at = :at
         WHERE contract_id = :c
        """;
    String insert =
        """
        INSERT INTO contract_priority (contract_id, priority, reason, set_by, set_at)
        VALUES (:c, :p, :r, :by, :at)
        """;
    for (String sql : List.of(update, insert)) {
      int written =
          jdbc.sql(sql)
              .param("p", priority)
              .param("r", reason)
              .param("by", by)
              .param("at", at.atOffset(ZoneOffset.UTC))
              .param("c", contractId)
              .update();
      if (written > 0) {
        return;
      }
    }
  }

  /**
   * The active contracts whose term overlaps the year, each with its priority level (the default
   * where none was given) and the meetings already planned for it in the year.
   */
  List<ContractToMeet> contractsToMeet(Year year) {
    Map<Long, List<LocalDate>> planned = new TreeMap<>();
    jdbc.sql(
            """
            SELECT contract_id, meeting_date FROM contract_management_meeting
             WHERE meeting_date >= :from AND meeting_date <= :to ORDER BY meeting_date
            """)
        .param("from", year.atDay(1))
        .param("to", year.atMonth(12).atEndOfMonth())
        .query(
            (rs, row) ->
                planned
                    .computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>())
                    .add(rs.getObject(2, LocalDate.class)))
        .list();
    return jdbc.sql(
            """
            SELECT c.id, c.reference, c.start_date, c.end_date, COALESCE(cp.priority, :d)
              FROM contract c LEFT JOIN contract_priority cp ON cp.contract_id = c.id
             WHERE c.status = 'ACTIVE' AND c.start_date <= :to AND c.end_date >= :from
             ORDER BY c.reference
            """)
        .param("d", properties.defaultPriority())
        .param("from", year.atDay(1))
        .param("to", year.atMonth(12).atEndOfMonth())
        .query(
            (rs, row) ->
                new ContractToMeet(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5),
                    planned.getOrDefault(rs.getLong(1), List.of())))
        .list();
  }

  // --- the annual schedule (§1) ---------------------------------------------------------------

  Optional<Schedule> schedule(Year year) {
    return jdbc.sql(
            "SELECT id, schedule_year, process_instance_id, status, csg_round, csg_comments"
                + " FROM meeting_schedule WHERE schedule_year = :y")
        .param("y", year.getValue())
        .query(MeetingRegister::schedule)
        .optional();
  }

  Schedule scheduleOf(String processInstanceId) {
    return jdbc.sql(
            "SELECT id, schedule_year, process_instance_id, status, csg_round, csg_comments"
                + " FROM meeting_schedule WHERE process_instance_id = :p")
        .param("p", processInstanceId)
        .query(MeetingRegister::schedule)
        .single();
  }

  /**
   * The year's schedule row for this process instance, drafted afresh: a draft left by a case that
   * was cancelled in Cockpit is taken over rather than refused.
   */
  long startSchedule(Year year, String processInstanceId, Instant at) {
    Optional<Schedule> existing = schedule(year);
    if (existing.isPresent()) {
      long id = existing.get().id();
      jdbc.sql("DELETE FROM meeting_schedule_entry WHERE schedule_id = :s").param("s", id).update();
      jdbc.sql(
              """
              UPDATE meeting_schedule SET process_instance_id = :p, status = 'DRAFT', csg_round = 0,
                     csg_comments = NULL, drafted_at = :at WHERE id = :s
              """)
          .param("p", processInstanceId)
          .param("at", at.atOffset(ZoneOffset.UTC))
          .param("s", id)
          .update();
      return id;
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO meeting_schedule (schedule_year, process_instance_id, status, drafted_at)
            VALUES (:y, :p, 'DRAFT', :at)
            """)
        .param("y", year.getValue())
        .param("p", processInstanceId)
        .param("at", at.atOffset(ZoneOffset.UTC))
        .update(key, "id");
    return key.getKey().longValue();
  }

  void addEntries(long scheduleId, List<DraftMeeting> meetings) {
    for (DraftMeeting m : meetings) {
      jdbc.sql(
              """
              INSERT INTO meeting_schedule_entry (schedule_id, contract_id, meeting_date, priority)
              VALUES (:s, :c, :d, :p)
              """)
          .param("s", scheduleId)
          .param("c", m.contractId())
          .param("d", m.date())
          .param("p", m.priority())
          .update();
    }
  }

  /** The proposed meetings, by contract reference then date. */
  List<DraftMeeting> entries(long scheduleId) {
    return jdbc.sql(
            """
            SELECT e.contract_id, c.reference, e.meeting_date, e.priority
              FROM meeting_schedule_entry e JOIN contract c ON c.id = e.contract_id
             WHERE e.schedule_id = :s ORDER BY c.reference, e.meeting_date
            """)
        .param("s", scheduleId)
        .query(
            (rs, row) ->
                new DraftMeeting(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getString(4)))
        .list();
  }

  /** The contract's proposed dates become {@code dates} (the lead purchasing officer's change). */
  void replaceEntries(long scheduleId, long contractId, String priority, List<LocalDate> dates) {
    jdbc.sql("DELETE FROM meeting_schedule_entry WHERE schedule_id = :s AND contract_id = :c")
        .param("s", scheduleId)
        .param("c", contractId)
        .update();
    addEntries(
        scheduleId,
        dates.stream()
            .distinct()
            .map(d -> new DraftMeeting(contractId, null, d, priority))
            .toList());
  }

  void adjusted(long scheduleId, String by) {
    jdbc.sql("UPDATE meeting_schedule SET adjusted_by = :by WHERE id = :s")
        .param("by", by)
        .param("s", scheduleId)
        .update();
  }

  /** Sent to the Core Strategy Group once more; returns the round. */
  int sentToCsg(long scheduleId) {
    jdbc.sql(
            "UPDATE meeting_schedule SET status = 'WITH_CSG', csg_round = csg_round + 1 WHERE id = :s")
        .param("s", scheduleId)
        .update();
    return jdbc.sql("SELECT csg_round FROM meeting_schedule WHERE id = :s")
        .param("s", scheduleId)
        .query(Integer.class)
        .single();
  }

  void csgCommented(long scheduleId, String comments) {
    jdbc.sql("UPDATE meeting_schedule SET status = 'DRAFT', csg_comments = :c WHERE id = :s")
        .param("c", comments)
        .param("s", scheduleId)
        .update();
  }

  void approved(long scheduleId, String by, Instant at) {
    jdbc.sql(
            """
            UPDATE meeting_schedule SET status = 'APPROVED', approved_by = :by, approved_at = :at
             WHERE id = :s
            """)
        .param("by", by)
        .param("at", at.atOffset(ZoneOffset.UTC))
        .param("s", scheduleId)
        .update();
  }

  /**
   * The approved schedule's meetings become planned meetings; a meeting already planned on the same
   * day for the contract is kept as it is, so a retried job adds nothing twice.
   *
   * @return how many meetings were added
   */
  int planMeetings(long scheduleId) {
    return jdbc.sql(
            """
            INSERT INTO contract_management_meeting (contract_id, meeting_date, schedule_id, status)
            SELECT e.contract_id, e.meeting_date, e.schedule_id, 'PLANNED'
              FROM meeting_schedule_entry e
             WHERE e.schedule_id = :s
               AND NOT EXISTS (SELECT 1 FROM contract_management_meeting m
                                WHERE m.contract_id = e.contract_id AND m.meeting_date = e.meeting_date)
            """)
        .param("s", scheduleId)
        .update();
  }

  // --- planned and held meetings (§2) ----------------------------------------------------------

  Optional<Meeting> meeting(long id) {
    return jdbc.sql(MEETING_SELECT + " WHERE m.id = :id")
        .param("defaultPriority", properties.defaultPriority())
        .param("id", id)
        .query(this::meetingRow)
        .optional();
  }

  /** Meetings dated from {@code from} to {@code to}, both inclusive. */
  List<Meeting> meetingsBetween(LocalDate from, LocalDate to) {
    return between(from, to, null);
  }

  /** As {@link #meetingsBetween}, of the providers with these organisation groups only. */
  List<Meeting> meetingsBetween(LocalDate from, LocalDate to, Collection<String> groups) {
    return groups.isEmpty() ? List.of() : between(from, to, groups);
  }

  private List<Meeting> between(LocalDate from, LocalDate to, Collection<String> groups) {
    return select(
        "m.meeting_date >= :from AND m.meeting_date <= :to",
        Map.of("from", from, "to", to),
        groups);
  }

  /** The provider's meetings, newest first. */
  List<Meeting> meetingsOfProvider(long providerId) {
    return jdbc.sql(
            MEETING_SELECT + " WHERE p.id = :p ORDER BY m.meeting_date DESC, c.reference, m.id")
        .param("defaultPriority", properties.defaultPriority())
        .param("p", providerId)
        .query(this::meetingRow)
        .list();
  }

  /**
   * Meetings still planned whose date is before {@code day}, oldest first; of the providers with
   * these organisation groups only, unless {@code groups} is null.
   */
  List<Meeting> notHeldBefore(LocalDate day, Collection<String> groups) {
    if (groups != null && groups.isEmpty()) {
      return List.of();
    }
    return select("m.status = 'PLANNED' AND m.meeting_date < :day", Map.of("day", day), groups);
  }

  /** Meetings matching {@code where}, by date and contract; only these groups' unless null. */
  private List<Meeting> select(
      String where, Map<String, Object> params, Collection<String> groups) {
    JdbcClient.StatementSpec query =
        jdbc.sql(
                MEETING_SELECT
                    + " WHERE "
                    + where
                    + (groups == null ? "" : " AND p.organisation_group IN (:groups)")
                    + " ORDER BY m.meeting_date, c.reference")
            .param("defaultPriority", properties.defaultPriority())
            .params(params);
    if (groups != null) {
      query = query.param("groups", List.copyOf(groups));
    }
    return query.query(this::meetingRow).list();
  }

  List<Meeting> meetingsIn(YearMonth month) {
    return meetingsBetween(month.atDay(1), month.atEndOfMonth());
  }

  /**
   * @return false when the meeting was already recorded as held
   */
  boolean recordHeld(long meetingId, LocalDate heldOn, String by) {
    return jdbc.sql(
                """
                UPDATE contract_management_meeting
                   SET status = 'HELD', held_on = :d, held_recorded_by = :by
                 WHERE id = :id AND status = 'PLANNED'
                """)
            .param("d", heldOn)
            .param("by", by)
            .param("id", meetingId)
            .update()
        == 1;
  }

  /** Per provider id, its figures for meetings dated in the month. */
  Map<Long, ComplianceToSchedule> figures(List<Meeting> meetings) {
    Map<Long, int[]> counts = new LinkedHashMap<>();
    for (Meeting m : meetings) {
      int[] c = counts.computeIfAbsent(m.providerId(), id -> new int[2]);
      c[0]++;
      if (Meeting.HELD.equals(m.status())) {
        c[1]++;
      }
    }
    Map<Long, ComplianceToSchedule> figures = new LinkedHashMap<>();
    counts.forEach((id, c) -> figures.put(id, ComplianceToSchedule.of(c[0], c[1])));
    return figures;
  }

  private Meeting meetingRow(ResultSet rs, int row) throws SQLException {
    return new Meeting(
        rs.getLong("id"),
        rs.getString("reference"),
        rs.getString("title"),
        rs.getLong("provider_id"),
        rs.getString("name"),
        rs.getString("organisation_group"),
        rs.getObject("meeting_date", LocalDate.class),
        rs.getString("priority"),
        rs.getString("status"),
        rs.getObject("held_on", LocalDate.class),
        (Integer) rs.getObject("schedule_year"),
        rs.getString("contract_officer"));
  }

  private static Schedule schedule(ResultSet rs, int row) throws SQLException {
    return new Schedule(
        rs.getLong(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getString(6));
  }
}
