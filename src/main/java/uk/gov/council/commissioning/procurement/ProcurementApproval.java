package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.decisions.DecisionRoutes;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.forms.MarkdownText;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * Approval to procure (seed 000 §10.7, CPR 1.3): the decision maker and the agreements chosen by
 * decision-route.dmn (kind PROCURE; the three directors only "for a procurement of this value"),
 * then the decision; the decision maker later also authorises the award report.
 */
@Component("procurementApproval")
@RequiredArgsConstructor
public class ProcurementApproval {

  /** The three whose agreement CPR 1.3 requires, by the variable that holds each answer. */
  static final Map<String, String> AGREEMENTS =
      Map.of(
          "governanceAgreement", "Assistant Director Governance & Contracts",
          "corporateAgreement", "Director of Corporate Services",
          "financeAgreement", "Director of Finance");

  private static final Map<String, String> DECISION_MAKER_GROUPS =
      Map.of(
          "CHIEF_OFFICER", Roles.CHIEF_OFFICERS,
          "PORTFOLIO_HOLDER", Roles.PORTFOLIO_HOLDERS,
          // The Executive decides in a meeting; democratic services record its decision.
          "EXECUTIVE", Roles.DEMOCRATIC_SERVICES);

  private static final Map<String, String> DECISION_MAKER_TITLES =
      Map.of(
          "CHIEF_OFFICER", "Chief Officer",
          "PORTFOLIO_HOLDER", "Portfolio Holder",
          "EXECUTIVE", "Executive");

  private final ProcurementDeadlines deadlines;
  private final ProcurementRegister register;
  private final ProcurementRegimes regimes;
  private final DecisionRoutes routes;

  /** The route table's names for the agreers, by the variable that holds each answer. */
  private static final Map<String, String> AGREER_OF_ANSWER =
      Map.of(
          "governanceAgreement", "GOVERNANCE_CONTRACTS",
          "corporateAgreement", "CORPORATE_SERVICES",
          "financeAgreement", "FINANCE");

  /**
   * Whether the route asks this director to agree to the procurement as recorded (seed 000 §10.7:
   * "for a procurement of this value").
   */
  public boolean asks(DelegateExecution execution, String answerVariable) {
    return askedAgreements(execution.getProcessBusinessKey()).contains(answerVariable);
  }

  private List<String> askedAgreements(String reference) {
    ProcurementRegister.Procurement procurement = register.require(reference);
    List<String> agreers =
        routes.agreers("PROCURE", procurement.estimatedValue(), procurement.keyDecision(), false);
    return AGREEMENTS.keySet().stream()
        .filter(answer -> agreers.contains(AGREER_OF_ANSWER.get(answer)))
        .toList();
  }

  public Date stepDue(DelegateExecution execution) {
    return deadlines.councilStepDue();
  }

  /**
   * The officer's case for a procurement the extension process started: strategy, value, regime.
   */
  public void prepared(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    CaseDetails details = caseDetails(checks, begun(task));
    checks.throwIfAny();
    details.handOver(task);
  }

  /** Task_RecordProcurementCase: the case the officer prepared, as the task checked it. */
  public void recordCase(DelegateExecution execution) {
    CaseDetails.handedOver(this, execution).record(execution);
  }

  /**
   * What the directors agree to: strategy, value, key decision and regime, as the officer last set
   * them.
   */
  private record CaseDetails(
      ProcurementApproval approval,
      String strategy,
      BigDecimal value,
      boolean keyDecision,
      String regime) {

    private static final List<String> FIELDS =
        List.of("procurementStrategy", "estimatedValue", "keyDecisionByOfficer", "regime");

    void handOver(DelegateTask task) {
      List<Object> values = List.of(strategy, value, keyDecision, regime);
      for (int i = 0; i < FIELDS.size(); i++) {
        CompletedTask.handOver(task, FIELDS.get(i), values.get(i));
      }
    }

    static CaseDetails handedOver(ProcurementApproval approval, DelegateExecution execution) {
      return new CaseDetails(
          approval,
          CompletedTask.get(execution, "procurementStrategy"),
          new BigDecimal(CompletedTask.get(execution, "estimatedValue")),
          Boolean.parseBoolean(CompletedTask.get(execution, "keyDecisionByOfficer")),
          CompletedTask.get(execution, "regime"));
    }

    void record(DelegateExecution execution) {
      approval.register.updateCase(execution.getProcessBusinessKey(), value, keyDecision, regime);
      execution.setVariable("procurementStrategy", strategy);
      execution.setVariable("estimatedValue", RegisterProcurement.pounds(value));
      execution.setVariable("estimatedValueText", RegisterProcurement.pounds(value));
      execution.setVariable("keyDecisionByOfficer", keyDecision);
      execution.setVariable("regime", regime);
      execution.setVariable("regimeName", approval.regimes.find(regime).orElseThrow().name());
    }
  }

  private CaseDetails caseDetails(FormChecks checks, LocalDate begun) {
    String strategy = checks.text("procurementStrategy", 4000);
    BigDecimal value = checks.amount("estimatedValue");
    boolean keyDecision = keyByOfficer(checks);
    String regime = checks.text("regime");
    if (regime != null) {
      regimes.problemFor(regime, begun).ifPresent(why -> checks.problem("regime", why));
    }
    return new CaseDetails(this, strategy, value, keyDecision, regime);
  }

  /**
   * The officer's own judgement that the procurement is key counts only with its reason, as the
   * extension's gateway report asks; the value and wards tests are the route table's.
   */
  static boolean keyByOfficer(FormChecks checks) {
    boolean keyDecision = checks.flag("keyDecisionByOfficer");
    checks.textIf(keyDecision, "keyDecisionReason", "say why the procurement is a key decision");
    checks.optionalText("keyDecisionReason", 2000);
    return keyDecision;
  }

  /** The day the procurement began: it decides which law governs it. */
  private LocalDate begun(DelegateTask task) {
    return register
        .require(task.getExecution().getProcessBusinessKey())
        .createdAt()
        .atZone(uk.gov.council.commissioning.calendar.WorkingDayCalendar.UK)
        .toLocalDate();
  }

  /** One director's answer: agreed or not, and the comments that go back to the officer if not. */
  public void agreementGiven(DelegateTask task, String answerVariable) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String answer = checks.oneOf(answerVariable, Set.of("AGREE", "DECLINE"));
    String commentsField = answerVariable + "Comments";
    checks.textIf(
        "DECLINE".equals(answer),
        commentsField,
        "say why you do not agree, for the officer to act on");
    String comments = checks.optionalText(commentsField, 2000);
    checks.throwIfAny();
    CompletedTask.handOver(task, answerVariable, answer);
    CompletedTask.handOver(task, commentsField, comments);
    CompletedTask.handOver(task, "by", ProcurementUsers.userOf(task));
    task.getExecution().setVariable(commentsField, comments);
  }

  /**
   * Recorded as this director's answer, as the task checked it: the variables are there for the
   * forms, but any director completing a task could set the others' too.
   */
  public void recordAgreement(DelegateExecution execution, String answerVariable) {
    register.recordAgreement(
        execution.getProcessBusinessKey(),
        answerVariable,
        CompletedTask.get(execution, answerVariable),
        CompletedTask.get(execution, answerVariable + "Comments"),
        CompletedTask.get(execution, "by"),
        deadlines.currentInstant());
  }

  /**
   * Whether all the route asked agreed to the case as it now stands, from their recorded answers.
   */
  public boolean allAgreed(DelegateExecution execution) {
    Map<String, ProcurementRegister.Agreement> answers =
        register.currentAgreements(execution.getProcessBusinessKey());
    return askedAgreements(execution.getProcessBusinessKey()).stream()
        .allMatch(a -> answers.containsKey(a) && "AGREE".equals(answers.get(a).answer()));
  }

  /**
   * The officer revises the case (all three are asked again, seeing what changed) or withdraws it.
   * A revision may change the value, key decision and regime as well as the strategy.
   */
  public void revised(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String revision = checks.oneOf("revision", Set.of("REVISE", "WITHDRAW"));
    String notes = checks.text("revisionNotes", 2000);
    CaseDetails details = "REVISE".equals(revision) ? caseDetails(checks, begun(task)) : null;
    checks.throwIfAny();
    if (details != null) {
      details.handOver(task);
      CompletedTask.handOver(task, "revisionNotes", notes);
    }
    TaskAnswers.decided(task, "revision", List.of("revisionNotes"));
  }

  /**
   * Task_RecordRevisedCase: the revised case as the task checked it. Everyone answers it afresh;
   * their earlier answers stay in the history.
   */
  public void recordRevisedCase(DelegateExecution execution) {
    CaseDetails.handedOver(this, execution).record(execution);
    register.supersedeAgreements(execution.getProcessBusinessKey());
    for (String answer : AGREEMENTS.keySet()) {
      execution.removeVariable(answer);
      execution.removeVariable(answer + "Comments");
    }
    execution.setVariable(
        "revisionText",
        "**Revised case.** What changed: "
            + MarkdownText.literal(CompletedTask.get(execution, "revisionNotes"))
            + "\n\nObjections to the earlier case:\n\n"
            + execution.getVariable("declineComments"));
  }

  /** Comments of those who did not agree, for the revise task (Markdown, the comments as typed). */
  public String declineComments(DelegateExecution execution) {
    List<String> lines = new ArrayList<>();
    Map<String, ProcurementRegister.Agreement> answers =
        register.currentAgreements(execution.getProcessBusinessKey());
    AGREEMENTS.forEach(
        (agreement, who) -> {
          ProcurementRegister.Agreement answer = answers.get(agreement);
          if (answer != null && "DECLINE".equals(answer.answer())) {
            lines.add("**" + who + "**: " + MarkdownText.literal(answer.comments()));
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
    ProcurementRegister.Procurement procurement =
        register.require(execution.getProcessBusinessKey());
    // The procurement's key-decision box is the officer's own judgement; the table also tests the
    // value against the council's threshold.
    routes.inputs(
        execution, "PROCURE", procurement.estimatedValue(), procurement.keyDecision(), false);
  }

  /** Records the table's choice: it decides whether to procure and later authorises the award. */
  public void recordRoute(DelegateExecution execution) {
    Object route = execution.getVariable("approvalRoute");
    if (route == null || !DECISION_MAKER_GROUPS.containsKey(route.toString())) {
      throw new IllegalStateException(
          "Procurement "
              + execution.getProcessBusinessKey()
              + ": the approval route table gave "
              + route);
    }
    register.setApprovalRoute(execution.getProcessBusinessKey(), route.toString());
  }

  /**
   * Before the key-decision call: the route taken again from the procurement as recorded, so the
   * decision maker, scrutiny, publication and call-in handed over cannot come from a variable a
   * task completion sent.
   */
  public void routeForDecision(DelegateExecution execution) {
    ProcurementRegister.Procurement procurement =
        register.require(execution.getProcessBusinessKey());
    routes.route(
        execution, "PROCURE", procurement.estimatedValue(), procurement.keyDecision(), false);
    if (!route(execution).equals(execution.getVariable("decisionMaker"))) {
      throw new IllegalStateException(
          "Procurement "
              + execution.getProcessBusinessKey()
              + ": the route changed since the directors were asked");
    }
  }

  /** What the decision forms show: the procurement, never a service user's details. */
  public String subject(DelegateExecution execution) {
    ProcurementRegister.Procurement procurement =
        register.require(execution.getProcessBusinessKey());
    return "Approval to procure: "
        + procurement.title()
        + " ("
        + execution.getProcessBusinessKey()
        + ")";
  }

  public String summary(DelegateExecution execution) {
    ProcurementRegister.Procurement procurement =
        register.require(execution.getProcessBusinessKey());
    return "Estimated whole-life value "
        + RegisterProcurement.pounds(procurement.estimatedValue())
        + "; regime "
        + regimes
            .find(procurement.regime())
            .map(ProcurementRegime::name)
            .orElse(procurement.regime())
        + "; agreed by "
        + String.join(
            ", ",
            askedAgreements(execution.getProcessBusinessKey()).stream()
                .map(AGREEMENTS::get)
                .sorted()
                .toList())
        + ".";
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

  public void approved(DelegateExecution execution) {
    register.setStatus(execution.getProcessBusinessKey(), "APPROVED");
  }

  /**
   * Whether the council already resolved to procure: a procurement started by a decided options
   * appraisal, whose report was the request for approval to procure (seed 000 §2, §4.8, §10.7). The
   * start reason is the register's, never a variable a task completion could send.
   */
  public boolean alreadyResolved(DelegateExecution execution) {
    return "OPTIONS_APPRAISAL"
            .equals(register.require(execution.getProcessBusinessKey()).startReason())
        && execution.getVariable("decisionReferenceMade") != null;
  }

  /**
   * The resolution recorded as the approval to procure: its decision maker also authorises the
   * award, and the variables are those the key-decision call returns after an approval, so the
   * later steps run as they do then.
   */
  public void resolvedByReport(DelegateExecution execution) {
    Object maker = execution.getVariable("decisionMaker");
    if (maker == null || !DECISION_MAKER_GROUPS.containsKey(maker.toString())) {
      throw new IllegalStateException(
          "Procurement "
              + execution.getProcessBusinessKey()
              + ": the resolution to procure names no known decision maker ("
              + maker
              + ")");
    }
    register.setApprovalRoute(execution.getProcessBusinessKey(), maker.toString());
    execution.setVariable("decisionOutcome", "APPROVED");
    execution.setVariable("approvalDecisionMade", "APPROVE");
    approved(execution);
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
      throw new IllegalStateException(
          "Procurement " + execution.getProcessBusinessKey() + " has no decision maker");
    }
    return route;
  }
}
