package uk.gov.council.commissioning.complaints;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the complaint process's timers fire and its tasks are due, from the deadlines recorded on
 * the complaint. Not from process variables: whoever completes a task may set any variable, and a
 * provider must not be able to move its own deadline. {@link ComplaintDeadlines} compresses them
 * when time is accelerated.
 */
@Component("complaintTimers")
public class ComplaintTimers {

  private final ComplaintService complaints;
  private final ComplaintDeadlines deadlines;

  public ComplaintTimers(ComplaintService complaints, ComplaintDeadlines deadlines) {
    this.complaints = complaints;
    this.deadlines = deadlines;
  }

  public Date acknowledgement(DelegateExecution execution) {
    return deadlines.timerAt(date(complaint(execution).acknowledgeDueAt()));
  }

  public Date acknowledgementSecondEscalation(DelegateExecution execution) {
    return deadlines.secondEscalationAt(date(complaint(execution).acknowledgeDueAt()));
  }

  /** The council's stage 1 response or the provider's resolution, as extended. */
  public Date response(DelegateExecution execution) {
    return deadlines.timerAt(date(complaint(execution).respondDueAt()));
  }

  public Date resolutionSecondEscalation(DelegateExecution execution) {
    return deadlines.secondEscalationAt(date(complaint(execution).respondDueAt()));
  }

  public Date writtenReport(DelegateExecution execution) {
    return deadlines.timerAt(date(complaint(execution).writtenReportDueAt()));
  }

  private Complaint complaint(DelegateExecution execution) {
    return complaints.ofProcessInstance(execution.getProcessInstanceId());
  }

  private static Date date(Instant instant) {
    return Date.from(instant);
  }
}
