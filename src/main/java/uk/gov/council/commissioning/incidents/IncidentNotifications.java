package uk.gov.council.commissioning.incidents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The serious-incident process's emails; their texts are the templates in {@code mail/incident/}.
 * No email names the service user: personal details stay in the case, which only council staff and
 * the provider can open.
 *
 * <p>Recipients and every fact in the text come from the register, found by the business key:
 * process variables can be set by whoever completes a task, so a provider could otherwise redirect
 * the council's emails or change what they say.
 */
@Component("incidentNotifications")
public class IncidentNotifications {

  private final CaseMail mail;
  private final RecipientDirectory recipients;
  private final ContractService contracts;
  private final IncidentRepository register;

  public IncidentNotifications(
      CaseMail mail,
      RecipientDirectory recipients,
      ContractService contracts,
      IncidentRepository register) {
    this.mail = mail;
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
  public void loggedByCouncil(DelegateExecution execution) {
    SeriousIncident incident = incident(execution);
    mail.send(execution, "incident/logged", provider(incident), values(incident));
  }

  /**
   * The outcome and lessons learned are free text about the service user's care, and a provider's
   * mailbox is often shared: the email says where to read them, signed in, not what they are.
   */
  public void closed(DelegateExecution execution) {
    SeriousIncident incident = incident(execution);
    mail.send(execution, "incident/closed", provider(incident), values(incident));
  }

  /** Who hears first of a missing report: the provider and the contract's officer. */
  List<String> providerAndContractOfficer(SeriousIncident incident) {
    List<String> to = new ArrayList<>(provider(incident));
    to.addAll(
        recipients.officerOrCommissioningOfficers(
            contracts.contractOfficer(incident.contractReference()).orElse(null)));
    return to;
  }

  /** Who hears of a report still missing after the first escalation. */
  List<String> contractsManagers() {
    return recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS);
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

  /** What every incident template may name; a caller adds its own values to the map. */
  static Map<String, Object> values(SeriousIncident incident) {
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

  private SeriousIncident incident(DelegateExecution execution) {
    return register.require(execution.getProcessBusinessKey());
  }
}
