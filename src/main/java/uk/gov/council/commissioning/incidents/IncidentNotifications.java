package uk.gov.council.commissioning.incidents;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The serious-incident process's emails. Each is keyed {@code
 * incident:<processInstanceId>:<event>}, so a retried job never sends it twice. No email names the
 * service user: personal details stay in the case, which only council staff and the provider can
 * open.
 *
 * <p>Recipients and every fact in the text come from the register, found by the business key:
 * process variables can be set by whoever completes a task, so a provider could otherwise redirect
 * the council's emails or change what they say.
 */
@Component("incidentNotifications")
public class IncidentNotifications {

  private final NotificationService notifications;
  private final RecipientDirectory recipients;
  private final ContractService contracts;
  private final IncidentRepository register;

  public IncidentNotifications(
      NotificationService notifications,
      RecipientDirectory recipients,
      ContractService contracts,
      IncidentRepository register) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.contracts = contracts;
    this.register = register;
  }

  /**
   * Seed 002 §12.2: the council learns of a provider's report at once, not only when a task
   * appears.
   */
  public void reportedByProvider(DelegateExecution execution) {
    SeriousIncident incident = incident(execution);
    notifications.send(
        key(execution, "reported"),
        recipients.emailsOfGroup(Roles.QUALITY_ASSURANCE),
        "Serious incident reported: "
            + incident.incidentNumber()
            + " ("
            + incident.contractReference()
            + ")",
        describe(incident)
            + "\n\nThe provider has reported it; its reporting form is due by "
            + IncidentTimes.text(incident.reportingFormDueAt())
            + ". Open the case in Cockpit or Tasklist.");
  }

  /**
   * An officer logged an incident the provider has not reported: the provider is asked for its
   * report.
   */
  public void loggedByCouncil(DelegateExecution execution) {
    SeriousIncident incident = incident(execution);
    notifications.send(
        key(execution, "logged"),
        provider(incident),
        "Serious incident " + incident.incidentNumber() + ": your initial report is needed",
        describe(incident)
            + "\n\nThe council has learnt of this incident. Submit your initial report in Tasklist"
            + " by "
            + IncidentTimes.text(incident.initialReportDueAt())
            + " and the serious incident reporting form by "
            + IncidentTimes.text(incident.reportingFormDueAt())
            + " (seed 002 §12.4-12.5).\n\n"
            + "If abuse or neglect is suspected, alert the council's safeguarding team: do not begin your own"
            + " enquiries (§10.3).");
  }

  /** The first escalation of a missing report: the provider and the contract's officer. */
  public void reportMissing(
      DelegateExecution execution, String event, String what, String dueText) {
    SeriousIncident incident = incident(execution);
    List<String> to = new ArrayList<>(provider(incident));
    to.addAll(contractOfficer(incident));
    notifications.send(
        key(execution, event),
        to,
        "Overdue: " + what + " for serious incident " + incident.incidentNumber(),
        describe(incident)
            + "\n\nThe "
            + what
            + " was due by "
            + dueText
            + " and has not been received."
            + " The quality assurance team will chase it; the missed deadline is recorded against the provider.");
  }

  /** The second escalation of a missing report: the contracts managers. */
  public void reportStillMissing(
      DelegateExecution execution, String event, String what, String dueText) {
    SeriousIncident incident = incident(execution);
    notifications.send(
        key(execution, event),
        recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
        "Still overdue: " + what + " for serious incident " + incident.incidentNumber(),
        describe(incident)
            + "\n\nThe "
            + what
            + " was due by "
            + dueText
            + " and is still missing after the"
            + " first escalation. Consider what contract action is needed.");
  }

  /**
   * The outcome and lessons learned are free text about the service user's care, and a provider's
   * mailbox is often shared: the email says where to read them, signed in, not what they are.
   */
  public void closed(DelegateExecution execution) {
    SeriousIncident incident = incident(execution);
    notifications.send(
        key(execution, "closed"),
        provider(incident),
        "Serious incident " + incident.incidentNumber() + " closed",
        describe(incident)
            + "\n\nThe council has reviewed and closed the incident. Its outcome and the lessons"
            + " learned are recorded with the case: sign in as one of your organisation's users and read them at"
            + " /api/incidents/"
            + incident.incidentNumber()
            + " (the case has left Tasklist now it is closed).");
  }

  /** The provider's contact address from the register; none when the register has no address. */
  private List<String> provider(SeriousIncident incident) {
    return contracts
        .findProviderById(incident.providerId())
        .map(Provider::contactEmail)
        .filter(email -> !email.isBlank())
        .map(List::of)
        .orElse(List.of());
  }

  private List<String> contractOfficer(SeriousIncident incident) {
    return recipients.officerOrCommissioningOfficers(
        contracts.contractOfficer(incident.contractReference()).orElse(null));
  }

  private static String describe(SeriousIncident incident) {
    return "Serious incident "
        + incident.incidentNumber()
        + "\nContract: "
        + incident.contractTitle()
        + " ("
        + incident.contractReference()
        + ") with "
        + incident.providerName()
        + "\nCategory: "
        + categoryLabel(incident)
        + "\nOccurred: "
        + IncidentTimes.text(incident.occurredAt());
  }

  static String categoryLabel(SeriousIncident incident) {
    return IncidentCategory.of(incident.category())
        .map(IncidentCategory::label)
        .orElse(incident.category());
  }

  private SeriousIncident incident(DelegateExecution execution) {
    return register.require(execution.getProcessBusinessKey());
  }

  private static String key(DelegateExecution execution, String event) {
    return "incident:" + execution.getProcessInstanceId() + ":" + event;
  }
}
