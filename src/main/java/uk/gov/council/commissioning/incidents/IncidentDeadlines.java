package uk.gov.council.commissioning.incidents;

import java.time.Duration;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.deadlines.DeadlineRule;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * The serious-incident process's deadline rules (seed 002 §12.4-12.5), built from {@link
 * IncidentProperties}. The deadlines themselves are recorded and timed by {@link Deadlines}; both
 * report deadlines run from the moment the incident occurred, whenever the case was opened, so a
 * case opened late has timers already due. Also the due dates of the tasks that are not owed by a
 * deadline of the case: an answer or a council action counted from the day the task is created.
 */
@Component("incidentDeadlines")
@RequiredArgsConstructor
public class IncidentDeadlines {

  private final Deadlines deadlines;
  private final IncidentProperties properties;

  /** Seed 002 §12.4: "within 12 hours of the occurrence of the incident". */
  public DeadlineRule initialReport() {
    return DeadlineRule.hours(properties.initialReportWithin(), "002 §12.4");
  }

  /** Seed 002 §12.5: "no later than 48 hours after the incident has occurred". */
  public DeadlineRule reportingForm() {
    return DeadlineRule.hours(properties.reportingFormWithin(), "002 §12.5");
  }

  /**
   * Seed 002 §12.5 "regular updates" (no interval given): the next update is asked for at the end
   * of the interval's last working day from the day the previous one was asked for.
   */
  public DeadlineRule nextUpdate() {
    return DeadlineRule.workingDays(properties.updateIntervalWorkingDays(), "002 §12.5");
  }

  /** How long after a missed report deadline the contracts managers are told (timers). */
  public Duration secondEscalationAfter() {
    return properties.secondEscalationAfter();
  }

  /** When an update or further information asked of the provider today is due. */
  public Date providerResponseDue() {
    return deadlines.taskDue(properties.providerResponseWorkingDays());
  }

  /** When a review, follow-up or escalation task created today is due. */
  public Date councilActionDue() {
    return deadlines.taskDue(properties.councilActionWorkingDays());
  }
}
