package uk.gov.council.commissioning.audits;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Seed 001 Part 3.1 §3.4: the Medium risks that moved to High are reported to the Core Strategy
 * Group, once.
 */
@Component("reportRaisedRisks")
@RequiredArgsConstructor
public class ReportRaisedRisks implements JavaDelegate {

  private final ComplianceAudits audits;

  @Override
  public void execute(DelegateExecution execution) {
    audits.reportRaised(AuditVariables.auditId(execution));
  }
}
