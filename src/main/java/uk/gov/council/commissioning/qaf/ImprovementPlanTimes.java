package uk.gov.council.commissioning.qaf;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/** Deadlines as people read them: they end at midnight, so "end of" the last day, in UK time. */
final class ImprovementPlanTimes {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

  private ImprovementPlanTimes() {}

  static String text(Instant deadline) {
    if (deadline == null) {
      return "";
    }
    var uk = deadline.atZone(WorkingDayCalendar.UK);
    if (uk.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      return "end of " + DAY.format(uk.toLocalDate().minusDays(1));
    }
    return DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK).format(uk);
  }
}
