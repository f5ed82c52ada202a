package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.qaf.QafFields.atMost;
import static uk.gov.council.commissioning.qaf.QafFields.text;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * The council's grades against the provider's claims (seed 001 Part 3.3 §3.4): wherever a grade
 * differs from the claim it must be explained in writing, and what a form gives is checked before
 * anything is written to the register.
 */
@Component
class QafGrading {

  private final QafRepository repository;

  QafGrading(QafRepository repository) {
    this.repository = repository;
  }

  /**
   * The officer's grade per objective; an explanation required wherever it differs from the claim.
   */
  Map<String, String> officerGrades(FormChecks checks, VariableScope form, QafAssessment q) {
    Map<String, String> claims = claims(q);
    Map<String, String> grades = new LinkedHashMap<>();
    for (QafObjective o : QafObjective.of(q.variant())) {
      Object value = form.getVariable(o.officerGradeField());
      String grade = QafEvidenceRule.grade(value);
      if (grade == null) {
        checks.problem(
            o.officerGradeField(),
            o.code() + " officer's grade: " + QafEvidenceRule.gradeProblem(value));
        continue;
      }
      if (!grade.equals(claims.get(o.code()))) {
        checks.textIf(
            true,
            o.explanationField(),
            o.code()
                + ": explain why the grade differs from the provider's"
                + " claim of "
                + claims.get(o.code())
                + " (seed 001 3.3 §3.4)");
      }
      atMost(checks, form, o.explanationField());
      atMost(checks, form, o.officerCommentsField());
      grades.put(o.code(), grade);
    }
    return grades;
  }

  void recordOfficerGrades(VariableScope form, QafAssessment q, Map<String, String> grades) {
    Map<String, String> claims = claims(q);
    for (QafObjective o : QafObjective.of(q.variant())) {
      String grade = grades.get(o.code());
      Object explanation = form.getVariable(o.explanationField());
      Object comments = form.getVariable(o.officerCommentsField());
      repository.recordOfficerGrade(
          q.id(),
          o.code(),
          grade,
          grade.equals(claims.get(o.code())) || explanation == null
              ? null
              : explanation.toString().trim(),
          comments == null || comments.toString().isBlank() ? null : comments.toString().trim());
    }
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
      Object value = form.getVariable(o.finalGradeField());
      String grade = QafEvidenceRule.grade(value);
      if (grade == null) {
        checks.problem(
            o.finalGradeField(), o.code() + " final grade: " + QafEvidenceRule.gradeProblem(value));
        continue;
      }
      QafGrade officers = held.get(o.code());
      if (text(form, o.explanationField()) == null
          && officers != null
          && grade.equals(officers.officerGrade())
          && officers.explanation() != null) {
        form.setVariableLocal(o.explanationField(), officers.explanation());
      }
      if (!grade.equals(claims.get(o.code()))) {
        checks.textIf(
            true,
            o.explanationField(),
            o.code()
                + ": explain why the grade differs from the provider's"
                + " claim of "
                + claims.get(o.code()));
      }
      atMost(checks, form, o.explanationField());
      finals.put(o.code(), grade);
    }
    return finals;
  }

  /** The manager's grades replace the officer's; the officer's comments are kept. */
  void recordManagerGrades(VariableScope form, QafAssessment q, Map<String, String> finals) {
    for (QafObjective o : QafObjective.of(q.variant())) {
      Object explanation = form.getVariable(o.explanationField());
      repository.recordOfficerGrade(
          q.id(),
          o.code(),
          finals.get(o.code()),
          finals.get(o.code()).equals(claims(q).get(o.code())) || explanation == null
              ? null
              : explanation.toString().trim(),
          officerComments(q, o.code()));
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
