package uk.gov.council.commissioning.qaf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * When a QAF is issued and due back (seed 001 Part 3.3 §2), when its non-return becomes a contract
 * management issue, and when the council's and the provider's steps are due. Dates are UK
 * midnights. The QAF's deadlines are recorded as {@code case_deadline} rows when it is registered,
 * and its timers read them through {@link Deadlines#timer}.
 */
@Component("qafDeadlines")
@RequiredArgsConstructor
public class QafDeadlines {

  /** The kinds of the QAF's {@code case_deadline} rows, read by the timers of qaf-assessment. */
  public static final String ISSUE = "QAF_ISSUE";

  /** Also the requirement its breaches are recorded under. */
  public static final String RETURN = QafReturnSteps.RETURN_REQUIREMENT;

  public static final String NOT_RETURNED = "QAF_NOT_RETURNED";

  static final String SECTION_ISSUE = "001 Part 3.3 §2";
  static final String SECTION_NOT_RETURNED = "001 Part 3.3 §3";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

  private final QafProperties properties;
  private final WorkingDayCalendar calendar;
  private final Deadlines deadlines;

  /**
   * §2: issued three months before the meeting (commissioning.qaf.issue-before-meeting), at the
   * start of that day.
   */
  public Instant issueAt(LocalDate meeting) {
    return meeting
        .minus(properties.issueBeforeMeeting())
        .atStartOfDay(WorkingDayCalendar.UK)
        .toInstant();
  }

  /**
   * §2: returned six weeks before the meeting (commissioning.qaf.return-before-meeting), by the end
   * of that day.
   */
  public Instant returnDueAt(LocalDate meeting) {
    return calendar.startOfDayAfter(meeting.minus(properties.returnBeforeMeeting())).toInstant();
  }

  /** §3: still not returned this long after the deadline (commissioning.qaf.non-return-after). */
  public Instant notReturnedAt(Instant returnDue) {
    return returnDue.atZone(WorkingDayCalendar.UK).plus(properties.nonReturnAfter()).toInstant();
  }

  /** A council step is due by the end of the configured working days after today. */
  public Date councilTaskDue() {
    return deadlines.taskDue(properties.councilTaskWorkingDays());
  }

  /** The provider answers its grades by the end of the configured working days after today. */
  public Date providerResponseDue() {
    return deadlines.taskDue(properties.providerResponseWorkingDays());
  }

  /**
   * The council's financial year (April to March) the meeting falls in, by its first calendar year.
   */
  public static int financialYear(LocalDate date) {
    return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
  }

  /** "end of Wed 30 Dec 2026" for a midnight deadline. */
  public static String describe(Instant due) {
    return Deadlines.describe(due);
  }

  public static String describe(LocalDate day) {
    return DAY.format(day);
  }

  public QafProperties properties() {
    return properties;
  }
}
