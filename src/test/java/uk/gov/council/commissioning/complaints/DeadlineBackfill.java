package uk.gov.council.commissioning.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.deadlines.DeadlineRule;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * Runs the V19 migration's SQL again over complaints and an alert recorded as they were before
 * their start steps scheduled deadlines, and checks each gets the rows its start step records
 * today. Shared by the H2 and the PostgreSQL test, as the SQL must run unchanged on both.
 */
final class DeadlineBackfill {

  private static final String SCRIPT = "db/migration/V19__complaint_safeguarding_deadlines.sql";

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final Deadlines deadlines;
  private final ComplaintDeadlines rules;
  private final DeadlineRule screening;

  DeadlineBackfill(
      JdbcClient jdbc,
      DataSource dataSource,
      Deadlines deadlines,
      ComplaintDeadlines rules,
      DeadlineRule screening) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.deadlines = deadlines;
    this.rules = rules;
    this.screening = screening;
  }

  void backfillsRunningCasesOnce(Provider provider) throws SQLException {
    String prefix = "CP-BF" + System.nanoTime() % 100000 + "-";
    String council = prefix + "A";
    String provided = prefix + "B";
    String extended = prefix + "C";
    String closed = prefix + "D";
    Instant received = Instant.parse("2026-03-02T08:30:00Z");
    Instant ackDue = Instant.parse("2026-03-06T00:00:00Z");
    Instant respondDue = Instant.parse("2026-03-30T23:00:00Z");
    Instant extendedDue = Instant.parse("2026-04-17T23:00:00Z");
    Instant reportDue = Instant.parse("2026-04-02T23:00:00Z");
    Instant alerted = Instant.parse("2026-03-02T10:00:00Z");

    complaint(council, "COUNCIL", null, ackDue, respondDue, 0, null, null, "OPEN");
    complaint(
        provided, "PROVIDER", provider.id(), ackDue, respondDue, 0, received, reportDue, "OPEN");
    complaint(extended, "COUNCIL", null, ackDue, extendedDue, 1, null, null, "OPEN");
    complaint(closed, "COUNCIL", null, ackDue, respondDue, 0, null, null, "CLOSED");
    jdbc.sql(
            "INSERT INTO deadline_breach (case_type, case_reference, provider_id, requirement, kind,"
                + " due_at, recorded_at) VALUES ('COMPLAINT', :r, :p, 'RESOLUTION', 'MISSED', :d, :d)")
        .param("r", provided)
        .param("p", provider.id())
        .param("d", respondDue.atOffset(ZoneOffset.UTC))
        .update();
    // Scheduled after the upgrade: the migration must leave it as it is.
    Instant alreadyDue = Instant.parse("2026-03-09T00:00:00Z");
    jdbc.sql(
            "INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at,"
                + " basis, state, state_at) VALUES ('COMPLAINT', :r, :r, 'ACKNOWLEDGEMENT', :d,"
                + " 'FIXED_DATE', 'OPEN', :d)")
        .param("r", extended)
        .param("d", alreadyDue.atOffset(ZoneOffset.UTC))
        .update();
    jdbc.sql(
            "INSERT INTO safeguarding_alert (source_type, source_reference, process_instance_id,"
                + " raised_by, aware_at, alert_due_at, alerted_at) VALUES ('COMPLAINT', :r, :r,"
                + " 'COUNCIL', :a, :a, :a)")
        .param("r", council)
        .param("a", alerted.atOffset(ZoneOffset.UTC))
        .update();

    migrate();
    migrate();

    DeadlineRule councilAck = rules.acknowledgement(false);
    DeadlineRule councilResponse = rules.response(false);
    assertThat(rows("COMPLAINT", council))
        .containsExactly(
            tuple(
                "ACKNOWLEDGEMENT",
                ackDue,
                councilAck.basis(),
                councilAck.amount().toString(),
                "ENGLAND_AND_WALES",
                councilAck.seedSection(),
                Deadline.State.OPEN),
            tuple(
                "RESPONSE",
                respondDue,
                councilResponse.basis(),
                councilResponse.amount().toString(),
                "ENGLAND_AND_WALES",
                councilResponse.seedSection(),
                Deadline.State.OPEN));
    assertThat(deadlines.of("COMPLAINT", council))
        .allSatisfy(d -> assertThat(d.caseRef().processInstanceId()).isEqualTo(council));

    // Acknowledged already: only what is still owed. The resolution's breach was recorded.
    DeadlineRule resolution = rules.response(true);
    DeadlineRule report = rules.writtenReport();
    assertThat(deadlines.of("COMPLAINT", provided))
        .extracting(
            Deadline::kind,
            Deadline::dueAt,
            Deadline::basis,
            Deadline::amount,
            Deadline::seedSection,
            Deadline::state)
        .containsExactly(
            tuple(
                "RESOLUTION",
                respondDue,
                resolution.basis(),
                resolution.amount().toString(),
                resolution.seedSection(),
                Deadline.State.MISSED),
            tuple(
                "WRITTEN_REPORT",
                reportDue,
                report.basis(),
                report.amount().toString(),
                report.seedSection(),
                Deadline.State.OPEN));

    // An extended response is due at the end of the day the complainant was told, as reschedule()
    // records it.
    assertThat(deadlines.of("COMPLAINT", extended))
        .extracting(
            Deadline::kind, Deadline::dueAt, Deadline::basis, Deadline::amount, Deadline::state)
        .containsExactly(
            tuple(
                "ACKNOWLEDGEMENT",
                alreadyDue,
                DeadlineRule.Basis.FIXED_DATE,
                null,
                Deadline.State.OPEN),
            tuple(
                "RESPONSE", extendedDue, DeadlineRule.Basis.FIXED_DATE, null, Deadline.State.OPEN));

    assertThat(deadlines.of("COMPLAINT", closed)).isEmpty();

    assertThat(rows("SAFEGUARDING_ALERT", council))
        .containsExactly(
            tuple(
                "SCREENING",
                screening.dueFrom(alerted, null),
                screening.basis(),
                screening.amount().toString(),
                null,
                screening.seedSection(),
                Deadline.State.OPEN));
    assertThat(
            List.of(
                deadlines.of("COMPLAINT", council).size(),
                deadlines.of("SAFEGUARDING_ALERT", council).size()))
        .containsExactly(2, 1);
  }

  /** Each row as kind, due, basis, amount, region, seed section and state. */
  private List<Tuple> rows(String caseType, String reference) {
    return deadlines.of(caseType, reference).stream()
        .map(
            d ->
                tuple(
                    d.kind(),
                    d.dueAt(),
                    d.basis(),
                    d.amount(),
                    d.calendarRegion(),
                    d.seedSection(),
                    d.state()))
        .toList();
  }

  private void migrate() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(SCRIPT));
    }
  }

  private void complaint(
      String number,
      String route,
      Long providerId,
      Instant ackDue,
      Instant respondDue,
      int extensions,
      Instant acknowledged,
      Instant reportDue,
      String status) {
    Instant received = Instant.parse("2026-03-02T08:30:00Z");
    jdbc.sql(
            """
            INSERT INTO complaint (complaint_number, process_instance_id, route, provider_id,
              received_at, opened_at, acknowledge_due_at, acknowledged_at, respond_due_at,
              original_respond_due_at, extensions, written_report_due_at, status)
            VALUES (:n, :n, :route, :provider, :received, :received, :ack, :acked, :respond,
              :respond, :extensions, :report, :status)
            """)
        .param("n", number)
        .param("route", route)
        .param("provider", new SqlParameterValue(Types.BIGINT, providerId))
        .param("received", received.atOffset(ZoneOffset.UTC))
        .param("ack", ackDue.atOffset(ZoneOffset.UTC))
        .param("acked", utcOrNull(acknowledged))
        .param("respond", respondDue.atOffset(ZoneOffset.UTC))
        .param("extensions", extensions)
        .param("report", utcOrNull(reportDue))
        .param("status", status)
        .update();
  }

  private static Object utcOrNull(Instant instant) {
    return new SqlParameterValue(
        Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
  }
}
