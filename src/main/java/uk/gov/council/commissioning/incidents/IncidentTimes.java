package uk.gov.council.commissioning.incidents;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/**
 * Moments as an officer reads them in a form or an email: UK time, e.g. "Thu 22 May 2025, 22:30".
 */
final class IncidentTimes {

  private static final DateTimeFormatter READABLE =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK)
          .withZone(WorkingDayCalendar.UK);

  private IncidentTimes() {}

  static String text(Instant instant) {
    return instant == null ? "" : READABLE.format(instant);
  }
}
