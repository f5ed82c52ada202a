package uk.gov.council.commissioning.safeguarding;

import static uk.gov.council.commissioning.safeguarding.SafeguardingVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The safeguarding-alert process's emails. Each is keyed by the alert case and the event, so a
 * retried job never sends it twice. The emails name the case and where to work on it, never what is
 * suspected or about whom: those details stay in the application, where access is controlled.
 */
@Component("safeguardingNotifications")
public class SafeguardingNotifications {

  private final NotificationService notifications;
  private final RecipientDirectory recipients;
  private final SafeguardingRegister register;

  public SafeguardingNotifications(
      NotificationService notifications,
      RecipientDirectory recipients,
      SafeguardingRegister register) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.register = register;
  }

  /** Seed 002 §10.5: the council hears of the concern; the safeguarding team screens it. */
  public void alertRaised(DelegateExecution execution) {
    notifications.send(
        key(execution, "raised"),
        recipients.emailsOfGroup(Roles.SAFEGUARDING),
        "Safeguarding alert to screen: " + execution.getVariable(SOURCE_REFERENCE),
        "A safeguarding alert has been raised from "
            + execution.getVariable(SOURCE_TEXT)
            + " (provider: "
            + execution.getVariable(PROVIDER_NAME)
            + ").\n\n"
            + "Became aware: "
            + execution.getVariable(AWARE_AT_TEXT)
            + "\n"
            + "Alert received: "
            + execution.getVariable(ALERTED_AT_TEXT)
            + "\n"
            + execution.getVariable(ALERT_TIMELINESS)
            + "\n\n"
            + "Screen it in Tasklist (task \"Screen the safeguarding alert\") by "
            + execution.getVariable(SCREENING_DUE_TEXT)
            + ": decide whether a section 42 enquiry is needed and"
            + " which organisation leads it.");
  }

  /** The screening is still open at its due date (the due time is the council's choice). */
  public void screeningOverdue(DelegateExecution execution) {
    register.screeningMissed(execution);
    notifications.send(
        key(execution, "screening-overdue"),
        recipients.emailsOfGroup(Roles.SAFEGUARDING),
        "Safeguarding alert not yet screened: " + execution.getVariable(SOURCE_REFERENCE),
        "The safeguarding alert raised from "
            + execution.getVariable(SOURCE_TEXT)
            + " (provider: "
            + execution.getVariable(PROVIDER_NAME)
            + ") was due to be screened by "
            + execution.getVariable(SCREENING_DUE_TEXT)
            + " and is still waiting.\n\n"
            + "Screen it in Tasklist (task \"Screen the safeguarding alert\").");
  }

  /**
   * Seed 002 §10.3: "For some enquiries this may be the Provider". The provider, its users and its
   * address come from the alert's row, never from variables a completed task could have set.
   */
  public void providerLeadsEnquiry(DelegateExecution execution) {
    Provider provider =
        register
            .providerOfAlert(execution.getProcessInstanceId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Safeguarding alert "
                            + execution.getProcessBusinessKey()
                            + " names no provider to lead its enquiry"));
    List<String> to = new ArrayList<>(recipients.emailsOfGroup(provider.organisationGroup()));
    if (provider.contactEmail() != null && !provider.contactEmail().isBlank()) {
      to.add(provider.contactEmail());
    }
    notifications.send(
        key(execution, "provider-leads-enquiry"),
        to,
        "Safeguarding enquiry for you to lead: " + execution.getProcessBusinessKey(),
        "The council's safeguarding team has screened the safeguarding alert raised from "
            + execution.getVariable(SOURCE_TEXT)
            + " and decided that "
            + provider.name()
            + " leads the section 42 enquiry.\n\n"
            + "Open Tasklist (task \"Carry out the safeguarding enquiry\") for the details, and record there your"
            + " findings and the action taken, confirmed by your registered manager (seed 002 §10.4).");
  }

  private static String key(DelegateExecution execution, String event) {
    return "safeguarding:" + execution.getProcessInstanceId() + ":" + event;
  }
}
