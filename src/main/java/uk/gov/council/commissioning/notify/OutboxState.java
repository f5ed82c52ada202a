package uk.gov.council.commissioning.notify;

/**
 * How many messages the outbox holds in each state: waiting to be sent (including those waiting for
 * a retry), being sent, sent, and given up on after {@value OutboxDispatcher#MAX_ATTEMPTS}
 * attempts.
 */
public record OutboxState(int pending, int sending, int sent, int failed) {}
