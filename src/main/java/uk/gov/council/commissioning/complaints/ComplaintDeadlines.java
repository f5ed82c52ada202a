package uk.gov.council.commissioning.complaints;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.complaints.ComplaintProperties.DayKind;
import uk.gov.council.commissioning.deadlines.DeadlineRule;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * The complaint's deadline rules (seed 002 App K, App C 4.2-4.3, §13.5), built from {@link
 * ComplaintProperties}. The deadlines themselves are recorded and timed by {@link Deadlines}.
 */
@Component("complaintDeadlines")
@RequiredArgsConstructor
public class ComplaintDeadlines {

  private final WorkingDayCalendar calendar;
  private final ComplaintProperties properties;

  /**
   * App K: the council acknowledges by the end of the 3rd working day after the day it was
   * received; App C 4.2: a provider within 24 hours of receipt, whatever the day.
   */
  public DeadlineRule acknowledgement(boolean providerRoute) {
    return providerRoute
        ? DeadlineRule.hours(properties.providerAcknowledgeWithin(), "002 App C 4.2")
        : DeadlineRule.workingDays(properties.councilAcknowledgeWorkingDays(), "002 App K");
  }

  /**
   * App K: the council replies by the end of the 20th working day after the day it was received;
   * App C 4.3: a provider resolves it in "3 working weeks (15 days)", working days unless
   * configured as calendar days.
   */
  public DeadlineRule response(boolean providerRoute) {
    if (!providerRoute) {
      return DeadlineRule.workingDays(properties.councilRespondWorkingDays(), "002 App K");
    }
    return properties.providerResolveDayKind() == DayKind.CALENDAR
        ? DeadlineRule.calendarDays(properties.providerResolveDays(), "002 App C 4.3")
        : DeadlineRule.workingDays(properties.providerResolveDays(), "002 App C 4.3");
  }

  /**
   * §13.5 sets no time for the full written report: the configured working days after the provider
   * gave up.
   */
  public DeadlineRule writtenReport() {
    return DeadlineRule.workingDays(properties.writtenReportWorkingDays(), "002 §13.5");
  }

  public Instant councilAcknowledgeDue(Instant received) {
    return acknowledgement(false).dueFrom(received, calendar);
  }

  public Instant councilRespondDue(Instant received) {
    return response(false).dueFrom(received, calendar);
  }

  public Instant providerAcknowledgeDue(Instant received) {
    return acknowledgement(true).dueFrom(received, calendar);
  }

  public Instant providerResolveDue(Instant received) {
    return response(true).dueFrom(received, calendar);
  }

  public Instant writtenReportDue(Instant unresolvedAt) {
    return writtenReport().dueFrom(unresolvedAt, calendar);
  }

  /** A response date the council gave the complainant, as a deadline: the end of that day. */
  public Instant endOf(LocalDate day) {
    return calendar.startOfDayAfter(day).toInstant();
  }

  /** The last day on which a deadline that ends at a day's end can still be met. */
  public LocalDate lastDay(Instant due) {
    return Deadlines.lastDay(due);
  }

  /** How long after a provider's missed deadline the contracts managers are told (timers). */
  public Duration secondEscalationAfter() {
    return properties.secondEscalationAfter();
  }

  /** A deadline as an officer reads it: "end of Wed 30 Dec 2026" or "Fri 3 Apr 2026 10:00". */
  public String describe(Instant due) {
    return Deadlines.describe(due);
  }

  public ComplaintProperties properties() {
    return properties;
  }

  static LocalDate ukDate(Instant instant) {
    return instant.atZone(WorkingDayCalendar.UK).toLocalDate();
  }
}
