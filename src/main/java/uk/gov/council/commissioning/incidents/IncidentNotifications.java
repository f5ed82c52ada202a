package uk.gov.council.commissioning.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.escalation.Escalations;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The serious-incident process's emails; their texts are the templates in {@code mail/incident/}.
 * No email names the service user: personal details stay in the case, which only council staff and
 * the provider can open.
 *
 * <p>Recipients and every fact in the text come from the register's record of the case (with its
 * provider's address and its contract's officer), which callers find by the business key: process
 * variables can be set by whoever completes a task, so a provider could otherwise redirect the
 * council's emails or change what they say.
 */
@Component("incidentNotifications")
@RequiredArgsConstructor
class IncidentNotifications {

  private final CaseMail mail;
  private final Escalations escalations;
  private final RecipientDirectory recipients;

  /**
   * Seed 002 §12.2: the council learns of a provider's report at once, not only when a task
   * appears.
   */
  public void reportedByProvider(DelegateExecution execution, SeriousIncident incident) {
    mail.send(
        execution,
        "incident/reported",
        recipients.emailsOfGroup(Roles.QUALITY_ASSURANCE),
        values(incident));
  }

  /**
   * An officer logged an incident the provider has not reported: the provider is asked for its
   * report.
   */
  public void loggedByCouncil(DelegateExecution execution, SeriousIncident incident) {
    mail.send(execution, "incident/logged", provider(incident), values(incident));
  }

  /**
   * The outcome and lessons learned are free text about the service user's care, and a provider's
   * mailbox is often shared: the email says where to read them, signed in, not what they are.
   */
  public void closed(DelegateExecution execution, SeriousIncident incident) {
    mail.send(execution, "incident/closed", provider(incident), values(incident));
  }

  /**
   * The first escalation of a missing report, due at {@code due} ({@code within} of the incident):
   * the provider and the contract's officer; the chase task that follows shows the task template of
   * the same name.
   */
  void reportMissing(
      DelegateExecution execution,
      SeriousIncident incident,
      String template,
      Instant due,
      String within) {
    List<String> to = new ArrayList<>(provider(incident));
    to.addAll(recipients.officerOrCommissioningOfficers(incident.contractOfficer()));
    Map<String, Object> values = values(incident, due);
    values.put("within", within);
    escalations.escalate(execution, template, to, values, template);
  }

  /** The second escalation of a missing report: the contracts managers. */
  void reportStillMissing(
      DelegateExecution execution, SeriousIncident incident, String template, Instant due) {
    escalations.escalate(
        execution,
        template,
        recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
        values(incident, due),
        template);
  }

  /** The provider's contact address from the register; none when the register has no address. */
  private static List<String> provider(SeriousIncident incident) {
    String email = incident.providerEmail();
    return email == null || email.isBlank() ? List.of() : List.of(email);
  }

  /** What the escalation templates name: the case's values and the missed deadline. */
  private static Map<String, Object> values(SeriousIncident incident, Instant due) {
    Map<String, Object> values = values(incident);
    values.put("due", IncidentTimes.text(due));
    return values;
  }

  /** What every incident template may name. */
  private static Map<String, Object> values(SeriousIncident incident) {
    Map<String, Object> values = new HashMap<>();
    values.put("incidentNumber", incident.incidentNumber());
    values.put("contractTitle", incident.contractTitle());
    values.put("contractReference", incident.contractReference());
    values.put("providerName", incident.providerName());
    values.put("category", categoryLabel(incident));
    values.put("occurredAt", IncidentTimes.text(incident.occurredAt()));
    values.put("initialReportDue", IncidentTimes.text(incident.initialReportDueAt()));
    values.put("reportingFormDue", IncidentTimes.text(incident.reportingFormDueAt()));
    return values;
  }

  static String categoryLabel(SeriousIncident incident) {
    return IncidentCategory.of(incident.category())
        .map(IncidentCategory::label)
        .orElse(incident.category());
  }
}
