package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintVariables.*;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
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
    missed(execution, Missed.COUNCIL_ACKNOWLEDGEMENT);
  }

  /** App K: the response date (20 working days, or as extended) passed without a reply. */
  public void councilResponseMissed(DelegateExecution execution) {
    missed(execution, Missed.COUNCIL_RESPONSE);
  }

  /** App C 4.2: 24 hours passed without the provider's acknowledgement. */
  public void providerAcknowledgementMissed(DelegateExecution execution) {
    missed(execution, Missed.PROVIDER_ACKNOWLEDGEMENT);
  }

  public void providerAcknowledgementStillMissing(DelegateExecution execution) {
    escalate(execution, c -> notifications.stillMissing(execution, c, "acknowledgement-escalated"));
  }

  /** App C 4.3: 15 days passed without the provider's resolution. */
  public void providerResolutionMissed(DelegateExecution execution) {
    missed(execution, Missed.PROVIDER_RESOLUTION);
  }

  public void providerResolutionStillMissing(DelegateExecution execution) {
    escalate(execution, c -> notifications.stillMissing(execution, c, "resolution-escalated"));
  }

  /** §13.5: the full written report on an unresolved complaint is overdue. */
  public void writtenReportMissed(DelegateExecution execution) {
    missed(execution, Missed.WRITTEN_REPORT);
  }

  /** The deadline's breach is recorded (once), then its escalation sent. */
  private void missed(DelegateExecution execution, Missed deadline) {
    escalate(
        execution,
        c -> {
          complaints.missed(c, deadline.requirement, deadline.due.apply(c));
          deadline.escalation.send(notifications, execution, c);
        });
  }

  /**
   * The council's answer (what it did about the missed deadline) is moved onto the escalation's own
   * path when the task is answered (ComplaintSteps.escalation), not created empty here for every
   * fired timer: case-wide, the provider would read it through its own tasks.
   */
  private void escalate(DelegateExecution execution, Consumer<Complaint> escalation) {
    escalation.accept(complaints.ofProcessInstance(execution.getProcessInstanceId()));
  }

  /** The deadlines whose passing is a breach: the requirement, its due date and its email. */
  @RequiredArgsConstructor
  private enum Missed {
    COUNCIL_ACKNOWLEDGEMENT(
        ComplaintService.ACKNOWLEDGEMENT,
        Complaint::acknowledgeDueAt,
        ComplaintNotifications::councilAcknowledgementMissed),
    COUNCIL_RESPONSE(
        ComplaintService.RESPONSE,
        Complaint::respondDueAt,
        ComplaintNotifications::councilResponseMissed),
    PROVIDER_ACKNOWLEDGEMENT(
        ComplaintService.ACKNOWLEDGEMENT,
        Complaint::acknowledgeDueAt,
        ComplaintNotifications::providerAcknowledgementMissed),
    PROVIDER_RESOLUTION(
        ComplaintService.RESOLUTION,
        Complaint::respondDueAt,
        ComplaintNotifications::providerResolutionMissed),
    WRITTEN_REPORT(
        ComplaintService.WRITTEN_REPORT,
        Complaint::writtenReportDueAt,
        ComplaintNotifications::writtenReportMissed);

    private final String requirement;
    private final Function<Complaint, Instant> due;
    private final Escalation escalation;
  }

  @FunctionalInterface
  private interface Escalation {
    void send(ComplaintNotifications notifications, DelegateExecution execution, Complaint c);
  }
}
