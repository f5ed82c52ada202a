package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.security.Actors;

/**
 * The first step of every procurement, in the transaction that starts it: checks the request,
 * records the procurement and names the case by its reference. A refusal creates nothing.
 */
@Component("registerProcurement")
@RequiredArgsConstructor
public class RegisterProcurement implements JavaDelegate {

  static final Set<String> START_REASONS =
      Set.of("MANUAL", "EXTENSION_REFUSED", "LAST_OPTION_USED", "OPTIONS_APPRAISAL");

  private final ProcurementRegister register;
  private final ContractService contracts;
  private final ProcurementRegimes regimes;
  private final Actors actors;
  private final ProcurementDeadlines deadlines;

  @Override
  public void execute(DelegateExecution execution) {
    FormChecks checks = new FormChecks("The procurement request", execution);
    String title = checks.text("title", 300);
    String strategy = checks.text("procurementStrategy", 4000);
    String regime = checks.text("regime");
    if (regime != null) {
      // A procurement begins today: the law that governs it is the one in force for procurements
      // begun now.
      regimes.problemFor(regime, deadlines.today()).ifPresent(why -> checks.problem("regime", why));
    }
    BigDecimal value = checks.amount("estimatedValue");
    Object reasonGiven = execution.getVariable("startReason");
    String startReason = reasonGiven == null ? "MANUAL" : reasonGiven.toString();
    // An officer's start says why the procurement is key; a start from an extension carries the
    // extension's finding, which the officer confirms with a reason when preparing the case.
    boolean keyDecision =
        "MANUAL".equals(startReason)
            ? ProcurementApproval.keyByOfficer(checks)
            : checks.flag("keyDecisionByOfficer");
    if (!START_REASONS.contains(startReason)) {
      checks.problem(
          "startReason",
          "must be one of MANUAL, EXTENSION_REFUSED, LAST_OPTION_USED, OPTIONS_APPRAISAL");
    }
    String replaces = checks.optionalText("replacesContractReference", 40);
    Contract replaced = null;
    if (replaces != null) {
      replaced = contracts.findByReference(replaces).orElse(null);
      if (replaced != null) {
        // Two starts for the same contract (a daily scan on two nodes) take turns here.
        contracts.lockForUpdate(replaces);
      }
      if (replaced == null) {
        checks.problem("replacesContractReference", "no contract " + replaces + " in the register");
      } else {
        // Two procurements for the same service would tender it twice.
        register.openFor(replaces).stream()
            .findFirst()
            .ifPresent(
                other ->
                    checks.problem(
                        "replacesContractReference",
                        "contract " + replaces + " is already being procured in " + other));
      }
      if (replaced != null
          && "LAST_OPTION_USED".equals(startReason)
          && replaced.hasUnusedOption()) {
        checks.problem(
            "startReason", "contract " + replaces + " still has an extension option to use");
      }
    } else if (!"MANUAL".equals(startReason) && !"OPTIONS_APPRAISAL".equals(startReason)) {
      // An options appraisal may choose a service the council does not yet contract for.
      checks.problem(
          "replacesContractReference", "is required when the procurement replaces a contract");
    }
    String serviceArea = checks.optionalText("serviceArea", 200);
    if (serviceArea == null && replaced != null) {
      serviceArea = replaced.serviceArea();
    }
    if (serviceArea == null) {
      checks.problem("serviceArea", "is required");
    }
    checks.throwIfAny();

    String startedBy = actors.startingUser(execution.getVariable("initiator")).userId();
    int year = deadlines.today().getYear();
    String reference =
        register.insert(
            execution.getProcessInstanceId(),
            title,
            serviceArea,
            regime,
            value,
            keyDecision,
            replaces,
            startReason,
            startedBy,
            year,
            deadlines.currentInstant());
    execution.setProcessBusinessKey(reference);

    Map<String, Object> variables = new HashMap<>();
    variables.put("procurementReference", reference);
    variables.put("title", title);
    variables.put("serviceArea", serviceArea);
    variables.put("regime", regime);
    variables.put("regimeName", regimes.find(regime).orElseThrow().name());
    // Text, as the form's field takes it ("£2,100,000.00"): a number field would misread thousands
    // commas.
    variables.put("estimatedValue", pounds(value));
    variables.put("estimatedValueText", pounds(value));
    variables.put("keyDecisionByOfficer", keyDecision);
    variables.put("procurementStrategy", strategy);
    variables.put("revisionText", "");
    variables.put("startReason", startReason);
    variables.put("startedBy", startedBy);
    variables.put("replacesContractReference", replaces);
    variables.put(
        "replacesContractText",
        replaced == null
            ? "none"
            : replaced.reference()
                + " "
                + replaced.title()
                + " ("
                + replaced.provider().name()
                + "), ends "
                + replaced.endDate());
    execution.setVariables(variables);
  }

  static String pounds(BigDecimal value) {
    return NumberFormat.getCurrencyInstance(Locale.UK).format(value);
  }
}
