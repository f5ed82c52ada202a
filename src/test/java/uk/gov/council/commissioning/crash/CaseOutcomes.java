package uk.gov.council.commissioning.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the database and the SMTP sink must show after the nodes have done their work: every case
 * whole, every due timer fired once with its breach and email, every email sent and received once
 * (a message a node was sending when it died may arrive twice, under its one Message-ID).
 */
final class CaseOutcomes {

  /** The incident's first deadline: the reporting form, 48 hours after the incident (§12.5). */
  static final String TIMER = "Timer_FullReport48h";

  static final String ESCALATION = "Task_ReportingFormMissed";

  private final Connection db;

  CaseOutcomes(Connection db) {
    this.db = db;
  }

  /**
   * Waits until nothing is left to do: no reporting-form timer due and unfired, no email waiting or
   * being sent. A node's jobs and claims outlive it by the job lock time and the claim timeout.
   */
  void awaitQuiet(Duration timeout) throws SQLException, InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    String state = "";
    while (System.nanoTime() < until) {
      long dueTimers =
          count(
              "SELECT count(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_"
                  + " WHERE d.act_id_ = '"
                  + TIMER
                  + "' AND j.duedate_ <= now()");
      long unsent =
          count("SELECT count(*) FROM notification_outbox WHERE status IN ('PENDING', 'SENDING')");
      if (dueTimers == 0 && unsent == 0) {
        return;
      }
      state = dueTimers + " due timers unfired, " + unsent + " emails unsent";
      Thread.sleep(500);
    }
    throw new AssertionError("not quiet after " + timeout + ": " + state);
  }

  /** Every case the client was told was started is there. */
  void assertExist(Collection<String> processInstanceIds) throws SQLException {
    Set<String> there =
        new HashSet<>(
            strings("SELECT process_instance_id FROM serious_incident", List.of()).stream()
                .toList());
    assertThat(processInstanceIds)
        .as("cases acknowledged with 200 and missing from serious_incident")
        .allMatch(there::contains);
  }

  /**
   * Each case is whole: its register row and its process instance go together, and its report email
   * to quality assurance was queued once. Returns the number of cases.
   */
  long assertCasesWhole() throws SQLException {
    List<String> withoutInstance =
        strings(
            "SELECT si.incident_number FROM serious_incident si LEFT JOIN act_hi_procinst p"
                + " ON p.id_ = si.process_instance_id WHERE p.id_ IS NULL",
            List.of());
    assertThat(withoutInstance).as("register rows without a process instance").isEmpty();
    List<String> withoutRow =
        strings(
            "SELECT p.id_ FROM act_hi_procinst p LEFT JOIN serious_incident si"
                + " ON si.process_instance_id = p.id_"
                + " WHERE p.proc_def_key_ = 'serious-incident' AND si.id IS NULL",
            List.of());
    assertThat(withoutRow).as("incident process instances without a register row").isEmpty();
    List<String> reportEmailsNotOnce =
        strings(
            "SELECT si.incident_number || ': ' || count(o.id) FROM serious_incident si"
                + " LEFT JOIN notification_outbox o"
                + " ON o.idempotency_key = 'incident:' || si.process_instance_id || ':reported'"
                + " GROUP BY si.incident_number HAVING count(o.id) <> 1",
            List.of());
    assertThat(reportEmailsNotOnce)
        .as("cases whose report email was queued other than once")
        .isEmpty();
    return count("SELECT count(*) FROM serious_incident");
  }

  /**
   * Each case whose reporting-form timer was due fired it once: one firing and one escalation in
   * the history, one MISSED breach, one email about it. Returns the number of such cases.
   */
  long assertDueTimersFiredOnce(String whichCases) throws SQLException {
    String perCase =
        """
        SELECT si.incident_number,
          (SELECT count(*) FROM act_hi_actinst a
            WHERE a.proc_inst_id_ = si.process_instance_id AND a.act_id_ = '%s') AS timers,
          (SELECT count(*) FROM act_hi_actinst a
            WHERE a.proc_inst_id_ = si.process_instance_id AND a.act_id_ = '%s'
              AND a.end_time_ IS NOT NULL) AS escalations,
          (SELECT count(*) FROM deadline_breach b
            WHERE b.case_type = 'SERIOUS_INCIDENT' AND b.case_reference = si.incident_number
              AND b.requirement = 'REPORTING_FORM' AND b.kind = 'MISSED') AS breaches,
          (SELECT count(*) FROM notification_outbox o
            WHERE o.idempotency_key
              = 'incident:' || si.process_instance_id || ':reporting-form-missed') AS emails
        FROM serious_incident si WHERE %s
        """
            .formatted(TIMER, ESCALATION, whichCases);
    List<String> notOnce = new ArrayList<>();
    long cases = 0;
    try (PreparedStatement statement = db.prepareStatement(perCase);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        cases++;
        if (rows.getLong(2) != 1
            || rows.getLong(3) != 1
            || rows.getLong(4) != 1
            || rows.getLong(5) != 1) {
          notOnce.add(
              rows.getString(1)
                  + ": timer fired "
                  + rows.getLong(2)
                  + ", escalation "
                  + rows.getLong(3)
                  + ", breaches "
                  + rows.getLong(4)
                  + ", emails "
                  + rows.getLong(5));
        }
      }
    }
    assertThat(notOnce).as("due timers not fired exactly once").isEmpty();
    assertThat(count("SELECT count(*) FROM act_ru_incident"))
        .as("failed jobs (Cockpit incidents)")
        .isZero();
    return cases;
  }

  /**
   * Each options appraisal's decision notice (its letter) exists once: every appraisal whose
   * resolution was acknowledged is implemented, and every implemented appraisal, acknowledged or
   * not, has exactly one outbox row carrying its notice as a PDF attachment, under its case's key;
   * no other appraisal has one. Returns the number of letters.
   */
  long assertDecisionNoticesOnce(Collection<String> resolvedReferences) throws SQLException {
    Set<String> implemented =
        new HashSet<>(
            strings(
                "SELECT reference FROM options_appraisal WHERE status = 'IMPLEMENTED'", List.of()));
    assertThat(implemented)
        .as("appraisals whose resolution was acknowledged and are not implemented")
        .containsAll(resolvedReferences);
    List<String> notOnce =
        strings(
            """
            SELECT a.reference || ' (' || a.status || '): ' || count(o.id) || ' letters, '
                || count(o.id) FILTER (WHERE o.idempotency_key
                    = 'options-appraisal:' || a.process_instance_id || ':resolution-published'
                  AND o.attachment_type = 'application/pdf'
                  AND octet_length(o.attachment_content) > 0) || ' under its key'
            FROM options_appraisal a
            LEFT JOIN notification_outbox o
              ON o.attachment_name = 'decision-notice-' || a.reference || '.pdf'
            GROUP BY a.reference, a.status, a.process_instance_id
            HAVING count(o.id) <> CASE WHEN a.status = 'IMPLEMENTED' THEN 1 ELSE 0 END
              OR count(o.id) FILTER (WHERE o.idempotency_key
                    = 'options-appraisal:' || a.process_instance_id || ':resolution-published'
                  AND o.attachment_type = 'application/pdf'
                  AND octet_length(o.attachment_content) > 0) <> count(o.id)
            """,
            List.of());
    assertThat(notOnce).as("decision notices not queued exactly once").isEmpty();
    return implemented.size();
  }

  /** No breach or email was recorded twice, whatever its case (the tables' keys say so too). */
  void assertNoRowTwice() throws SQLException {
    assertThat(
            strings(
                "SELECT case_reference || ' ' || requirement || ' ' || kind FROM deadline_breach"
                    + " GROUP BY case_type, case_reference, requirement, kind HAVING count(*) > 1",
                List.of()))
        .as("breaches recorded twice")
        .isEmpty();
    assertThat(
            strings(
                "SELECT idempotency_key FROM notification_outbox"
                    + " GROUP BY idempotency_key HAVING count(*) > 1",
                List.of()))
        .as("emails queued twice")
        .isEmpty();
  }

  /**
   * Every outbox row is SENT and reached each of its recipients, always under one Message-ID;
   * nothing arrived that the outbox does not hold; only the rows in {@code mayRepeat} (being sent
   * when a node died) may have arrived more than once. Returns the messages received per sender.
   */
  Map<String, Long> assertMailOnce(SmtpSink sink, Set<Long> mayRepeat) throws SQLException {
    assertThat(count("SELECT count(*) FROM notification_outbox WHERE status <> 'SENT'"))
        .as("emails not SENT")
        .isZero();
    Map<Long, Set<String>> expected = new HashMap<>();
    try (PreparedStatement statement =
            db.prepareStatement("SELECT id, recipients FROM notification_outbox");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        expected.put(
            rows.getLong(1),
            Set.of(rows.getString(2).toLowerCase(java.util.Locale.ROOT).split(",")));
      }
    }
    List<SmtpSink.Received> received = sink.received();
    Map<Long, List<SmtpSink.Received>> byRow =
        received.stream()
            .filter(r -> r.outboxId() != null)
            .collect(Collectors.groupingBy(SmtpSink.Received::outboxId));
    assertThat(received).as("mail without X-Outbox-Id").allMatch(r -> r.outboxId() != null);
    assertThat(byRow.keySet()).as("mail for no outbox row").isSubsetOf(expected.keySet());
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<Long, Set<String>> row : expected.entrySet()) {
      List<SmtpSink.Received> copies = byRow.getOrDefault(row.getKey(), List.of());
      Set<String> messageIds =
          copies.stream().map(SmtpSink.Received::messageId).collect(Collectors.toSet());
      Set<String> recipients =
          copies.stream().flatMap(r -> r.recipients().stream()).collect(Collectors.toSet());
      if (copies.isEmpty()) {
        wrong.add(row.getKey() + ": never received");
      } else if (messageIds.size() != 1 || messageIds.contains(null)) {
        wrong.add(row.getKey() + ": Message-IDs " + messageIds);
      } else if (!recipients.equals(row.getValue())) {
        wrong.add(row.getKey() + ": to " + recipients + ", queued for " + row.getValue());
      } else if (copies.size() > 1 && !mayRepeat.contains(row.getKey())) {
        wrong.add(row.getKey() + ": received " + copies.size() + " times");
      }
    }
    assertThat(wrong).as("emails not received exactly once").isEmpty();
    return received.stream()
        .collect(Collectors.groupingBy(SmtpSink.Received::sender, Collectors.counting()));
  }

  /** The outbox rows being sent now (claimed, not confirmed). */
  Set<Long> beingSent() throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (PreparedStatement statement =
            db.prepareStatement("SELECT id FROM notification_outbox WHERE status = 'SENDING'");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  long count(String sql) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  List<String> strings(String sql, List<Object> parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<String> values = new ArrayList<>();
        while (rows.next()) {
          values.add(rows.getString(1));
        }
        return values;
      }
    }
  }

  /**
   * Successful job runs per node (the engine's host name in the job log), of the given activity.
   */
  Map<String, Long> jobsDoneByNode(String activityId) throws SQLException {
    Map<String, Long> done = new HashMap<>();
    try (PreparedStatement statement =
        db.prepareStatement(
            "SELECT hostname_, count(*) FROM act_hi_job_log"
                + " WHERE act_id_ = ? AND job_state_ = 2 GROUP BY hostname_")) {
      statement.setString(1, activityId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          done.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return done;
  }
}
