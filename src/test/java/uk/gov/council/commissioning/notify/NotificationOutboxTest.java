package uk.gov.council.commissioning.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

@ProcessTest
class NotificationOutboxTest extends ProcessTestCase {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired NotificationService notifications;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JavaMailSender mailSender;

  /** The clock of the test's own dispatcher, when it has one ({@link #dispatcherOnTestClock()}). */
  private MutableClock clock;

  TransactionTemplate transaction;

  @BeforeEach
  void emptyOutbox() {
    jdbc.sql("DELETE FROM notification_outbox").update();
    transaction = new TransactionTemplate(transactionManager);
  }

  @Test
  void repeatedKeyIsQueuedAndSentOnce() throws Exception {
    List<String> to = List.of("commissioner@council.example");

    assertThat(notifications.send("case-1/approved", to, "Approved", "The case was approved."))
        .isTrue();
    assertThat(notifications.send("case-1/approved", to, "Approved", "The case was approved."))
        .isFalse();

    assertThat(dispatcher.pendingCount()).isEqualTo(1);
    assertThat(dispatcher.dispatchPending()).isEqualTo(1);
    assertThat(dispatcher.pendingCount()).isZero();

    // A job retried after the message went out must not send it again either.
    assertThat(notifications.send("case-1/approved", to, "Approved", "The case was approved."))
        .isFalse();
    assertThat(dispatcher.dispatchPending()).isZero();

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Approved");
    assertThat(((InternetAddress) received[0].getFrom()[0]).getAddress())
        .isEqualTo("commissioning@council.example");
    assertThat(row("case-1/approved")).containsEntry("status", "SENT").containsEntry("attempts", 1);
    assertThat(row("case-1/approved").get("sent_at")).isNotNull();
  }

  @Test
  void rolledBackTransactionQueuesAndSendsNothing() {
    transaction.executeWithoutResult(
        status -> {
          notifications.send(
              "case-2/rollback-only", List.of("a@council.example"), "Subject", "Body");
          status.setRollbackOnly();
        });
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      notifications.send(
                          "case-2/exception", List.of("a@council.example"), "Subject", "Body");
                      throw new IllegalStateException(
                          "business rule broken after the notification was queued");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(outboxSize()).isZero();
    assertThat(dispatcher.dispatchPending()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    // The key was not used up by the rolled-back attempt.
    assertThat(
            notifications.send("case-2/exception", List.of("a@council.example"), "Subject", "Body"))
        .isTrue();
  }

  @Test
  void duplicateInsideOneTransactionLeavesTheTransactionUsable() {
    transaction.executeWithoutResult(
        status -> {
          assertThat(sendPlain("case-3/a")).isTrue();
          assertThat(sendPlain("case-3/a")).isFalse();
          assertThat(sendPlain("case-3/b")).isTrue();
        });
    assertThat(outboxSize()).isEqualTo(2);
  }

  @Test
  void concurrentSendsWithOneKeyQueueOneMessageAndBothTransactionsCommit() throws Exception {
    CountDownLatch firstInserted = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(
            () ->
                transaction.execute(
                    status -> {
                      boolean queued = sendPlain("case-4/race");
                      firstInserted.countDown();
                      await(secondStarted);
                      // Give the second transaction time to reach the insert and wait on our row.
                      sleep(300);
                      return queued;
                    }));
    assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Boolean> second =
        CompletableFuture.supplyAsync(
            () ->
                transaction.execute(
                    status -> {
                      secondStarted.countDown();
                      boolean queued = sendPlain("case-4/race");
                      // On PostgreSQL this fails if the duplicate aborted the transaction.
                      sendPlain("case-4/after-race");
                      return queued;
                    }));

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
    assertThat(outboxSize()).isEqualTo(2);
  }

  @Test
  void attachmentArrivesWithItsFileName() throws Exception {
    byte[] pdf = "%PDF-1.7 pretend".getBytes(StandardCharsets.US_ASCII);
    Attachment attachment =
        new Attachment("Decision record – Café Care.pdf", "application/pdf", pdf);

    assertThat(
            notifications.send(
                "case-5/decision",
                List.of("panel@council.example"),
                "Decision record: Café Care",
                "Please find the decision record attached.",
                attachment))
        .isTrue();
    assertThat(dispatcher.dispatchPending()).isEqualTo(1);

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Decision record: Café Care");
    List<BodyPart> attachments = attachmentsOf((Multipart) received[0].getContent());
    assertThat(attachments).hasSize(1);
    BodyPart part = attachments.get(0);
    assertThat(part.getFileName()).isEqualTo("Decision record – Café Care.pdf");
    assertThat(part.getContentType()).startsWith("application/pdf");
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    part.getInputStream().transferTo(content);
    assertThat(content.toByteArray()).isEqualTo(pdf);
    assertThat(bodyText((Multipart) received[0].getContent())).contains("decision record attached");
  }

  @Test
  void sendsToEveryRecipient() throws Exception {
    notifications.send(
        "case-6/team", List.of("one@council.example", "two@council.example"), "Team", "Hello");
    dispatcher.dispatchPending();

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(
            Arrays.stream(received[0].getRecipients(Message.RecipientType.TO))
                .map(Object::toString))
        .containsExactly("one@council.example", "two@council.example");
  }

  @Test
  void unusableRecipientsAreSkippedAndNobodyLeftMeansNothingQueued() {
    List<String> mixed =
        new ArrayList<>(
            Arrays.asList(
                " ",
                null,
                "not-an-address",
                "a@b,c@d.example",
                "Good@Council.example ",
                "good@council.example"));
    assertThat(notifications.send("case-7/mixed", mixed, "S", "B")).isTrue();
    assertThat(row("case-7/mixed")).containsEntry("recipients", "Good@Council.example");

    assertThat(notifications.send("case-7/blank", List.of("", "  "), "S", "B")).isFalse();
    assertThat(notifications.send("case-7/empty", List.of(), "S", "B")).isFalse();
    assertThat(notifications.send("case-7/null", null, "S", "B")).isFalse();
    assertThat(notifications.send("case-7/invalid", List.of("nobody"), "S", "B")).isFalse();
    assertThat(outboxSize()).isEqualTo(1);

    // Nothing recorded, so the key is still free once an address is known.
    assertThat(notifications.send("case-7/blank", List.of("late@council.example"), "S", "B"))
        .isTrue();
  }

  @Test
  void missingKeySubjectOrBodyIsAProgrammingError() {
    List<String> to = List.of("a@council.example");
    assertThatThrownBy(() -> notifications.send(" ", to, "S", "B"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> notifications.send("k", to, "", "B"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> notifications.send("k", to, "S", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> notifications.send("x".repeat(201), to, "S", "B"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(outboxSize()).isZero();
  }

  @Test
  void lineBreaksInASubjectCannotAddHeaders() throws Exception {
    notifications.send(
        "case-8/subject", List.of("a@council.example"), "Provider\r\nBcc: evil@example.com", "B");
    dispatcher.dispatchPending();

    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Provider Bcc: evil@example.com");
    assertThat(received.getHeader("Bcc")).isNull();
  }

  @Test
  void smtpFailureIsRetriedQuicklyThenHourlyForThreeDaysAndThenMarkedFailed() {
    OutboxDispatcher dispatcherWithClock = dispatcherOnTestClock();
    queueWhileTheServerIsDown("case-9/unreachable");

    for (int attempt = 1; attempt < OutboxDispatcher.MAX_ATTEMPTS; attempt++) {
      assertThat(dispatcherWithClock.dispatchPending()).isZero();
      assertThat(row("case-9/unreachable"))
          .containsEntry("status", "PENDING")
          .containsEntry("attempts", attempt);
      assertThat((String) row("case-9/unreachable").get("last_error"))
          .contains("MailSendException");
      // Not yet due: the retry waits.
      assertThat(dispatcherWithClock.dispatchPending()).isZero();
      assertThat(row("case-9/unreachable")).containsEntry("attempts", attempt);
      clock.advance(Duration.ofMinutes(1L << (attempt - 1)));
    }
    // The fifth refusal no longer gives up: an outage of the relay can last hours.
    assertThat(dispatcherWithClock.dispatchPending()).isZero();
    assertThat(row("case-9/unreachable"))
        .containsEntry("status", "PENDING")
        .containsEntry("attempts", OutboxDispatcher.MAX_ATTEMPTS);
    assertThat(dispatcher.state().retrying()).isEqualTo(1);
    assertThat(dispatcher.troubled(10))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.status()).isEqualTo("PENDING");
              assertThat(m.nextAttemptAt()).isNotNull();
            });
    clock.advance(Duration.ofMinutes(59));
    assertThat(dispatcherWithClock.dispatchPending()).isZero();
    assertThat(row("case-9/unreachable")).containsEntry("attempts", OutboxDispatcher.MAX_ATTEMPTS);
    clock.advance(Duration.ofMinutes(1));
    assertThat(dispatcherWithClock.dispatchPending()).isZero();
    assertThat(row("case-9/unreachable"))
        .containsEntry("status", "PENDING")
        .containsEntry("attempts", OutboxDispatcher.MAX_ATTEMPTS + 1);

    // Hourly until three days after it was queued, then given up on.
    int attempts = OutboxDispatcher.MAX_ATTEMPTS + 1;
    while (row("case-9/unreachable").get("status").equals("PENDING")) {
      clock.advance(Duration.ofHours(1));
      dispatcherWithClock.dispatchPending();
      attempts++;
      assertThat(attempts).as("gives up within three days").isLessThan(100);
    }
    assertThat(row("case-9/unreachable"))
        .containsEntry("status", "FAILED")
        .containsEntry("attempts", attempts);
    // 5 quick attempts in the first quarter hour, then one an hour to the 72nd hour.
    assertThat(attempts).isBetween(76, 78);
    assertThat(dispatcher.state().failed()).isEqualTo(1);
    assertThat(dispatcher.troubled(10)).singleElement().extracting("status").isEqualTo("FAILED");
    clock.advance(Duration.ofDays(1));
    assertThat(dispatcherWithClock.dispatchPending()).isZero();
    assertThat(row("case-9/unreachable")).containsEntry("attempts", attempts);
  }

  @Test
  void anAdministratorSendsAFailedMessageAgainAndOnlyAFailedOne() {
    OutboxDispatcher dispatcherWithClock = dispatcherOnTestClock();
    sendPlain("case-9b/failed");
    sendPlain("case-9b/waiting");
    jdbc.sql(
            "UPDATE notification_outbox SET status = 'FAILED', attempts = 70"
                + " WHERE idempotency_key = 'case-9b/failed'")
        .update();
    long failed = id("case-9b/failed");
    long waiting = id("case-9b/waiting");

    assertThat(dispatcherWithClock.resend(waiting, "admin")).isFalse();
    assertThat(dispatcherWithClock.resend(failed, "admin")).isTrue();
    assertThat(dispatcherWithClock.resend(failed, "admin")).as("already queued").isFalse();
    assertThat(row("case-9b/failed"))
        .containsEntry("status", "PENDING")
        .containsEntry("attempts", 0)
        .containsEntry("last_error", "Queued again by admin");

    assertThat(dispatcherWithClock.dispatchPending()).isEqualTo(2);
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(dispatcherWithClock.resendAllFailed("admin")).isZero();
  }

  @Test
  void everySendingOfOneMessageCarriesTheSameMessageId() throws Exception {
    OutboxDispatcher dispatcherWithClock = dispatcherOnTestClock();
    sendPlain("case-9c/lost-confirmation");
    assertThat(dispatcherWithClock.dispatchPending()).isEqualTo(1);
    // The node stopped after sending and before recording it: the claim expires, it goes again.
    jdbc.sql(
            "UPDATE notification_outbox SET status = 'SENDING', claimed_at = :at"
                + " WHERE idempotency_key = 'case-9c/lost-confirmation'")
        .param("at", OffsetDateTime.now(clock))
        .update();
    clock.advance(OutboxDispatcher.CLAIM_TIMEOUT.plusSeconds(1));
    assertThat(dispatcherWithClock.dispatchPending()).isEqualTo(1);
    sendPlain("case-9c/another");
    assertThat(dispatcherWithClock.dispatchPending()).isEqualTo(1);

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(3);
    String first = received[0].getMessageID();
    assertThat(first)
        .isEqualTo(
            OutboxDispatcher.messageId(
                id("case-9c/lost-confirmation"),
                "case-9c/lost-confirmation",
                "commissioning@council.example"))
        .startsWith("<notification.")
        .endsWith("@council.example>");
    assertThat(received[1].getMessageID()).isEqualTo(first);
    assertThat(received[2].getMessageID()).isNotEqualTo(first);
  }

  @Test
  void shutdownStopsClaimingAndWaitsForTheBatchBeingSent() throws Exception {
    for (int i = 0; i < 3; i++) {
      sendPlain("case-9d/" + i);
    }
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WatchedMailSender slow =
        new WatchedMailSender(mailSender)
            .beforeSending(
                batch -> {
                  sending.countDown();
                  await(release);
                });
    OutboxDispatcher oneAtATime =
        new OutboxDispatcher(
            jdbc,
            transactionManager,
            slow,
            "commissioning@council.example",
            testClock(),
            1,
            1,
            new OutboxDelivery(
                Duration.ofHours(1),
                Duration.ofDays(3),
                Duration.ofSeconds(10),
                OutboxDispatcher.CLAIM_TIMEOUT));
    oneAtATime.start();
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(oneAtATime::dispatchPending);
    assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stop = CompletableFuture.runAsync(oneAtATime::stop);
    sleep(300);
    assertThat(stop).as("waits for the message being sent").isNotDone();
    assertThat(oneAtATime.isStopping()).isTrue();
    release.countDown();
    stop.get(10, TimeUnit.SECONDS);

    assertThat(run.get(10, TimeUnit.SECONDS)).as("the batch being sent, and no other").isEqualTo(1);
    assertThat(oneAtATime.isRunning()).isFalse();
    assertThat(slow.batches()).containsExactly(1);
    assertThat(
            jdbc.sql("SELECT status, COUNT(*) FROM notification_outbox GROUP BY status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list())
        .containsExactlyInAnyOrder(Map.entry("SENT", 1), Map.entry("PENDING", 2));
    assertThat(oneAtATime.dispatchPending()).as("nothing once stopping").isZero();
  }

  @Test
  void failedMessageIsSentWhenTheServerIsBackAndDoesNotHoldUpOthers() {
    OutboxDispatcher dispatcherWithClock = dispatcherOnTestClock();
    queueWhileTheServerIsDown("case-10/first");
    assertThat(dispatcherWithClock.dispatchPending()).isZero();

    greenMail.start();
    sendPlain("case-10/second");
    assertThat(dispatcherWithClock.dispatchPending()).isEqualTo(1);
    assertThat(row("case-10/second")).containsEntry("status", "SENT");

    clock.advance(OutboxDispatcher.FIRST_RETRY_DELAY);
    assertThat(dispatcherWithClock.dispatchPending()).isEqualTo(1);
    assertThat(row("case-10/first")).containsEntry("status", "SENT").containsEntry("attempts", 2);
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void messageClaimedByAnotherNodeIsLeftAloneUntilTheClaimExpires() {
    OutboxDispatcher dispatcherWithClock = dispatcherOnTestClock();
    sendPlain("case-11/claimed");
    jdbc.sql("UPDATE notification_outbox SET status = 'SENDING', claimed_at = :at, attempts = 1")
        .param("at", OffsetDateTime.now(clock))
        .update();

    assertThat(dispatcherWithClock.dispatchPending()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    clock.advance(OutboxDispatcher.CLAIM_TIMEOUT.plusSeconds(1));
    assertThat(dispatcherWithClock.dispatchPending()).isEqualTo(1);
    assertThat(row("case-11/claimed")).containsEntry("status", "SENT").containsEntry("attempts", 2);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void manyMessagesGoInBatchesEachOverOneConnectionFromSeveralThreads() throws Exception {
    for (int i = 0; i < 120; i++) {
      sendPlain("case-12/" + i);
    }
    WatchedMailSender watched = new WatchedMailSender(mailSender);
    OutboxDispatcher threeThreads =
        new OutboxDispatcher(
            jdbc,
            transactionManager,
            watched,
            "commissioning@council.example",
            testClock(),
            50,
            3,
            OutboxDelivery.DEFAULTS);
    try {
      assertThat(threeThreads.dispatchPending()).isEqualTo(120);
    } finally {
      threeThreads.stopWorkers();
    }

    List<Long> ids = jdbc.sql("SELECT id FROM notification_outbox").query(Long.class).list();
    assertThat(
            Arrays.stream(greenMail.getReceivedMessages())
                .map(WatchedMailSender::outboxId)
                .toList())
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(
            jdbc.sql("SELECT DISTINCT status FROM notification_outbox").query(String.class).list())
        .containsExactly("SENT");
    // Each call is one connection with at most 50 messages. A thread may claim fewer when the
    // others hold rows it would have taken, so not always exactly three, but never one per message.
    assertThat(watched.batches()).allMatch(size -> size <= 50);
    assertThat(watched.batches().stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
    assertThat(watched.batches()).hasSizeBetween(3, 6);
  }

  @Test
  void aBatchIsClaimedAndCommittedBeforeTheMailServerIsContacted() {
    for (int i = 0; i < 3; i++) {
      sendPlain("case-13/" + i);
    }
    List<String> seenWhileSending = new ArrayList<>();
    WatchedMailSender watched =
        new WatchedMailSender(mailSender)
            .beforeSending(
                batch -> {
                  // This query runs on a connection of its own: it sees only what was committed.
                  for (MimeMessage message : batch) {
                    seenWhileSending.add(
                        jdbc.sql("SELECT status FROM notification_outbox WHERE id = :id")
                            .param("id", WatchedMailSender.outboxId(message))
                            .query(String.class)
                            .single());
                  }
                });
    OutboxDispatcher dispatcherWatched =
        new OutboxDispatcher(
            jdbc, transactionManager, watched, "commissioning@council.example", testClock());

    assertThat(dispatcherWatched.dispatchPending()).isEqualTo(3);
    assertThat(seenWhileSending).containsExactly("SENDING", "SENDING", "SENDING");
    assertThat(watched.batches()).containsExactly(3);
  }

  @Test
  void aMessageTheServerRefusesIsRetriedAloneAndTheRestOfItsBatchIsSent() throws Exception {
    notifications.send("case-14/a", List.of("a@council.example"), "Fine", "B");
    notifications.send("case-14/refused", List.of("b@council.example"), "Refused", "B");
    notifications.send("case-14/c", List.of("c@council.example"), "Fine", "B");
    WatchedMailSender refusing =
        new WatchedMailSender(mailSender).refusing(message -> subject(message).equals("Refused"));
    clock = testClock();
    OutboxDispatcher dispatcherRefused =
        new OutboxDispatcher(
            jdbc, transactionManager, refusing, "commissioning@council.example", clock);

    assertThat(dispatcherRefused.dispatchPending()).isEqualTo(2);
    assertThat(refusing.batches()).containsExactly(3);
    assertThat(row("case-14/a")).containsEntry("status", "SENT");
    assertThat(row("case-14/c")).containsEntry("status", "SENT");
    assertThat(row("case-14/refused"))
        .containsEntry("status", "PENDING")
        .containsEntry("attempts", 1);
    assertThat((String) row("case-14/refused").get("last_error"))
        .contains("MailSendException")
        .contains("550");
    assertThat(greenMail.getReceivedMessages()).hasSize(2);

    // Its retry waits for the back-off, then goes alone, and the others are not sent again.
    assertThat(dispatcherRefused.dispatchPending()).isZero();
    clock.advance(OutboxDispatcher.FIRST_RETRY_DELAY);
    OutboxDispatcher dispatcherAccepting =
        new OutboxDispatcher(
            jdbc, transactionManager, mailSender, "commissioning@council.example", clock);
    assertThat(dispatcherAccepting.dispatchPending()).isEqualTo(1);
    assertThat(row("case-14/refused")).containsEntry("status", "SENT").containsEntry("attempts", 2);
    assertThat(greenMail.getReceivedMessages()).hasSize(3);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void attachmentIsCopiedSoTheCallerCannotChangeAQueuedMessage() {
    byte[] bytes = {1, 2, 3};
    Attachment attachment = new Attachment("a.bin", "application/octet-stream", bytes);
    bytes[0] = 9;
    attachment.content()[1] = 9;
    assertThat(attachment.content()).containsExactly(1, 2, 3);
    assertThat(attachment.toString()).contains("size=3").doesNotContain("[B@");
  }

  // Starts a little ahead of the wall clock the service stamps new rows with, so rows
  // queued during the test are already due.
  private static MutableClock testClock() {
    return new MutableClock(Instant.now().plusSeconds(5));
  }

  /** A dispatcher on a new {@link #testClock()}, which the test then moves as {@link #clock}. */
  private OutboxDispatcher dispatcherOnTestClock() {
    clock = testClock();
    return new OutboxDispatcher(
        jdbc, transactionManager, mailSender, "commissioning@council.example", clock);
  }

  /** Queues a plain message and stops the mail server before it is sent. */
  private void queueWhileTheServerIsDown(String key) {
    sendPlain(key);
    greenMail.stop();
  }

  @Test
  void theStateCountsTheMessagesInEachState() {
    List<String> to = List.of("commissioner@council.example");
    notifications.send("state/sent", to, "Sent", "Sent.");
    notifications.send("state/failed", to, "Failed", "Failed.");
    jdbc.sql(
            "UPDATE notification_outbox SET status = 'FAILED' WHERE idempotency_key = 'state/failed'")
        .update();
    assertThat(dispatcher.dispatchPending()).isEqualTo(1);
    notifications.send("state/waiting", to, "Waiting", "Waiting.");

    assertThat(dispatcher.state()).isEqualTo(new OutboxState(1, 0, 1, 1, 0));
  }

  private Map<String, Object> row(String key) {
    return singleRow(
        """
        SELECT status, attempts, recipients, last_error, sent_at
        FROM notification_outbox WHERE idempotency_key = :key
        """,
        "key",
        key);
  }

  private long id(String key) {
    return jdbc.sql("SELECT id FROM notification_outbox WHERE idempotency_key = :key")
        .param("key", key)
        .query(Long.class)
        .single();
  }

  private int outboxSize() {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox").query(Integer.class).single();
  }

  private static List<BodyPart> attachmentsOf(Multipart multipart) throws Exception {
    List<BodyPart> found = new ArrayList<>();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        found.add(part);
      } else if (part.getContent() instanceof Multipart nested) {
        found.addAll(attachmentsOf(nested));
      }
    }
    return found;
  }

  private static String bodyText(Multipart multipart) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getContent() instanceof Multipart nested) {
        text.append(bodyText(nested));
      } else if (part.isMimeType("text/plain")) {
        text.append(part.getContent());
      }
    }
    return text.toString();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Queues a plain message (subject "S", body "B") to one council address. */
  private boolean sendPlain(String key) {
    return notifications.send(key, List.of("a@council.example"), "S", "B");
  }
}
