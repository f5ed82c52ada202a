package uk.gov.council.commissioning.notify;

import java.time.Instant;

/**
 * A message the mail server keeps refusing, for the administrator's mail page.
 *
 * @param status PENDING (retried on the slow schedule) or FAILED (given up on)
 * @param nextAttemptAt when it is tried next; null when FAILED
 */
public record TroubledMessage(
    long id,
    String status,
    String recipients,
    String subject,
    int attempts,
    String lastError,
    Instant queuedAt,
    Instant nextAttemptAt) {}
