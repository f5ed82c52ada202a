package uk.gov.council.commissioning.qaf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * Who may write which variable of a QAF case. The provider reads the case's variables through its
 * own tasks, so the council's answers stay on the council's tasks (councilAnswers / keepOnTask);
 * and a provider completing its task may set only the fields of its own form, so it cannot pre-set
 * an officer's grade or a decision that a council task would then pick up.
 */
final class QafTaskVariables {

  private static final List<String> OFFICER_GRADES = perObjective(false);
  private static final List<String> MANAGER_GRADES = perObjective(true);

  /** The answers of each council task: held on the task, never on the case the provider reads. */
  static final Map<String, List<String>> COUNCIL_ANSWERS =
      Map.of(
          "Task_DeskTopReview",
              concat(
                  OFFICER_GRADES,
                  List.of(
                      "concernsOverService",
                      "concernsDetails",
                      "concernsOverrideReason",
                      "procurementReview",
                      "procurementOverrideReason",
                      "partialValidation",
                      "partialValidationSections")),
          "Task_ValidationVisit",
              concat(
                  OFFICER_GRADES,
                  List.of(
                      "visitDate",
                      "visitFindings",
                      "supportPlanAudit",
                      "spaSupportPlanInPlace",
                      "spaNeedsAssessmentCompleted",
                      "spaReviewedInTime",
                      "spaServiceUserContributed",
                      "spaGoalsFollowedUp",
                      "spaMinimumStandardMet",
                      "spaNotes")),
          "Task_DiscussGrades",
              concat(OFFICER_GRADES, List.of("agreementReached", "discussionNotes")),
          "Task_ContractsManagerDecision",
              concat(MANAGER_GRADES, List.of("furtherVisit", "concernsToCsg")),
          "Task_RecordLateExplanation", List.of("explanationGiven", "lateExplanation"),
          "Task_ContractManagementIssue", List.of("actionTaken", "nonReturnOutcome"));

  /** The fields of each provider form: nothing else may be set by completing the task. */
  static final Map<String, Set<String>> PROVIDER_FORMS =
      Map.of(
          "Task_CompleteQaf", completeQafFields(),
          "Task_RespondToGrades",
              Set.of("providerResponse", "disagreementReasons", "furtherEvidence"));

  private QafTaskVariables() {}

  /**
   * Declares a council task's answers on the task, each empty, so Tasklist's submission lands
   * there.
   */
  static void councilAnswers(DelegateTask task) {
    COUNCIL_ANSWERS
        .getOrDefault(task.getTaskDefinitionKey(), List.of())
        .forEach(name -> task.setVariableLocal(name, null));
  }

  /**
   * Moves a council task's answers onto the task and off the case. A completion through the API
   * puts them on the case; only what this very completion set is taken from there, so a value left
   * on the case by anyone else (a provider's earlier task, say) is never read as the officer's
   * answer, and what it sent replaces what the task was created with.
   */
  static void keepOnTask(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    Set<String> submitted = setInThisCommand(execution.getProcessInstanceId(), null);
    for (String name : COUNCIL_ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
      // What this completion sent wins over what the task was created with (a pre-answer).
      Object value =
          submitted.contains(name) ? execution.getVariable(name) : task.getVariableLocal(name);
      task.setVariableLocal(name, value);
      execution.removeVariable(name);
    }
  }

  /** Refuses a provider's completion that sets anything its form does not have. */
  static void providerFormOnly(DelegateTask task, String form) {
    Set<String> allowed = PROVIDER_FORMS.getOrDefault(task.getTaskDefinitionKey(), Set.of());
    Set<String> foreign =
        new TreeSet<>(setInThisCommand(task.getProcessInstanceId(), task.getId()));
    foreign.removeAll(allowed);
    if (!foreign.isEmpty()) {
      FormChecks checks = new FormChecks(form, task);
      foreign.forEach(name -> checks.problem(name, "is not a field of this form"));
      checks.throwIfAny();
    }
  }

  /**
   * The names of the case's variables (and, given a task, that task's own) created or changed in
   * the current command, i.e. by the completion being checked.
   */
  static Set<String> setInThisCommand(String processInstanceId, String taskId) {
    Set<String> names = new LinkedHashSet<>();
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return names;
    }
    for (CachedDbEntity cached :
        context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
      if (cached.getEntity() instanceof VariableInstanceEntity variable
          && processInstanceId.equals(variable.getProcessInstanceId())
          && (variable.getTaskId() == null || variable.getTaskId().equals(taskId))
          && (cached.getEntityState() == DbEntityState.TRANSIENT || cached.isDirty())) {
        names.add(variable.getName());
      }
    }
    return names;
  }

  private static Set<String> completeQafFields() {
    Set<String> fields =
        new LinkedHashSet<>(
            List.of("summarySignedBy", "summaryDate", "providerComments", "supplementaryEvidence"));
    for (QafObjective o : QafObjective.values()) {
      fields.add(o.gradeField());
      for (char level : new char[] {'C', 'B', 'A'}) {
        fields.add(o.evidenceField(level));
      }
    }
    return Set.copyOf(fields);
  }

  private static List<String> perObjective(boolean manager) {
    List<String> fields = new ArrayList<>();
    for (QafObjective o : QafObjective.values()) {
      fields.add(manager ? o.finalGradeField() : o.officerGradeField());
      fields.add(o.officerCommentsField());
      fields.add(o.explanationField());
    }
    return List.copyOf(fields);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
