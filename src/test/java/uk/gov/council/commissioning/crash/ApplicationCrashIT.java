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
 * job executor fires timers, records breaches and queues emails while the dispatcher sends them),
 * then started again. Afterwards every case a provider was told had started is there and whole,
 * every due timer fired once with one breach and one email, no breach or email exists twice, and
 * every email reached the SMTP server, a message being sent at the kill at most twice under one
 * Message-ID.
 */
class ApplicationCrashIT {

  /** Cases acknowledged and timers fired before the kill: the crash comes in the middle of both. */
  private static final int CASES_BEFORE_KILL = 80;

  private static final int BREACHES_BEFORE_KILL = 20;

  /** Cases started on the restarted node, so that it fires timers of its own as well. */
  private static final int CASES_AFTER_RESTART = 40;

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
      awaitMidWay(load, outcomes, first);
      first.kill();
      Set<Long> beingSent = outcomes.beingSent();
      long casesAtKill = outcomes.count("SELECT count(*) FROM serious_incident");
      long breachesAtKill = outcomes.count("SELECT count(*) FROM deadline_breach");
      load.stop();
      load.await(Duration.ofSeconds(90));
      assertThat(load.refusals()).as("starts refused while the node was up").isEmpty();
      System.out.printf(
          "Killed with %d cases, %d breaches, %d emails being sent, %d starts unanswered%n",
          casesAtKill, breachesAtKill, beingSent.size(), load.unanswered());

      try (ApplicationProcess second =
          ApplicationProcess.launch("crash-second", database, sink.port())) {
        second.awaitReady();
        CaseStarts more = new CaseStarts(List.of(second), Duration.ofHours(50));
        more.begin(CASES_AFTER_RESTART, 2);
        more.await(Duration.ofSeconds(90));
        assertThat(more.refusals()).isEmpty();
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
  private static void awaitMidWay(CaseStarts load, CaseOutcomes outcomes, ApplicationProcess node)
      throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < until) {
      assertThat(load.refusals()).as("starts refused").isEmpty();
      if (load.acknowledged().size() >= CASES_BEFORE_KILL
          && outcomes.count("SELECT count(*) FROM deadline_breach") >= BREACHES_BEFORE_KILL
          && outcomes.count("SELECT count(*) FROM notification_outbox WHERE status = 'SENT'") > 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no timers fired under load within three minutes: "
            + load.acknowledged().size()
            + " cases started; "
            + node.tail());
  }
}
