package uk.gov.council.commissioning.procurement;

import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/** Where a procurement stands, and the lead's choice after a tender with no compliant bid. */
@Component("procurementSteps")
@RequiredArgsConstructor
public class ProcurementSteps {

  /**
   * What the evaluation of a tender round left on the case, cleared when the lead tenders again.
   */
  private static final List<String> FAILED_ROUND =
      List.of(
          "evaluationBids",
          "interviewNotes",
          "compliantTender",
          "rankingText",
          "excludedText",
          "tieText",
          "winningBidder");

  private final ProcurementRegister register;

  /**
   * Names a task after what it is about (e.g. "Publish: Tender notice"); the model keeps a plain
   * name so the diagram reads well in Cockpit.
   */
  public void name(DelegateTask task, String pattern, String variable) {
    Object detail = task.getVariable(variable);
    if (detail != null) {
      task.setName(String.format(pattern, detail));
    }
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

  /** The lead's choice after a tender with no compliant bid; the gateway after it acts on it. */
  public void afterFailedTender(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    checks.oneOf("failedTenderNextStep", Set.of("RETENDER", "ABANDON"));
    checks.text("failedTenderNotes");
    checks.throwIfAny();
    TaskAnswers.decided(task, "failedTenderNextStep", List.of("failedTenderNotes"));
  }

  /**
   * A new tender round runs every stage again, to a new timetable (its market engagement may be
   * short).
   */
  public void reopenForNewTender(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    register.reopenStagesFrom(reference, ProcurementStage.MARKET_ENGAGEMENT);
    // New bids: the failed round's sheet and result must not be offered or read as this round's.
    // The questions and weights stay as the form's starting point.
    register.clearEvaluation(reference);
    FAILED_ROUND.forEach(execution.getProcessInstance()::removeVariable);
  }
}
