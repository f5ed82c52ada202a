package uk.gov.council.commissioning.complaints;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.Periods;
import uk.gov.council.commissioning.complaints.ComplaintProperties.DayKind;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The complaint process's emails. Each is keyed by the case and the event ({@code
 * complaint:<processInstanceId>:<event>}), so a retried job never sends it twice. They name the
 * complaint by its number and never carry the complainant's details.
 */
@Component("complaintNotifications")
class ComplaintNotifications {

  private final NotificationService notifications;
  private final RecipientDirectory recipients;
  private final ContractService contracts;
  private final ComplaintDeadlines deadlines;

  public ComplaintNotifications(
      NotificationService notifications,
      RecipientDirectory recipients,
      ContractService contracts,
      ComplaintDeadlines deadlines) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.contracts = contracts;
    this.deadlines = deadlines;
  }

  /**
   * Council staff recorded a complaint the provider is to handle: the provider must know at once.
   */
  public void providerToHandle(DelegateExecution execution, Complaint c) {
    notifications.send(
        key(execution, "provider-to-handle"),
        provider(c),
        "Complaint " + c.number() + " for you to handle",
        "The council has recorded complaint "
            + c.number()
            + about(c)
            + " for you to handle under your complaints"
            + " procedure (seed 002 §13.5). Acknowledge it by "
            + deadlines.describe(c.acknowledgeDueAt())
            + " and resolve it by "
            + deadlines.describe(c.respondDueAt())
            + ". The details are in your Tasklist.");
  }

  /** App K: not acknowledged within the working days set (3); the team manager is told. */
  public String councilAcknowledgementMissed(DelegateExecution execution, Complaint c) {
    String message =
        "Complaint "
            + c.number()
            + " to the council was not acknowledged by "
            + deadlines.describe(c.acknowledgeDueAt())
            + " ("
            + Periods.workingDays(properties().councilAcknowledgeWorkingDays())
            + ", seed 002 App K). Make sure the"
            + " complainant is acknowledged now; a breach is recorded.";
    notifications.send(
        key(execution, "acknowledgement-missed"),
        group(Roles.CONTRACTS_MANAGERS),
        "Complaint " + c.number() + " not acknowledged in time",
        message);
    return message;
  }

  /**
   * App K: no reply by the response date (the last working day set, 20, or the date of an
   * extension).
   */
  public String councilResponseMissed(DelegateExecution execution, Complaint c) {
    String message =
        "Complaint "
            + c.number()
            + " to the council has had no stage 1 response by "
            + deadlines.describe(c.respondDueAt())
            + (c.extensions() > 0
                ? " (the date the complainant was given on extension " + c.extensions() + ")"
                : " ("
                    + Periods.workingDays(properties().councilRespondWorkingDays())
                    + ", seed 002 App K)")
            + ". Make sure the complainant gets a reply, or is told of a new date; a breach is recorded.";
    notifications.send(
        key(execution, "response-missed-" + c.extensions()),
        group(Roles.CONTRACTS_MANAGERS),
        "Complaint " + c.number() + " not answered in time",
        message);
    return message;
  }

  /**
   * App C 4.2: the provider has not acknowledged in the period set (24 hours); reminded, the
   * contract's officer copied.
   */
  public String providerAcknowledgementMissed(DelegateExecution execution, Complaint c) {
    String message =
        "Complaint "
            + c.number()
            + about(c)
            + " has not been acknowledged: it was due by "
            + deadlines.describe(c.acknowledgeDueAt())
            + " ("
            + Periods.of(properties().providerAcknowledgeWithin())
            + ", seed 002 App C 4.2). Acknowledge it to the complainant now and record it in Tasklist. A breach is"
            + " recorded and the council's quality assurance team will follow it up.";
    notifications.send(
        key(execution, "acknowledgement-reminder"),
        providerAndOfficer(c),
        "Reminder: complaint " + c.number() + " not acknowledged",
        message);
    return message;
  }

  /** App C 4.3: not resolved within the days set (15). */
  public String providerResolutionMissed(DelegateExecution execution, Complaint c) {
    String message =
        "Complaint "
            + c.number()
            + about(c)
            + " has not been resolved: resolution was due by "
            + deadlines.describe(c.respondDueAt())
            + " ("
            + resolvePeriod()
            + ", seed 002 App C 4.3). Record the resolution"
            + " in Tasklist, or that discussions have failed, in which case a full written report goes to the council"
            + " (§13.5). A breach is recorded and the council's quality assurance team will follow it up.";
    notifications.send(
        key(execution, "resolution-reminder"),
        providerAndOfficer(c),
        "Reminder: complaint " + c.number() + " not resolved",
        message);
    return message;
  }

  /** §13.5: the full written report on an unresolved complaint is overdue. */
  public String writtenReportMissed(DelegateExecution execution, Complaint c) {
    String message =
        "The full written report on unresolved complaint "
            + c.number()
            + about(c)
            + " was due by "
            + deadlines.describe(c.writtenReportDueAt())
            + " (seed 002 §13.5). Submit it in Tasklist now. A breach is"
            + " recorded and the council's quality assurance team will follow it up.";
    notifications.send(
        key(execution, "written-report-reminder"),
        providerAndOfficer(c),
        "Reminder: written report on complaint " + c.number() + " overdue",
        message);
    return message;
  }

  /**
   * A provider's deadline is still missed after the second escalation period: the contracts
   * managers act.
   */
  public String stillMissing(DelegateExecution execution, Complaint c, String what, String event) {
    String message =
        "Complaint "
            + c.number()
            + about(c)
            + ": the provider's "
            + what
            + " is still missing "
            + "well after its deadline, despite a reminder and the quality assurance team's follow-up. Consider"
            + " contract action.";
    notifications.send(
        key(execution, event),
        group(Roles.CONTRACTS_MANAGERS),
        "Escalation: complaint " + c.number() + " " + what + " still missing",
        message);
    return message;
  }

  /** §13.5: the council's representative is told of the investigation. */
  public void investigatorAssigned(DelegateExecution execution, Complaint c, String investigator) {
    notifications.send(
        key(execution, "investigator-assigned"),
        recipients.emailOfUser(investigator).map(List::of).orElse(List.of()),
        "Complaint " + c.number() + ": you are to investigate",
        "You are the council's representative to investigate complaint "
            + c.number()
            + about(c)
            + ", which the provider could not resolve (seed 002 §13.5). The provider's written report and the"
            + " complaint are in your Tasklist.");
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

  private static String key(DelegateExecution execution, String event) {
    return "complaint:" + execution.getProcessInstanceId() + ":" + event;
  }
}
