package uk.gov.council.commissioning.escalation;

import java.util.Collection;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.notify.Attachment;
import uk.gov.council.commissioning.notify.NotificationService;

/**
 * Sends a case's emails from the templates in {@code mail/}. Each email is keyed by the template
 * and the process instance, so a job retried after a failure, or a step that runs again, never
 * sends the same email twice. Values put into a template name the case and where to work on it;
 * service users' personal details stay in the application, where access is controlled.
 */
@Service
@RequiredArgsConstructor
public class CaseMail {

  private final MailTemplates templates = new MailTemplates();
  private final NotificationService notifications;

  /**
   * Queues the email {@code template} (e.g. {@code "extension/at-risk"}) for this case.
   *
   * @return the message as rendered, so the step can also show it on the task that follows
   */
  public MailMessage send(
      DelegateExecution execution,
      String template,
      Collection<String> recipients,
      Map<String, ?> values) {
    return send(execution, template, recipients, values, null);
  }

  /** As {@link #send(DelegateExecution, String, Collection, Map)}, with one attachment. */
  public MailMessage send(
      DelegateExecution execution,
      String template,
      Collection<String> recipients,
      Map<String, ?> values,
      Attachment attachment) {
    MailMessage message = templates.render(template, values);
    String key = key(execution.getProcessInstanceId(), template);
    if (attachment == null) {
      notifications.send(key, recipients, message.subject(), message.body());
    } else {
      notifications.send(key, recipients, message.subject(), message.body(), attachment);
    }
    return message;
  }

  /**
   * As {@link #send(DelegateExecution, String, Collection, Map)}, for an email a case sends once
   * per round (the n-th time a return is sent back, say): keyed {@code
   * <prefix>:<instance>:<event>-<n>}, so each round is sent once and a retry of the same round
   * sends nothing.
   */
  public MailMessage send(
      DelegateExecution execution,
      String template,
      int round,
      Collection<String> recipients,
      Map<String, ?> values) {
    MailMessage message = templates.render(template, values);
    notifications.send(
        key(execution.getProcessInstanceId(), template) + "-" + round,
        recipients,
        message.subject(),
        message.body());
    return message;
  }

  /**
   * Queues the email {@code template} for an occasion that is not a case: a report sent on a
   * schedule (the month's meetings planned and held). Keyed {@code <prefix>:<occasion>:<event>}
   * ({@code meetings:2027-03:monthly-compliance}), so a scheduled job that runs again, or on a
   * second node, sends nothing more.
   *
   * @param occasion what the email is about, unique for the template (a month, a year)
   */
  public MailMessage sendFor(
      String occasion, String template, Collection<String> recipients, Map<String, ?> values) {
    MailMessage message = templates.render(template, values);
    notifications.send(key(occasion, template), recipients, message.subject(), message.body());
    return message;
  }

  /** What a task template ({@code tasks/<process>/<event>.txt}) says with these values. */
  public String taskText(String template, Map<String, ?> values) {
    return templates.taskText(template, values);
  }

  /** The message a template gives with these values, without sending it. */
  public MailMessage render(String template, Map<String, ?> values) {
    return templates.render(template, values);
  }

  /** The outbox key {@link #sendFor} gives the template's email for the occasion. */
  public static String occasionKey(String occasion, String template) {
    return key(occasion, template);
  }

  /**
   * {@code extension/at-risk} for instance 42 gives {@code extension:42:at-risk}: the form every
   * process used for its keys before templates, kept so that a retry across an upgrade still
   * matches.
   */
  static String key(String processInstanceIdOrOccasion, String template) {
    int slash = template.indexOf('/');
    return template.substring(0, slash)
        + ":"
        + processInstanceIdOrOccasion
        + ":"
        + template.substring(slash + 1);
  }
}
