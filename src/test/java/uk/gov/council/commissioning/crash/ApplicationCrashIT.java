package uk.gov.council.commissioning.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.testkit.PostgresTestDatabase;

/**
 * Crash safety on PostgreSQL: the packaged application, started as a process of its own, is killed
 * with SIGKILL while providers start serious incidents whose first deadline is already due (so the
 * job executor fires timers, records breaches and queues emails while the dispatcher sends them)
 * and council staff take options appraisals to a resolution whose decision notice, a PDF letter, is
 * produced and emailed, then started again. Afterwards every case a provider was told had started
 * is there and whole, every due timer fired once with one breach and one email, every resolved
 * appraisal has its letter in one outbox row, no breach, letter or email exists twice, and every
 * email reached the SMTP server, a message being sent at the kill at most twice under one
 * Message-ID.
 */
class ApplicationCrashIT {

  /** Cases acknowledged and timers fired before the kill: the crash comes in the middle of both. */
  private static final int CASES_BEFORE_KILL = 80;

  private static final int BREACHES_BEFORE_KILL = 20;

  /** Cases started on the restarted node, so that it fires timers of its own as well. */
  private static final int CASES_AFTER_RESTART = 40;

  /**
   * Options appraisals taken to a published decision notice (a PDF letter sent by email) on the
   * first node, at most; the kill waits until some of their letters are queued.
   */
  private static final int LETTERS_AT_MOST_BEFORE_KILL = 30;

  private static final int LETTERS_BEFORE_KILL = 8;

  private static final int LETTERS_AFTER_RESTART = 10;

  private static final String DECISION_NOTICES =
      "SELECT count(*) FROM notification_outbox WHERE attachment_name LIKE 'decision-notice-%'";

  @Test
  void aNodeKilledMidWayLosesNothingAndDoesNothingTwice() throws Exception {
    PostgresTestDatabase database = PostgresTestDatabase.createOwn();
    try (SmtpSink sink = new SmtpSink();
        Connection db = database.connect();
        ApplicationProcess first =
            ApplicationProcess.launch("crash-first", database, sink.port())) {
      CaseOutcomes outcomes = new CaseOutcomes(db);
      first.awaitReady();

      CaseStarts load = new CaseStarts(List.of(first), Duration.ofHours(50));
      load.beginUntilStopped(4);
      AppraisalDecisions letters = new AppraisalDecisions(List.of(first));
      letters.begin(LETTERS_AT_MOST_BEFORE_KILL, 2);
      awaitMidWay(load, letters, outcomes, first);
      first.kill();
      Set<Long> beingSent = outcomes.beingSent();
      long casesAtKill = outcomes.count("SELECT count(*) FROM serious_incident");
      long breachesAtKill = outcomes.count("SELECT count(*) FROM deadline_breach");
      long lettersAtKill = outcomes.count(DECISION_NOTICES);
      load.stop();
      letters.stop();
      load.await(Duration.ofSeconds(90));
      letters.await(Duration.ofSeconds(90));
      assertThat(load.refusals()).as("starts refused while the node was up").isEmpty();
      assertThat(letters.refusals()).as("appraisal steps refused while the node was up").isEmpty();
      System.out.printf(
          "Killed with %d cases, %d breaches, %d letters, %d emails being sent, %d starts and %d"
              + " appraisal steps unanswered%n",
          casesAtKill,
          breachesAtKill,
          lettersAtKill,
          beingSent.size(),
          load.unanswered(),
          letters.unanswered());

      try (ApplicationProcess second =
          ApplicationProcess.launch("crash-second", database, sink.port())) {
        second.awaitReady();
        CaseStarts more = new CaseStarts(List.of(second), Duration.ofHours(50));
        more.begin(CASES_AFTER_RESTART, 2);
        AppraisalDecisions moreLetters = new AppraisalDecisions(List.of(second));
        moreLetters.begin(LETTERS_AFTER_RESTART, 1);
        more.await(Duration.ofSeconds(90));
        moreLetters.await(Duration.ofSeconds(90));
        assertThat(more.refusals()).isEmpty();
        assertThat(moreLetters.refusals()).isEmpty();
        assertThat(moreLetters.resolved()).hasSize(LETTERS_AFTER_RESTART);
        assertThat(more.unanswered()).isZero();
        assertThat(more.acknowledged()).hasSize(CASES_AFTER_RESTART);
        outcomes.awaitQuiet(Duration.ofSeconds(120));

        outcomes.assertExist(load.acknowledged());
        outcomes.assertExist(more.acknowledged());
        long cases = outcomes.assertCasesWhole();
        assertThat(cases)
            .isGreaterThanOrEqualTo(load.acknowledged().size() + (long) CASES_AFTER_RESTART);
        assertThat(outcomes.assertDueTimersFiredOnce("si.reporting_form_due_at <= now()"))
            .as("cases whose timer was due: every case started")
            .isEqualTo(cases);
        outcomes.assertNoRowTwice();
        List<String> resolved = new java.util.ArrayList<>(letters.resolved());
        resolved.addAll(moreLetters.resolved());
        assertThat(outcomes.assertDecisionNoticesOnce(resolved))
            .as("letters: every appraisal resolved")
            .isGreaterThanOrEqualTo(resolved.size());
        outcomes.assertMailOnce(sink, beingSent);
        assertThat(outcomes.jobsDoneByNode(CaseOutcomes.TIMER))
            .as("timers fired by each run of the application")
            .containsKeys("crash-first", "crash-second");
      }
    } finally {
      database.drop();
    }
  }

  /** Waits until cases have been started and timers fired, with starts still going on. */
  private static void awaitMidWay(
      CaseStarts load, AppraisalDecisions letters, CaseOutcomes outcomes, ApplicationProcess node)
      throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < until) {
      assertThat(load.refusals()).as("starts refused").isEmpty();
      assertThat(letters.refusals()).as("appraisal steps refused").isEmpty();
      if (load.acknowledged().size() >= CASES_BEFORE_KILL
          && outcomes.count("SELECT count(*) FROM deadline_breach") >= BREACHES_BEFORE_KILL
          && outcomes.count("SELECT count(*) FROM notification_outbox WHERE status = 'SENT'") > 0
          && outcomes.count(DECISION_NOTICES) >= LETTERS_BEFORE_KILL) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no timers fired under load within three minutes: "
            + load.acknowledged().size()
            + " cases started, "
            + outcomes.count(DECISION_NOTICES)
            + " letters queued; "
            + node.tail());
  }
}
