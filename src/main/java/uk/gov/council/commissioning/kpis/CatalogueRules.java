package uk.gov.council.commissioning.kpis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.gov.council.commissioning.kpis.CatalogueDraft.KpiDraft;
import uk.gov.council.commissioning.kpis.Threshold.Comparison;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * What a catalogue must be before it is written: every problem named by its field ({@code
 * kpis[3].threshold}), so that nothing half-valid reaches the tables. The lengths are the columns'
 * (V27).
 */
final class CatalogueRules {

  static final Pattern CATALOGUE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,59}");
  static final Pattern KPI_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9. \\-]{0,19}");
  static final String YEAR_PROBLEM = "must be a reporting year such as 2026/27";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private CatalogueRules() {}

  /** A catalogue that passed the rules. */
  record Checked(
      String code, String title, ReportingYear year, String seedSection, List<Kpi> kpis) {}

  /** The catalogue the draft describes; 400 naming every field that is wrong. */
  static Checked check(CatalogueDraft draft) {
    InvalidRequestException.requireBody(draft, "a catalogue is needed");
    List<FieldProblem> problems = new ArrayList<>();
    String code = trimmed(draft.code());
    if (code == null) {
      problems.add(new FieldProblem("code", "is required"));
    } else if (!CATALOGUE_CODE.matcher(code).matches()) {
      problems.add(
          new FieldProblem(
              "code",
              "must be capital letters, digits, dots and hyphens (at most 60), e.g. QPS-APP-A"));
    }
    String title = text(draft.title(), "title", 300, true, problems);
    String seedSection = text(draft.seedSection(), "seedSection", 200, false, problems);
    ReportingYear year = null;
    if (trimmed(draft.year()) == null) {
      problems.add(new FieldProblem("year", "is required, e.g. 2026/27"));
    } else {
      year = year(draft.year()).orElse(null);
      if (year == null) {
        problems.add(new FieldProblem("year", YEAR_PROBLEM));
      }
    }
    List<Kpi> kpis = new ArrayList<>();
    if (draft.kpis() == null || draft.kpis().isEmpty()) {
      problems.add(new FieldProblem("kpis", "must hold at least one KPI"));
    } else {
      Set<String> codes = new HashSet<>();
      for (int i = 0; i < draft.kpis().size(); i++) {
        kpi(draft.kpis().get(i), "kpis[" + i + "].", codes, problems).ifPresent(kpis::add);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new Checked(code, title, year, seedSection, kpis);
  }

  /** Reads "2026/27", "2026-27" (a path cannot hold a slash) or "2026". */
  static Optional<ReportingYear> year(String text) {
    return text == null ? Optional.empty() : ReportingYear.parse(text.strip().replace('-', '/'));
  }

  private static Optional<Kpi> kpi(
      KpiDraft k, String at, Set<String> codes, List<FieldProblem> problems) {
    if (k == null) {
      problems.add(new FieldProblem(at.substring(0, at.length() - 1), "is empty"));
      return Optional.empty();
    }
    int before = problems.size();
    String code = trimmed(k.code());
    if (code == null) {
      problems.add(new FieldProblem(at + "code", "is required"));
    } else if (!KPI_CODE.matcher(code).matches()) {
      problems.add(
          new FieldProblem(
              at + "code", "must be letters, digits, dots, spaces and hyphens (at most 20)"));
    } else if (!codes.add(code)) {
      problems.add(new FieldProblem(at + "code", "'" + code + "' is already in this catalogue"));
    }
    String area = text(k.area(), at + "area", 200, false, problems);
    String wording = text(k.wording(), at + "wording", 2000, true, problems);
    String target = text(k.target(), at + "target", 300, false, problems);
    String consequence = text(k.consequence(), at + "consequence", 300, false, problems);
    String seedSection = text(k.seedSection(), at + "seedSection", 200, false, problems);
    KpiUnit unit = enumValue(KpiUnit.class, k.unit(), at + "unit", true, problems);
    Kpi.Frequency frequency =
        enumValue(Kpi.Frequency.class, k.frequency(), at + "frequency", true, problems);
    Kpi.ReportedBy reportedBy =
        enumValue(Kpi.ReportedBy.class, k.reportedBy(), at + "reportedBy", false, problems);
    if (reportedBy == null) {
      reportedBy = Kpi.ReportedBy.PROVIDER;
    }
    String measure = trimmed(k.measure());
    if (measure != null && SystemMeasure.byKey(measure).isEmpty()) {
      problems.add(
          new FieldProblem(
              at + "measure",
              "'" + measure + "' is not a measure the system takes; one of " + measureKeys()));
    }
    if (reportedBy == Kpi.ReportedBy.SYSTEM && measure == null) {
      problems.add(new FieldProblem(at + "measure", "is required when the system reports the KPI"));
    }
    Threshold threshold = null;
    String thresholdText = trimmed(k.threshold());
    if (thresholdText != null) {
      threshold = Threshold.parse(thresholdText).orElse(null);
      if (threshold == null) {
        problems.add(
            new FieldProblem(
                at + "threshold", "must be a comparison and a value, e.g. \"≥ 95\" or \"> 1\""));
      } else if (unit != null) {
        thresholdProblem(unit, threshold)
            .ifPresent(p -> problems.add(new FieldProblem(at + "threshold", p)));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Kpi(
            code,
            area,
            wording,
            unit,
            threshold,
            target,
            frequency,
            consequence,
            reportedBy,
            measure,
            seedSection));
  }

  /**
   * Why the threshold cannot go with the unit: a percentage's is between 0 and 100 and reachable
   * (not "> 100" nor "< 0"), a yes/no is "= yes" or "= no", a ratio's is not negative.
   */
  static Optional<String> thresholdProblem(KpiUnit unit, Threshold threshold) {
    BigDecimal v = threshold.value();
    Comparison c = threshold.comparison();
    return switch (unit) {
      case PERCENT -> {
        if (v.signum() < 0 || v.compareTo(HUNDRED) > 0) {
          yield Optional.of("a percentage threshold must be between 0 and 100");
        }
        if ((c == Comparison.GT && v.compareTo(HUNDRED) == 0)
            || (c == Comparison.LT && v.signum() == 0)) {
          yield Optional.of("no percentage can reach " + threshold.text());
        }
        yield Optional.empty();
      }
      case YES_NO ->
          c == Comparison.EQ && (v.signum() == 0 || v.compareTo(BigDecimal.ONE) == 0)
              ? Optional.empty()
              : Optional.of("a yes/no threshold must be \"= yes\" or \"= no\"");
      case RATIO ->
          v.signum() < 0 || (c == Comparison.LT && v.signum() == 0)
              ? Optional.of("a ratio cannot be negative, so the threshold cannot be below 0")
              : Optional.empty();
      case NUMBER -> Optional.empty();
    };
  }

  private static <E extends Enum<E>> E enumValue(
      Class<E> type, String text, String field, boolean required, List<FieldProblem> problems) {
    String value = trimmed(text);
    if (value == null) {
      if (required) {
        problems.add(new FieldProblem(field, "is required; one of " + names(type)));
      }
      return null;
    }
    String name = value.toUpperCase(Locale.ROOT).replace('/', '_').replace(' ', '_');
    if ("%".equals(value)) {
      name = "PERCENT";
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    problems.add(new FieldProblem(field, "'" + value + "' is not one of " + names(type)));
    return null;
  }

  private static String text(
      String value, String field, int max, boolean required, List<FieldProblem> problems) {
    String text = trimmed(value);
    if (text == null) {
      if (required) {
        problems.add(new FieldProblem(field, "is required"));
      }
      return null;
    }
    if (text.length() > max) {
      problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
    }
    return text;
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return String.join(
        ", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }

  private static String measureKeys() {
    return String.join(
        ", ", java.util.Arrays.stream(SystemMeasure.values()).map(SystemMeasure::key).toList());
  }
}
