package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.escalation.Escalations;
import uk.gov.council.commissioning.escalation.MailMessage;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The extension process's escalations and outcome messages; their texts are the templates in {@code
 * mail/extension/}.
 */
@Component("extensionNotifications")
@RequiredArgsConstructor
public class ExtensionNotifications {

  private final Escalations escalations;
  private final CaseMail mail;
  private final RecipientDirectory recipients;

  public void extensionAtRisk(DelegateExecution execution) {
    escalations.escalate(
        execution,
        "extension/at-risk",
        recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
        values(execution));
  }

  public void contractLapsing(DelegateExecution execution) {
    escalations.escalate(
        execution,
        "extension/lapsing",
        recipients.emailsOfGroup(Roles.CHIEF_OFFICERS),
        values(execution));
  }

  public void extensionRefused(DelegateExecution execution) {
    MailMessage message =
        mail.send(
            execution,
            "extension/refused",
            recipients.emailsOfGroup(Roles.COMMISSIONING_OFFICERS),
            values(execution));
    execution.setVariable(OUTCOME, message.body());
  }

  private static Map<String, Object> values(DelegateExecution execution) {
    return Map.of(
        "contractReference",
        String.valueOf(execution.getVariable(CONTRACT_REFERENCE)),
        "currentEndDate",
        String.valueOf(execution.getVariable(CURRENT_END_DATE)),
        "contract",
        execution.getVariable(CONTRACT_TITLE)
            + " ("
            + execution.getVariable(CONTRACT_REFERENCE)
            + ") with "
            + execution.getVariable(PROVIDER_NAME));
  }
}
