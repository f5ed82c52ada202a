package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractCaseVariables;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.Actors;

/**
 * First step of every serious-incident case, in the transaction that starts it: a report that fails
 * the checks creates nothing. Registers the incident, gives it its number (the business key) and
 * schedules both report deadlines, which run from the moment the incident occurred (seed 002
 * §12.4-12.5).
 */
@Component("registerIncident")
@RequiredArgsConstructor
public class RegisterIncident implements JavaDelegate {

  private final Actors actors;
  private final IncidentReportValidator validator;
  private final IncidentRepository register;
  private final IncidentDeadlines deadlines;
  private final IncidentSteps steps;
  private final IncidentNotifications notifications;
  private final Deadlines caseDeadlines;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  @Override
  public void execute(DelegateExecution execution) {
    Actor reporter = actors.startingUser(execution.getVariable(REPORTED_BY));
    IncidentReport report = validator.validateStart(execution, reporter);
    Contract contract = report.contract();
    Instant now = clock.instant();
    Instant initialDue = deadlines.initialReport().dueFrom(report.occurredAt(), calendar);
    Instant formDue = deadlines.reportingForm().dueFrom(report.occurredAt(), calendar);
    int year = report.occurredAt().atZone(WorkingDayCalendar.UK).getYear();
    String number =
        register.insert(
            report,
            execution.getProcessInstanceId(),
            now,
            reporter.userId(),
            initialDue,
            formDue,
            year);
    execution.setProcessBusinessKey(number);
    CaseRef ref = new CaseRef(CASE_TYPE, number, execution.getProcessInstanceId());
    caseDeadlines.schedule(ref, INITIAL_REPORT, deadlines.initialReport(), report.occurredAt());
    caseDeadlines.schedule(ref, REPORTING_FORM, deadlines.reportingForm(), report.occurredAt());

    Map<String, Object> variables = ContractCaseVariables.of(contract);
    variables.put(INCIDENT_NUMBER, number);
    variables.put(REPORTED_BY, reporter.userId());
    variables.put(PROVIDER_ID, contract.provider().id());
    variables.put(PROVIDER_EMAIL, contract.provider().contactEmail());
    variables.put(SOURCE, report.source());
    variables.put(INITIAL_REPORT_RECEIVED, report.byProvider());
    variables.put(CATEGORY_LABEL, report.category().label());
    variables.put(OCCURRED_AT_TEXT, IncidentTimes.text(report.occurredAt()));
    variables.put(INITIAL_REPORT_DUE_AT, initialDue.toString());
    variables.put(INITIAL_REPORT_DUE_TEXT, IncidentTimes.text(initialDue));
    variables.put(REPORTING_FORM_DUE_AT, formDue.toString());
    variables.put(REPORTING_FORM_DUE_TEXT, IncidentTimes.text(formDue));
    variables.put(SAFEGUARDING_SUSPECTED, report.safeguardingSuspected());
    variables.put(RIDDOR_REPORTABLE, report.riddorReportable());
    variables.put(SAFEGUARDING_ALERT_RAISED, false);
    variables.put(UPDATES_RECEIVED, 0);
    execution.setVariables(variables);

    SeriousIncident incident = steps.incident(execution);
    if (report.byProvider()) {
      // A provider's own report is its initial report: late if it came after the 12 hours.
      steps.initialReportReceived(incident, now, "");
      notifications.reportedByProvider(execution, incident);
    } else {
      notifications.loggedByCouncil(execution, incident);
    }
    if (report.safeguardingSuspected()) {
      if (report.byProvider()) {
        steps.raiseSafeguardingAlert(
            execution, SafeguardingConcern.PROVIDER, report.providerAwareAt(), now);
      } else {
        steps.raiseSafeguardingAlert(execution, SafeguardingConcern.COUNCIL, now, now);
      }
    }
  }
}
