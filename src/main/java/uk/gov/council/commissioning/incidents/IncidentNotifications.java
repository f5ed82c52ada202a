package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The serious-incident process's emails. Each is keyed {@code incident:<processInstanceId>:<event>},
 * so a retried job never sends it twice. No email names the service user: personal details stay in
 * the case, which only council staff and the provider can open.
 */
@Component("incidentNotifications")
public class IncidentNotifications {

  private final NotificationService notifications;
  private final RecipientDirectory recipients;
  private final ContractService contracts;

  public IncidentNotifications(NotificationService notifications, RecipientDirectory recipients,
      ContractService contracts) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.contracts = contracts;
  }

  /** Seed 002 §12.2: the council learns of a provider's report at once, not only when a task appears. */
  public void reportedByProvider(DelegateExecution execution) {
    notifications.send(key(execution, "reported"), recipients.emailsOfGroup(Roles.QUALITY_ASSURANCE),
        "Serious incident reported: " + number(execution) + " (" + execution.getVariable(CONTRACT_REFERENCE) + ")",
        describe(execution) + "\n\nThe provider has reported it; its reporting form is due by "
            + execution.getVariable(REPORTING_FORM_DUE_TEXT) + ". Open the case in Cockpit or Tasklist.");
  }

  /** An officer logged an incident the provider has not reported: the provider is asked for its report. */
  public void loggedByCouncil(DelegateExecution execution) {
    notifications.send(key(execution, "logged"), provider(execution),
        "Serious incident " + number(execution) + ": your initial report is needed",
        describe(execution) + "\n\nThe council has learnt of this incident. Submit your initial report in Tasklist"
            + " by " + execution.getVariable(INITIAL_REPORT_DUE_TEXT) + " and the serious incident reporting form by "
            + execution.getVariable(REPORTING_FORM_DUE_TEXT) + " (seed 002 §12.4-12.5).\n\n"
            + "If abuse or neglect is suspected, alert the council's safeguarding team: do not begin your own"
            + " enquiries (§10.3).");
  }

  /** The first escalation of a missing report: the provider and the contract's officer. */
  public void reportMissing(DelegateExecution execution, String event, String what, String dueText) {
    List<String> to = new ArrayList<>(provider(execution));
    to.addAll(contractOfficer(execution));
    notifications.send(key(execution, event), to,
        "Overdue: " + what + " for serious incident " + number(execution),
        describe(execution) + "\n\nThe " + what + " was due by " + dueText + " and has not been received."
            + " The quality assurance team will chase it; the missed deadline is recorded against the provider.");
  }

  /** The second escalation of a missing report: the contracts managers. */
  public void reportStillMissing(DelegateExecution execution, String event, String what, String dueText) {
    notifications.send(key(execution, event), recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
        "Still overdue: " + what + " for serious incident " + number(execution),
        describe(execution) + "\n\nThe " + what + " was due by " + dueText + " and is still missing after the"
            + " first escalation. Consider what contract action is needed.");
  }

  public void closed(DelegateExecution execution) {
    notifications.send(key(execution, "closed"), provider(execution), "Serious incident " + number(execution) + " closed",
        describe(execution) + "\n\nThe council has closed the incident.\n\nOutcome: "
            + execution.getVariable(OUTCOME) + "\n\nLessons learned: " + execution.getVariable(LESSONS_LEARNED));
  }

  /** The provider's contact address from the register; none when the register has no address. */
  private static List<String> provider(DelegateExecution execution) {
    Object email = execution.getVariable(PROVIDER_EMAIL);
    return email == null ? List.of() : List.of(email.toString());
  }

  /** The contract's officer, or the commissioning officers when none is recorded. */
  private List<String> contractOfficer(DelegateExecution execution) {
    String reference = (String) execution.getVariable(CONTRACT_REFERENCE);
    return contracts.contractOfficer(reference)
        .flatMap(recipients::emailOfUser)
        .map(List::of)
        .orElseGet(() -> recipients.emailsOfGroup(Roles.COMMISSIONING_OFFICERS));
  }

  private static String describe(DelegateExecution execution) {
    return "Serious incident " + number(execution) + "\nContract: " + execution.getVariable(CONTRACT_TITLE) + " ("
        + execution.getVariable(CONTRACT_REFERENCE) + ") with " + execution.getVariable(PROVIDER_NAME)
        + "\nCategory: " + execution.getVariable(CATEGORY_LABEL)
        + "\nOccurred: " + execution.getVariable(OCCURRED_AT_TEXT);
  }

  private static String number(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  private static String key(DelegateExecution execution, String event) {
    return "incident:" + execution.getProcessInstanceId() + ":" + event;
  }
}
