package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * What the improvement plan process (seed 001 3.3 §3.4) records as it goes. Task listeners check
 * each form with {@link FormChecks} (a refused form leaves the task open, every wrong field named)
 * and write it to the register; the plan, its provider and its deadlines are always read from the
 * register by the case's business key, never from variables a task completion could overwrite.
 */
@Component("improvementPlanSteps")
@RequiredArgsConstructor
public class ImprovementPlanSteps {

  public static final String CASE_TYPE = "QAF_IMPROVEMENT_PLAN";
  public static final String REQUIREMENT = "IMPROVEMENT_PLAN";

  static final String ACCEPT = "ACCEPT";
  static final String SEND_BACK = "SEND_BACK";
  static final String ISSUE = "ISSUE";
  static final String NO_NOTICE = "NO_NOTICE";
  private static final Set<String> REVIEW_DECISIONS = Set.of(ACCEPT, SEND_BACK);
  private static final Set<String> OUTCOMES =
      Set.of(ImprovementPlan.IMPROVED, ImprovementPlan.NOT_IMPROVED);
  // An improved standard is better than D (3.4 §5.3: the minimum standard is C).
  private static final Set<String> IMPROVED_GRADES = Set.of("A", "B", "C");

  /** What the provider's form (first plan and revision) may put on the case. */
  static final Set<String> PROVIDER_FIELDS =
      Set.of("planActions", "responsiblePerson", "targetDates", "evidenceOfImprovement");

  /**
   * The case's own variables: those the start gives and those the steps set. Anything else found on
   * the case when the provider completes a task came with that completion and is removed, so a
   * provider cannot pre-set a council decision or plant a value a council form would open with.
   */
  static final Set<String> CASE_VARIABLES =
      Set.of(
          "assessmentId",
          "objective",
          "qafNumber",
          "financialYear",
          "contractReference",
          "contractTitle",
          "providerName",
          "providerGroup",
          "planDue",
          "reviewComments",
          "resubmissionDue",
          "planAccepted",
          "validationDue",
          "improved",
          "issueDefaultNotice",
          "escalationMessage");

  /**
   * The answers of the council's tasks, kept on the task (see keepOnTask): the provider reads the
   * case's variables through its own later tasks, and the reviewers' comments reach it only as
   * reviewComments.
   */
  static final Map<String, List<String>> COUNCIL_ANSWERS =
      Map.of(
          "Task_ChaseImprovementPlan", List.of("chaseAction"),
          "Task_ChaseRevisedImprovementPlan", List.of("chaseAction"),
          "Task_ReviewPlanPurchasingOfficer", List.of("officerDecision", "officerComments"),
          "Task_ReviewPlanContractsManager", List.of("managerDecision", "managerComments"),
          "Task_ValidateImprovement",
              List.of("validationOutcome", "newGrade", "validationFindings"),
          "Task_ReportToCoreStrategyGroup",
              List.of("csgReport", "defaultNoticeDecision", "defaultNoticeReasons"));

  /**
   * The register's column for each text field (V8__qaf_improvement_plan_content.sql); the chase,
   * which is not stored, its form's limit.
   */
  static final Map<String, Integer> MAX_LENGTH =
      Map.of(
          "planActions",
          4000,
          "responsiblePerson",
          200,
          "targetDates",
          2000,
          "evidenceOfImprovement",
          4000,
          "officerComments",
          2000,
          "managerComments",
          2000,
          "validationFindings",
          4000,
          "csgReport",
          4000,
          "defaultNoticeReasons",
          2000,
          "chaseAction",
          4000);

  private final ImprovementPlanRegister register;
  private final ImprovementPlanDeadlines deadlines;
  private final ImprovementPlanNotifications notifications;
  private final DeadlineBreaches breaches;

  private final Deadlines caseDeadlines;
  private final Clock clock;

  /** The provider's own group, from the register: the only group that gets the provider's tasks. */
  public String providerGroup(DelegateExecution execution) {
    return plan(execution).organisationGroup();
  }

  /** The plan's deadline for the forms, and the provider told a plan is needed. */
  public void started(DelegateExecution execution) {
    ImprovementPlan plan = plan(execution);
    // Fixed dates from the final "D" (§3.4: two weeks), each a UK midnight: the end of the day
    // before.
    CaseRef ref = ref(execution);
    DeadlineRows.fixedAt(
        caseDeadlines,
        ref,
        ImprovementPlanDeadlines.PLAN,
        plan.planDueAt(),
        ImprovementPlanDeadlines.SECTION);
    DeadlineRows.fixedAt(
        caseDeadlines,
        ref,
        ImprovementPlanDeadlines.REMINDER,
        deadlines.reminderAt(plan.planDueAt()),
        ImprovementPlanDeadlines.SECTION);
    execution.setVariable("planDue", ImprovementPlanTimes.text(plan.planDueAt()));
    notifications.requested(execution, plan);
  }

  /**
   * The provider's plan (first submission or a revision). The first submission is measured against
   * the two weeks: after them it is recorded as a LATE breach.
   */
  public void submitted(DelegateTask task) {
    providerFieldsOnly(task);
    FormChecks form = new FormChecks("qaf-improvement-plan-submit", task);
    String actions = form.text("planActions");
    String responsible = form.text("responsiblePerson");
    String targetDates = form.text("targetDates");
    String evidence = form.text("evidenceOfImprovement");
    maxLength(form, task, PROVIDER_FIELDS);
    form.throwIfAny();
    ImprovementPlan plan = plan(task.getExecution());
    Instant now = clock.instant();
    register.recordSubmission(
        plan.id(), actions, responsible, targetDates, evidence, currentUser(task), now);
    CaseRef ref = ref(task.getExecution());
    if (plan.submittedAt() == null) {
      caseDeadlines.met(ref, ImprovementPlanDeadlines.PLAN, now);
      DeadlineRows.waiveIfOpen(caseDeadlines, ref, ImprovementPlanDeadlines.REMINDER);
    } else {
      caseDeadlines.met(ref, ImprovementPlanDeadlines.RESUBMISSION, now);
    }
    if (plan.submittedAt() == null && now.isAfter(plan.planDueAt())) {
      Duration late = Duration.between(plan.planDueAt(), now);
      breaches.record(
          CASE_TYPE,
          plan.caseReference(),
          plan.providerId(),
          REQUIREMENT,
          Kind.LATE,
          plan.planDueAt(),
          now,
          "The improvement plan arrived "
              + late.toDays()
              + " day(s) "
              + late.toHoursPart()
              + " h after its deadline ("
              + ImprovementPlanTimes.text(plan.planDueAt())
              + ")");
    }
  }

  /** The purchasing officer's review (the commissioning officers group). */
  public void reviewedByPurchasingOfficer(DelegateTask task) {
    keepOnTask(task);
    Review review =
        review(task, "qaf-improvement-plan-review-officer", "officerDecision", "officerComments");
    register.recordOfficerReview(
        plan(task.getExecution()).id(), review.decision(), review.comments(), currentUser(task));
  }

  /** The contracts manager's review. */
  public void reviewedByContractsManager(DelegateTask task) {
    keepOnTask(task);
    Review review =
        review(task, "qaf-improvement-plan-review-manager", "managerDecision", "managerComments");
    register.recordManagerReview(
        plan(task.getExecution()).id(), review.decision(), review.comments(), currentUser(task));
  }

  private record Review(String decision, String comments) {}

  private static Review review(
      DelegateTask task, String formId, String decisionField, String commentsField) {
    FormChecks form = new FormChecks(formId, task);
    String decision = form.oneOf(decisionField, REVIEW_DECISIONS);
    form.textIf(
        SEND_BACK.equals(decision),
        commentsField,
        "say what the provider must change when sending the plan back");
    maxLength(form, task, List.of(commentsField));
    form.throwIfAny();
    Object comments = task.getVariableLocal(commentsField);
    return new Review(
        decision,
        comments == null || comments.toString().isBlank() ? null : comments.toString().trim());
  }

  /**
   * Both reviews are in. Accepted by both: the validation date is set (§3.4 "after a further period
   * of one month"). Sent back by either: the provider gets both sets of comments and a short
   * deadline for the revision; the original deadline is not moved.
   */
  public void recordReviews(DelegateExecution execution) {
    ImprovementPlan plan = plan(execution);
    boolean accepted =
        ACCEPT.equals(plan.officerDecision()) && ACCEPT.equals(plan.managerDecision());
    execution.setVariable("planAccepted", accepted);
    if (accepted) {
      Instant now = clock.instant();
      Instant validationDue = deadlines.validationDue(plan.planDueAt(), now);
      register.recordAccepted(plan.id(), now, validationDue);
      DeadlineRows.fixedAt(
          caseDeadlines,
          ref(execution),
          ImprovementPlanDeadlines.VALIDATION,
          validationDue,
          ImprovementPlanDeadlines.SECTION);
      ImprovementPlan acceptedPlan = plan(execution);
      execution.setVariable(
          "validationDue", ImprovementPlanTimes.text(acceptedPlan.validationDueAt()));
      notifications.accepted(execution, acceptedPlan);
      return;
    }
    Instant due =
        caseDeadlines.schedule(
            ref(execution),
            ImprovementPlanDeadlines.RESUBMISSION,
            deadlines.resubmission(),
            clock.instant());
    register.recordSentBack(plan.id(), due);
    String comments =
        "Purchasing officer ("
            + label(plan.officerDecision())
            + "): "
            + orNone(plan.officerComments())
            + "\n\nContracts manager ("
            + label(plan.managerDecision())
            + "): "
            + orNone(plan.managerComments());
    execution.setVariable("reviewComments", comments);
    notifications.sentBack(execution, plan(execution), comments, ImprovementPlanTimes.text(due));
  }

  /** An escalation task: what was done to chase the provider. */
  public void chased(DelegateTask task) {
    keepOnTask(task);
    FormChecks form = new FormChecks("qaf-improvement-plan-chase", task);
    form.text("chaseAction");
    maxLength(form, task, List.of("chaseAction"));
    form.throwIfAny();
  }

  /**
   * The validation a month on: improved (with the new grade, A to C) or not (with the findings).
   */
  public void validated(DelegateTask task) {
    keepOnTask(task);
    FormChecks form = new FormChecks("qaf-improvement-plan-validate", task);
    String outcome = form.oneOf("validationOutcome", OUTCOMES);
    String newGrade = null;
    if (ImprovementPlan.IMPROVED.equals(outcome)) {
      Object grade = task.getVariableLocal("newGrade");
      newGrade = grade == null ? null : grade.toString().trim().toUpperCase(java.util.Locale.ROOT);
      if (newGrade == null || newGrade.isEmpty()) {
        form.problem("newGrade", "is required when the standard has improved");
      } else if ("D".equals(newGrade)) {
        form.problem(
            "newGrade", "an improved standard is graded A, B or C; D means it has not improved");
      } else if (!IMPROVED_GRADES.contains(newGrade)) {
        form.problem("newGrade", "must be one of A, B, C");
      }
    }
    form.textIf(
        ImprovementPlan.NOT_IMPROVED.equals(outcome),
        "validationFindings",
        "say what was found when the standard has not improved");
    maxLength(form, task, List.of("validationFindings"));
    form.throwIfAny();
    Object findings = task.getVariableLocal("validationFindings");
    Instant now = clock.instant();
    caseDeadlines.met(ref(task.getExecution()), ImprovementPlanDeadlines.VALIDATION, now);
    register.recordValidation(
        plan(task.getExecution()).id(),
        outcome,
        newGrade,
        findings == null || findings.toString().isBlank() ? null : findings.toString().trim(),
        currentUser(task),
        now);
    task.getExecution().setVariable("improved", ImprovementPlan.IMPROVED.equals(outcome));
  }

  /**
   * §3.4: the contracts manager reports to the Core Strategy Group and decides on a default notice.
   */
  public void reportedToCoreStrategyGroup(DelegateTask task) {
    keepOnTask(task);
    FormChecks form = new FormChecks("qaf-improvement-plan-csg", task);
    String report = form.text("csgReport");
    String decision = form.oneOf("defaultNoticeDecision", Set.of(ISSUE, NO_NOTICE));
    String reasons = form.text("defaultNoticeReasons");
    maxLength(form, task, List.of("csgReport", "defaultNoticeReasons"));
    form.throwIfAny();
    boolean issue = ISSUE.equals(decision);
    register.recordCsgReport(
        plan(task.getExecution()).id(), report, issue, reasons, currentUser(task), clock.instant());
    task.getExecution().setVariable("issueDefaultNotice", issue);
  }

  /**
   * Declares a council task's answers on the task itself, each starting empty, so the form opens
   * blank and Tasklist's submission lands on the task; anything of the same name already on the
   * case (put there before the task existed, by whoever) is removed so it cannot stand in for an
   * answer.
   */
  public void councilAnswers(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    for (String name : councilFields(task)) {
      removeFromCase(execution, name);
      task.setVariableLocal(name, null);
    }
  }

  /**
   * Keeps a council task's answers with the task (Cockpit and history show them) and off the case,
   * which the provider reads through its own tasks. A completion through the API puts the answers
   * on the case, so they are moved onto the task before they are checked; the checks then read the
   * task's own values, and the listener copies to the case only what a gateway needs.
   */
  static void keepOnTask(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    for (String name : councilFields(task)) {
      Object value = task.getVariableLocal(name);
      if (value == null) {
        value = execution.getVariable(name);
      }
      task.setVariableLocal(name, value);
      removeFromCase(execution, name);
    }
  }

  private static void removeFromCase(DelegateExecution execution, String name) {
    while (execution.hasVariable(name)) {
      execution.removeVariable(name);
    }
  }

  /** Removes from the case whatever the provider's completion brought that is not on its form. */
  static void providerFieldsOnly(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    for (String name : Set.copyOf(execution.getVariableNames())) {
      if (!PROVIDER_FIELDS.contains(name) && !CASE_VARIABLES.contains(name)) {
        removeFromCase(execution, name);
      }
    }
    for (String name : Set.copyOf(task.getVariableNamesLocal())) {
      if (!PROVIDER_FIELDS.contains(name)) {
        task.removeVariableLocal(name);
      }
    }
  }

  /**
   * Each field within its register column, so a long answer is refused by name, not by the
   * database.
   */
  static void maxLength(FormChecks form, DelegateTask task, java.util.Collection<String> fields) {
    for (String field : fields) {
      Object value = task.getVariable(field);
      int max = MAX_LENGTH.get(field);
      if (value != null && value.toString().trim().length() > max) {
        form.problem(
            field,
            "at most " + max + " characters (" + value.toString().trim().length() + " given)");
      }
    }
  }

  private static List<String> councilFields(DelegateTask task) {
    return COUNCIL_ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of());
  }

  public void close(DelegateExecution execution) {
    ImprovementPlan plan = plan(execution);
    register.close(plan.id(), clock.instant());
    notifications.closed(execution, plan(execution));
  }

  ImprovementPlan plan(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    return register
        .findByCaseReference(reference)
        .orElseThrow(
            () ->
                new IllegalStateException("No improvement plan " + reference + " in the register"));
  }

  static CaseRef ref(DelegateExecution execution) {
    return CaseRef.of(CASE_TYPE, execution);
  }

  private static String currentUser(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static String label(String decision) {
    return ACCEPT.equals(decision) ? "accepted" : "sent back";
  }

  private static String orNone(String comments) {
    return comments == null ? "no comments" : comments;
  }
}
