package uk.gov.council.commissioning.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.gov.council.commissioning.kpis.Kpi;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * What a return must be to be taken at all: each value of its KPI's unit (a percentage 0-100), each
 * KPI in the contract's catalogues for the year and returned by the provider, each KPI once. A
 * refusal names the field; nothing is written.
 */
final class SubmissionRules {

  static final int MAX_TEXT = 2000;
  static final int MAX_COMMENTS = 4000;
  static final int MAX_VALUES = 500;

  /** NUMERIC(16,4). */
  private static final BigDecimal LARGEST = new BigDecimal("999999999999.9999");

  private SubmissionRules() {}

  static List<FieldProblem> problems(List<KpiCatalogue> catalogues, Submission submission) {
    List<FieldProblem> problems = new ArrayList<>();
    if (submission.unitNumbers() != null && submission.unitNumbers() < 0) {
      problems.add(new FieldProblem("unitNumbers", "cannot be negative"));
    }
    length(problems, "unitNumbersExplanation", submission.unitNumbersExplanation(), MAX_TEXT);
    length(problems, "comments", submission.comments(), MAX_COMMENTS);
    if (submission.values().size() > MAX_VALUES) {
      problems.add(new FieldProblem("values", "at most " + MAX_VALUES + " values"));
      return problems;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < submission.values().size(); i++) {
      Submission.Value v = submission.values().get(i);
      String at = "values[" + i + "]";
      if (v == null) {
        problems.add(new FieldProblem(at, "is empty"));
        continue;
      }
      if (v.catalogue() == null || v.catalogue().isEmpty()) {
        problems.add(new FieldProblem(at + ".catalogue", "is required"));
        continue;
      }
      if (v.kpi() == null || v.kpi().isEmpty()) {
        problems.add(new FieldProblem(at + ".kpi", "is required"));
        continue;
      }
      Optional<KpiCatalogue> catalogue =
          catalogues.stream().filter(c -> c.code().equals(v.catalogue())).findFirst();
      if (catalogue.isEmpty()) {
        problems.add(
            new FieldProblem(
                at + ".catalogue",
                v.catalogue() + " is not one of the contract's catalogues this year"));
        continue;
      }
      Optional<Kpi> kpi = catalogue.get().kpi(v.kpi());
      if (kpi.isEmpty()) {
        problems.add(
            new FieldProblem(at + ".kpi", v.kpi() + " is not in catalogue " + v.catalogue()));
        continue;
      }
      if (kpi.get().reportedBy() != Kpi.ReportedBy.PROVIDER) {
        problems.add(
            new FieldProblem(
                at + ".kpi",
                v.kpi() + " is measured by the council, not returned by the provider"));
        continue;
      }
      if (!seen.add(v.catalogue() + "/" + v.kpi())) {
        problems.add(new FieldProblem(at + ".kpi", v.kpi() + " is given twice"));
        continue;
      }
      if (v.value() != null && v.value().abs().compareTo(LARGEST) > 0) {
        problems.add(new FieldProblem(at + ".value", "is too large"));
        continue;
      }
      kpi.get()
          .unit()
          .problem(v.value())
          .ifPresent(p -> problems.add(new FieldProblem(at + ".value", p)));
      length(problems, at + ".explanation", v.explanation(), MAX_TEXT);
    }
    return problems;
  }

  private static void length(List<FieldProblem> problems, String field, String text, int max) {
    if (text != null && text.length() > max) {
      problems.add(new FieldProblem(field, "at most " + max + " characters"));
    }
  }
}
