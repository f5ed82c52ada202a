package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.incidents.IncidentReportValidator.InitialReport;
import uk.gov.council.commissioning.incidents.IncidentReportValidator.Received;
import uk.gov.council.commissioning.incidents.IncidentReportValidator.ReceivedInitialReport;
import uk.gov.council.commissioning.safeguarding.SafeguardingAlerts;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;

/**
 * What the serious-incident process records as it goes: reports received (and whether late), the
 * safeguarding alert, the closure. Called from service tasks; each step is safe to repeat.
 */
@Component("incidentSteps")
@RequiredArgsConstructor
public class IncidentSteps {

  private final IncidentRepository register;
  private final IncidentReportValidator validator;
  private final DeadlineBreaches breaches;
  private final SafeguardingAlerts alerts;
  private final IncidentNotifications notifications;
  private final Deadlines deadlines;
  private final IncidentDeadlines rules;
  private final Clock clock;

  /**
   * The provider's initial report on a case the council logged (seed 002 §12.4), submitted in its
   * task: it arrived now.
   */
  public void recordInitialReport(DelegateExecution execution) {
    SeriousIncident incident = incident(execution);
    recordInitialReport(
        execution,
        incident,
        validator.validateInitialReport(execution, incident.occurredAt()),
        clock.instant(),
        "");
  }

  /**
   * An initial report that reached the council by email or phone, entered by the quality assurance
   * team for the provider (seed 002 §12.4): it counts from when it arrived, not from when it was
   * entered.
   */
  public void recordInitialReportReceivedOtherwise(DelegateExecution execution) {
    SeriousIncident incident = incident(execution);
    ReceivedInitialReport entry =
        validator.validateInitialReportReceivedOtherwise(execution, incident.occurredAt());
    recordInitialReport(
        execution, incident, entry.report(), entry.received().at(), byChannel(entry.received()));
  }

  /**
   * The register's received time and awareness, a LATE breach after the 12 hours, and the
   * safeguarding alert if the provider now suspects abuse or neglect (§10.5), which reached the
   * council with the report.
   */
  private void recordInitialReport(
      DelegateExecution execution,
      SeriousIncident incident,
      InitialReport report,
      Instant receivedAt,
      String how) {
    register.recordInitialReport(
        incident.incidentNumber(),
        receivedAt,
        report.providerAwareAt(),
        report.safeguardingSuspected(),
        report.riddorReportable());
    execution.setVariable(INITIAL_REPORT_RECEIVED, true);
    initialReportReceived(incident, receivedAt, how);
    Object alert = execution.getVariable(SAFEGUARDING_ALERT_INSTANCE);
    if (alert == null && report.safeguardingSuspected()) {
      raiseSafeguardingAlert(
          execution, SafeguardingConcern.PROVIDER, report.providerAwareAt(), receivedAt);
    } else if (alert != null) {
      // The council learnt first (its own log, a complaint): the alert it raised counts for the
      // provider from when the provider says it became aware (App C 5.2).
      alerts.providerReported(alert.toString(), report.providerAwareAt(), receivedAt);
    }
  }

  /** Seed 002 §12.5: the serious incident reporting form, submitted in the provider's task now. */
  public void recordReportingForm(DelegateExecution execution) {
    recordReportingForm(incident(execution), clock.instant(), "");
  }

  /**
   * Seed 002 §12.5: the reporting form "sent by email to the Council", entered by the quality
   * assurance team; it counts from when it arrived.
   */
  public void recordReportingFormReceivedOtherwise(DelegateExecution execution) {
    SeriousIncident incident = incident(execution);
    Received received =
        validator.validateReportingFormReceivedOtherwise(execution, incident.occurredAt());
    recordReportingForm(incident, received.at(), byChannel(received));
  }

  /** The register's received time, and a LATE breach after the 48 hours. */
  private void recordReportingForm(SeriousIncident incident, Instant receivedAt, String how) {
    register.recordReportingForm(incident.incidentNumber(), receivedAt);
    deadlines.met(ref(incident), REPORTING_FORM, receivedAt);
    lateIfAfter(
        incident, REPORTING_FORM, "reporting form", incident.reportingFormDueAt(), receivedAt, how);
  }

  /**
   * The initial report arrived at {@code receivedAt}: its deadline is met, and a LATE breach is
   * recorded after the 12 hours (seed 002 §12.4).
   */
  void initialReportReceived(SeriousIncident incident, Instant receivedAt, String how) {
    deadlines.met(ref(incident), INITIAL_REPORT, receivedAt);
    lateIfAfter(
        incident, INITIAL_REPORT, "initial report", incident.initialReportDueAt(), receivedAt, how);
  }

  /**
   * A provider's report that opened the case (its deadline opened met): a LATE breach after the 12
   * hours. A case opened now has no MISSED breach to withdraw.
   */
  void initialReportWithCase(SeriousIncident incident, Instant receivedAt) {
    if (receivedAt.isAfter(incident.initialReportDueAt())) {
      recordLate(
          incident,
          INITIAL_REPORT,
          "initial report",
          incident.initialReportDueAt(),
          receivedAt,
          "");
    }
  }

  /**
   * Seed 002 §12.5 "regular updates": the next update is asked for the update interval after today,
   * on the way to the timer that asks for it, which reads this deadline.
   */
  public void scheduleNextUpdate(DelegateExecution execution) {
    deadlines.schedule(ref(incident(execution)), NEXT_UPDATE, rules.nextUpdate(), clock.instant());
  }

  /**
   * The case is open for review and the provider's updates begin (seed 002 §12.5): none received
   * yet, as the update form says. Set here rather than at the start, which does not need it.
   */
  public void countUpdates(DelegateExecution execution) {
    execution.setVariable(UPDATES_RECEIVED, 0);
  }

  /** The provider's update arrived now: the update asked for is met. */
  void updateReceived(DelegateExecution execution) {
    deadlines.met(ref(incident(execution)), NEXT_UPDATE, clock.instant());
  }

  private static String byChannel(Received received) {
    return " by " + received.channel().toLowerCase(Locale.ROOT);
  }

  /** The review's safeguarding route: the council raises the alert itself if nobody has yet. */
  public void raiseSafeguardingEnquiry(DelegateExecution execution) {
    Instant now = clock.instant();
    raiseSafeguardingAlert(execution, SafeguardingConcern.COUNCIL, now, now);
    // The provider's report came before the council saw abuse in it: that report, from the
    // provider's awareness, is what App C 5.2 measures.
    SeriousIncident incident = incident(execution);
    alerts.providerReported(
        (String) execution.getVariable(SAFEGUARDING_ALERT_INSTANCE),
        incident.providerAwareAt(),
        incident.initialReportAt());
  }

  public void close(DelegateExecution execution) {
    SeriousIncident incident = incident(execution);
    register.close(
        incident.incidentNumber(), clock.instant(), (String) execution.getVariable(OUTCOME));
    // Closing ends the update requests: the next one is no longer owed.
    deadlines
        .find(ref(incident), NEXT_UPDATE)
        .filter(next -> next.state() == Deadline.State.OPEN)
        .ifPresent(next -> deadlines.waive(next.caseRef(), NEXT_UPDATE));
    notifications.closed(execution, incident);
  }

  /**
   * Raises the safeguarding alert for this incident, once (seed 002 §10.3-10.5, App C 5.2). A
   * provider's alert counts from when the provider became aware; one raised by the council counts
   * from when the council raised it.
   */
  void raiseSafeguardingAlert(
      DelegateExecution execution, String raisedBy, Instant awareAt, Instant alertedAt) {
    SeriousIncident incident = incident(execution);
    String number = incident.incidentNumber();
    String summary =
        "Serious incident "
            + number
            + " ("
            + IncidentNotifications.categoryLabel(incident)
            + ") on contract "
            + incident.contractReference()
            + " with "
            + incident.providerName()
            + (SafeguardingConcern.PROVIDER.equals(raisedBy)
                ? ": the provider suspects abuse or neglect."
                : ": the council suspects abuse or neglect.");
    String alertInstance =
        alerts.raise(
            new SafeguardingConcern(
                SafeguardingConcern.SERIOUS_INCIDENT,
                number,
                incident.providerId(),
                incident.organisationGroup(),
                raisedBy,
                awareAt,
                alertedAt,
                summary,
                execution.getProcessInstanceId()));
    register.markSafeguardingSuspected(number);
    execution.setVariable(SAFEGUARDING_ALERT_RAISED, true);
    execution.setVariable(SAFEGUARDING_ALERT_INSTANCE, alertInstance);
  }

  /**
   * The incident was opened from a complaint whose safeguarding alert is already raised (seed 002
   * §12.3): that alert is the incident's alert, so no second one is raised for the same concern.
   */
  void linkComplaintAlert(DelegateExecution execution, String alertInstance) {
    register.markSafeguardingSuspected(incident(execution).incidentNumber());
    execution.setVariable(SAFEGUARDING_ALERT_RAISED, true);
    execution.setVariable(SAFEGUARDING_ALERT_INSTANCE, alertInstance);
  }

  /**
   * Records a LATE breach when {@code what} arrived after {@code due}; {@code how} it arrived (" by
   * email") when not through the provider's task. When it arrived on time, a MISSED breach recorded
   * because the timer fired before the report was entered is withdrawn: the report was not missed.
   */
  void lateIfAfter(
      SeriousIncident incident,
      String requirement,
      String what,
      Instant due,
      Instant receivedAt,
      String how) {
    if (!receivedAt.isAfter(due)) {
      breaches.withdraw(CASE_TYPE, incident.incidentNumber(), requirement, Kind.MISSED);
    } else {
      recordLate(incident, requirement, what, due, receivedAt, how);
    }
  }

  private void recordLate(
      SeriousIncident incident,
      String requirement,
      String what,
      Instant due,
      Instant receivedAt,
      String how) {
    Duration late = Duration.between(due, receivedAt);
    breaches.record(
        CASE_TYPE,
        incident.incidentNumber(),
        incident.providerId(),
        requirement,
        Kind.LATE,
        due,
        receivedAt,
        "The "
            + what
            + " arrived"
            + how
            + " "
            + hoursAndMinutes(late)
            + " after its deadline ("
            + IncidentTimes.text(due)
            + ")");
  }

  static String hoursAndMinutes(Duration duration) {
    return duration.toHours() + " h " + duration.toMinutesPart() + " min";
  }

  /**
   * The provider's own group, whose users get the provider's tasks: from the register, so a
   * variable sent with a completed task cannot hand the next task to another organisation.
   */
  public String providerGroup(DelegateExecution execution) {
    return incident(execution).organisationGroup();
  }

  static CaseRef ref(SeriousIncident incident) {
    return new CaseRef(CASE_TYPE, incident.incidentNumber(), incident.processInstanceId());
  }

  /**
   * The register's record of this case, found by the business key: variables can be set by whoever
   * completes a task, so deadlines and the provider are taken from the register, never from them.
   */
  SeriousIncident incident(DelegateExecution execution) {
    return register.require(execution.getProcessBusinessKey());
  }
}
