package uk.gov.council.commissioning.kpis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * Checks a return's values against a catalogue version: a value that cannot be of its KPI's unit,
 * or for a KPI the catalogue does not have, is a problem naming its field; a value that does not
 * reach its KPI's threshold is a breach, with the consequence the seed gives (seed 004 App A
 * "Consequence of breach"; seed 001 Part 3.2 §4.1.3 for the PI triggers). Where the seed writes
 * "&gt; 1", exactly 1 is a breach.
 */
@Service
public class KpiEvaluation {

  /** The field the problems name by default: {@code values[4.2]}. */
  public static final String VALUES = "values";

  /** A KPI whose value did not reach its threshold. */
  public record Breach(
      String code,
      String wording,
      BigDecimal value,
      String threshold,
      String target,
      String consequence) {}

  /** The outcome for one KPI that was given a value. */
  public record Result(Kpi kpi, BigDecimal value, String problem, boolean breached) {}

  /**
   * What the values gave.
   *
   * @param problems values that cannot be accepted, each naming its field; a return with any is
   *     refused
   * @param breaches the KPIs whose value does not reach the threshold, in catalogue order
   * @param results every KPI given a value, in catalogue order
   * @param missing the KPIs the provider reports that were given no value, in catalogue order
   */
  public record Evaluation(
      List<FieldProblem> problems,
      List<Breach> breaches,
      List<Result> results,
      List<String> missing) {

    public Evaluation {
      problems = List.copyOf(problems);
      breaches = List.copyOf(breaches);
      results = List.copyOf(results);
      missing = List.copyOf(missing);
    }

    public boolean acceptable() {
      return problems.isEmpty();
    }
  }

  /** As {@link #evaluate(KpiCatalogue, Map, String)} with problems naming {@code values[code]}. */
  public Evaluation evaluate(KpiCatalogue catalogue, Map<String, BigDecimal> values) {
    return evaluate(catalogue, values, VALUES);
  }

  /**
   * Checks the values, by KPI code, against the catalogue.
   *
   * @param field what the problems call the values: a problem names {@code field[code]}
   */
  public Evaluation evaluate(KpiCatalogue catalogue, Map<String, BigDecimal> values, String field) {
    Map<String, BigDecimal> given = values == null ? Map.of() : new LinkedHashMap<>(values);
    List<FieldProblem> problems = new ArrayList<>();
    for (String code : given.keySet()) {
      if (catalogue.kpi(code).isEmpty()) {
        problems.add(
            new FieldProblem(
                field + "[" + code + "]",
                "there is no KPI "
                    + code
                    + " in "
                    + catalogue.code()
                    + " for "
                    + catalogue.year()));
      }
    }
    List<Breach> breaches = new ArrayList<>();
    List<Result> results = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Kpi kpi : catalogue.kpis()) {
      if (!given.containsKey(kpi.code())) {
        if (kpi.reportedBy() == Kpi.ReportedBy.PROVIDER) {
          missing.add(kpi.code());
        }
        continue;
      }
      BigDecimal value = given.get(kpi.code());
      Optional<String> problem = kpi.unit().problem(value);
      if (problem.isPresent()) {
        problems.add(new FieldProblem(field + "[" + kpi.code() + "]", problem.get()));
        results.add(new Result(kpi, value, problem.get(), false));
        continue;
      }
      boolean breached = kpi.breachedBy(value);
      results.add(new Result(kpi, value, null, breached));
      if (breached) {
        breaches.add(
            new Breach(
                kpi.code(),
                kpi.wording(),
                value,
                kpi.threshold().text(),
                kpi.target(),
                kpi.consequence()));
      }
    }
    return new Evaluation(problems, breaches, results, missing);
  }

  /**
   * A value as someone types it for the unit: "95", "95%", "1.2", "yes" or "no"; empty when it
   * cannot be read as a number at all (the unit's own range is {@link KpiUnit#problem}'s).
   */
  public static Optional<BigDecimal> read(KpiUnit unit, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.strip().toLowerCase(Locale.ROOT).replace(",", "");
    if (unit == KpiUnit.YES_NO) {
      if (t.equals("yes") || t.equals("y")) {
        return Optional.of(BigDecimal.ONE);
      }
      if (t.equals("no") || t.equals("n")) {
        return Optional.of(BigDecimal.ZERO);
      }
    }
    if (unit == KpiUnit.PERCENT && t.endsWith("%")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    try {
      return Optional.of(new BigDecimal(t));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
