package uk.gov.council.commissioning.procurement;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.security.Roles;

/**
 * Approval to procure (seed 000 §10.7, CPR 1.3): the three agreements, then the decision maker
 * chosen by procurement-approval-route.dmn, who later also authorises the award report.
 */
@Component("procurementApproval")
public class ProcurementApproval {

  /** The three whose agreement CPR 1.3 requires, by the variable that holds each answer. */
  static final Map<String, String> AGREEMENTS = Map.of(
      "governanceAgreement", "Assistant Director Governance & Contracts",
      "corporateAgreement", "Director of Corporate Services",
      "financeAgreement", "Director of Finance");

  private static final Map<String, String> DECISION_MAKER_GROUPS = Map.of(
      "CHIEF_OFFICER", Roles.CHIEF_OFFICERS,
      "PORTFOLIO_HOLDER", Roles.PORTFOLIO_HOLDERS,
      // The Executive decides in a meeting; democratic services record its decision.
      "EXECUTIVE", Roles.DEMOCRATIC_SERVICES);

  private static final Map<String, String> DECISION_MAKER_TITLES = Map.of(
      "CHIEF_OFFICER", "Chief Officer",
      "PORTFOLIO_HOLDER", "Portfolio Holder",
      "EXECUTIVE", "Executive");

  /** The Executive's minute of a decision: its own for each decision, kept on the task that recorded it. */
  static final List<String> EXECUTIVE_RECORD = List.of("decisionReference", "decisionDate");

  private final ProcurementDeadlines deadlines;
  private final ProcurementRegister register;
  private final ProcurementRegimes regimes;

  public ProcurementApproval(ProcurementDeadlines deadlines, ProcurementRegister register,
      ProcurementRegimes regimes) {
    this.deadlines = deadlines;
    this.register = register;
    this.regimes = regimes;
  }

  public Date stepDue(DelegateExecution execution) {
    return deadlines.councilStepDue();
  }

  /** The officer's case for a procurement the extension process started: strategy, value, regime. */
  public void prepared(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String strategy = checks.text("procurementStrategy", 4000);
    Double value = checks.nonNegativeNumber("estimatedValue");
    if (value != null && (value <= 0 || value >= 1e12)) {
      checks.problem("estimatedValue", "must be more than £0 and less than £1,000,000,000,000");
    }
    boolean keyDecision = checks.flag("keyDecision");
    String regime = checks.text("regime");
    if (regime != null && regimes.find(regime).isEmpty()) {
      checks.problem("regime", "must be one of " + String.join(", ", regimes.ids()));
    }
    checks.throwIfAny();
    String reference = task.getExecution().getProcessBusinessKey();
    java.math.BigDecimal amount = java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    register.updateCase(reference, amount, keyDecision, regime);
    task.getExecution().setVariable("estimatedValueText", RegisterProcurement.pounds(amount));
    task.getExecution().setVariable("regimeName", regimes.find(regime).orElseThrow().name());
  }

  /** One director's answer: agreed or not, and the comments that go back to the officer if not. */
  public void agreementGiven(DelegateTask task, String answerVariable) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String answer = checks.oneOf(answerVariable, Set.of("AGREE", "DECLINE"));
    String commentsField = answerVariable + "Comments";
    checks.textIf("DECLINE".equals(answer), commentsField, "say why you do not agree, for the officer to act on");
    String comments = checks.optionalText(commentsField, 2000);
    checks.throwIfAny();
    // Recorded as this director's answer: the variables are there for the forms, but any director
    // completing a task could set the others' too.
    register.recordAgreement(task.getExecution().getProcessBusinessKey(), answerVariable, answer, comments,
        ProcurementUsers.userOf(task), ProcurementDeadlines.now());
    task.getExecution().setVariable(commentsField, comments);
  }

  /** Whether all three agreed to the case as it now stands, from their recorded answers. */
  public boolean allAgreed(DelegateExecution execution) {
    Map<String, ProcurementRegister.Agreement> answers =
        register.currentAgreements(execution.getProcessBusinessKey());
    return AGREEMENTS.keySet().stream()
        .allMatch(a -> answers.containsKey(a) && "AGREE".equals(answers.get(a).answer()));
  }

  /** The officer revises the case (all three are asked again) or withdraws it. */
  public void revised(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String revision = checks.oneOf("revision", Set.of("REVISE", "WITHDRAW"));
    String strategy = checks.text("procurementStrategy", 4000);
    checks.text("revisionNotes");
    checks.throwIfAny();
    if ("REVISE".equals(revision)) {
      // Everyone answers the revised case afresh; their earlier answers stay in the history.
      register.supersedeAgreements(task.getExecution().getProcessBusinessKey());
      for (String answer : AGREEMENTS.keySet()) {
        task.getExecution().removeVariable(answer);
        task.getExecution().removeVariable(answer + "Comments");
      }
    }
  }

  /** Comments of those who did not agree, for the revise task. */
  public String declineComments(DelegateExecution execution) {
    List<String> lines = new ArrayList<>();
    Map<String, ProcurementRegister.Agreement> answers =
        register.currentAgreements(execution.getProcessBusinessKey());
    AGREEMENTS.forEach((agreement, who) -> {
      ProcurementRegister.Agreement answer = answers.get(agreement);
      if (answer != null && "DECLINE".equals(answer.answer())) {
        lines.add("**" + who + "**: " + answer.comments());
      }
    });
    return String.join("\n\n", lines.stream().sorted().toList());
  }

  public void offerComments(DelegateExecution execution) {
    execution.setVariable("declineComments", declineComments(execution));
  }

  /**
   * The decision table's inputs, from the procurement as recorded, set just before it runs: a value
   * or key decision sent with an earlier task completion must not choose a lesser decision maker.
   */
  public void decisionInputs(DelegateExecution execution) {
    ProcurementRegister.Procurement procurement = register.require(execution.getProcessBusinessKey());
    execution.setVariable("estimatedValue", procurement.estimatedValue().doubleValue());
    execution.setVariable("keyDecision", procurement.keyDecision());
  }

  /** Records the table's choice: it decides whether to procure and later authorises the award. */
  public void recordRoute(DelegateExecution execution) {
    Object route = execution.getVariable("approvalRoute");
    if (route == null || !DECISION_MAKER_GROUPS.containsKey(route.toString())) {
      throw new IllegalStateException("Procurement " + execution.getProcessBusinessKey()
          + ": the approval route table gave " + route);
    }
    register.setApprovalRoute(execution.getProcessBusinessKey(), route.toString());
  }

  public void decisionMakerChosen(DelegateExecution execution) {
    execution.setVariable("approvalRouteTitle", decisionMakerTitle(execution));
  }

  /** The recorded decision maker as the task names say it, e.g. "Executive". */
  public String decisionMakerTitle(DelegateExecution execution) {
    return title(route(execution));
  }

  public String decisionMakerGroup(DelegateExecution execution) {
    return DECISION_MAKER_GROUPS.get(route(execution));
  }

  public void decided(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String decision = checks.oneOf("procurementDecision", Set.of("APPROVE", "REFUSE"));
    checks.text("procurementDecisionReasons");
    if (isExecutive(task.getExecution())) {
      // The Executive's own record: democratic services give the minute reference and date.
      checks.text("decisionReference");
      checks.date("decisionDate");
    }
    checks.throwIfAny();
    TaskAnswers.keepOnTask(task, EXECUTIVE_RECORD);
    if ("APPROVE".equals(decision)) {
      register.setStatus(task.getExecution().getProcessBusinessKey(), "APPROVED");
    }
  }

  static String title(String route) {
    return DECISION_MAKER_TITLES.getOrDefault(route, "decision maker");
  }

  /** Whether the Executive decides (democratic services then record its minute). */
  boolean isExecutive(DelegateExecution execution) {
    return "EXECUTIVE".equals(route(execution));
  }

  /** The recorded decision maker, never the variable, which a task completion could change. */
  private String route(DelegateExecution execution) {
    String route = register.require(execution.getProcessBusinessKey()).approvalRoute();
    if (route == null) {
      throw new IllegalStateException("Procurement " + execution.getProcessBusinessKey() + " has no decision maker");
    }
    return route;
  }
}
