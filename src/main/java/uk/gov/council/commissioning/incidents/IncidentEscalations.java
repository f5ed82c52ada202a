package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.Periods;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * A report the provider owes has not arrived (seed 002 §12.4-12.5). The first escalation records
 * the missed deadline (once, with its breach) and tells the provider and the contract's officer,
 * and the quality assurance team gets a task to chase; the second goes to the contracts managers.
 * Each message and breach is recorded once, so a retried timer job changes nothing. The emails'
 * texts are the templates {@code mail/incident/<report>-missed} and {@code
 * <report>-second-escalation}.
 */
@Component("incidentEscalations")
@RequiredArgsConstructor
public class IncidentEscalations {

  /**
   * A report the provider owes: its deadline's kind (the breach requirement), its name in texts,
   * its templates' stem, its deadline, and how the chase task names it, the seed section, the
   * period the council set and how else it may reach the council.
   */
  private record Owed(
      String requirement,
      String what,
      String templates,
      Function<SeriousIncident, Instant> due,
      String chased,
      String section,
      Function<IncidentProperties, Duration> within,
      String receivedBy) {}

  private static final Owed INITIAL =
      new Owed(
          INITIAL_REPORT,
          "initial report",
          "incident/initial-report",
          SeriousIncident::initialReportDueAt,
          "initial report",
          "§12.4",
          IncidentProperties::initialReportWithin,
          "email or phone");
  private static final Owed FORM =
      new Owed(
          REPORTING_FORM,
          "reporting form",
          "incident/reporting-form",
          SeriousIncident::reportingFormDueAt,
          "serious incident reporting form",
          "§12.5",
          IncidentProperties::reportingFormWithin,
          "email");

  private final Deadlines deadlines;
  private final IncidentNotifications notifications;
  private final IncidentSteps steps;
  private final IncidentProperties properties;

  public void initialReportMissed(DelegateExecution execution) {
    missed(execution, INITIAL);
  }

  public void initialReportStillMissing(DelegateExecution execution) {
    stillMissing(execution, INITIAL);
  }

  public void reportingFormMissed(DelegateExecution execution) {
    missed(execution, FORM);
  }

  public void reportingFormStillMissing(DelegateExecution execution) {
    stillMissing(execution, FORM);
  }

  private void missed(DelegateExecution execution, Owed report) {
    SeriousIncident incident = steps.incident(execution);
    Instant due = report.due().apply(incident);
    deadlines.missed(
        IncidentSteps.ref(incident),
        report.requirement(),
        incident.providerId(),
        "No " + report.what() + " by its deadline (" + IncidentTimes.text(due) + ")");
    notifications.reportMissing(
        execution,
        incident,
        report.templates() + "-missed",
        due,
        "The provider's "
            + report.what()
            + " was due by "
            + IncidentTimes.text(due)
            + " and has not been received. Chase the provider for its "
            + report.chased()
            + " (seed 002 "
            + report.section()
            + ": within "
            + Periods.of(report.within().apply(properties))
            + " of the incident), or enter it here if it reached the council by "
            + report.receivedBy()
            + ".");
    // The chase task's answers, like its message, belong to this escalation path alone.
    execution.setVariableLocal(ESCALATION_ACTION, null);
    execution.setVariableLocal(CHASE_DECISION, null);
  }

  private void stillMissing(DelegateExecution execution, Owed report) {
    SeriousIncident incident = steps.incident(execution);
    Instant due = report.due().apply(incident);
    notifications.reportStillMissing(
        execution,
        incident,
        report.templates() + "-second-escalation",
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
    execution.setVariableLocal(ESCALATION_ACTION, null);
    execution.setVariableLocal(PROCEED_WITHOUT_REPORT, false);
    execution.setVariableLocal(PROCEED_REASONS, null);
  }
}
