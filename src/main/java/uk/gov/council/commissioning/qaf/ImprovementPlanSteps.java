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
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.tasks.TaskAnswers;

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

  /** The plan's deadline and its reminder, and the deadline for the forms. */
  public void recordDeadlines(DelegateExecution execution) {
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
  }

  /** The provider is told a plan is needed, and by when. */
  public void requestPlan(DelegateExecution execution) {
    notifications.requested(execution, plan(execution));
  }

  /** The provider's plan (first submission or a revision): every part of it is required. */
  public void submitted(DelegateTask task) {
    providerFieldsOnly(task);
    FormChecks form =
        new FormChecks("qaf-improvement-plan-submit", task)
            .againstForm("qaf-improvement-plan-submit");
    String actions = form.text("planActions");
    String responsible = form.text("responsiblePerson");
    String targetDates = form.text("targetDates");
    String evidence = form.text("evidenceOfImprovement");
    form.throwIfAny();
    CompletedTask.handOver(task, "planActions", actions);
    CompletedTask.handOver(task, "responsiblePerson", responsible);
    CompletedTask.handOver(task, "targetDates", targetDates);
    CompletedTask.handOver(task, "evidenceOfImprovement", evidence);
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /**
   * The plan the provider's task checked. The first submission is measured against the two weeks:
   * after them it is recorded as a LATE breach.
   */
  public void recordSubmission(DelegateExecution execution) {
    ImprovementPlan plan = plan(execution);
    Instant now = clock.instant();
    register.recordSubmission(
        plan.id(),
        CompletedTask.get(execution, "planActions"),
        CompletedTask.get(execution, "responsiblePerson"),
        CompletedTask.get(execution, "targetDates"),
        CompletedTask.get(execution, "evidenceOfImprovement"),
        CompletedTask.get(execution, "by"),
        now);
    CaseRef ref = ref(execution);
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
    review(task, "qaf-improvement-plan-review-officer", "officer");
  }

  /** The purchasing officer's review, as the task checked it. */
  public void recordOfficerReview(DelegateExecution execution) {
    recordReview(execution, "officer", register::recordOfficerReview);
  }

  /** The contracts manager's review. */
  public void reviewedByContractsManager(DelegateTask task) {
    keepOnTask(task);
    review(task, "qaf-improvement-plan-review-manager", "manager");
  }

  /** The contracts manager's review, as the task checked it. */
  public void recordManagerReview(DelegateExecution execution) {
    recordReview(execution, "manager", register::recordManagerReview);
  }

  /** Where a review is written: the purchasing officer's or the contracts manager's columns. */
  private interface ReviewColumns {
    void record(long plan, String decision, String comments, String by);
  }

  private void recordReview(DelegateExecution execution, String reviewer, ReviewColumns columns) {
    columns.record(
        plan(execution).id(),
        CompletedTask.get(execution, reviewer + "Decision"),
        CompletedTask.get(execution, reviewer + "Comments"),
        CompletedTask.get(execution, reviewer + "ReviewBy"));
  }

  /**
   * Checks a review (its fields are {@code reviewer}Decision and {@code reviewer}Comments) and
   * hands it to the step that records it, under those names: the two reviews run side by side.
   */
  private static void review(DelegateTask task, String formId, String reviewer) {
    String decisionField = reviewer + "Decision";
    String commentsField = reviewer + "Comments";
    FormChecks form = new FormChecks(formId, task).againstForm(formId);
    String decision = form.oneOf(decisionField, REVIEW_DECISIONS);
    form.textIf(
        SEND_BACK.equals(decision),
        commentsField,
        "say what the provider must change when sending the plan back");
    form.throwIfAny();
    Object comments = task.getVariableLocal(commentsField);
    CompletedTask.handOver(task, decisionField, decision);
    CompletedTask.handOver(
        task,
        commentsField,
        comments == null || comments.toString().isBlank() ? null : comments.toString().trim());
    CompletedTask.handOver(task, reviewer + "ReviewBy", CompletedTask.completedBy(task));
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
    FormChecks.asDeclared("qaf-improvement-plan-chase", "qaf-improvement-plan-chase", task);
  }

  /**
   * The validation a month on: improved (with the new grade, A to C) or not (with the findings).
   */
  public void validated(DelegateTask task) {
    keepOnTask(task);
    FormChecks form =
        new FormChecks("qaf-improvement-plan-validate", task)
            .againstForm("qaf-improvement-plan-validate");
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
    form.throwIfAny();
    Object findings = task.getVariableLocal("validationFindings");
    CompletedTask.handOver(task, "validationOutcome", outcome);
    CompletedTask.handOver(task, "newGrade", newGrade);
    CompletedTask.handOver(
        task,
        "validationFindings",
        findings == null || findings.toString().isBlank() ? null : findings.toString().trim());
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /** The validation the task checked; the gateway after it reads whether the standard improved. */
  public void recordValidation(DelegateExecution execution) {
    String outcome = CompletedTask.get(execution, "validationOutcome");
    Instant now = clock.instant();
    caseDeadlines.met(ref(execution), ImprovementPlanDeadlines.VALIDATION, now);
    register.recordValidation(
        plan(execution).id(),
        outcome,
        CompletedTask.get(execution, "newGrade"),
        CompletedTask.get(execution, "validationFindings"),
        CompletedTask.get(execution, "by"),
        now);
    execution.setVariable("improved", ImprovementPlan.IMPROVED.equals(outcome));
  }

  /**
   * §3.4: the contracts manager reports to the Core Strategy Group and decides on a default notice.
   */
  public void reportedToCoreStrategyGroup(DelegateTask task) {
    keepOnTask(task);
    FormChecks form =
        new FormChecks("qaf-improvement-plan-csg", task).againstForm("qaf-improvement-plan-csg");
    String report = form.text("csgReport");
    String decision = form.oneOf("defaultNoticeDecision", Set.of(ISSUE, NO_NOTICE));
    String reasons = form.text("defaultNoticeReasons");
    form.throwIfAny();
    CompletedTask.handOver(task, "csgReport", report);
    CompletedTask.handOver(task, "defaultNoticeDecision", decision);
    CompletedTask.handOver(task, "defaultNoticeReasons", reasons);
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /**
   * The report and decision the task checked; the gateway after it reads whether a default notice
   * is issued.
   */
  public void recordCsgReport(DelegateExecution execution) {
    boolean issue = ISSUE.equals(CompletedTask.get(execution, "defaultNoticeDecision"));
    register.recordCsgReport(
        plan(execution).id(),
        CompletedTask.get(execution, "csgReport"),
        issue,
        CompletedTask.get(execution, "defaultNoticeReasons"),
        CompletedTask.get(execution, "by"),
        clock.instant());
    execution.setVariable("issueDefaultNotice", issue);
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
   * The council task's answers, moved onto the task ({@link TaskAnswers#moveOntoTask}) before they
   * are checked; the listener then copies to the case only what a gateway needs.
   */
  static void keepOnTask(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, councilFields(task));
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

  private static String label(String decision) {
    return ACCEPT.equals(decision) ? "accepted" : "sent back";
  }

  private static String orNone(String comments) {
    return comments == null ? "no comments" : comments;
  }
}
