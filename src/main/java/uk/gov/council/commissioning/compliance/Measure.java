package uk.gov.council.commissioning.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One line of a provider's quarterly figures.
 *
 * <p>A count (e.g. App C 4.1) has only a total. A timed measure (e.g. App C 4.2) also splits its
 * cases into met (on time), missed (late, or the deadline passed with nothing received) and pending
 * (the deadline has not passed and nothing has been received yet: it cannot be judged, so it is
 * left out of the percentage). The percentage is met / (met + missed), to one decimal place, or
 * null when no case can be judged yet.
 *
 * @param key a stable name for programs
 * @param number the seed 002 Appendix C number, e.g. "4.2"; null for a measure the appendix does
 *     not list (serious-incident reporting times, seed 002 §12.4-12.5)
 * @param source where the measure comes from, e.g. "seed 002 App C 4.2"
 * @param wording what the measure counts, in the seed's words where it has them
 * @param note how the recorded facts answer it, where that is narrower than the wording; null
 *     otherwise
 */
public record Measure(
    String key,
    String number,
    String source,
    String wording,
    String note,
    int total,
    Integer met,
    Integer missed,
    Integer pending,
    BigDecimal percentage) {

  static Measure count(
      String key, String number, String source, String wording, String note, int total) {
    return new Measure(key, number, source, wording, note, total, null, null, null, null);
  }

  static Measure timed(
      String key, String number, String source, String wording, String note, Tally tally) {
    return new Measure(
        key,
        number,
        source,
        wording,
        note,
        tally.met + tally.missed + tally.pending,
        tally.met,
        tally.missed,
        tally.pending,
        percentage(tally.met, tally.missed));
  }

  static BigDecimal percentage(int met, int missed) {
    int judged = met + missed;
    if (judged == 0) {
      return null;
    }
    return BigDecimal.valueOf(met)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(judged), 1, RoundingMode.HALF_UP);
  }

  /** Counts cases against their deadlines, as of one moment. */
  static final class Tally {
    private final Instant now;
    private int met;
    private int missed;
    private int pending;

    Tally(Instant now) {
      this.now = now;
    }

    /**
     * @param due the deadline; arriving exactly at it is in time
     * @param arrived when the thing due arrived; null if it has not
     */
    void add(Instant due, Instant arrived) {
      if (arrived != null) {
        if (arrived.isAfter(due)) {
          missed++;
        } else {
          met++;
        }
      } else if (now.isAfter(due)) {
        missed++;
      } else {
        pending++;
      }
    }
  }
}
