package uk.gov.council.commissioning.notify;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what {@link NotificationService} queued. Several application nodes, each with one or more
 * threads ({@code commissioning.mail.dispatch-threads}), may run this against one database: a
 * thread sends a message only after it has moved the row from PENDING to SENDING itself, and that
 * claim is committed before the mail server is contacted, so no database lock or connection is held
 * while talking SMTP.
 *
 * <p>Delivery is at least once: if a node stops after sending but before recording it, the claim
 * expires after {@value #CLAIM_TIMEOUT_MINUTES} minutes and the message is sent again.
 */
@Component
public class OutboxDispatcher {

  static final int MAX_ATTEMPTS = 5;
  static final int CLAIM_TIMEOUT_MINUTES = 10;
  static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(CLAIM_TIMEOUT_MINUTES);
  // Doubled after each failure (1, 2, 4, 8 minutes), so a relay that is down for a
  // quarter of an hour does not turn every queued message into FAILED.
  static final Duration FIRST_RETRY_DELAY = Duration.ofMinutes(1);
  static final int DEFAULT_BATCH_SIZE = 50;
  private static final int MAX_ERROR_LENGTH = 2000;

  /**
   * The header that names the outbox row a message came from: a message sent again after its
   * confirmation was lost carries the same value, so a mailbox or a test can tell a repeat.
   */
  static final String OUTBOX_ID_HEADER = "X-Outbox-Id";

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final JavaMailSender mailSender;
  private final String from;
  private final Clock clock;
  private final int batchSize;
  private final int threads;
  // The threads besides the scheduler's own; none when one thread sends.
  private final ExecutorService workers;

  @Autowired
  public OutboxDispatcher(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      JavaMailSender mailSender,
      @Value("${commissioning.mail.from}") String from,
      @Value("${commissioning.mail.dispatch-batch-size:" + DEFAULT_BATCH_SIZE + "}") int batchSize,
      @Value("${commissioning.mail.dispatch-threads:1}") int threads) {
    this(jdbc, transactionManager, mailSender, from, Clock.systemUTC(), batchSize, threads);
  }

  OutboxDispatcher(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      JavaMailSender mailSender,
      String from,
      Clock clock) {
    this(jdbc, transactionManager, mailSender, from, clock, DEFAULT_BATCH_SIZE, 1);
  }

  OutboxDispatcher(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      JavaMailSender mailSender,
      String from,
      Clock clock,
      int batchSize,
      int threads) {
    if (batchSize < 1 || threads < 1) {
      throw new IllegalStateException(
          "commissioning.mail.dispatch-batch-size and dispatch-threads must be at least 1");
    }
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.mailSender = mailSender;
    this.from = checkedSender(from);
    this.clock = clock;
    this.batchSize = batchSize;
    this.threads = threads;
    this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, workerThreads());
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "outbox-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  // A bad sender address would fail every message; better to refuse to start.
  private static String checkedSender(String from) {
    try {
      new InternetAddress(from, true);
      return from;
    } catch (AddressException e) {
      throw new IllegalStateException("commissioning.mail.from is not a valid address: " + from, e);
    }
  }

  /**
   * Sends every message that is due, a batch at a time on each of the configured threads: a batch
   * is claimed in one transaction, sent over one connection to the mail server, and recorded as
   * sent in one more. A message the server refuses is retried on its own later and does not hold up
   * the rest of its batch.
   *
   * @return the number of messages this call sent
   */
  @Scheduled(
      fixedDelayString = "${commissioning.mail.dispatch-interval}",
      initialDelayString = "${commissioning.mail.dispatch-interval}")
  public int dispatchPending() {
    releaseExpiredClaims();
    if (workers == null) {
      return drain();
    }
    List<Future<Integer>> others = new ArrayList<>();
    for (int i = 1; i < threads; i++) {
      others.add(workers.submit(this::drain));
    }
    int sent = drain();
    for (Future<Integer> other : others) {
      sent += waitFor(other);
    }
    return sent;
  }

  private int drain() {
    int sent = 0;
    while (true) {
      List<OutboxMessage> batch = claimBatch();
      if (batch.isEmpty()) {
        // Drained, or every due row is claimed by another thread or node.
        return sent;
      }
      sent += deliver(batch);
    }
  }

  private static int waitFor(Future<Integer> worker) {
    try {
      return worker.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the outbox was being sent", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("An outbox worker failed", e.getCause());
    }
  }

  @PreDestroy
  void stopWorkers() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  /**
   * Whether a message with this idempotency key was queued (sent or not): a scheduled report asks
   * it before compiling its occasion again.
   */
  public boolean isQueued(String idempotencyKey) {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key = :key")
            .param("key", idempotencyKey)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Messages waiting to be sent, including those waiting for a retry. */
  public int pendingCount() {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING'")
        .query(Integer.class)
        .single();
  }

  /** The number of messages in each state, for the administrator's mail page. */
  public OutboxState state() {
    Map<String, Integer> counts =
        jdbc
            .sql("SELECT status, COUNT(*) FROM notification_outbox GROUP BY status")
            .query((rs, rowNum) -> Map.entry(rs.getString(1), rs.getInt(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return new OutboxState(
        counts.getOrDefault("PENDING", 0),
        counts.getOrDefault("SENDING", 0),
        counts.getOrDefault("SENT", 0),
        counts.getOrDefault("FAILED", 0));
  }

  /**
   * Claims up to a batch of due messages in one transaction: their rows are locked (rows another
   * thread or node has locked are skipped, not waited for), moved from PENDING to SENDING and read.
   * The claim is committed before any of them is sent.
   */
  private List<OutboxMessage> claimBatch() {
    return transaction.execute(
        status -> {
          OffsetDateTime now = now();
          List<Long> due =
              jdbc.sql(
                      """
              SELECT id FROM notification_outbox
              WHERE status = 'PENDING' AND next_attempt_at <= :now
              ORDER BY next_attempt_at, id
              FETCH FIRST %d ROWS ONLY
              FOR UPDATE SKIP LOCKED
              """
                          .formatted(batchSize))
                  .param("now", now)
                  .query(Long.class)
                  .list();
          if (due.isEmpty()) {
            return List.of();
          }
          // The status condition keeps a row to one claimant even where the lock did not.
          jdbc.sql(
                  """
              UPDATE notification_outbox
              SET status = 'SENDING', claimed_at = :now, attempts = attempts + 1
              WHERE id IN (:ids) AND status = 'PENDING' AND next_attempt_at <= :now
              """)
              .param("ids", due)
              .param("now", now)
              .update();
          // The rows stay locked until this transaction ends, so those now SENDING with this
          // claim's time are the ones this call moved.
          return jdbc.sql(
                  """
              SELECT id, idempotency_key, recipients, subject, body, attachment_name,
                     attachment_type, attachment_content, attempts
              FROM notification_outbox
              WHERE id IN (:ids) AND status = 'SENDING' AND claimed_at = :now
              ORDER BY id
              """)
              .param("ids", due)
              .param("now", now)
              .query(
                  (rs, rowNum) ->
                      new OutboxMessage(
                          rs.getLong("id"),
                          rs.getString("idempotency_key"),
                          List.of(rs.getString("recipients").split(",")),
                          rs.getString("subject"),
                          rs.getString("body"),
                          rs.getString("attachment_name"),
                          rs.getString("attachment_type"),
                          rs.getBytes("attachment_content"),
                          rs.getInt("attempts")))
              .list();
        });
  }

  /** Sends a claimed batch over one connection and records the outcome of each message. */
  private int deliver(List<OutboxMessage> batch) {
    Map<MimeMessage, OutboxMessage> byMime = new LinkedHashMap<>();
    for (OutboxMessage message : batch) {
      try {
        byMime.put(toMime(message), message);
      } catch (Exception e) {
        recordFailure(message, e);
      }
    }
    if (byMime.isEmpty()) {
      return 0;
    }
    Map<OutboxMessage, Exception> failed = new LinkedHashMap<>();
    try {
      mailSender.send(byMime.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      // The messages the server refused, or all that were left when the connection failed.
      e.getFailedMessages()
          .forEach(
              (mime, cause) -> {
                OutboxMessage message = byMime.get(mime);
                if (message != null) {
                  failed.put(message, new MailSendException(cause.getMessage(), cause));
                }
              });
      if (failed.isEmpty()) {
        byMime.values().forEach(message -> failed.put(message, e));
      }
    } catch (Exception e) {
      // No connection or no authentication: nothing of the batch went out.
      byMime.values().forEach(message -> failed.put(message, e));
    }
    failed.forEach(this::recordFailure);
    List<OutboxMessage> sent =
        byMime.values().stream().filter(message -> !failed.containsKey(message)).toList();
    if (!sent.isEmpty()) {
      recordSent(sent);
    }
    return sent.size();
  }

  private void recordSent(List<OutboxMessage> sent) {
    try {
      transaction.executeWithoutResult(
          status ->
              jdbc.sql(
                      """
              UPDATE notification_outbox
              SET status = 'SENT', sent_at = :now, claimed_at = NULL, last_error = NULL
              WHERE id IN (:ids) AND status = 'SENDING'
              """)
                  .param("ids", sent.stream().map(OutboxMessage::id).toList())
                  .param("now", now())
                  .update());
    } catch (RuntimeException e) {
      log.error(
          "{} notification(s) were sent but could not be marked SENT; they will be sent again "
              + "when their claim expires: {}",
          sent.size(),
          sent.stream().map(OutboxMessage::key).toList(),
          e);
    }
  }

  private MimeMessage toMime(OutboxMessage message) throws MessagingException {
    MimeMessage mime = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, message.hasAttachment(), "UTF-8");
    helper.setFrom(from);
    mime.setHeader(OUTBOX_ID_HEADER, Long.toString(message.id()));
    helper.setTo(message.recipients().toArray(String[]::new));
    helper.setSubject(message.subject());
    helper.setText(message.body(), false);
    if (message.hasAttachment()) {
      helper.addAttachment(
          message.attachmentName(),
          new ByteArrayResource(message.attachmentContent()),
          message.attachmentType());
    }
    return mime;
  }

  private void recordFailure(OutboxMessage message, Exception cause) {
    boolean giveUp = message.attempts() >= MAX_ATTEMPTS;
    Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << Math.min(message.attempts() - 1, 20));
    transaction.executeWithoutResult(
        status ->
            jdbc.sql(
                    """
            UPDATE notification_outbox
            SET status = :status, last_error = :error, claimed_at = NULL, next_attempt_at = :next
            WHERE id = :id AND status = 'SENDING'
            """)
                .param("id", message.id())
                .param("status", giveUp ? "FAILED" : "PENDING")
                .param("error", describe(cause))
                .param("next", now().plus(delay))
                .update());
    if (giveUp) {
      log.error(
          "Notification {} to {} failed {} times; giving up",
          message.key(),
          message.recipients(),
          message.attempts(),
          cause);
    } else {
      log.warn(
          "Notification {} failed (attempt {} of {}); retrying in {}: {}",
          message.key(),
          message.attempts(),
          MAX_ATTEMPTS,
          delay,
          describe(cause));
    }
  }

  private void releaseExpiredClaims() {
    OffsetDateTime now = now();
    OffsetDateTime expired = now.minus(CLAIM_TIMEOUT);
    String error =
        "Claimed for sending but not confirmed within "
            + CLAIM_TIMEOUT_MINUTES
            + " minutes; the node sending it may have stopped";
    int failed =
        jdbc.sql(
                """
            UPDATE notification_outbox
            SET status = 'FAILED', last_error = :error, claimed_at = NULL
            WHERE status = 'SENDING' AND claimed_at < :expired AND attempts >= :max
            """)
            .param("error", error)
            .param("expired", expired)
            .param("max", MAX_ATTEMPTS)
            .update();
    if (failed > 0) {
      log.error(
          "{} notification(s) never confirmed after {} attempts; marked FAILED",
          failed,
          MAX_ATTEMPTS);
    }
    int released =
        jdbc.sql(
                """
            UPDATE notification_outbox
            SET status = 'PENDING', last_error = :error, claimed_at = NULL, next_attempt_at = :now
            WHERE status = 'SENDING' AND claimed_at < :expired
            """)
            .param("error", error)
            .param("expired", expired)
            .param("now", now)
            .update();
    if (released > 0) {
      log.warn(
          "{} notification(s) claimed over {} minutes ago were returned to the queue",
          released,
          CLAIM_TIMEOUT_MINUTES);
    }
  }

  private static String describe(Throwable cause) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = cause; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    return text.length() <= MAX_ERROR_LENGTH
        ? text.toString()
        : text.substring(0, MAX_ERROR_LENGTH);
  }

  private OffsetDateTime now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private record OutboxMessage(
      long id,
      String key,
      List<String> recipients,
      String subject,
      String body,
      String attachmentName,
      String attachmentType,
      byte[] attachmentContent,
      int attempts) {

    boolean hasAttachment() {
      return attachmentContent != null;
    }
  }
}
