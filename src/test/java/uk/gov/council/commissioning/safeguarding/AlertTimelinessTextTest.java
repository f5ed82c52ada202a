package uk.gov.council.commissioning.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The screening form's line on a late alert states the period the council has set. */
class AlertTimelinessTextTest {

  @Test
  void aChangedAlertPeriodChangesTheWords() {
    OpenSafeguardingAlert open =
        new OpenSafeguardingAlert(
            null,
            null,
            null,
            new SafeguardingProperties(Duration.ofHours(6), Duration.ofHours(24)),
            null);
    Instant aware = Instant.parse("2026-07-06T01:00:00Z");

    assertThat(
            open.timeliness(SafeguardingConcern.PROVIDER, aware, aware.plus(Duration.ofHours(7))))
        .isEqualTo(
            "Alerted by the provider 7 h 0 min after becoming aware: later than the 6 hours required"
                + " (App C 5.2); recorded as a late alert.");
    assertThat(
            open.timeliness(SafeguardingConcern.PROVIDER, aware, aware.plus(Duration.ofHours(6))))
        .endsWith(": in time.");
  }
}
