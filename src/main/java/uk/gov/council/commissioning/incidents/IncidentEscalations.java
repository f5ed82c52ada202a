package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.Periods;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.escalation.Escalations;

/**
 * A report the provider owes has not arrived (seed 002 §12.4-12.5). The first escalation records
 * the missed deadline and tells the provider and the contract's officer, and the quality assurance
 * team gets a task to chase; the second goes to the contracts managers. Each message and breach is
 * recorded once, so a retried timer job changes nothing. The emails' texts are the templates {@code
 * mail/incident/<report>-missed} and {@code <report>-second-escalation}.
 */
@Component("incidentEscalations")
public class IncidentEscalations {

  /** A report the provider owes: its breach requirement, its name in texts, its templates' stem. */
  private record Owed(
      String requirement, String what, String templates, Function<SeriousIncident, Instant> due) {}

  private static final Owed INITIAL =
      new Owed(
          INITIAL_REPORT,
          "initial report",
          "incident/initial-report",
          SeriousIncident::initialReportDueAt);
  private static final Owed FORM =
      new Owed(
          REPORTING_FORM,
          "reporting form",
          "incident/reporting-form",
          SeriousIncident::reportingFormDueAt);

  private final DeadlineBreaches breaches;
  private final Escalations escalations;
  private final IncidentNotifications notifications;
  private final IncidentSteps steps;
  private final IncidentProperties properties;

  public IncidentEscalations(
      DeadlineBreaches breaches,
      Escalations escalations,
      IncidentNotifications notifications,
      IncidentSteps steps,
      IncidentProperties properties) {
    this.breaches = breaches;
    this.escalations = escalations;
    this.notifications = notifications;
    this.steps = steps;
    this.properties = properties;
  }

  public void initialReportMissed(DelegateExecution execution) {
    missed(
        execution,
        INITIAL,
        "Chase the provider for its initial report (seed 002 §12.4: within "
            + Periods.of(properties.initialReportWithin())
            + " of the incident), or enter it here if it reached the"
            + " council by email or phone.");
  }

  public void initialReportStillMissing(DelegateExecution execution) {
    stillMissing(execution, INITIAL);
  }

  public void reportingFormMissed(DelegateExecution execution) {
    missed(
        execution,
        FORM,
        "Chase the provider for its serious incident reporting form (seed 002 §12.5: within "
            + Periods.of(properties.reportingFormWithin())
            + " of the incident), or enter it here if it reached the"
            + " council by email.");
  }

  public void reportingFormStillMissing(DelegateExecution execution) {
    stillMissing(execution, FORM);
  }

  private void missed(DelegateExecution execution, Owed report, String instruction) {
    SeriousIncident incident = steps.incident(execution);
    Instant due = report.due().apply(incident);
    breaches.record(
        CASE_TYPE,
        incident.incidentNumber(),
        incident.providerId(),
        report.requirement(),
        Kind.MISSED,
        due,
        IncidentDeadlines.now(),
        "No " + report.what() + " by its deadline (" + IncidentTimes.text(due) + ")");
    escalate(
        execution,
        incident,
        report.templates() + "-missed",
        notifications.providerAndContractOfficer(incident),
        due,
        "The provider's "
            + report.what()
            + " was due by "
            + IncidentTimes.text(due)
            + " and has not been received. "
            + instruction);
    execution.setVariableLocal(CHASE_DECISION, null);
  }

  private void stillMissing(DelegateExecution execution, Owed report) {
    SeriousIncident incident = steps.incident(execution);
    Instant due = report.due().apply(incident);
    escalate(
        execution,
        incident,
        report.templates() + "-second-escalation",
        notifications.contractsManagers(),
        due,
        "The provider's "
            + report.what()
            + " was due by "
            + IncidentTimes.text(due)
            + " and is still missing after the quality assurance team chased it. Decide what"
            + " contract action is needed, and whether the council reviews the incident without"
            + " the "
            + report.what()
            + ".");
    execution.setVariableLocal(PROCEED_WITHOUT_REPORT, false);
    execution.setVariableLocal(PROCEED_REASONS, null);
  }

  /**
   * The email, and the task that follows: its message and its answer belong to this escalation path
   * alone.
   */
  private void escalate(
      DelegateExecution execution,
      SeriousIncident incident,
      String template,
      List<String> recipients,
      Instant due,
      String taskMessage) {
    Map<String, Object> values = IncidentNotifications.values(incident);
    values.put("due", IncidentTimes.text(due));
    escalations.escalate(execution, template, recipients, values, taskMessage);
    execution.setVariableLocal(ESCALATION_ACTION, null);
  }
}
