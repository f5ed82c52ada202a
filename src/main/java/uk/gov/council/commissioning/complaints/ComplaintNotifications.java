package uk.gov.council.commissioning.complaints;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.Periods;
import uk.gov.council.commissioning.complaints.ComplaintProperties.DayKind;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.escalation.Escalations;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The complaint process's emails; their texts are the templates in {@code mail/complaint/}. They
 * name the complaint by its number and never carry the complainant's details. The escalations'
 * emails are also what their tasks show.
 */
@Component("complaintNotifications")
@RequiredArgsConstructor
class ComplaintNotifications {

  private static final String TEMPLATES = "complaint/";

  private final CaseMail mail;
  private final Escalations escalations;
  private final RecipientDirectory recipients;
  private final ContractService contracts;
  private final ComplaintDeadlines deadlines;

  /**
   * Council staff recorded a complaint the provider is to handle: the provider must know at once.
   */
  public void providerToHandle(DelegateExecution execution, Complaint c) {
    Map<String, Object> values = values(c);
    values.put("acknowledgeDue", deadlines.describe(c.acknowledgeDueAt()));
    values.put("respondDue", deadlines.describe(c.respondDueAt()));
    mail.send(execution, TEMPLATES + "provider-to-handle", provider(c), values);
  }

  /**
   * App K: not acknowledged within the working days set (3); the team manager is told.
   *
   * @return the message, which the escalation task shows
   */
  public String councilAcknowledgementMissed(DelegateExecution execution, Complaint c) {
    Map<String, Object> values = values(c);
    values.put("acknowledgeDue", deadlines.describe(c.acknowledgeDueAt()));
    values.put("period", Periods.workingDays(properties().councilAcknowledgeWorkingDays()));
    return toManagers(execution, "acknowledgement-missed", values);
  }

  /**
   * App K: no reply by the response date (the last working day set, 20, or the date of an
   * extension). Each extension sets a new date, which can be missed in its turn.
   */
  public String councilResponseMissed(DelegateExecution execution, Complaint c) {
    Map<String, Object> values = values(c);
    values.put("respondDue", deadlines.describe(c.respondDueAt()));
    values.put(
        "period",
        c.extensions() > 0
            ? "the date the complainant was given on extension " + c.extensions()
            : Periods.workingDays(properties().councilRespondWorkingDays()) + ", seed 002 App K");
    return escalations
        .escalate(
            execution,
            TEMPLATES + "response-missed",
            c.extensions(),
            group(Roles.CONTRACTS_MANAGERS),
            values)
        .body();
  }

  /**
   * App C 4.2: the provider has not acknowledged in the period set (24 hours); reminded, the
   * contract's officer copied.
   */
  public String providerAcknowledgementMissed(DelegateExecution execution, Complaint c) {
    Map<String, Object> values = values(c);
    values.put("acknowledgeDue", deadlines.describe(c.acknowledgeDueAt()));
    values.put("period", Periods.of(properties().providerAcknowledgeWithin()));
    return toProviderAndOfficer(execution, "acknowledgement-reminder", c, values);
  }

  /** App C 4.3: not resolved within the days set (15). */
  public String providerResolutionMissed(DelegateExecution execution, Complaint c) {
    Map<String, Object> values = values(c);
    values.put("respondDue", deadlines.describe(c.respondDueAt()));
    values.put("period", resolvePeriod());
    return toProviderAndOfficer(execution, "resolution-reminder", c, values);
  }

  /** §13.5: the full written report on an unresolved complaint is overdue. */
  public String writtenReportMissed(DelegateExecution execution, Complaint c) {
    Map<String, Object> values = values(c);
    values.put("writtenReportDue", deadlines.describe(c.writtenReportDueAt()));
    return toProviderAndOfficer(execution, "written-report-reminder", c, values);
  }

  /**
   * A provider's deadline is still missed after the second escalation period: the contracts
   * managers act. {@code event} names the template, e.g. {@code acknowledgement-escalated}.
   */
  public String stillMissing(DelegateExecution execution, Complaint c, String event) {
    return toManagers(execution, event, values(c));
  }

  /** Escalates to the contracts managers; the task shows the email. */
  private String toManagers(DelegateExecution execution, String event, Map<String, Object> values) {
    return escalations
        .escalate(execution, TEMPLATES + event, group(Roles.CONTRACTS_MANAGERS), values)
        .body();
  }

  /** A reminder to the provider, the contract's officer copied; the task shows the email. */
  private String toProviderAndOfficer(
      DelegateExecution execution, String event, Complaint c, Map<String, Object> values) {
    return escalations.escalate(execution, TEMPLATES + event, providerAndOfficer(c), values).body();
  }

  /** §13.5: the council's representative is told of the investigation. */
  public void investigatorAssigned(DelegateExecution execution, Complaint c, String investigator) {
    mail.send(
        execution,
        TEMPLATES + "investigator-assigned",
        recipients.emailOfUser(investigator).map(List::of).orElse(List.of()),
        values(c));
  }

  private ComplaintProperties properties() {
    return deadlines.properties();
  }

  private String resolvePeriod() {
    int days = properties().providerResolveDays();
    return properties().providerResolveDayKind() == DayKind.WORKING
        ? Periods.workingDays(days)
        : Periods.days(days);
  }

  private List<String> providerAndOfficer(Complaint c) {
    LinkedHashSet<String> to = new LinkedHashSet<>(provider(c));
    to.addAll(contractOfficer(c));
    return new ArrayList<>(to);
  }

  /** The provider's contact address and its users' addresses. */
  private List<String> provider(Complaint c) {
    LinkedHashSet<String> to = new LinkedHashSet<>();
    if (c.providerId() != null) {
      contracts
          .findProviderById(c.providerId())
          .map(Provider::contactEmail)
          .filter(email -> email != null && !email.isBlank())
          .ifPresent(to::add);
    }
    to.addAll(recipients.emailsOfGroup(c.providerGroup()));
    return new ArrayList<>(to);
  }

  private Collection<String> contractOfficer(Complaint c) {
    return recipients.officerOrCommissioningOfficers(
        c.contractReference() == null
            ? null
            : contracts.contractOfficer(c.contractReference()).orElse(null));
  }

  private List<String> group(String groupId) {
    return recipients.emailsOfGroup(groupId);
  }

  private static String about(Complaint c) {
    if (c.contractReference() == null) {
      return "";
    }
    return " (" + c.providerName() + ", contract " + c.contractReference() + ")";
  }

  /** What every complaint template may name: the complaint's number and whose it is. */
  private static Map<String, Object> values(Complaint c) {
    Map<String, Object> values = new HashMap<>();
    values.put("number", c.number());
    values.put("about", about(c));
    return values;
  }
}
