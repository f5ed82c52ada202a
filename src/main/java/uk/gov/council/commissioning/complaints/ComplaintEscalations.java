package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What happens when a complaint's deadline passes (the process's non-interrupting timers): the
 * breach is recorded, the people concerned are emailed, and the escalation task that follows shows
 * the same message.
 */
@Component("complaintEscalations")
public class ComplaintEscalations {

  private final ComplaintService complaints;
  private final ComplaintNotifications notifications;

  public ComplaintEscalations(ComplaintService complaints, ComplaintNotifications notifications) {
    this.complaints = complaints;
    this.notifications = notifications;
  }

  /** App K: 3 working days passed without an acknowledgement. */
  public void councilAcknowledgementMissed(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.missed(c, ComplaintService.ACKNOWLEDGEMENT, c.acknowledgeDueAt());
    show(execution, notifications.councilAcknowledgementMissed(execution, c));
  }

  /** App K: the response date (20 working days, or as extended) passed without a reply. */
  public void councilResponseMissed(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.missed(c, ComplaintService.RESPONSE, c.respondDueAt());
    show(execution, notifications.councilResponseMissed(execution, c));
  }

  /** App C 4.2: 24 hours passed without the provider's acknowledgement. */
  public void providerAcknowledgementMissed(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.missed(c, ComplaintService.ACKNOWLEDGEMENT, c.acknowledgeDueAt());
    show(execution, notifications.providerAcknowledgementMissed(execution, c));
  }

  public void providerAcknowledgementStillMissing(DelegateExecution execution) {
    Complaint c = complaint(execution);
    show(
        execution,
        notifications.stillMissing(execution, c, "acknowledgement", "acknowledgement-escalated"));
  }

  /** App C 4.3: 15 days passed without the provider's resolution. */
  public void providerResolutionMissed(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.missed(c, ComplaintService.RESOLUTION, c.respondDueAt());
    show(execution, notifications.providerResolutionMissed(execution, c));
  }

  public void providerResolutionStillMissing(DelegateExecution execution) {
    Complaint c = complaint(execution);
    show(execution, notifications.stillMissing(execution, c, "resolution", "resolution-escalated"));
  }

  /** §13.5: the full written report on an unresolved complaint is overdue. */
  public void writtenReportMissed(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.missed(c, ComplaintService.WRITTEN_REPORT, c.writtenReportDueAt());
    show(execution, notifications.writtenReportMissed(execution, c));
  }

  private Complaint complaint(DelegateExecution execution) {
    return complaints.ofProcessInstance(execution.getProcessInstanceId());
  }

  /**
   * Local to the escalation's own path, so two escalations open at once each show their own, and
   * the council's answer (what it did about the missed deadline) stays on that path: case-wide, the
   * provider would read it through its own tasks.
   */
  private static void show(DelegateExecution execution, String message) {
    execution.setVariableLocal(ESCALATION_MESSAGE, message);
    execution.setVariableLocal(ESCALATION_ACTION, null);
  }
}
