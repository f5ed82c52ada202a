package uk.gov.council.commissioning.safeguarding;

import static uk.gov.council.commissioning.safeguarding.SafeguardingVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The safeguarding-alert process's emails; their texts are the templates in {@code
 * mail/safeguarding/}. The emails name the case and where to work on it, never what is suspected or
 * about whom: those details stay in the application, where access is controlled.
 */
@Component("safeguardingNotifications")
@RequiredArgsConstructor
public class SafeguardingNotifications {

  private final CaseMail mail;
  private final RecipientDirectory recipients;
  private final SafeguardingRegister register;

  /** Seed 002 §10.5: the council hears of the concern; the safeguarding team screens it. */
  public void alertRaised(DelegateExecution execution) {
    Map<String, Object> values = values(execution);
    values.put("awareAt", execution.getVariable(AWARE_AT_TEXT));
    values.put("alertedAt", execution.getVariable(ALERTED_AT_TEXT));
    values.put("timeliness", execution.getVariable(ALERT_TIMELINESS));
    toSafeguardingTeam(execution, "raised", values);
  }

  /** The screening is still open at its due date (the due time is the council's choice). */
  public void screeningOverdue(DelegateExecution execution) {
    register.screeningMissed(execution);
    toSafeguardingTeam(execution, "screening-overdue", values(execution));
  }

  /**
   * Seed 002 §10.3: "For some enquiries this may be the Provider". The provider, its users and its
   * address come from the alert's row, never from variables a completed task could have set.
   */
  public void providerLeadsEnquiry(DelegateExecution execution) {
    Provider provider = register.enquiryLead(execution);
    List<String> to = new ArrayList<>(recipients.emailsOfGroup(provider.organisationGroup()));
    if (provider.contactEmail() != null && !provider.contactEmail().isBlank()) {
      to.add(provider.contactEmail());
    }
    Map<String, Object> values = new HashMap<>();
    values.put("caseReference", execution.getProcessBusinessKey());
    values.put("source", execution.getVariable(SOURCE_TEXT));
    values.put("providerName", provider.name());
    mail.send(execution, "safeguarding/provider-leads-enquiry", to, values);
  }

  private void toSafeguardingTeam(
      DelegateExecution execution, String event, Map<String, Object> values) {
    mail.send(
        execution, "safeguarding/" + event, recipients.emailsOfGroup(Roles.SAFEGUARDING), values);
  }

  /** What the screening team's emails name: the alert's source, its provider and when it is due. */
  private static Map<String, Object> values(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    values.put("sourceReference", execution.getVariable(SOURCE_REFERENCE));
    values.put("source", execution.getVariable(SOURCE_TEXT));
    values.put("providerName", execution.getVariable(PROVIDER_NAME));
    values.put("screeningDue", execution.getVariable(SCREENING_DUE_TEXT));
    return values;
  }
}
