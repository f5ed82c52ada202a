package uk.gov.council.commissioning.notify;

import java.sql.Types;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.cases.InsertOnce;

/**
 * The one way the application sends email. A call only records the message in the outbox, in the
 * caller's transaction; {@link OutboxDispatcher} sends it after that transaction has committed. So
 * a rolled-back transaction sends nothing, and a job that is retried after a failure later in its
 * transaction sends once, provided it passes the same idempotency key each time.
 */
@Service
public class NotificationService {

  static final int MAX_KEY_LENGTH = 200;
  static final int MAX_SUBJECT_LENGTH = 1000;
  // Most mail relays refuse much larger messages; failing here tells the caller, where
  // a refusal at the relay would only surface as a FAILED row.
  static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

  // Deliberately loose: it catches typing mistakes and values that are not addresses at
  // all, and rejects commas, which separate recipients in the outbox row.
  private static final Pattern PLAUSIBLE_ADDRESS =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
  private static final int MAX_ADDRESS_LENGTH = 254;

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  // The key is checked in the same statement that inserts, so the usual repeat does not
  // raise an error at all.
  private static final String INSERT_UNLESS_PRESENT =
      """
      INSERT INTO notification_outbox
        (idempotency_key, recipients, subject, body,
         attachment_name, attachment_type, attachment_content,
         status, attempts, created_at, next_attempt_at)
      SELECT :key, :recipients, :subject, :body,
             :attachmentName, :attachmentType, :attachmentContent,
             'PENDING', 0, :now, :now
      WHERE NOT EXISTS (SELECT 1 FROM notification_outbox WHERE idempotency_key = :key)
      """;

  private final InsertOnce insertOnce;
  private final Clock clock;

  @Autowired
  public NotificationService(InsertOnce insertOnce) {
    this(insertOnce, Clock.systemUTC());
  }

  NotificationService(InsertOnce insertOnce, Clock clock) {
    this.insertOnce = insertOnce;
    this.clock = clock;
  }

  /**
   * Queues a plain-text email.
   *
   * @param idempotencyKey identifies this notification across retries, e.g. the process instance id
   *     and the event; at most 200 characters
   * @return true if the message was queued; false if a message with this key was queued before, or
   *     if no usable recipient was given
   * @throws IllegalArgumentException if the key, subject or body is missing
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public boolean send(
      String idempotencyKey, Collection<String> recipients, String subject, String body) {
    return send(idempotencyKey, recipients, subject, body, null);
  }

  /**
   * Queues an email with one attachment; see {@link #send(String, Collection, String, String)}.
   *
   * @param attachment may be null
   * @throws IllegalArgumentException also if the attachment is larger than 10 MiB
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public boolean send(
      String idempotencyKey,
      Collection<String> recipients,
      String subject,
      String body,
      Attachment attachment) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("An idempotency key is required");
    }
    if (idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Idempotency key longer than " + MAX_KEY_LENGTH + " characters");
    }
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("A subject is required");
    }
    if (body == null) {
      throw new IllegalArgumentException("A body is required");
    }
    if (attachment != null && attachment.size() > MAX_ATTACHMENT_BYTES) {
      throw new IllegalArgumentException(
          "Attachment "
              + attachment.fileName()
              + " is larger than "
              + MAX_ATTACHMENT_BYTES
              + " bytes");
    }

    List<String> addresses = usableAddresses(idempotencyKey, recipients);
    if (addresses.isEmpty()) {
      // A missing address is a data problem to fix, not a reason to stop the business process.
      log.warn("Notification {} has no usable recipient; nothing sent", idempotencyKey);
      return false;
    }

    Map<String, Object> params = new LinkedHashMap<>();
    params.put("key", idempotencyKey);
    params.put("recipients", String.join(",", addresses));
    params.put("subject", singleLine(subject));
    params.put("body", body);
    // Typed explicitly: PostgreSQL cannot infer the type of a null in an INSERT ... SELECT.
    params.put(
        "attachmentName",
        new SqlParameterValue(Types.VARCHAR, attachment == null ? null : attachment.fileName()));
    params.put(
        "attachmentType",
        new SqlParameterValue(Types.VARCHAR, attachment == null ? null : attachment.contentType()));
    params.put(
        "attachmentContent",
        new SqlParameterValue(Types.VARBINARY, attachment == null ? null : attachment.content()));
    params.put("now", clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));

    // Two transactions with the same new key can both pass the NOT EXISTS check; the unique key
    // then keeps the second out, without failing the caller's transaction.
    int inserted = insertOnce.insert(INSERT_UNLESS_PRESENT, params);
    if (inserted == 0) {
      log.info("Notification {} was queued before; not queued again", idempotencyKey);
      return false;
    }
    log.debug("Notification {} queued for {} recipient(s)", idempotencyKey, addresses.size());
    return true;
  }

  private static List<String> usableAddresses(String key, Collection<String> recipients) {
    if (recipients == null) {
      return List.of();
    }
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    for (String recipient : recipients) {
      if (recipient == null || recipient.isBlank()) {
        log.warn("Notification {}: blank recipient skipped", key);
        continue;
      }
      String address = recipient.strip();
      if (!isPlausibleAddress(address)) {
        log.warn("Notification {}: recipient '{}' is not an email address; skipped", key, address);
        continue;
      }
      byLowerCase.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
    }
    return new ArrayList<>(byLowerCase.values());
  }

  static boolean isPlausibleAddress(String address) {
    return address != null
        && address.length() <= MAX_ADDRESS_LENGTH
        && PLAUSIBLE_ADDRESS.matcher(address).matches();
  }

  // A line break in a subject would otherwise be folded into the header by the mail
  // library; subjects built from user data must not be able to add headers or lines.
  private static String singleLine(String subject) {
    String oneLine = subject.replaceAll("[\\r\\n]+", " ").strip();
    return oneLine.length() <= MAX_SUBJECT_LENGTH
        ? oneLine
        : oneLine.substring(0, MAX_SUBJECT_LENGTH);
  }
}
