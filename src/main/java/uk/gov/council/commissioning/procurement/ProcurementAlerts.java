package uk.gov.council.commissioning.procurement;

import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The procurement's emails to the procurement leads. Each is keyed {@code
 * procurement:<processInstanceId>:<event>}, so a retried job never sends it twice.
 */
@Component
@RequiredArgsConstructor
class ProcurementAlerts {

  private final NotificationService notifications;
  private final RecipientDirectory recipients;
  private final ProcurementRegister register;

  void stageOverrun(DelegateExecution execution, ProcurementStage stage, LocalDate plannedEnd) {
    notifications.send(
        key(execution, "overrun:" + stage + ":" + plannedEnd),
        leads(),
        "Procurement "
            + execution.getProcessBusinessKey()
            + ": "
            + stage.label()
            + " is overrunning",
        describe(execution)
            + "\n\nThe stage \""
            + stage.label()
            + "\" was planned to end on "
            + plannedEnd.format(ProcurementTimetable.DAY)
            + " and is still open. The work goes on; the slip is"
            + " recorded. Re-plan the stage (and any later dates) in Tasklist: the new plan is checked against the"
            + " procurement rules again.");
  }

  void noticeOverdue(DelegateExecution execution, String noticeNames, LocalDate due) {
    notifications.send(
        key(execution, "notice-overdue:" + due),
        leads(),
        "Procurement " + execution.getProcessBusinessKey() + ": notice overdue",
        describe(execution)
            + "\n\nNot yet recorded as published: "
            + noticeNames
            + ". The deadline was "
            + due.format(ProcurementTimetable.DAY)
            + ". Publish it and record the reference in Tasklist.");
  }

  void challengeReceived(DelegateExecution execution, String challenger, LocalDate receivedOn) {
    notifications.send(
        key(execution, "challenge:" + receivedOn + ":" + challenger.hashCode()),
        leads(),
        "Procurement "
            + execution.getProcessBusinessKey()
            + ": challenge received, award suspended",
        describe(execution)
            + "\n\n"
            + challenger
            + " challenged the award on "
            + receivedOn.format(ProcurementTimetable.DAY)
            + ". The contract may not be entered into until the"
            + " challenge is resolved. Resolve it in Tasklist.");
  }

  private String describe(DelegateExecution execution) {
    ProcurementRegister.Procurement p = register.require(execution.getProcessBusinessKey());
    return p.reference() + ": " + p.title() + " (" + p.serviceArea() + ")";
  }

  private java.util.List<String> leads() {
    return recipients.emailsOfGroup(Roles.PROCUREMENT_LEADS);
  }

  private static String key(DelegateExecution execution, String event) {
    return "procurement:" + execution.getProcessInstanceId() + ":" + event;
  }
}
