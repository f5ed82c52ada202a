package uk.gov.council.commissioning.audits;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Seed 001 Part 3.1 §3.2: opens the desk-top compliance audit of the case's meeting ({@code
 * meetingId}) and sets {@code auditId}; a retry finds the audit it opened.
 */
@Component("openDeskTopAudit")
@RequiredArgsConstructor
public class OpenDeskTopAudit implements JavaDelegate {

  private final ComplianceAudits audits;

  @Override
  public void execute(DelegateExecution execution) {
    long meeting = AuditVariables.number(execution, AuditVariables.MEETING_ID);
    execution.setVariable(
        AuditVariables.AUDIT_ID, audits.openFor(meeting, execution.getProcessInstanceId()));
  }
}
