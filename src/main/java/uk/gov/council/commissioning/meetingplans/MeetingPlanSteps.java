package uk.gov.council.commissioning.meetingplans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.DeadlineRule;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.escalation.Escalations;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.meetingplans.MeetingPlan.Action;
import uk.gov.council.commissioning.meetingplans.MeetingPlanRegister.PlanRow;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The steps of {@code meeting-improvement-plan.bpmn} (seed 001 Part 3.1 §5): the provider writes
 * the plan from the actions agreed at the meeting, the council agrees it or sends it back with
 * reasons, and each action is followed until the council has validated it complete. The plan, its
 * provider and its actions are read from the register by the case's business key; the action a path
 * follows is its multi-instance element, {@code actionNumber}.
 */
@Component("meetingPlanSteps")
@RequiredArgsConstructor
public class MeetingPlanSteps {

  public static final String PROCESS_KEY = "meeting-improvement-plan";
  static final String CASE_TYPE = "MEETING_PLAN";
  static final String PLAN = "PLAN";
  static final String SECTION = "001 Part 3.1 §5";
  static final String MEETING_ID = "meetingId";
  static final String ACTION = "actionNumber";

  static final String WRITE_FORM = "meeting-plan-write";
  static final String AGREE_FORM = "meeting-plan-agree";
  static final String REQUEST_FORM = "meeting-plan-request-validation";
  static final String VALIDATE_FORM = "meeting-plan-validate-action";
  static final String CHASE_FORM = "meeting-plan-chase-action";

  static final String AGREE = "AGREE";
  static final String REWORK = "REWORK";
  static final String ACCEPT = "ACCEPT";
  static final String REJECT = "REJECT";

  /** Answers of each task, opened empty on each round. */
  private static final List<String> ANSWERS =
      List.of(
          PlanActionLines.FIELD,
          "planDecision",
          "reworkReasons",
          "evidence",
          "validationDecision",
          "rejectionReasons",
          "chaseNote");

  private final MeetingPlanRegister register;
  private final MeetingPlanProperties properties;
  private final ObjectProvider<AgreedActions> agreedActions;
  private final Deadlines deadlines;
  private final CaseMail mail;
  private final Escalations escalations;
  private final RecipientDirectory recipients;
  private final Clock clock;

  /** The business key of the plan after meeting {@code meetingId}. */
  public static String businessKey(long meetingId) {
    return "MIP-" + meetingId;
  }

  /** The provider's own group, from the register: the only group that gets the provider's tasks. */
  public String providerGroup(DelegateExecution execution) {
    return plan(execution).meeting().providerGroup();
  }

  /** The plan's register row and the deadline for the provider's first version. */
  public void open(DelegateExecution execution) {
    long meetingId = ((Number) execution.getVariable(MEETING_ID)).longValue();
    register.openPlan(
        meetingId,
        execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(),
        clock.instant());
    scheduleWriting(execution);
  }

  /** Emails the provider: write the improvement plan from the meeting's actions. */
  public void requestPlan(DelegateExecution execution) {
    PlanRow plan = plan(execution);
    mail.send(
        execution,
        "meeting-improvement-plan/plan-needed",
        providerEmails(plan),
        values(execution, plan));
  }

  public Date agreeDue() {
    return deadlines.taskDue(properties.agreeWorkingDays());
  }

  public Date validateDue() {
    return deadlines.taskDue(properties.validateWorkingDays());
  }

  public Date chaseDue() {
    return deadlines.taskDue(properties.chaseWorkingDays());
  }

  /**
   * What the plan's forms show: the meeting, the actions (as the provider last wrote them, or as
   * agreed at the meeting before the first version) and the council's reasons for sending it back.
   * The answers open empty.
   */
  public void showPlan(DelegateTask task) {
    PlanRow plan = plan(task.getExecution());
    List<PlanActionLines.Line> lines =
        register.actions(plan.id()).stream()
            .map(a -> new PlanActionLines.Line(a.description(), a.owner(), a.targetDate()))
            .toList();
    if (lines.isEmpty()) {
      AgreedActions minutes = agreedActions.getIfAvailable();
      lines =
          minutes == null ? List.of() : PlanActionLines.of(minutes.of(plan.meeting().meetingId()));
    }
    clearAnswers(task);
    task.setVariableLocal("meetingText", meetingText(plan.meeting()));
    task.setVariableLocal("reworkReasonsText", plan.reworkReasons());
    task.setVariableLocal("actionsText", PlanActionLines.format(lines));
    if (WRITE_FORM.equals(formOf(task))) {
      task.setVariableLocal(PlanActionLines.FIELD, PlanActionLines.format(lines));
    }
  }

  /** The provider's plan: every action with an owner and a target date still to come. */
  public void planWritten(DelegateTask task) {
    // The form opens with the actions on the task; a completion through the API puts its answer on
    // the case, which then stands before the task's opening value.
    if (task.getExecution().hasVariable(PlanActionLines.FIELD)) {
      task.setVariableLocal(
          PlanActionLines.FIELD, task.getExecution().getVariable(PlanActionLines.FIELD));
    }
    TaskAnswers.moveOntoTask(task, List.of(PlanActionLines.FIELD));
    FormChecks form = new FormChecks(WRITE_FORM, task).againstForm(WRITE_FORM);
    String text = form.optionalText(PlanActionLines.FIELD, 20000);
    PlanActionLines.Parsed parsed = PlanActionLines.parse(text, today());
    parsed.problems().forEach(p -> form.problem(PlanActionLines.FIELD, p));
    form.throwIfAny();
    CompletedTask.handOver(task, PlanActionLines.FIELD, text);
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /** The plan the task checked replaces the actions and goes to the council. */
  public void recordPlan(DelegateExecution execution) {
    PlanRow plan = plan(execution);
    Instant now = clock.instant();
    List<PlanActionLines.Line> lines =
        PlanActionLines.parse(CompletedTask.get(execution, PlanActionLines.FIELD), LocalDate.MIN)
            .lines();
    register.recordPlan(plan.id(), lines, CompletedTask.get(execution, "by"), now);
    deadlines.met(ref(execution), PLAN, now);
  }

  /** The provider did not send the plan in time: marked missed, the provider and officers told. */
  public void planOverdue(DelegateExecution execution) {
    PlanRow plan = plan(execution);
    deadlines.missed(ref(execution), PLAN);
    List<String> to = new ArrayList<>(providerEmails(plan));
    to.addAll(recipients.emailsOfGroup(Roles.COMMISSIONING_OFFICERS));
    mail.send(
        execution,
        "meeting-improvement-plan/plan-overdue",
        plan.round() + 1,
        to,
        values(execution, plan));
  }

  /** The council's answer: agree, or send back with the reasons. */
  public void agreed(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of("planDecision", "reworkReasons"));
    FormChecks form = new FormChecks(AGREE_FORM, task).againstForm(AGREE_FORM);
    String decision = form.oneOf("planDecision", Set.of(AGREE, REWORK));
    form.textIf(
        REWORK.equals(decision),
        "reworkReasons",
        "say why the plan goes back and what the provider should change");
    form.throwIfAny();
    CompletedTask.handOver(task, "planDecision", decision);
    CompletedTask.handOver(task, "reworkReasons", trimmed(task.getVariableLocal("reworkReasons")));
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /**
   * Agreed: the plan is live and each action's target date a deadline. Sent back: the reasons are
   * kept for the provider and a new time to write it set.
   */
  public void recordAgreement(DelegateExecution execution) {
    PlanRow plan = plan(execution);
    boolean agreed = AGREE.equals(CompletedTask.get(execution, "planDecision"));
    execution.setVariable("planAgreed", agreed);
    if (!agreed) {
      register.recordRework(plan.id(), CompletedTask.get(execution, "reworkReasons"));
      scheduleWriting(execution);
      return;
    }
    register.recordAgreed(plan.id(), CompletedTask.get(execution, "by"), clock.instant());
    List<Integer> numbers = new ArrayList<>();
    for (Action action : register.actions(plan.id())) {
      deadlines.scheduleAt(
          ref(execution),
          actionKind(action.number()),
          deadlines.endOf(action.targetDate()),
          SECTION);
      numbers.add(action.number());
    }
    execution.setVariable("actionNumbers", numbers);
  }

  /** Emails the provider the council's reasons for sending the plan back. */
  public void sendRework(DelegateExecution execution) {
    PlanRow plan = plan(execution);
    Map<String, Object> values = values(execution, plan);
    values.put("reworkReasons", plan.reworkReasons());
    mail.send(
        execution, "meeting-improvement-plan/rework", plan.round(), providerEmails(plan), values);
  }

  /** Emails the provider the plan is agreed, with its actions and their target dates. */
  public void sendAgreed(DelegateExecution execution) {
    PlanRow plan = plan(execution);
    mail.send(
        execution,
        "meeting-improvement-plan/agreed",
        providerEmails(plan),
        values(execution, plan));
  }

  /** The target date of the action this path follows: its timer and its tasks' due date. */
  public Date actionTargetDate(DelegateExecution execution) {
    return deadlines.timer(execution, actionKind(actionNumber(execution)));
  }

  /** What the action's forms show: the action, its status and the reasons last given. */
  public void showAction(DelegateTask task) {
    Action action = action(task.getExecution());
    clearAnswers(task);
    task.setVariableLocal("meetingText", meetingText(plan(task.getExecution()).meeting()));
    task.setVariableLocal("actionText", actionText(action));
    task.setVariableLocal("evidenceText", action.evidence());
    task.setVariableLocal("rejectionReasonsText", action.rejectionReasons());
  }

  /** §5: the provider asks for the action to be validated as complete, with its evidence. */
  public void validationRequested(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of("evidence"));
    FormChecks form = new FormChecks(REQUEST_FORM, task).againstForm(REQUEST_FORM);
    String evidence = form.text("evidence", 4000);
    form.throwIfAny();
    CompletedTask.handOver(task, "evidence", evidence);
  }

  public void recordValidationRequest(DelegateExecution execution) {
    register.recordValidationRequest(
        plan(execution).id(),
        actionNumber(execution),
        CompletedTask.get(execution, "evidence"),
        clock.instant());
  }

  /** The council validates the action complete, or rejects the request with reasons. */
  public void validated(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of("validationDecision", "rejectionReasons"));
    FormChecks form = new FormChecks(VALIDATE_FORM, task).againstForm(VALIDATE_FORM);
    String decision = form.oneOf("validationDecision", Set.of(ACCEPT, REJECT));
    form.textIf(
        REJECT.equals(decision),
        "rejectionReasons",
        "say why the action is not yet complete and what evidence is missing");
    form.throwIfAny();
    CompletedTask.handOver(task, "validationDecision", decision);
    CompletedTask.handOver(
        task, "rejectionReasons", trimmed(task.getVariableLocal("rejectionReasons")));
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /** Validated: the action is complete and its deadline met. Rejected: open again, with reasons. */
  public void recordValidation(DelegateExecution execution) {
    PlanRow plan = plan(execution);
    int number = actionNumber(execution);
    boolean accepted = ACCEPT.equals(CompletedTask.get(execution, "validationDecision"));
    execution.setVariableLocal("actionValidated", accepted);
    if (accepted) {
      Instant now = clock.instant();
      register.recordValidated(plan.id(), number, CompletedTask.get(execution, "by"), now);
      deadlines.met(ref(execution), actionKind(number), now);
    } else {
      register.recordRejected(plan.id(), number, CompletedTask.get(execution, "rejectionReasons"));
    }
  }

  /** Emails the provider why the action is not yet validated complete. */
  public void sendRejection(DelegateExecution execution) {
    PlanRow plan = plan(execution);
    Action action = action(execution);
    Map<String, Object> values = actionValues(execution, plan, action);
    values.put("rejectionReasons", action.rejectionReasons());
    // Once per action and rejection: action 3's second rejection is round 3002.
    mail.send(
        execution,
        "meeting-improvement-plan/action-rejected",
        action.number() * 1000 + action.rejections(),
        providerEmails(plan),
        values);
  }

  /**
   * The action's target date passed before it was validated complete: a MISSED breach against the
   * provider (once), the provider and the contracts managers told, and a chase for the contracts
   * managers showing why.
   */
  public void actionOverdue(DelegateExecution execution) {
    PlanRow plan = plan(execution);
    Action action = action(execution);
    Instant now = clock.instant();
    deadlines.missed(
        ref(execution),
        actionKind(action.number()),
        plan.meeting().providerId(),
        "Improvement action "
            + action.number()
            + " not complete by its target date "
            + action.targetDate());
    register.recordOverdue(plan.id(), action.number(), now);
    List<String> to = new ArrayList<>(providerEmails(plan));
    to.addAll(recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS));
    escalations.escalate(
        execution,
        "meeting-improvement-plan/action-overdue",
        action.number(),
        to,
        actionValues(execution, plan, action));
  }

  /** The contracts manager's note of how the overdue action was chased. */
  public void chased(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of("chaseNote"));
    FormChecks form = new FormChecks(CHASE_FORM, task).againstForm(CHASE_FORM);
    form.text("chaseNote", 4000);
    form.throwIfAny();
  }

  /** Every action is validated complete: the plan closes. */
  public void close(DelegateExecution execution) {
    register.close(plan(execution).id(), clock.instant());
  }

  public void sendClosed(DelegateExecution execution) {
    PlanRow plan = plan(execution);
    List<String> to = new ArrayList<>(providerEmails(plan));
    to.addAll(recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS));
    mail.send(execution, "meeting-improvement-plan/closed", to, values(execution, plan));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void scheduleWriting(DelegateExecution execution) {
    deadlines.schedule(
        ref(execution),
        PLAN,
        DeadlineRule.workingDays(properties.planWorkingDays(), SECTION),
        clock.instant());
  }

  static String actionKind(int number) {
    return "ACTION_" + number;
  }

  private static int actionNumber(DelegateExecution execution) {
    return ((Number) execution.getVariable(ACTION)).intValue();
  }

  private Action action(DelegateExecution execution) {
    int number = actionNumber(execution);
    return register.actions(plan(execution).id()).stream()
        .filter(a -> a.number() == number)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Case " + execution.getProcessBusinessKey() + " has no action " + number));
  }

  PlanRow plan(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    return register
        .plan(reference)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No meeting improvement plan " + reference + " in the register"));
  }

  private List<String> providerEmails(PlanRow plan) {
    return recipients.emailsOfGroup(plan.meeting().providerGroup());
  }

  private Map<String, Object> values(DelegateExecution execution, PlanRow plan) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("caseReference", execution.getProcessBusinessKey());
    values.put("contractReference", plan.meeting().contractReference());
    values.put("contractTitle", plan.meeting().contractTitle());
    values.put("providerName", plan.meeting().providerName());
    values.put("meetingDate", plan.meeting().meetingDate());
    values.put(
        "planDue",
        deadlines.find(ref(execution), PLAN).map(d -> Deadlines.describe(d.dueAt())).orElse("-"));
    values.put("actions", actionsText(register.actions(plan.id())));
    return values;
  }

  private Map<String, Object> actionValues(
      DelegateExecution execution, PlanRow plan, Action action) {
    Map<String, Object> values = values(execution, plan);
    values.put("actionNumber", action.number());
    values.put("action", actionText(action));
    values.put("targetDate", action.targetDate());
    return values;
  }

  static String meetingText(MeetingFacts meeting) {
    return meeting.contractReference()
        + " "
        + meeting.contractTitle()
        + " ("
        + meeting.providerName()
        + "), meeting of "
        + meeting.meetingDate();
  }

  static String actionText(Action action) {
    return action.number()
        + ". "
        + action.description()
        + " (owner: "
        + action.owner()
        + "; target date: "
        + action.targetDate()
        + ")";
  }

  private static String actionsText(List<Action> actions) {
    if (actions.isEmpty()) {
      return "(none yet)";
    }
    return String.join("\n", actions.stream().map(MeetingPlanSteps::actionText).toList());
  }

  private static void clearAnswers(DelegateTask task) {
    for (String answer : ANSWERS) {
      task.getExecution().getProcessInstance().removeVariable(answer);
    }
    String form = formOf(task);
    for (String answer : answersOf(form)) {
      task.setVariableLocal(answer, null);
    }
  }

  private static List<String> answersOf(String form) {
    return switch (form == null ? "" : form) {
      case WRITE_FORM -> List.of(PlanActionLines.FIELD);
      case AGREE_FORM -> List.of("planDecision", "reworkReasons");
      case REQUEST_FORM -> List.of("evidence");
      case VALIDATE_FORM -> List.of("validationDecision", "rejectionReasons");
      case CHASE_FORM -> List.of("chaseNote");
      default -> List.of();
    };
  }

  private static String formOf(DelegateTask task) {
    return switch (task.getTaskDefinitionKey()) {
      case "Task_WritePlan" -> WRITE_FORM;
      case "Task_AgreePlan" -> AGREE_FORM;
      case "Task_RequestValidation" -> REQUEST_FORM;
      case "Task_ValidateAction" -> VALIDATE_FORM;
      case "Task_ChaseOverdueAction" -> CHASE_FORM;
      default -> null;
    };
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }

  static CaseRef ref(DelegateExecution execution) {
    return CaseRef.of(CASE_TYPE, execution);
  }

  private static String trimmed(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
