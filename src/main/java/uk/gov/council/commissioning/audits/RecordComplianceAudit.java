package uk.gov.council.commissioning.audits;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Seed 001 Part 3.3: records on the audit the compliance audit with the provider that the meeting
 * process decided ({@code auditDate}, {@code areasToEvidence}), so its revised risks and summary
 * can be recorded; the process itself writes to the provider.
 */
@Component("recordComplianceAudit")
@RequiredArgsConstructor
public class RecordComplianceAudit implements JavaDelegate {

  private final ComplianceAudits audits;

  @Override
  public void execute(DelegateExecution execution) {
    Object date = execution.getVariable(AuditVariables.AUDIT_DATE);
    Object areas = execution.getVariable(AuditVariables.AREAS_TO_EVIDENCE);
    audits.recordProviderAudit(
        AuditVariables.auditId(execution),
        date == null ? null : date.toString(),
        areas == null ? null : areas.toString(),
        null);
  }
}
