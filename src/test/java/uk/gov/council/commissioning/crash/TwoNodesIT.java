package uk.gov.council.commissioning.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.testkit.PostgresTestDatabase;

/**
 * Two nodes on one PostgreSQL database, as a council scales out: both started at once on an empty
 * database, the job executor on in each, cases started through both (as a load balancer spreads
 * them), then 1,000 deadline timers made due at one moment while the outbox holds a backlog of
 * email. Each timer fires once, each email is sent once, and both nodes did some of each.
 */
class TwoNodesIT {

  private static final int TIMERS = 1_000;

  @Test
  void twoNodesShareTheDueTimersAndTheOutboxAndDoEachOnce() throws Exception {
    PostgresTestDatabase database = PostgresTestDatabase.createOwn();
    // Small batches, so that each node's dispatcher gets some of the backlog.
    String[] settings = {"--commissioning.mail.dispatch-batch-size=20"};
    try (SmtpSink sink = new SmtpSink();
        Connection db = database.connect();
        ApplicationProcess a =
            ApplicationProcess.launch("node-a", database, sink.port(), settings);
        ApplicationProcess b =
            ApplicationProcess.launch("node-b", database, sink.port(), settings)) {
      CaseOutcomes outcomes = new CaseOutcomes(db);
      a.awaitReady();
      b.awaitReady();

      // Incidents of an hour ago: their reporting-form timers are due in 47 hours.
      CaseStarts starts = new CaseStarts(List.of(a, b), Duration.ofHours(1));
      starts.begin(TIMERS, 6);
      starts.await(Duration.ofMinutes(8));
      assertThat(starts.refusals()).isEmpty();
      assertThat(starts.unanswered()).isZero();
      assertThat(starts.acknowledged()).hasSize(TIMERS);

      try (Statement statement = db.createStatement()) {
        int due =
            statement.executeUpdate(
                "UPDATE act_ru_job SET duedate_ = now() WHERE job_def_id_ IN"
                    + " (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = '"
                    + CaseOutcomes.TIMER
                    + "')");
        assertThat(due).isEqualTo(TIMERS);
      }
      outcomes.awaitQuiet(Duration.ofMinutes(3));

      outcomes.assertExist(starts.acknowledged());
      assertThat(outcomes.assertCasesWhole()).isEqualTo(TIMERS);
      assertThat(outcomes.assertDueTimersFiredOnce("TRUE")).isEqualTo(TIMERS);
      outcomes.assertNoRowTwice();
      Map<String, Long> mailByNode = outcomes.assertMailOnce(sink, Set.of());
      assertThat(mailByNode).as("emails sent per node").containsKeys("node-a", "node-b");
      Map<String, Long> timersByNode = outcomes.jobsDoneByNode(CaseOutcomes.TIMER);
      assertThat(timersByNode).as("timers fired per node").containsKeys("node-a", "node-b");
      assertThat(timersByNode.values().stream().mapToLong(Long::longValue).sum())
          .as("successful timer jobs")
          .isEqualTo(TIMERS);
      System.out.printf("Timers fired per node %s, emails per node %s%n", timersByNode, mailByNode);
      assertThat(a.isAlive() && b.isAlive()).isTrue();
    } finally {
      database.drop();
    }
  }
}
