package uk.gov.council.commissioning.meetingviews;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * What the views read, written as the meeting and plan cases leave it: held meetings, actions,
 * plans.
 */
final class MeetingViewTestData {

  private MeetingViewTestData() {}

  static void held(JdbcClient jdbc, long meeting) {
    jdbc.sql(
            "UPDATE contract_management_meeting SET status = 'HELD', held_on = meeting_date"
                + " WHERE id = :m")
        .param("m", meeting)
        .update();
  }

  static void action(JdbcClient jdbc, long meeting, String description, LocalDate target) {
    jdbc.sql(
            """
            INSERT INTO meeting_action (meeting_id, owner, description, target_date, recorded_at)
            VALUES (:m, 'Registered manager', :d, :t, :at)
            """)
        .param("m", meeting)
        .param("d", description)
        .param("t", target)
        .param("at", OffsetDateTime.of(2063, 2, 10, 12, 0, 0, 0, ZoneOffset.UTC))
        .update();
  }

  static long agreedPlan(JdbcClient jdbc, long meeting) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    OffsetDateTime at = Instant.parse("2063-02-01T10:00:00Z").atOffset(ZoneOffset.UTC);
    jdbc.sql(
            """
            INSERT INTO meeting_plan (meeting_id, case_reference, status, round, opened_at, agreed_at)
            VALUES (:m, :r, 'AGREED', 1, :at, :at)
            """)
        .param("m", meeting)
        .param("r", "MIP-" + meeting)
        .param("at", at)
        .update(key, "id");
    return key.getKey().longValue();
  }

  static void planAction(
      JdbcClient jdbc, long plan, int number, String description, LocalDate target, String status) {
    jdbc.sql(
            """
            INSERT INTO meeting_plan_action
                (plan_id, action_number, description, owner, target_date, status, validated_at)
            VALUES (:p, :n, :d, 'Registered manager', :t, :s, :v)
            """)
        .param("p", plan)
        .param("n", number)
        .param("d", description)
        .param("t", target)
        .param("s", status)
        .param(
            "v",
            "COMPLETE".equals(status)
                ? Instant.parse("2063-03-01T10:00:00Z").atOffset(ZoneOffset.UTC)
                : null)
        .update();
  }
}
