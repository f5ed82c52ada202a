package uk.gov.council.commissioning.calendar;

import java.time.Duration;

/**
 * Configured periods in the words emails and tasks use ("12 hours", "3 working days"), so a text
 * always states the period the deadline was computed with, whatever the council has set.
 */
public final class Periods {

  private Periods() {}

  /**
   * "12 hours", "1 hour", "1 hour 30 minutes", "45 minutes". Days are given in hours ("48 hours"),
   * as the seed states its serious-incident and complaint deadlines; seconds are dropped.
   */
  public static String of(Duration period) {
    long hours = period.toHours();
    int minutes = period.toMinutesPart();
    if (hours == 0) {
      return plural(minutes, "minute");
    }
    return minutes == 0
        ? plural(hours, "hour")
        : plural(hours, "hour") + " " + plural(minutes, "minute");
  }

  /** "3 working days", "1 working day". */
  public static String workingDays(int days) {
    return plural(days, "working day");
  }

  /** "15 days", "1 day": calendar days. */
  public static String days(int days) {
    return plural(days, "day");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
