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
 * <report>-second-escalation}; what the chase and contract-action tasks say are the templates of
 * the same names under {@code tasks/incident/}.
 */
@Component("incidentEscalations")
@RequiredArgsConstructor
public class IncidentEscalations {

  /**
   * A report the provider owes: its deadline's kind (the breach requirement), its name in the
   * breach, its templates' stem (emails in {@code mail/}, the chase tasks' texts in {@code
   * tasks/}), its deadline and the period the council set for it.
   */
  private record Owed(
      String requirement,
      String what,
      String templates,
      Function<SeriousIncident, Instant> due,
      Function<IncidentProperties, Duration> within) {}

  private static final Owed INITIAL =
      new Owed(
          INITIAL_REPORT,
          "initial report",
          "incident/initial-report",
          SeriousIncident::initialReportDueAt,
          IncidentProperties::initialReportWithin);
  private static final Owed FORM =
      new Owed(
          REPORTING_FORM,
          "reporting form",
          "incident/reporting-form",
          SeriousIncident::reportingFormDueAt,
          IncidentProperties::reportingFormWithin);

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
        Periods.of(report.within().apply(properties)));
    // The chase task's answers belong to this escalation path alone: they are moved onto it when
    // the task is answered (IncidentFormChecks.chase), not created empty for every fired timer.
  }

  private void stillMissing(DelegateExecution execution, Owed report) {
    SeriousIncident incident = steps.incident(execution);
    Instant due = report.due().apply(incident);
    notifications.reportStillMissing(
        execution, incident, report.templates() + "-second-escalation", due);
    // As for the chase: the contracts managers' answers are moved onto this path when the task is
    // answered (IncidentFormChecks.escalation), not created empty for every fired timer.
  }
}
