package uk.gov.council.commissioning.qaf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.TimeAcceleration;

/**
 * When a QAF is issued and due back (seed 001 Part 3.3 §2), when its non-return becomes a contract
 * management issue, and when the council's and the provider's steps are due. Dates are UK
 * midnights. The timers read the dates recorded on the QAF, never process variables (a task's
 * completion may set any variable), and time acceleration compresses the timers here only.
 */
@Component("qafDeadlines")
public class QafDeadlines {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

  private final QafProperties periods;
  private final QafAssessmentProperties properties;
  private final WorkingDayCalendar calendar;
  private final TimeAcceleration acceleration;
  private final QafRepository repository;

  public QafDeadlines(
      QafProperties periods,
      QafAssessmentProperties properties,
      WorkingDayCalendar calendar,
      TimeAcceleration acceleration,
      QafRepository repository) {
    this.periods = periods;
    this.properties = properties;
    this.calendar = calendar;
    this.acceleration = acceleration;
    this.repository = repository;
  }

  /**
   * §2: issued three months before the meeting (commissioning.qaf.issue-before-meeting), at the
   * start of that day.
   */
  public Instant issueAt(LocalDate meeting) {
    return meeting
        .minus(periods.issueBeforeMeeting())
        .atStartOfDay(WorkingDayCalendar.UK)
        .toInstant();
  }

  /**
   * §2: returned six weeks before the meeting (commissioning.qaf.return-before-meeting), by the end
   * of that day.
   */
  public Instant returnDueAt(LocalDate meeting) {
    return calendar.startOfDayAfter(meeting.minus(periods.returnBeforeMeeting())).toInstant();
  }

  /** §3: still not returned this long after the deadline (commissioning.qaf.non-return-after). */
  public Instant notReturnedAt(Instant returnDue) {
    return returnDue.atZone(WorkingDayCalendar.UK).plus(periods.nonReturnAfter()).toInstant();
  }

  /** A council step is due by the end of the configured working days after today. */
  public Date councilTaskDue() {
    return calendar.startOfDayAfter(
        calendar.addWorkingDays(today(), properties.councilTaskWorkingDays()));
  }

  /** The provider answers its grades by the end of the configured working days after today. */
  public Date providerResponseDue() {
    return calendar.startOfDayAfter(
        calendar.addWorkingDays(today(), properties.providerResponseWorkingDays()));
  }

  // --- for the BPMN ----------------------------------------------------------------------------

  public Date issueTimer(DelegateExecution execution) {
    return acceleration.compressUntil(qaf(execution).issueAt());
  }

  public Date returnDueTimer(DelegateExecution execution) {
    return acceleration.compressUntil(qaf(execution).returnDueAt());
  }

  public Date notReturnedTimer(DelegateExecution execution) {
    return acceleration.compressUntil(notReturnedAt(qaf(execution).returnDueAt()));
  }

  /** The due date shown on the provider's task: the real deadline. */
  public Date returnDue(DelegateExecution execution) {
    return Date.from(qaf(execution).returnDueAt());
  }

  /**
   * The council's financial year (April to March) the meeting falls in, by its first calendar year.
   */
  public static int financialYear(LocalDate date) {
    return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
  }

  /** "end of Wed 30 Dec 2026" for a midnight deadline. */
  public static String describe(Instant due) {
    ZonedDateTime uk = due.atZone(WorkingDayCalendar.UK);
    if (uk.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      return "end of " + DAY.format(uk.minusDays(1));
    }
    return DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK).format(uk);
  }

  public static String describe(LocalDate day) {
    return DAY.format(day);
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return now().atZone(WorkingDayCalendar.UK).toLocalDate();
  }

  public QafAssessmentProperties properties() {
    return properties;
  }

  private QafAssessment qaf(DelegateExecution execution) {
    return repository
        .findByProcessInstance(execution.getProcessInstanceId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No QAF for process " + execution.getProcessInstanceId()));
  }
}
