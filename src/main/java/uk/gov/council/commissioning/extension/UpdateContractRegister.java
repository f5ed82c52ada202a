package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.ContractService;

/**
 * Records the approved extension in the register: the option is used and the end date moves, once.
 */
@Component("updateContractRegister")
@RequiredArgsConstructor
public class UpdateContractRegister implements JavaDelegate {

  private final ContractService contracts;

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(CONTRACT_REFERENCE);
    int option = ((Number) execution.getVariable(OPTION_ORDER)).intValue();
    LocalDate newEnd = LocalDate.parse((String) execution.getVariable(EXTENSION_END));
    contracts.applyExtension(reference, option, decisionOf(execution), newEnd);
    execution.setVariable("registerUpdated", Boolean.TRUE);
  }

  /**
   * What the register says used the option. The case id makes it unique to this case, so a retried
   * job recognises its own earlier update.
   */
  static String decisionOf(DelegateExecution execution) {
    Object reference = execution.getVariable(DECISION_REFERENCE_MADE);
    return (reference == null ? "Extension decision" : reference.toString().trim())
        + " [case "
        + execution.getProcessInstanceId()
        + "]";
  }
}
