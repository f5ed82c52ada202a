package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.qaf.QafFields.YES_NO;
import static uk.gov.council.commissioning.qaf.QafFields.text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * The council's review of a returned QAF (seed 001 Part 3.3 §3.1, §3.3): the desk-top review, the
 * decision whether to validate on a visit, and the visit itself.
 */
@Component("qafReviewSteps")
@RequiredArgsConstructor
public class QafReviewSteps {

  private final QafRepository repository;
  private final QafGrading grading;
  private final QafRandomDraw randomDraw;
  private final QafProperties properties;
  private final QafServiceConcerns serviceConcerns;

  private final Clock clock;

  /**
   * The QAF Review Form: the officer's grade and comments per objective, an explanation wherever it
   * differs from the claim (§3.4), concerns over the service, a procurement review, and whether the
   * officer chooses to validate key sections anyway (§3.3, discretion).
   */
  public void deskTopReview(DelegateTask task) {
    QafAssessment q = repository.ofProcess(task.getProcessInstanceId());
    QafTaskVariables.keepOnTask(task);
    FormChecks checks = new FormChecks("QAF Review Form", task).againstForm("qaf-desk-review");
    Map<String, String> grades = grading.officerGrades(checks, task, q);
    boolean concerns = checks.flag("concernsOverService");
    // Recomputed, not read from the task, so the suggestion cannot be set by whoever completes it.
    QafServiceConcerns.Held held = serviceConcerns.of(q);
    boolean overridden = concerns != held.concerns();
    checks.textIf(
        overridden,
        "concernsOverrideReason",
        "give the reason for answering otherwise than the system suggests");
    if (concerns) {
      checks.textIf(
          true,
          "concernsDetails",
          "say what the concerns are (e.g. complaints, Performance Indicators)");
    }
    boolean procurement = checks.flag("procurementReview");
    boolean procurementOverridden = procurement != held.procurementReview();
    checks.textIf(
        procurementOverridden,
        "procurementOverrideReason",
        "give the reason for answering otherwise than the system suggests");
    boolean partial = checks.flag("partialValidation");
    if (partial) {
      checks.textIf(
          true, "partialValidationSections", "say which key sections to validate and why");
    }
    checks.throwIfAny();
    grading.handOverOfficerGrades(task, q, grades);
    CompletedTask.handOver(
        task, "concernsDetails", concerns ? text(task, "concernsDetails") : null);
    CompletedTask.handOver(
        task, "concernsOverrideReason", overridden ? text(task, "concernsOverrideReason") : null);
    CompletedTask.handOver(task, "procurementReview", procurement);
    CompletedTask.handOver(
        task,
        "procurementOverrideReason",
        procurementOverridden ? text(task, "procurementOverrideReason") : null);
    CompletedTask.handOver(task, "concernsHeld", held.text());
    CompletedTask.handOver(task, "procurementHeld", held.procurementText());
    CompletedTask.handOver(task, "partialValidation", partial);
  }

  /**
   * The review the task checked: the officer's grades and the review form; whether the officer
   * chose to validate anyway goes to the visit decision.
   */
  public void recordDeskReview(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    grading.recordGrades(execution, q);
    repository.recordDeskReview(
        q.id(),
        clock.instant(),
        CompletedTask.get(execution, "concernsDetails"),
        Boolean.parseBoolean(CompletedTask.get(execution, "procurementReview")));
    repository.recordVisitTriggerEvidence(
        q.id(),
        CompletedTask.get(execution, "concernsHeld"),
        CompletedTask.get(execution, "concernsOverrideReason"),
        CompletedTask.get(execution, "procurementHeld"),
        CompletedTask.get(execution, "procurementOverrideReason"));
    execution.setVariable(
        "officerDiscretion",
        Boolean.parseBoolean(CompletedTask.get(execution, "partialValidation")));
  }

  /**
   * The decision table's inputs, from the register (§3.3): computed here, never taken from a form.
   */
  public void prepareVisitDecision(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    Map<String, String> claims = grading.claims(q);
    Map<String, String> previous = new LinkedHashMap<>();
    repository
        .previousGrades(q.contractId(), q.financialYear())
        .forEach((objective, g) -> previous.put(objective, g.finalGrade()));
    execution.setVariable("gradeStepsChanged", QafEvidenceRule.largestChange(previous, claims));
    execution.setVariable("anyAClaimed", claims.containsValue("A"));
    execution.setVariable("concernsOverService", q.concernsOverService() != null);
    execution.setVariable("procurementReview", Boolean.TRUE.equals(q.procurementReview()));
    execution.setVariable("randomDraw", randomDraw.draw());
  }

  /** The table's reasons, and the officer's own choice; a visit when there is any. */
  public void recordVisitDecision(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    List<String> reasons = new ArrayList<>();
    Object fromTable = execution.getVariable("visitReasons");
    if (fromTable instanceof List<?> list) {
      list.forEach(r -> reasons.add(r.toString()));
    }
    if (Boolean.TRUE.equals(execution.getVariable("officerDiscretion"))) {
      reasons.add("OFFICER_DISCRETION");
    }
    Object steps = execution.getVariable("gradeStepsChanged");
    repository.recordVisitDecision(
        q.id(),
        steps == null ? null : ((Number) steps).intValue(),
        !reasons.isEmpty(),
        reasons.isEmpty() ? null : String.join(",", reasons));
    execution.setVariable("validationVisit", !reasons.isEmpty());
    // The table's inputs and reasons are the council's: recorded in the register, not left on the
    // case.
    for (String name :
        List.of(
            "visitReasons",
            "officerDiscretion",
            "gradeStepsChanged",
            "anyAClaimed",
            "concernsOverService",
            "procurementReview",
            "randomDraw")) {
      execution.removeVariable(name);
    }
    execution.setVariable("furtherVisitForManager", false);
  }

  /**
   * The validation visit: date, findings, grades as adjusted (explained wherever they differ from
   * the claim), and the support plan audit if one was done (seed 001 Part 3.4 §3.5, §5).
   */
  public void validationVisit(DelegateTask task) {
    QafAssessment q = repository.ofProcess(task.getProcessInstanceId());
    QafTaskVariables.keepOnTask(task);
    FormChecks checks =
        new FormChecks("Validation visit", task).againstForm("qaf-validation-visit");
    LocalDate visit = checks.date("visitDate");
    if (visit != null
        && visit.isAfter(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK))) {
      checks.problem("visitDate", "cannot be in the future");
    }
    Map<String, String> grades = grading.officerGrades(checks, task, q);
    boolean audit = checks.flag("supportPlanAudit");
    if (audit) {
      for (String question :
          List.of(
              "spaSupportPlanInPlace",
              "spaNeedsAssessmentCompleted",
              "spaReviewedInTime",
              "spaServiceUserContributed",
              "spaGoalsFollowedUp",
              "spaMinimumStandardMet")) {
        checks.oneOf(question, YES_NO);
      }
    }
    checks.throwIfAny();
    grading.handOverOfficerGrades(task, q, grades);
    CompletedTask.handOver(task, "visitDate", visit);
    CompletedTask.handOver(task, "supportPlanAudit", audit);
  }

  /** The visit the task checked: its date, the grades as adjusted, and any support plan audit. */
  public void recordVisit(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    LocalDate visit = LocalDate.parse(CompletedTask.get(execution, "visitDate"));
    boolean audit = Boolean.parseBoolean(CompletedTask.get(execution, "supportPlanAudit"));
    grading.recordGrades(execution, q);
    repository.recordVisit(q.id(), visit, audit);
    if (audit) {
      // Part 3.4 §5.1: written feedback within 4 weeks of the audit.
      execution.setVariable(
          "spaFeedbackDueOn", visit.plus(properties.supportPlanAuditFeedbackWithin()).toString());
    }
  }
}
