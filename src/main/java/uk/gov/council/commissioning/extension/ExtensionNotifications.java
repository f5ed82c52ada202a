package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The extension process's escalations and outcome messages. Each email is keyed by the case and the
 * event, so a retried job never sends it twice.
 */
@Component("extensionNotifications")
public class ExtensionNotifications {

  private final NotificationService notifications;
  private final RecipientDirectory recipients;

  public ExtensionNotifications(NotificationService notifications, RecipientDirectory recipients) {
    this.notifications = notifications;
    this.recipients = recipients;
  }

  public void extensionAtRisk(DelegateExecution execution) {
    String message =
        "No decision yet on extending "
            + describe(execution)
            + ". The contract ends on "
            + execution.getVariable(CURRENT_END_DATE)
            + ": make sure a decision is reached in time, or plan how"
            + " the service continues. The case carries on meanwhile.";
    execution.setVariableLocal(ESCALATION_MESSAGE, message);
    notifications.send(
        key(execution, "at-risk"),
        recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
        "Extension undecided: "
            + execution.getVariable(CONTRACT_REFERENCE)
            + " ends "
            + execution.getVariable(CURRENT_END_DATE),
        message);
  }

  public void contractLapsing(DelegateExecution execution) {
    String message =
        "The contract "
            + describe(execution)
            + " reaches its end date today ("
            + execution.getVariable(CURRENT_END_DATE)
            + ") and its extension is still undecided. Without a decision"
            + " the contract lapses and the service has no contractual cover.";
    execution.setVariableLocal(ESCALATION_MESSAGE, message);
    notifications.send(
        key(execution, "lapsing"),
        recipients.emailsOfGroup(Roles.CHIEF_OFFICERS),
        "Contract lapsing: " + execution.getVariable(CONTRACT_REFERENCE),
        message);
  }

  public void extensionRefused(DelegateExecution execution) {
    String message =
        "The extension of "
            + describe(execution)
            + " was refused. The contract ends on "
            + execution.getVariable(CURRENT_END_DATE)
            + ". The service needs a new contract (start a procurement)"
            + " or a decommissioning decision.";
    execution.setVariable(OUTCOME, message);
    notifications.send(
        key(execution, "refused"),
        recipients.emailsOfGroup(Roles.COMMISSIONING_OFFICERS),
        "Extension refused: " + execution.getVariable(CONTRACT_REFERENCE),
        message);
  }

  private static String describe(DelegateExecution execution) {
    return execution.getVariable(CONTRACT_TITLE)
        + " ("
        + execution.getVariable(CONTRACT_REFERENCE)
        + ") with "
        + execution.getVariable(PROVIDER_NAME);
  }

  private static String key(DelegateExecution execution, String event) {
    return "extension:" + execution.getProcessInstanceId() + ":" + event;
  }
}
