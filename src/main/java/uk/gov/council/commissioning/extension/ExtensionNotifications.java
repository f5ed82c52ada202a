package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import java.util.List;
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

  private static final String TEMPLATES = "extension/";

  private final Escalations escalations;
  private final CaseMail mail;
  private final RecipientDirectory recipients;

  public void extensionAtRisk(DelegateExecution execution) {
    escalate(execution, "at-risk", Roles.CONTRACTS_MANAGERS);
  }

  public void contractLapsing(DelegateExecution execution) {
    escalate(execution, "lapsing", Roles.CHIEF_OFFICERS);
  }

  public void extensionRefused(DelegateExecution execution) {
    MailMessage message =
        mail.send(
            execution,
            TEMPLATES + "refused",
            group(Roles.COMMISSIONING_OFFICERS),
            values(execution));
    execution.setVariable(OUTCOME, message.body());
  }

  private void escalate(DelegateExecution execution, String event, String groupId) {
    escalations.escalate(execution, TEMPLATES + event, group(groupId), values(execution));
  }

  private List<String> group(String groupId) {
    return recipients.emailsOfGroup(groupId);
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
