package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.qaf.QafFields.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * The council's grades against the provider's claims (seed 001 Part 3.3 §3.4): wherever a grade
 * differs from the claim it must be explained in writing, and what a form gives is checked before
 * anything is written to the register.
 */
@Component
@RequiredArgsConstructor
class QafGrading {

  /** The names each objective's grade, explanation and comments are handed over under. */
  private static final String GRADE = "grade.";

  private static final String EXPLANATION = "explanation.";
  private static final String COMMENTS = "comments.";

  private final QafRepository repository;

  /**
   * The officer's grade per objective; an explanation required wherever it differs from the claim.
   */
  Map<String, String> officerGrades(FormChecks checks, VariableScope form, QafAssessment q) {
    Map<String, String> claims = claims(q);
    Map<String, String> grades = new LinkedHashMap<>();
    for (QafObjective o : QafObjective.of(q.variant())) {
      String grade = gradeOf(checks, form, o.officerGradeField(), o.code() + " officer's grade");
      if (grade == null) {
        continue;
      }
      explainDifference(checks, o, grade, claims.get(o.code()), " (seed 001 3.3 §3.4)");
      grades.put(o.code(), grade);
    }
    return grades;
  }

  /**
   * The contracts manager's final grade per objective (§3.4, no agreement reached); the officer's
   * explanation of the same grade stands unless the manager rewrites it.
   */
  Map<String, String> managerGrades(FormChecks checks, VariableScope form, QafAssessment q) {
    Map<String, String> claims = claims(q);
    Map<String, QafGrade> held = new LinkedHashMap<>();
    repository.grades(q.id()).forEach(g -> held.put(g.objective(), g));
    Map<String, String> finals = new LinkedHashMap<>();
    for (QafObjective o : QafObjective.of(q.variant())) {
      String grade = gradeOf(checks, form, o.finalGradeField(), o.code() + " final grade");
      if (grade == null) {
        continue;
      }
      QafGrade officers = held.get(o.code());
      if (text(form, o.explanationField()) == null
          && officers != null
          && grade.equals(officers.officerGrade())
          && officers.explanation() != null) {
        form.setVariableLocal(o.explanationField(), officers.explanation());
      }
      explainDifference(checks, o, grade, claims.get(o.code()), "");
      finals.put(o.code(), grade);
    }
    return finals;
  }

  /**
   * Hands the officer's grades the task checked to the step that records them, each with its
   * explanation (kept only where the grade differs from the claim) and the officer's comments.
   */
  void handOverOfficerGrades(DelegateTask task, QafAssessment q, Map<String, String> grades) {
    handOver(task, q, grades, o -> text(task, o.officerCommentsField()));
  }

  /**
   * Hands the contracts manager's final grades the task checked to the step that records them; the
   * officer's comments stand.
   */
  void handOverManagerGrades(DelegateTask task, QafAssessment q, Map<String, String> finals) {
    handOver(task, q, finals, o -> officerComments(q, o.code()));
  }

  private void handOver(
      DelegateTask task,
      QafAssessment q,
      Map<String, String> grades,
      Function<QafObjective, String> comments) {
    Map<String, String> claims = claims(q);
    for (QafObjective o : QafObjective.of(q.variant())) {
      String grade = grades.get(o.code());
      Object explanation = task.getVariable(o.explanationField());
      CompletedTask.handOver(task, GRADE + o.code(), grade);
      CompletedTask.handOver(
          task,
          EXPLANATION + o.code(),
          grade.equals(claims.get(o.code())) || explanation == null
              ? null
              : explanation.toString().trim());
      CompletedTask.handOver(task, COMMENTS + o.code(), comments.apply(o));
    }
  }

  /** The council's grades the task handed over, into the register. */
  void recordGrades(DelegateExecution execution, QafAssessment q) {
    for (QafObjective o : QafObjective.of(q.variant())) {
      repository.recordOfficerGrade(
          q.id(),
          o.code(),
          CompletedTask.get(execution, GRADE + o.code()),
          CompletedTask.get(execution, EXPLANATION + o.code()),
          CompletedTask.get(execution, COMMENTS + o.code()));
    }
  }

  /** The grade A to D a form gives in {@code field}, or null with the problem noted. */
  private static String gradeOf(FormChecks checks, VariableScope form, String field, String label) {
    Object value = form.getVariable(field);
    String grade = QafEvidenceRule.grade(value);
    if (grade == null) {
      checks.problem(field, label + ": " + QafEvidenceRule.gradeProblem(value));
    }
    return grade;
  }

  /** A grade other than the provider's claim must be explained in writing (§3.4). */
  private static void explainDifference(
      FormChecks checks, QafObjective o, String grade, String claim, String source) {
    if (!grade.equals(claim)) {
      checks.textIf(
          true,
          o.explanationField(),
          o.code()
              + ": explain why the grade differs from the provider's claim of "
              + claim
              + source);
    }
  }

  /** The provider's claimed grade per objective. */
  Map<String, String> claims(QafAssessment q) {
    Map<String, String> claims = new LinkedHashMap<>();
    repository.grades(q.id()).forEach(g -> claims.put(g.objective(), g.providerGrade()));
    return claims;
  }

  private String officerComments(QafAssessment q, String objective) {
    return repository.grades(q.id()).stream()
        .filter(g -> g.objective().equals(objective))
        .map(QafGrade::officerComments)
        .findFirst()
        .orElse(null);
  }
}
