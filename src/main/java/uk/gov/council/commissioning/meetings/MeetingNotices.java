package uk.gov.council.commissioning.meetings;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.escalation.Escalations;
import uk.gov.council.commissioning.letters.LetterPdf;
import uk.gov.council.commissioning.notify.Attachment;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The letter and emails of a contract management meeting's case (seed 001 Part 3.1 §3-§4), each
 * sent once however often its step runs (the outbox key), and the reminders and escalations when
 * the letter or the agenda is late.
 */
@Component("meetingNotices")
@RequiredArgsConstructor
public class MeetingNotices {

  static final String TEMPLATES = "contract-management-meeting/";

  private final MeetingCaseRegister register;
  private final CaseMail mail;
  private final Escalations escalations;
  private final RecipientDirectory recipients;
  private final Deadlines deadlines;
  private final Clock clock;

  /** §3.1: the letter to the provider, a PDF, emailed; the letter deadline is met. */
  public void sendLetter(DelegateExecution execution) {
    MeetingCase meeting = register.ofProcess(execution.getProcessInstanceId());
    List<String> paragraphs = letter(meeting, clock.instant());
    byte[] pdf =
        LetterPdf.render(
            "Contract management meeting " + meeting.businessKey(),
            paragraphs,
            "contract management meeting letter");
    mail.send(
        execution,
        TEMPLATES + "letter",
        provider(meeting),
        Map.of(
            "reference", meeting.businessKey(),
            "contractReference", meeting.contractReference(),
            "letter", String.join("\n\n", paragraphs)),
        new Attachment(
            "Contract management meeting " + meeting.businessKey() + ".pdf",
            "application/pdf",
            pdf));
    register.letterSent(meeting.id(), clock.instant());
    deadlines.met(execution, MeetingSteps.MEETING_LETTER);
  }

  static List<String> letter(MeetingCase meeting, java.time.Instant date) {
    List<String> p =
        LetterPdf.opening(
            date.atZone(WorkingDayCalendar.UK).toLocalDate(),
            meeting.providerName(),
            meeting.contractReference(),
            meeting.contractTitle());
    p.add(
        "Contract management meeting. As agreed, your contract management meeting will be held on "
            + MeetingSteps.DAY.format(meeting.meetingDate())
            + (meeting.meetingTime() == null ? "" : " at " + meeting.meetingTime())
            + (meeting.venue() == null ? "" : ", " + meeting.venue())
            + ". The meeting is a high level review of performance against the contract.");
    p.add(
        "Please be prepared to provide information on: updates on service information (management"
            + " structure, ownership, proposed mergers); feedback on internal complaints and"
            + " resolution; added value; staffing (training and recruitment); audits and"
            + " inspections by external accreditation organisations; service outcomes.");
    p.add(
        "You may add your own items to the agenda through your task list. The agenda will be"
            + " circulated at least one day before the meeting. Please quote "
            + meeting.businessKey()
            + " in any correspondence.");
    p.add("Yours faithfully,");
    p.add("Commissioning and Contract Management, Adult Social Care");
    return p;
  }

  /** §3.3: the provider is told the audit's date and the areas to be evidenced. */
  public void auditAreas(DelegateExecution execution) {
    MeetingCase meeting = register.ofProcess(execution.getProcessInstanceId());
    Map<String, Object> values = MeetingSteps.values(meeting);
    values.put("auditDate", MeetingSteps.DAY.format(meeting.complianceAuditDate()));
    values.put("areas", meeting.areasToEvidence());
    mail.send(execution, TEMPLATES + "audit-areas", provider(meeting), values);
  }

  /** §3.5: the agenda goes to the provider and the officers; the agenda deadline is met. */
  public void circulateAgenda(DelegateExecution execution) {
    MeetingCase meeting = register.ofProcess(execution.getProcessInstanceId());
    Map<String, Object> values = MeetingSteps.values(meeting);
    values.put("agenda", meeting.agenda());
    mail.send(execution, TEMPLATES + "agenda", provider(meeting), values);
    register.agendaCirculated(meeting.id(), clock.instant());
    deadlines.met(execution, MeetingSteps.AGENDA);
  }

  /** §3.1: the letter has not gone four weeks before the meeting: the officers are reminded. */
  public void letterReminder(DelegateExecution execution) {
    escalateOnce(
        execution,
        MeetingSteps.MEETING_LETTER,
        "letter-reminder",
        Roles.COMMISSIONING_OFFICERS,
        Roles.CONTRACT_MANAGEMENT_LEADS);
  }

  /** §3.5: the agenda has not been circulated a day before the meeting: escalated, once. */
  public void agendaLate(DelegateExecution execution) {
    escalateOnce(
        execution,
        MeetingSteps.AGENDA,
        "agenda-late",
        Roles.CONTRACTS_MANAGERS,
        Roles.COMMISSIONING_OFFICERS);
  }

  /** The deadline is marked missed and, the first time only, the groups are emailed. */
  private void escalateOnce(
      DelegateExecution execution, String kind, String template, String... groups) {
    MeetingCase meeting = register.ofProcess(execution.getProcessInstanceId());
    if (deadlines.missed(execution, kind)) {
      escalations.escalate(
          execution,
          TEMPLATES + template,
          recipients.emailsOfGroups(groups),
          MeetingSteps.values(meeting));
    }
  }

  /**
   * §4: "The Contracts Manager reports the outcome of the Contract Management Meetings to the CSG."
   */
  public void outcomeToCsg(DelegateExecution execution) {
    MeetingCase meeting = register.ofProcess(execution.getProcessInstanceId());
    Map<String, Object> values = MeetingSteps.values(meeting);
    values.put("priority", meeting.priorityReassigned());
    values.put("reason", meeting.priorityReason());
    Object planned = execution.getVariable("redMeetingsPlanned");
    values.put(
        "red",
        Boolean.TRUE.equals(execution.getVariable("intoRed"))
            ? "The provider is RED and under formal monitoring. Further meetings: "
                + (planned == null || planned.toString().isEmpty() ? "none added" : planned)
                + "."
            : "");
    values.put(
        "actions",
        register.actions(meeting.id()).stream()
            .map(a -> "- " + a.description() + " (" + a.owner() + ", by " + a.targetDate() + ")")
            .reduce((a, b) -> a + "\n" + b)
            .orElse("No actions were agreed."));
    mail.send(
        execution,
        TEMPLATES + "outcome",
        recipients.emailsOfGroups(Roles.CORE_STRATEGY_GROUP, Roles.CONTRACTS_MANAGERS),
        values);
    register.outcomeReported(meeting.id(), clock.instant());
  }

  /** The provider (its contact address and its users) and the commissioning officers. */
  private List<String> provider(MeetingCase meeting) {
    java.util.LinkedHashSet<String> to = new java.util.LinkedHashSet<>();
    if (meeting.providerEmail() != null && !meeting.providerEmail().isBlank()) {
      to.add(meeting.providerEmail().strip());
    }
    to.addAll(recipients.emailsOfGroups(meeting.providerGroup(), Roles.COMMISSIONING_OFFICERS));
    return List.copyOf(to);
  }
}
