package uk.gov.council.commissioning.escalation;

import java.util.Collection;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Reminders and escalations when a case's deadline is near or has passed: the email from its
 * template, once, and the same message shown on the escalation task that follows.
 */
@Service
@RequiredArgsConstructor
public class Escalations {

  /**
   * The process variable the escalation tasks' forms display. Local to the escalation's own path,
   * so two escalations open at once each show their own.
   */
  public static final String ESCALATION_MESSAGE = "escalationMessage";

  private final CaseMail mail;

  /**
   * Sends the escalation {@code template} to {@code recipients} and shows its body on this path.
   *
   * @return the message sent
   */
  public MailMessage escalate(
      DelegateExecution execution,
      String template,
      Collection<String> recipients,
      Map<String, ?> values) {
    MailMessage message = mail.send(execution, template, recipients, values);
    execution.setVariableLocal(ESCALATION_MESSAGE, message.body());
    return message;
  }

  /**
   * As {@link #escalate(DelegateExecution, String, Collection, Map)}, for a deadline that can be
   * missed once per round (a response date moved by each extension, say): see {@link
   * CaseMail#send(DelegateExecution, String, int, Collection, Map)}.
   *
   * @return the message sent
   */
  public MailMessage escalate(
      DelegateExecution execution,
      String template,
      int round,
      Collection<String> recipients,
      Map<String, ?> values) {
    MailMessage message = mail.send(execution, template, round, recipients, values);
    execution.setVariableLocal(ESCALATION_MESSAGE, message.body());
    return message;
  }

  /**
   * As {@link #escalate(DelegateExecution, String, Collection, Map)}, but the task that follows
   * shows the task template {@code taskTemplate} ({@code tasks/<process>/<event>.txt}, same values)
   * instead of the email's body: for escalations whose task tells the officer what to do next,
   * which is not addressed to the email's recipients (often the provider).
   *
   * @return the message sent
   */
  public MailMessage escalate(
      DelegateExecution execution,
      String template,
      Collection<String> recipients,
      Map<String, ?> values,
      String taskTemplate) {
    String taskMessage = mail.taskText(taskTemplate, values);
    MailMessage message = mail.send(execution, template, recipients, values);
    execution.setVariableLocal(ESCALATION_MESSAGE, taskMessage);
    return message;
  }
}
