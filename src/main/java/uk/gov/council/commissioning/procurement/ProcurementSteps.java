package uk.gov.council.commissioning.procurement;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.forms.FormChecks;

/** Where a procurement stands, and the lead's choice after a tender with no compliant bid. */
@Component("procurementSteps")
public class ProcurementSteps {

  private final ProcurementRegister register;

  public ProcurementSteps(ProcurementRegister register) {
    this.register = register;
  }

  public void status(DelegateExecution execution, String status) {
    register.setStatus(execution.getProcessBusinessKey(), status);
  }

  /** How the run of the stages ended; read by the gateway after the sub-process. */
  public void runOutcome(DelegateExecution execution, String outcome) {
    execution.getProcessInstance().setVariable("runOutcome", outcome);
    if ("LIVE".equals(outcome)) {
      register.setStatus(execution.getProcessBusinessKey(), "CONTRACT_LIVE");
    }
  }

  public void afterFailedTender(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String next = checks.oneOf("failedTenderNextStep", Set.of("RETENDER", "ABANDON"));
    checks.text("failedTenderNotes");
    checks.throwIfAny();
    if ("RETENDER".equals(next)) {
      // A new tender round runs every stage again, to a new timetable (its market engagement may be short).
      register.reopenStagesFrom(task.getExecution().getProcessBusinessKey(), ProcurementStage.MARKET_ENGAGEMENT);
    }
  }
}
