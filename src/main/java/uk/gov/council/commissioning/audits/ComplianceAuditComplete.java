package uk.gov.council.commissioning.audits;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Seed 001 Part 3.1 §3.4: the audit with the provider is reported (its summary recorded); sets
 * {@code auditRaisedToHigh}, the number of Medium risks now High.
 */
@Component("complianceAuditComplete")
@RequiredArgsConstructor
public class ComplianceAuditComplete implements JavaDelegate {

  private final ComplianceAudits audits;

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        AuditVariables.RAISED, audits.completeProviderAudit(AuditVariables.auditId(execution)));
  }
}
