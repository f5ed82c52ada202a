package uk.gov.council.commissioning.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.TimeAcceleration;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.complaints.ComplaintProperties.DayKind;

/**
 * When a complaint's steps are due (seed 002 App K, App C 4.2-4.3, §13.5), and when the process's
 * timers fire. A deadline counted in days ends when the last day ends (midnight, UK time). The due
 * dates recorded on the complaint are real ones; time acceleration (demos) compresses only the
 * timers, here and nowhere else.
 */
@Component("complaintDeadlines")
public class ComplaintDeadlines {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

  private final WorkingDayCalendar calendar;
  private final TimeAcceleration acceleration;
  private final ComplaintProperties properties;

  public ComplaintDeadlines(
      WorkingDayCalendar calendar, TimeAcceleration acceleration, ComplaintProperties properties) {
    this.calendar = calendar;
    this.acceleration = acceleration;
    this.properties = properties;
  }

  /** App K: acknowledged by the end of the 3rd working day after the day it was received. */
  public Instant councilAcknowledgeDue(Instant received) {
    return endOfWorkingDays(received, properties.councilAcknowledgeWorkingDays());
  }

  /** App K: replied to by the end of the 20th working day after the day it was received. */
  public Instant councilRespondDue(Instant received) {
    return endOfWorkingDays(received, properties.councilRespondWorkingDays());
  }

  /** App C 4.2: a provider acknowledges within 24 hours of receipt, whatever the day. */
  public Instant providerAcknowledgeDue(Instant received) {
    return received.plus(properties.providerAcknowledgeWithin());
  }

  /**
   * App C 4.3: "resolved in 3 working weeks (15 days)", by the end of the 15th working day after
   * the day it was received, or of the 15th calendar day when so configured.
   */
  public Instant providerResolveDue(Instant received) {
    if (properties.providerResolveDayKind() == DayKind.CALENDAR) {
      return endOf(ukDate(received).plusDays(properties.providerResolveDays()));
    }
    return endOfWorkingDays(received, properties.providerResolveDays());
  }

  /**
   * §13.5 sets no time for the full written report: the configured working days after the provider
   * gave up.
   */
  public Instant writtenReportDue(Instant unresolvedAt) {
    return endOfWorkingDays(unresolvedAt, properties.writtenReportWorkingDays());
  }

  /** A response date the council gave the complainant, as a deadline: the end of that day. */
  public Instant endOf(LocalDate day) {
    return calendar.startOfDayAfter(day).toInstant();
  }

  /** The last day on which a deadline that ends at a day's end can still be met. */
  public LocalDate lastDay(Instant due) {
    return ukDate(due.minusNanos(1));
  }

  /** For a timer's {@code timeDate}: when a deadline is treated as passed. */
  public Date timerAt(Date due) {
    return acceleration.compressUntil(due.toInstant());
  }

  /** For the timer of the second escalation of a provider's missed deadline. */
  public Date secondEscalationAt(Date due) {
    return acceleration.compressUntil(due.toInstant().plus(properties.secondEscalationAfter()));
  }

  /** A deadline as an officer reads it: "end of Wed 30 Dec 2026" or "Fri 3 Apr 2026 10:00". */
  public String describe(Instant due) {
    ZonedDateTime uk = due.atZone(WorkingDayCalendar.UK);
    if (uk.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      return "end of " + DAY.format(uk.minusDays(1));
    }
    return DAY_AND_TIME.format(uk);
  }

  public ComplaintProperties properties() {
    return properties;
  }

  private Instant endOfWorkingDays(Instant from, int workingDays) {
    return endOf(calendar.addWorkingDays(ukDate(from), workingDays));
  }

  static LocalDate ukDate(Instant instant) {
    return instant.atZone(WorkingDayCalendar.UK).toLocalDate();
  }
}
