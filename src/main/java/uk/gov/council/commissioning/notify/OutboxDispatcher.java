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
import org.springframework.context.SmartLifecycle;
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
 * expires ({@code commissioning.mail.delivery.claim-timeout}, 10 minutes) and the message is sent
 * again. Every sending of one outbox row carries the same {@code Message-ID}, so the receiving mail
 * system can recognise the repeat. When the application shuts down the dispatcher stops claiming at
 * once and waits, up to {@code commissioning.mail.delivery.shutdown-grace}, for the batches it is
 * sending, so that the database is still there to record them.
 *
 * <p>A message the mail server refuses is tried again after 1, 2, 4 and 8 minutes, then every
 * {@code slow-retry-every} (an hour) until {@code give-up-after} (three days) from when it was
 * queued; only then is it FAILED. Messages retried slowly or failed are listed on the
 * administrator's mail page, counted by the {@code commissioning.mail.outbox} metric, and can be
 * sent again by an administrator.
 */
@Component
public class OutboxDispatcher implements SmartLifecycle {

  static final int MAX_ATTEMPTS = 5;
  // The default of commissioning.mail.delivery.claim-timeout.
  static final Duration CLAIM_TIMEOUT = OutboxDelivery.DEFAULTS.claimTimeout();
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
  private final OutboxDelivery delivery;
  // The threads besides the scheduler's own; none when one thread sends.
  private final ExecutorService workers;
  // Set when shutdown begins: no further batch is claimed.
  private volatile boolean stopping;
  private volatile boolean running;
  // Batches claimed and not yet recorded; shutdown waits for them.
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object inFlightChanged = new Object();

  @Autowired
  public OutboxDispatcher(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      JavaMailSender mailSender,
      @Value("${commissioning.mail.from}") String from,
      @Value("${commissioning.mail.dispatch-batch-size:" + DEFAULT_BATCH_SIZE + "}") int batchSize,
      @Value("${commissioning.mail.dispatch-threads:1}") int threads,
      OutboxDelivery delivery) {
    this(
        jdbc,
        transactionManager,
        mailSender,
        from,
        Clock.systemUTC(),
        batchSize,
        threads,
        delivery);
  }

  OutboxDispatcher(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      JavaMailSender mailSender,
      String from,
      Clock clock) {
    this(
        jdbc,
        transactionManager,
        mailSender,
        from,
        clock,
        DEFAULT_BATCH_SIZE,
        1,
        OutboxDelivery.DEFAULTS);
  }

  OutboxDispatcher(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      JavaMailSender mailSender,
      String from,
      Clock clock,
      int batchSize,
      int threads,
      OutboxDelivery delivery) {
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
    this.delivery = delivery;
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
    if (stopping) {
      return 0;
    }
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
    while (!stopping) {
      inFlight.incrementAndGet();
      try {
        List<OutboxMessage> batch = claimBatch();
        if (batch.isEmpty()) {
          // Drained, or every due row is claimed by another thread or node.
          return sent;
        }
        sent += deliver(batch);
      } finally {
        inFlight.decrementAndGet();
        synchronized (inFlightChanged) {
          inFlightChanged.notifyAll();
        }
      }
    }
    return sent;
  }

  @Override
  public void start() {
    stopping = false;
    running = true;
  }

  /**
   * Stops claiming and waits for the batches being sent to be recorded, for at most the grace
   * period: the connection pool closes after this returns, and a message sent but not recorded
   * would go again when its claim expired.
   */
  @Override
  public void stop() {
    stopping = true;
    long deadline = System.nanoTime() + delivery.shutdownGrace().toNanos();
    synchronized (inFlightChanged) {
      while (inFlight.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          log.warn(
              "Stopped with {} outbox batch(es) still being sent after {}; a message sent but not"
                  + " recorded goes again, with the same Message-ID, when its claim expires",
              inFlight.get(),
              delivery.shutdownGrace());
          break;
        }
        try {
          inFlightChanged.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Whether shutdown has begun: nothing more is claimed. */
  boolean isStopping() {
    return stopping;
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
        counts.getOrDefault("FAILED", 0),
        retryingCount());
  }

  /** Messages still waiting after {@value #MAX_ATTEMPTS} refusals: retried on the slow schedule. */
  private int retryingCount() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING' AND attempts >= :max")
        .param("max", MAX_ATTEMPTS)
        .query(Integer.class)
        .single();
  }

  /**
   * The messages an administrator should look at, oldest first: given up on, or still refused after
   * {@value #MAX_ATTEMPTS} attempts and retried on the slow schedule.
   */
  public List<TroubledMessage> troubled(int limit) {
    return jdbc.sql(
            """
            SELECT id, status, recipients, subject, attempts, last_error, created_at, next_attempt_at
            FROM notification_outbox
            WHERE status = 'FAILED' OR (status = 'PENDING' AND attempts >= :max)
            ORDER BY created_at, id
            FETCH FIRST %d ROWS ONLY
            """
                .formatted(Math.max(1, limit)))
        .param("max", MAX_ATTEMPTS)
        .query(
            (rs, rowNum) ->
                new TroubledMessage(
                    rs.getLong("id"),
                    rs.getString("status"),
                    rs.getString("recipients"),
                    rs.getString("subject"),
                    rs.getInt("attempts"),
                    rs.getString("last_error"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    "FAILED".equals(rs.getString("status"))
                        ? null
                        : rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /**
   * Queues a failed message again, as new: tried at once, then on the usual schedule, and given up
   * on a full {@code give-up-after} from now. A message that is not FAILED is left as it is.
   *
   * @return whether the message was queued again
   */
  public boolean resend(long id, String administrator) {
    OffsetDateTime now = now();
    return transaction.execute(
            status ->
                jdbc.sql(
                        """
                    UPDATE notification_outbox
                    SET status = 'PENDING', attempts = 0, next_attempt_at = :now, created_at = :now,
                        last_error = :note
                    WHERE id = :id AND status = 'FAILED'
                    """)
                    .param("id", id)
                    .param("now", now)
                    .param("note", "Queued again by " + administrator)
                    .update())
        == 1;
  }

  /** Queues every failed message again, as {@link #resend}; returns how many. */
  public int resendAllFailed(String administrator) {
    OffsetDateTime now = now();
    Integer queued =
        transaction.execute(
            status ->
                jdbc.sql(
                        """
                    UPDATE notification_outbox
                    SET status = 'PENDING', attempts = 0, next_attempt_at = :now, created_at = :now,
                        last_error = :note
                    WHERE status = 'FAILED'
                    """)
                    .param("now", now)
                    .param("note", "Queued again by " + administrator)
                    .update());
    return queued == null ? 0 : queued;
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
                     attachment_type, attachment_content, attempts, created_at
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
                          rs.getInt("attempts"),
                          rs.getObject("created_at", OffsetDateTime.class)))
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
    // Spring's sender keeps a Message-ID set before sending instead of making a new one.
    mime.setHeader("Message-ID", messageId(message.id(), message.key(), from));
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

  /**
   * The Message-ID of every sending of one outbox row: the row's id and a digest of its idempotency
   * key (so two databases restored from one backup do not share ids by accident), at the sender's
   * domain.
   */
  static String messageId(long id, String idempotencyKey, String from) {
    String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
    return "<notification."
        + id
        + "."
        + java.util.HexFormat.of()
            .formatHex(
                sha256(idempotencyKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 8)
        + "@"
        + (domain.isEmpty() ? "localhost" : domain)
        + ">";
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * When a message refused {@code attempts} times is next tried: after 1, 2, 4 and 8 minutes, then
   * every {@code slow-retry-every}; null once {@code give-up-after} has passed since it was queued.
   */
  OffsetDateTime nextAttempt(int attempts, OffsetDateTime createdAt, OffsetDateTime now) {
    if (!now.isBefore(createdAt.plus(delivery.giveUpAfter()))) {
      return null;
    }
    Duration delay =
        attempts < MAX_ATTEMPTS
            ? FIRST_RETRY_DELAY.multipliedBy(1L << Math.min(attempts - 1, 20))
            : delivery.slowRetryEvery();
    return now.plus(delay);
  }

  private void recordFailure(OutboxMessage message, Exception cause) {
    OffsetDateTime now = now();
    OffsetDateTime next = nextAttempt(message.attempts(), message.createdAt(), now);
    boolean giveUp = next == null;
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
                .param("next", giveUp ? now : next)
                .update());
    if (giveUp) {
      log.error(
          "Notification {} failed {} times over {}; giving up until an administrator sends it again",
          message.key(),
          message.attempts(),
          delivery.giveUpAfter(),
          cause);
    } else {
      log.warn(
          "Notification {} failed (attempt {}); retrying at {}: {}",
          message.key(),
          message.attempts(),
          next,
          describe(cause));
    }
  }

  private void releaseExpiredClaims() {
    OffsetDateTime now = now();
    OffsetDateTime expired = now.minus(delivery.claimTimeout());
    String error =
        "Claimed for sending but not confirmed within "
            + delivery.claimTimeout()
            + "; the node sending it may have stopped";
    int failed =
        jdbc.sql(
                """
            UPDATE notification_outbox
            SET status = 'FAILED', last_error = :error, claimed_at = NULL
            WHERE status = 'SENDING' AND claimed_at < :expired AND created_at <= :givenUp
            """)
            .param("error", error)
            .param("expired", expired)
            .param("givenUp", now.minus(delivery.giveUpAfter()))
            .update();
    if (failed > 0) {
      log.error(
          "{} notification(s) never confirmed and queued over {} ago; marked FAILED",
          failed,
          delivery.giveUpAfter());
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
          "{} notification(s) claimed over {} ago were returned to the queue",
          released,
          delivery.claimTimeout());
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
      int attempts,
      OffsetDateTime createdAt) {

    boolean hasAttachment() {
      return attachmentContent != null;
    }
  }
}
