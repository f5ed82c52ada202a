package uk.gov.council.commissioning.decisions;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The two ends of a business rule task on {@code decision-route}: {@link #inputs} before it (from
 * the case as its own steps recorded it, never from a variable a task completion could send) and
 * {@link #record} after it, which turns the table's answer into the variables the models read.
 */
@Component("decisionRoutes")
@RequiredArgsConstructor
public class DecisionRoutes {

  /** The kinds of decision the table knows. */
  public static final Set<String> KINDS =
      Set.of("EXTENSION", "VARIATION", "PROCURE", "AWARD", "OPTIONS_APPRAISAL");

  /** The agreers the table can name, with the variable a model's gateway reads for each. */
  static final Map<String, String> AGREERS =
      Map.of(
          "CHIEF_OFFICER", "agreeChiefOfficer",
          "GOVERNANCE_CONTRACTS", "agreeGovernance",
          "CORPORATE_SERVICES", "agreeCorporateServices",
          "FINANCE", "agreeFinance");

  private final DecisionProperties properties;
  private final DecisionService decisionService;

  /**
   * Who the table asks to agree to a decision of this kind and value, evaluated afresh from facts
   * the caller recorded (never from a variable a task completion could change), e.g. whether the
   * three directors must agree to a procurement "of this value" (seed 000 §10.7).
   */
  public List<String> agreers(
      String kind, BigDecimal value, boolean keyByOfficer, boolean twoOrMoreWards) {
    Object agreement = evaluate(kind, value, keyByOfficer, twoOrMoreWards).getEntry("agreement");
    return split(agreement);
  }

  /**
   * Takes the route afresh from facts the caller recorded and sets the variables {@link #record}
   * sets, just before a caller hands them to the key-decision sub-process: a variable sent with an
   * earlier task completion must not choose who decides or skip scrutiny or call-in.
   */
  public void route(
      DelegateExecution execution,
      String kind,
      BigDecimal value,
      boolean keyByOfficer,
      boolean twoOrMoreWards) {
    inputs(execution, kind, value, keyByOfficer, twoOrMoreWards);
    record(execution, evaluate(kind, value, keyByOfficer, twoOrMoreWards));
  }

  private DmnDecisionResultEntries evaluate(
      String kind, BigDecimal value, boolean keyByOfficer, boolean twoOrMoreWards) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("decisionKind", kind);
    variables.put("decisionValue", value.doubleValue());
    variables.put("keyDecisionByOfficer", keyByOfficer);
    variables.put("twoOrMoreWards", twoOrMoreWards);
    variables.put("chiefOfficerLimit", properties.chiefOfficerLimit().doubleValue());
    variables.put("keyDecisionThreshold", properties.keyDecisionThreshold().doubleValue());
    return decisionService
        .evaluateDecisionByKey("decision-route")
        .variables(variables)
        .evaluate()
        .getSingleResult();
  }

  private static List<String> split(Object agreement) {
    return agreement == null
        ? List.of()
        : Arrays.stream(agreement.toString().split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
  }

  public DecisionProperties properties() {
    return properties;
  }

  /**
   * Sets the table's inputs: the kind, the value the council's rules use for it, the key-decision
   * facts (the officer's own judgement, recorded with a reason by the form check, and a significant
   * effect on two or more wards) and the council's limits.
   */
  public void inputs(
      DelegateExecution execution,
      String kind,
      BigDecimal value,
      boolean keyByOfficer,
      boolean twoOrMoreWards) {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("No decision route for a decision of kind " + kind);
    }
    if (value == null || value.signum() < 0) {
      throw new IllegalArgumentException("A decision's value must be a non-negative amount");
    }
    execution.setVariable("decisionKind", kind);
    execution.setVariable("decisionValue", value.doubleValue());
    execution.setVariable("keyDecisionByOfficer", keyByOfficer);
    execution.setVariable("twoOrMoreWards", twoOrMoreWards);
    execution.setVariable("chiefOfficerLimit", properties.chiefOfficerLimit().doubleValue());
    execution.setVariable("keyDecisionThreshold", properties.keyDecisionThreshold().doubleValue());
  }

  /**
   * After the table: who agrees ({@code agreement} and one flag per agreer), who decides (also as
   * {@code approvalRoute}, which the registers and letters read), the group that records the
   * decision, and whether scrutiny, publication and call-in apply. The table's answer reaches an
   * end listener as the transient {@code decisionResult}.
   */
  public void record(DelegateExecution execution) {
    Object result = execution.getVariable("decisionResult");
    if (!(result instanceof DmnDecisionResult decisionResult)) {
      throw new IllegalStateException("decision-route gave no result");
    }
    record(execution, decisionResult.getSingleResult());
  }

  private static void record(DelegateExecution execution, DmnDecisionResultEntries entries) {
    // getEntry is generic: read into Object, or String.valueOf would take it as a char[].
    Object agreementEntry = entries.getEntry("agreement");
    Object makerEntry = entries.getEntry("decisionMaker");
    String agreement = agreementEntry == null ? "" : agreementEntry.toString();
    List<String> agreers = split(agreement);
    AGREERS.forEach((agreer, flag) -> execution.setVariable(flag, agreers.contains(agreer)));
    DecisionMaker maker = DecisionMaker.valueOf(String.valueOf(makerEntry));
    execution.setVariable("agreement", agreement);
    execution.setVariable("decisionMaker", maker.name());
    execution.setVariable("approvalRoute", maker.name());
    execution.setVariable("decisionMakerGroup", maker.group());
    execution.setVariable("decisionMakerTitle", maker.title());
    for (String flag : List.of("scrutiny", "publication", "callIn", "keyDecision")) {
      Object value = entries.getEntry(flag);
      execution.setVariable(flag, Boolean.TRUE.equals(value));
    }
  }
}
