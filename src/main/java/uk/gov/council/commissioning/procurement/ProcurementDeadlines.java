package uk.gov.council.commissioning.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.TimeAcceleration;

/**
 * Turns the days of a procurement into timer dates. A planned date is a whole day: its deadline is
 * midnight UK time at the end of it. Time acceleration (demos) is applied here, once.
 */
@Component
public class ProcurementDeadlines {

  private final WorkingDayCalendar calendar;
  private final TimeAcceleration acceleration;
  private final ProcurementProperties properties;

  public ProcurementDeadlines(
      WorkingDayCalendar calendar,
      TimeAcceleration acceleration,
      ProcurementProperties properties) {
    this.calendar = calendar;
    this.acceleration = acceleration;
    this.properties = properties;
  }

  /** The end of {@code day}: the timer or due date for something due that day. */
  public Date endOf(LocalDate day) {
    return acceleration.compressUntil(calendar.startOfDayAfter(day).toInstant());
  }

  /** The start of {@code day}: the timer for something that happens on that day (commencement). */
  public Date startOf(LocalDate day) {
    return acceleration.compressUntil(day.atStartOfDay(WorkingDayCalendar.UK).toInstant());
  }

  /** The end of the working day this many working days from today: a council step's due date. */
  public Date councilStepDue() {
    return endOf(calendar.addWorkingDays(today(), properties.approvalStepWorkingDays()));
  }

  public static LocalDate today() {
    return now().atZone(WorkingDayCalendar.UK).toLocalDate();
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
