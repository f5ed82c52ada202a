package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractCaseVariables;
import uk.gov.council.commissioning.contracts.ContractNotFoundException;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.contracts.ExtensionPeriod;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * First step of every extension case, in the transaction that starts it: a refusal here means no
 * case is created. Locks the contract row so two starts for one contract cannot both succeed.
 */
@Component("checkExtensionOption")
@RequiredArgsConstructor
public class CheckExtensionOption implements JavaDelegate {

  private final ContractService contracts;
  private final RuntimeService runtimeService;
  private final ExtensionDeadlines rules;
  private final Deadlines deadlines;

  @Override
  public void execute(DelegateExecution execution) {
    Object given = execution.getVariable(CONTRACT_REFERENCE);
    if (!(given instanceof String text) || text.isBlank()) {
      throw new ExtensionRefusedException(
          "contractReference: give the contract reference from the register");
    }
    String reference = text.trim().toUpperCase(Locale.ROOT);
    Contract contract;
    try {
      contract = contracts.lockForUpdate(reference);
    } catch (ContractNotFoundException e) {
      throw new ExtensionRefusedException(
          "contractReference: no contract " + reference + " in the register");
    }
    if (contract.status() != ContractStatus.ACTIVE) {
      throw new ExtensionRefusedException(
          "Contract "
              + reference
              + " is "
              + contract.status()
              + ": only an active contract can be extended");
    }
    ExtensionPeriod period =
        contracts
            .nextExtension(contract)
            .orElseThrow(
                () ->
                    new ExtensionRefusedException(
                        "Contract "
                            + reference
                            + " has no extension option left: a procurement is needed for a new contract"
                            + " (or a decommissioning decision)"));
    long running =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(reference)
            .list()
            .stream()
            .filter(other -> !other.getId().equals(execution.getProcessInstanceId()))
            .count();
    if (running > 0) {
      throw new ExtensionRefusedException(
          "Contract " + reference + " already has an extension case running");
    }

    execution.setProcessBusinessKey(reference);
    CaseRef ref = CaseRef.of(CASE_TYPE, execution);
    deadlines.scheduleAt(
        ref,
        ExtensionDeadline.ESCALATION.name(),
        rules.escalationDue(contract.endDate()),
        ExtensionDeadline.ESCALATION.seedSection());
    deadlines.scheduleAt(
        ref,
        ExtensionDeadline.LAPSE.name(),
        rules.lapseDue(contract.endDate()),
        ExtensionDeadline.LAPSE.seedSection());
    Map<String, Object> variables = ContractCaseVariables.of(contract);
    variables.put(PROVIDER_EMAIL, contract.provider().contactEmail());
    variables.put(CURRENT_END_DATE, contract.endDate().toString());
    variables.put(OPTION_ORDER, period.optionOrder());
    variables.put(EXTENSION_START, period.start().toString());
    variables.put(EXTENSION_END, period.end().toString());
    variables.put(ANNUAL_VALUE, contract.annualValue().doubleValue());
    variables.put(WHOLE_LIFE_VALUE, contract.wholeLifeValue().doubleValue());
    variables.put(
        "wholeLifeValueText", String.format(Locale.UK, "£%,.0f", contract.wholeLifeValue()));
    variables.put(ESCALATION_DATE, rules.escalationDay(contract.endDate()).toString());
    variables.put(CALL_IN_RECEIVED, Boolean.FALSE);
    variables.put(RETURN_COMMENTS, "");
    variables.put(DRAFT_NUMBER, 1);
    execution.setVariables(variables);
  }
}
