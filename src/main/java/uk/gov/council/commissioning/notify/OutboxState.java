package uk.gov.council.commissioning.notify;

/**
 * How many messages the outbox holds in each state: waiting to be sent (including those waiting for
 * a retry), being sent, sent, and given up on; {@code retrying} counts those of the waiting that
 * the mail server refused {@value OutboxDispatcher#MAX_ATTEMPTS} times or more and that are tried
 * on the slow schedule.
 */
public record OutboxState(int pending, int sending, int sent, int failed, int retrying) {}
