package uk.gov.council.commissioning.audits;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Seed 001 Part 3.1 §3.2: the desk-top review is done; sets {@code auditConcerns}, the number of
 * Medium and High risks.
 */
@Component("deskTopAuditComplete")
@RequiredArgsConstructor
public class DeskTopAuditComplete implements JavaDelegate {

  private final ComplianceAudits audits;

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        AuditVariables.CONCERNS, audits.completeDeskTop(AuditVariables.auditId(execution)));
  }
}
