package uk.gov.council.commissioning.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * Two application nodes, each sending with several threads, on one PostgreSQL database: every
 * message reaches each of its recipients once.
 */
@PostgresProcessTest
class OutboxPostgresTest extends ProcessTestCase {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired NotificationService notifications;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JavaMailSender mailSender;

  @Test
  void twoNodesWithSeveralThreadsSendEachMessageOnceToEachRecipient() throws Exception {
    String prefix = "outbox-nodes-" + Instant.now().toEpochMilli() + "/";
    int count = 300;
    for (int i = 0; i < count; i++) {
      notifications.send(
          prefix + i, List.of("first@one.example", "second@two.example"), "Message " + i, "B");
    }
    List<Long> ids =
        jdbc.sql("SELECT id FROM notification_outbox WHERE idempotency_key LIKE :prefix")
            .param("prefix", prefix + "%")
            .query(Long.class)
            .list();
    assertThat(ids).hasSize(count);

    OutboxDispatcher first = node();
    OutboxDispatcher second = node();
    CountDownLatch ready = new CountDownLatch(2);
    try {
      CompletableFuture<Integer> byFirst = CompletableFuture.supplyAsync(() -> run(first, ready));
      CompletableFuture<Integer> bySecond = CompletableFuture.supplyAsync(() -> run(second, ready));
      // Other classes' messages in the shared database may be sent too, hence at least.
      assertThat(byFirst.get(120, TimeUnit.SECONDS) + bySecond.get(120, TimeUnit.SECONDS))
          .isGreaterThanOrEqualTo(count);
    } finally {
      first.stopWorkers();
      second.stopWorkers();
    }

    assertThat(
            jdbc.sql(
                    "SELECT DISTINCT status || '/' || attempts FROM notification_outbox"
                        + " WHERE idempotency_key LIKE :prefix")
                .param("prefix", prefix + "%")
                .query(String.class)
                .list())
        .containsExactly("SENT/1");
    for (String recipient : List.of("first@one.example", "second@two.example")) {
      assertThat(inbox(recipient)).as("messages in %s's inbox", recipient).containsAll(ids);
      assertThat(inbox(recipient)).doesNotHaveDuplicates();
    }
  }

  private OutboxDispatcher node() {
    return new OutboxDispatcher(
        jdbc,
        transactionManager,
        mailSender,
        "commissioning@council.example",
        java.time.Clock.systemUTC(),
        20,
        3,
        OutboxDelivery.DEFAULTS);
  }

  // Both nodes start together, so that they compete for the same rows.
  private static int run(OutboxDispatcher node, CountDownLatch ready) {
    ready.countDown();
    try {
      ready.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return node.dispatchPending();
  }

  /** The outbox ids of what one recipient's mailbox holds: a copy per delivery to it. */
  private static List<Long> inbox(String recipient) throws Exception {
    GreenMailUser user = greenMail.getUserManager().getUserByEmail(recipient);
    return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
        .map(StoredMessage::getMimeMessage)
        .map(WatchedMailSender::outboxId)
        .toList();
  }
}
