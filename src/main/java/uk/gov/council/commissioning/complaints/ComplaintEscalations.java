package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintVariables.*;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What happens when a complaint's deadline passes (the process's non-interrupting timers): the
 * breach is recorded, the people concerned are emailed, and the escalation task that follows shows
 * the same message (see {@link ComplaintNotifications}).
 */
@Component("complaintEscalations")
@RequiredArgsConstructor
public class ComplaintEscalations {

  private final ComplaintService complaints;
  private final ComplaintNotifications notifications;

  /** App K: 3 working days passed without an acknowledgement. */
  public void councilAcknowledgementMissed(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.missed(c, ComplaintService.ACKNOWLEDGEMENT, c.acknowledgeDueAt());
    notifications.councilAcknowledgementMissed(execution, c);
    clearAction(execution);
  }

  /** App K: the response date (20 working days, or as extended) passed without a reply. */
  public void councilResponseMissed(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.missed(c, ComplaintService.RESPONSE, c.respondDueAt());
    notifications.councilResponseMissed(execution, c);
    clearAction(execution);
  }

  /** App C 4.2: 24 hours passed without the provider's acknowledgement. */
  public void providerAcknowledgementMissed(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.missed(c, ComplaintService.ACKNOWLEDGEMENT, c.acknowledgeDueAt());
    notifications.providerAcknowledgementMissed(execution, c);
    clearAction(execution);
  }

  public void providerAcknowledgementStillMissing(DelegateExecution execution) {
    Complaint c = complaint(execution);
    notifications.stillMissing(execution, c, "acknowledgement-escalated");
    clearAction(execution);
  }

  /** App C 4.3: 15 days passed without the provider's resolution. */
  public void providerResolutionMissed(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.missed(c, ComplaintService.RESOLUTION, c.respondDueAt());
    notifications.providerResolutionMissed(execution, c);
    clearAction(execution);
  }

  public void providerResolutionStillMissing(DelegateExecution execution) {
    Complaint c = complaint(execution);
    notifications.stillMissing(execution, c, "resolution-escalated");
    clearAction(execution);
  }

  /** §13.5: the full written report on an unresolved complaint is overdue. */
  public void writtenReportMissed(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.missed(c, ComplaintService.WRITTEN_REPORT, c.writtenReportDueAt());
    notifications.writtenReportMissed(execution, c);
    clearAction(execution);
  }

  private Complaint complaint(DelegateExecution execution) {
    return complaints.ofProcessInstance(execution.getProcessInstanceId());
  }

  /**
   * The council's answer (what it did about the missed deadline) stays on the escalation's own
   * path, as its message does: case-wide, the provider would read it through its own tasks.
   */
  private static void clearAction(DelegateExecution execution) {
    execution.setVariableLocal(ESCALATION_ACTION, null);
  }
}
