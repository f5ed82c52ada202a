package uk.gov.council.commissioning.audits;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Seed 001 Part 3.1 §3.2: the Medium and High risks go to the contracts managers and into the
 * monthly Contracts Update to the CSG, once.
 */
@Component("reportAuditRisks")
@RequiredArgsConstructor
public class ReportAuditRisks implements JavaDelegate {

  private final ComplianceAudits audits;

  @Override
  public void execute(DelegateExecution execution) {
    audits.reportRisks(AuditVariables.auditId(execution));
  }
}
