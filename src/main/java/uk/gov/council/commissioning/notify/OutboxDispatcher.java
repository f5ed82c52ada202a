package uk.gov.council.commissioning.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what {@link NotificationService} queued. Several application nodes may run this against one
 * database: a node sends a message only after it has moved the row from PENDING to SENDING itself,
 * and that claim is committed before the mail server is contacted, so no database lock or
 * connection is held while talking SMTP.
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
  static final int BATCH_SIZE = 50;
  private static final int MAX_ERROR_LENGTH = 2000;

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final JavaMailSender mailSender;
  private final String from;
  private final Clock clock;

  @Autowired
  public OutboxDispatcher(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      JavaMailSender mailSender,
      @Value("${commissioning.mail.from}") String from) {
    this(jdbc, transactionManager, mailSender, from, Clock.systemUTC());
  }

  OutboxDispatcher(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      JavaMailSender mailSender,
      String from,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.mailSender = mailSender;
    this.from = checkedSender(from);
    this.clock = clock;
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
   * Sends every message that is due, one transaction per step per message so that one bad message
   * does not hold up the others.
   *
   * @return the number of messages this call sent
   */
  @Scheduled(
      fixedDelayString = "${commissioning.mail.dispatch-interval}",
      initialDelayString = "${commissioning.mail.dispatch-interval}")
  public int dispatchPending() {
    releaseExpiredClaims();
    int sent = 0;
    while (true) {
      List<Long> due =
          jdbc.sql(
                  """
              SELECT id FROM notification_outbox
              WHERE status = 'PENDING' AND next_attempt_at <= :now
              ORDER BY next_attempt_at, id
              FETCH FIRST %d ROWS ONLY
              """
                      .formatted(BATCH_SIZE))
              .param("now", now())
              .query(Long.class)
              .list();
      int claimed = 0;
      for (Long id : due) {
        Optional<OutboxMessage> message = claim(id);
        if (message.isEmpty()) {
          continue;
        }
        claimed++;
        if (deliver(message.get())) {
          sent++;
        }
      }
      // Stop when the queue is drained, or when other nodes took everything we saw.
      if (due.size() < BATCH_SIZE || claimed == 0) {
        return sent;
      }
    }
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

  private Optional<OutboxMessage> claim(long id) {
    return transaction.execute(
        status -> {
          OffsetDateTime now = now();
          // Only the node whose update changes the row sends the message.
          int updated =
              jdbc.sql(
                      """
              UPDATE notification_outbox
              SET status = 'SENDING', claimed_at = :now, attempts = attempts + 1
              WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
              """)
                  .param("id", id)
                  .param("now", now)
                  .update();
          if (updated == 0) {
            return Optional.empty();
          }
          return jdbc.sql(
                  """
              SELECT id, idempotency_key, recipients, subject, body, attachment_name,
                     attachment_type, attachment_content, attempts
              FROM notification_outbox WHERE id = :id
              """)
              .param("id", id)
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
              .optional();
        });
  }

  private boolean deliver(OutboxMessage message) {
    try {
      mailSender.send(toMime(message));
    } catch (Exception e) {
      recordFailure(message, e);
      return false;
    }
    try {
      transaction.executeWithoutResult(
          status ->
              jdbc.sql(
                      """
              UPDATE notification_outbox
              SET status = 'SENT', sent_at = :now, claimed_at = NULL, last_error = NULL
              WHERE id = :id AND status = 'SENDING'
              """)
                  .param("id", message.id())
                  .param("now", now())
                  .update());
    } catch (RuntimeException e) {
      log.error(
          "Notification {} was sent but could not be marked SENT; it will be sent again when "
              + "its claim expires",
          message.key(),
          e);
    }
    return true;
  }

  private MimeMessage toMime(OutboxMessage message) throws MessagingException {
    MimeMessage mime = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, message.hasAttachment(), "UTF-8");
    helper.setFrom(from);
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
