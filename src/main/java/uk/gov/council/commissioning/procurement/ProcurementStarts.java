package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;

/**
 * Starts a procurement from the contract-extension process: when an extension is refused and the
 * officer chooses to procure, or when the extension just approved used the contract's last option.
 * A contract already being procured is not procured twice. {@link #startDue} also finds contracts
 * whose options ran out before the register knew them.
 */
@Component("procurementStarts")
@RequiredArgsConstructor
public class ProcurementStarts {

  public static final String PROCESS_KEY = "procurement";

  private static final Logger log = LoggerFactory.getLogger(ProcurementStarts.class);

  private final ContractService contracts;
  private final ProcurementRegister register;
  private final ProcurementProperties properties;
  @Lazy private final CaseStarts cases;
  private final ProcurementRegimes regimes;
  private final ProcurementDeadlines deadlines;

  public boolean lastOptionUsed(DelegateExecution execution) {
    return !contract(execution).hasUnusedOption();
  }

  public void afterLastOption(DelegateExecution execution) {
    Contract contract = contract(execution);
    start(
        execution,
        contract,
        "LAST_OPTION_USED",
        "The final extension option of "
            + contract.reference()
            + " has been used; the contract now ends on "
            + contract.endDate()
            + " and cannot be extended again.");
  }

  public void afterRefusedExtension(DelegateExecution execution) {
    Contract contract = contract(execution);
    Object notes = execution.getVariable("nextStepNotes");
    start(
        execution,
        contract,
        "EXTENSION_REFUSED",
        "The extension of "
            + contract.reference()
            + " was refused; the contract ends on "
            + contract.endDate()
            + "."
            + (notes == null ? "" : " " + notes));
  }

  /**
   * The facts of a decision report that resolved to procure (an options appraisal, seed 003): what
   * is to be bought, its value and term, the contract it replaces (if any), the option chosen, and
   * the decision itself: its reference, date and decision maker (the route code, e.g. {@code
   * PORTFOLIO_HOLDER}).
   */
  public record DecidedProcurement(
      String title,
      String serviceArea,
      BigDecimal estimatedValue,
      String replacesContractReference,
      boolean keyByOfficer,
      String keyDecisionReason,
      String decisionReference,
      LocalDate decisionDate,
      String decisionMaker,
      String background) {}

  /**
   * Starts the procurement a decision report resolved on, with the report's facts and its decision:
   * the resolution is the approval to procure (seed 000 §2, §10.7), so the officer completes the
   * strategy and goes on to the timetable without asking for agreement or a decision again. A
   * contract already being procured is not procured twice: the open procurement's reference is
   * returned instead.
   *
   * @return the procurement's reference
   */
  public String afterDecision(DecidedProcurement decided) {
    if (decided.replacesContractReference() != null) {
      List<String> open = register.openFor(decided.replacesContractReference());
      if (!open.isEmpty()) {
        return open.get(0);
      }
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", decided.title());
    variables.put("serviceArea", decided.serviceArea());
    variables.put("estimatedValue", decided.estimatedValue().doubleValue());
    variables.put("keyDecisionByOfficer", decided.keyByOfficer());
    if (decided.keyByOfficer() && decided.keyDecisionReason() != null) {
      variables.put("keyDecisionReason", decided.keyDecisionReason());
    }
    variables.put("regime", regimeFor(deadlines.today()));
    if (decided.replacesContractReference() != null) {
      variables.put("replacesContractReference", decided.replacesContractReference());
    }
    variables.put("startReason", "OPTIONS_APPRAISAL");
    // As the key-decision call returns them after an approval, so later steps see the same.
    variables.put("decisionReferenceMade", decided.decisionReference());
    if (decided.decisionDate() != null) {
      variables.put("decisionDate", decided.decisionDate().toString());
    }
    variables.put("decisionMaker", decided.decisionMaker());
    String next =
        " The officer completes the strategy (route, lots, evaluation basis) before the timetable"
            + " is planned.";
    variables.put(
        "procurementStrategy",
        uk.gov.council.commissioning.cases.RegisterColumns.truncate(
                "Resolved by " + decided.decisionReference() + ". " + decided.background(),
                4000 - next.length())
            + next);
    return cases.startAsSystem(PROCESS_KEY, null, variables).getBusinessKey();
  }

  /**
   * Starts a procurement for every active contract ending within the lead time that has no option
   * left and was never procured (e.g. options used before the register existed).
   *
   * @return the references of the procurements started
   */
  public List<String> startDue(LocalDate today) {
    List<String> started = new java.util.ArrayList<>();
    for (String reference :
        register.contractsNeedingProcurement(today, today.plus(properties.leadTime()))) {
      Contract contract = contracts.findByReference(reference).orElseThrow();
      try {
        started.add(
            start(
                contract,
                "LAST_OPTION_USED",
                "Contract "
                    + reference
                    + " has no extension option left"
                    + " and ends on "
                    + contract.endDate()
                    + ".",
                false,
                null));
      } catch (RuntimeException e) {
        // One contract's problem (e.g. a procurement started meanwhile) must not stop the others.
        log.warn("No procurement started for contract {}: {}", reference, e.getMessage());
      }
    }
    return started;
  }

  private void start(
      DelegateExecution execution, Contract contract, String reason, String background) {
    List<String> open = register.openFor(contract.reference());
    if (!open.isEmpty()) {
      execution.setVariable("procurementReference", open.get(0));
      return;
    }
    execution.setVariable(
        "procurementReference",
        start(
            contract,
            reason,
            background,
            Boolean.TRUE.equals(execution.getVariable("keyDecisionByOfficer")),
            execution.getVariable("keyDecisionReason")));
  }

  /**
   * The officer's judgement that the service's decision is key, and its reason, come over from the
   * extension; the value test is the route table's, on the procurement's own value.
   */
  private String start(
      Contract contract,
      String reason,
      String background,
      boolean keyByOfficer,
      Object keyDecisionReason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", contract.title());
    variables.put("serviceArea", contract.serviceArea());
    variables.put("estimatedValue", estimatedValue(contract).doubleValue());
    variables.put("keyDecisionByOfficer", keyByOfficer);
    if (keyByOfficer && keyDecisionReason != null) {
      variables.put("keyDecisionReason", keyDecisionReason.toString());
    }
    variables.put("regime", regimeFor(deadlines.today()));
    variables.put("replacesContractReference", contract.reference());
    variables.put("startReason", reason);
    variables.put(
        "procurementStrategy",
        background
            + " A new contract is to be procured for "
            + properties.contractTermMonths()
            + " months with extension options of "
            + properties.extensionOptionMonths()
            + " months (seed 000 §6.8). The officer completes the strategy"
            + " (route, lots, evaluation basis) before agreement is sought.");
    // The process names itself (PROC-<year>-<n>) in its first step.
    return cases.startAsSystem(PROCESS_KEY, null, variables).getBusinessKey();
  }

  /**
   * The council's default regime when it governs procurements begun today; otherwise the first
   * regime that does, light touch or not as the default is (the officer can change it when
   * preparing the case).
   */
  String regimeFor(LocalDate today) {
    String preferred = properties.defaultRegime();
    if (regimes.problemFor(preferred, today).isEmpty()) {
      return preferred;
    }
    boolean lightTouch = regimes.find(preferred).map(ProcurementRegime::lightTouch).orElse(true);
    return regimes.all().stream()
        .filter(r -> r.notApplicableOn(today).isEmpty())
        .sorted(java.util.Comparator.comparing(r -> r.lightTouch() != lightTouch))
        .map(ProcurementRegime::id)
        .findFirst()
        .orElse(preferred);
  }

  /** The current annual value over the whole life of the new contract, options included. */
  BigDecimal estimatedValue(Contract contract) {
    return contract
        .annualValue()
        .multiply(BigDecimal.valueOf(properties.wholeLifeMonths()))
        .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
  }

  private Contract contract(DelegateExecution execution) {
    String reference = String.valueOf(execution.getVariable("contractReference"));
    return contracts
        .findByReference(reference)
        .orElseThrow(
            () -> new IllegalStateException("No contract " + reference + " in the register"));
  }
}
