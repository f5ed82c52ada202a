package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CaseVariables;
import uk.gov.council.commissioning.contracts.Contract;
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
    SeriousIncident incident =
        register.insert(
            report,
            execution.getProcessInstanceId(),
            now,
            reporter.userId(),
            initialDue,
            formDue,
            year);
    String number = incident.incidentNumber();
    execution.setProcessBusinessKey(number);
    // A new case has no deadlines yet, so each is inserted once; a provider's own report is its
    // initial report, so that deadline opens already met.
    CaseRef ref = new CaseRef(CASE_TYPE, number, execution.getProcessInstanceId());
    caseDeadlines.open(
        ref,
        INITIAL_REPORT,
        deadlines.initialReport(),
        report.occurredAt(),
        report.byProvider() ? now : null);
    caseDeadlines.open(ref, REPORTING_FORM, deadlines.reportingForm(), report.occurredAt(), null);

    // Only what the model, the forms and the case's pages read: the register holds the rest
    // (provider, deadlines, source), and each variable costs a row in three tables. The update
    // count is kept from the first update asked for (IncidentSteps.countUpdates).
    Map<String, Object> variables = new HashMap<>();
    variables.put(INCIDENT_NUMBER, number);
    variables.put(REPORTED_BY, reporter.userId());
    variables.put(CONTRACT_REFERENCE, contract.reference());
    variables.put(CONTRACT_TITLE, contract.title());
    variables.put(PROVIDER_NAME, contract.provider().name());
    variables.put(INITIAL_REPORT_RECEIVED, report.byProvider());
    variables.put(CATEGORY_LABEL, report.category().label());
    variables.put(OCCURRED_AT_TEXT, IncidentTimes.text(report.occurredAt()));
    variables.put(INITIAL_REPORT_DUE_TEXT, IncidentTimes.text(initialDue));
    variables.put(REPORTING_FORM_DUE_TEXT, IncidentTimes.text(formDue));
    variables.put(SAFEGUARDING_SUSPECTED, report.safeguardingSuspected());
    variables.put(RIDDOR_REPORTABLE, report.riddorReportable());
    CaseVariables.setChanged(execution, variables);

    if (report.byProvider()) {
      // Late if it came after the 12 hours.
      steps.initialReportWithCase(incident, now);
      notifications.reportedByProvider(execution, incident);
    } else {
      notifications.loggedByCouncil(execution, incident);
    }
    Object complaintAlert = execution.getVariable(SOURCE_COMPLAINT_ALERT);
    if (report.safeguardingSuspected() && complaintAlert != null && !report.byProvider()) {
      steps.linkComplaintAlert(execution, complaintAlert.toString());
    } else if (report.safeguardingSuspected()) {
      if (report.byProvider()) {
        steps.raiseSafeguardingAlert(
            execution, SafeguardingConcern.PROVIDER, report.providerAwareAt(), now);
      } else {
        steps.raiseSafeguardingAlert(execution, SafeguardingConcern.COUNCIL, now, now);
      }
    }
  }
}
