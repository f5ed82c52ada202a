package uk.gov.council.commissioning.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToIntFunction;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The outbox's state as the gauge {@code commissioning.mail.outbox}, one per state ({@code
 * pending}, {@code sending}, {@code sent}, {@code failed}, and {@code retrying} for messages
 * refused {@value OutboxDispatcher#MAX_ATTEMPTS} times or more). Alert on {@code failed} or {@code
 * retrying} above zero: escalation emails are not reaching people. Read when scraped, from the
 * database, so every node reports the same figures.
 */
@Component
@RequiredArgsConstructor
class OutboxMetrics implements MeterBinder {

  static final String NAME = "commissioning.mail.outbox";

  // One scrape reads the five gauges one after another: one look at the table serves them all.
  private static final long FRESH_NANOS = 5_000_000_000L;

  private final OutboxDispatcher outbox;
  private OutboxState last;
  private long readAt;

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "pending", OutboxState::pending);
    gauge(registry, "sending", OutboxState::sending);
    gauge(registry, "sent", OutboxState::sent);
    gauge(registry, "failed", OutboxState::failed);
    gauge(registry, "retrying", OutboxState::retrying);
  }

  private void gauge(MeterRegistry registry, String state, ToIntFunction<OutboxState> count) {
    Gauge.builder(NAME, this, metrics -> count.applyAsInt(metrics.state()))
        .tag("state", state)
        .description("Messages in the email outbox, by state")
        .baseUnit("messages")
        .register(registry);
  }

  private synchronized OutboxState state() {
    long now = System.nanoTime();
    if (last == null || now - readAt > FRESH_NANOS) {
      last = outbox.state();
      readAt = now;
    }
    return last;
  }
}
