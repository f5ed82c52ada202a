package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.Periods;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;

/**
 * A report the provider owes has not arrived (seed 002 §12.4-12.5). The first escalation records
 * the missed deadline and tells the provider and the contract's officer, and the quality assurance
 * team gets a task to chase; the second goes to the contracts managers. Each message and breach is
 * recorded once, so a retried timer job changes nothing.
 */
@Component("incidentEscalations")
public class IncidentEscalations {

  private final DeadlineBreaches breaches;
  private final IncidentNotifications notifications;
  private final IncidentSteps steps;
  private final IncidentProperties properties;

  public IncidentEscalations(
      DeadlineBreaches breaches,
      IncidentNotifications notifications,
      IncidentSteps steps,
      IncidentProperties properties) {
    this.breaches = breaches;
    this.notifications = notifications;
    this.steps = steps;
    this.properties = properties;
  }

  public void initialReportMissed(DelegateExecution execution) {
    SeriousIncident incident = steps.incident(execution);
    missed(
        execution,
        incident,
        INITIAL_REPORT,
        "initial report",
        incident.initialReportDueAt(),
        "initial-report-missed",
        "Chase the provider for its initial report (seed 002 §12.4: within "
            + Periods.of(properties.initialReportWithin())
            + " of the incident), or enter it here if it reached the"
            + " council by email or phone.");
  }

  public void initialReportStillMissing(DelegateExecution execution) {
    stillMissing(
        execution,
        "initial report",
        steps.incident(execution).initialReportDueAt(),
        "initial-report-second-escalation");
  }

  public void reportingFormMissed(DelegateExecution execution) {
    SeriousIncident incident = steps.incident(execution);
    missed(
        execution,
        incident,
        REPORTING_FORM,
        "reporting form",
        incident.reportingFormDueAt(),
        "reporting-form-missed",
        "Chase the provider for its serious incident reporting form (seed 002 §12.5: within "
            + Periods.of(properties.reportingFormWithin())
            + " of the incident), or enter it here if it reached the"
            + " council by email.");
  }

  public void reportingFormStillMissing(DelegateExecution execution) {
    stillMissing(
        execution,
        "reporting form",
        steps.incident(execution).reportingFormDueAt(),
        "reporting-form-second-escalation");
  }

  private void missed(
      DelegateExecution execution,
      SeriousIncident incident,
      String requirement,
      String what,
      Instant due,
      String event,
      String instruction) {
    breaches.record(
        CASE_TYPE,
        incident.incidentNumber(),
        incident.providerId(),
        requirement,
        Kind.MISSED,
        due,
        IncidentDeadlines.now(),
        "No " + what + " by its deadline (" + IncidentTimes.text(due) + ")");
    notifications.reportMissing(execution, event, what, IncidentTimes.text(due));
    escalationTask(
        execution,
        "The provider's "
            + what
            + " was due by "
            + IncidentTimes.text(due)
            + " and has not been received. "
            + instruction);
    execution.setVariableLocal(CHASE_DECISION, null);
  }

  private void stillMissing(DelegateExecution execution, String what, Instant due, String event) {
    notifications.reportStillMissing(execution, event, what, IncidentTimes.text(due));
    escalationTask(
        execution,
        "The provider's "
            + what
            + " was due by "
            + IncidentTimes.text(due)
            + " and is still missing after the quality assurance team chased it. Decide what contract action is"
            + " needed, and whether the council reviews the incident without the "
            + what
            + ".");
    execution.setVariableLocal(PROCEED_WITHOUT_REPORT, false);
    execution.setVariableLocal(PROCEED_REASONS, null);
  }

  /** The message and the answer of the task that follows belong to this escalation path alone. */
  private static void escalationTask(DelegateExecution execution, String message) {
    execution.setVariableLocal(ESCALATION_MESSAGE, message);
    execution.setVariableLocal(ESCALATION_ACTION, null);
  }
}
