package uk.gov.council.commissioning.reports;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/**
 * How the report pages write times, days and numbers: UK time, in the short form an officer reads
 * at a glance ("Mon 23 Nov 2026, 14:05"), and an en dash where there is no value.
 */
public final class ReportFormat {

  /** Shown where a value does not apply or cannot be judged yet. */
  public static final String NONE = "–";

  // English rather than UK locale data: recent CLDR abbreviates September as "Sept" for en-GB only.
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH)
          .withZone(WorkingDayCalendar.UK);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private ReportFormat() {}

  public static String time(Instant moment) {
    return moment == null ? NONE : TIME.format(moment);
  }

  /** For the datetime attribute of a time element: the moment with its UK offset. */
  static String machineTime(Instant moment) {
    return moment == null
        ? null
        : moment.atZone(WorkingDayCalendar.UK).toOffsetDateTime().toString();
  }

  public static String day(LocalDate day) {
    return day == null ? NONE : DAY.format(day);
  }

  static String count(Integer value) {
    return value == null ? NONE : NumberFormat.getIntegerInstance(Locale.UK).format(value);
  }

  static String percentage(BigDecimal value) {
    return value == null ? NONE : value.toPlainString() + "%";
  }
}
