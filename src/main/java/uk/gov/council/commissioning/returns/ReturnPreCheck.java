package uk.gov.council.commissioning.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.council.commissioning.kpis.Kpi;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.kpis.ReportingQuarter;

/**
 * What the system checks on a return before the purchasing officer does (seed 001 Part 3.2 §4.1.1):
 * every KPI the provider returns is there, local PIs included unless exempted (§6.1.1); unit
 * numbers unchanged from the locked contract page or explained; which KPIs are below their trigger
 * and whether each is explained (§4.1.3).
 */
public final class ReturnPreCheck {

  /** Catalogues whose code ends so hold the contract's local PIs (§6). */
  public static final String LOCAL_SUFFIX = "-LOCAL";

  private ReturnPreCheck() {}

  /** A KPI below its trigger. */
  public record Breach(
      String catalogue, String kpi, BigDecimal value, String threshold, boolean explained) {}

  /**
   * @param missing what is missing, one line each (§4.1.2: the return goes back for it)
   * @param unitNumbersChanged the unit numbers differ from the locked contract page
   * @param breaches the KPIs below their trigger
   */
  public record Result(List<String> missing, boolean unitNumbersChanged, List<Breach> breaches) {
    public Result {
      missing = List.copyOf(missing);
      breaches = List.copyOf(breaches);
    }

    public boolean complete() {
      return missing.isEmpty();
    }

    public boolean belowTrigger() {
      return !breaches.isEmpty();
    }

    public boolean explanationsMissing() {
      return breaches.stream().anyMatch(b -> !b.explained());
    }
  }

  /**
   * @param catalogues the contract's catalogues for the year
   * @param localPisExempt §6.1.1: the contracts manager agreed the contract need not return them
   * @param pageUnitNumbers the unit numbers on the locked contract page; null when there is none
   */
  public static Result check(
      ReportingQuarter quarter,
      List<KpiCatalogue> catalogues,
      boolean localPisExempt,
      Integer pageUnitNumbers,
      Submission submission) {
    Map<String, Submission.Value> byKey = new HashMap<>();
    submission.values().forEach(v -> byKey.put(v.catalogue() + "/" + v.kpi(), v));
    List<String> missing = new ArrayList<>();
    List<Breach> breaches = new ArrayList<>();
    if (submission.unitNumbers() == null) {
      missing.add("unitNumbers: the unit numbers are not given");
    }
    boolean changed =
        pageUnitNumbers != null
            && submission.unitNumbers() != null
            && !pageUnitNumbers.equals(submission.unitNumbers());
    if (changed && submission.unitNumbersExplanation() == null) {
      missing.add(
          "unitNumbersExplanation: the unit numbers changed from "
              + pageUnitNumbers
              + " to "
              + submission.unitNumbers()
              + " without an explanation (§4.1.1)");
    }
    for (KpiCatalogue catalogue : catalogues) {
      boolean local = isLocal(catalogue.code());
      for (Kpi kpi : catalogue.kpis()) {
        if (!returnedByProvider(kpi, quarter)) {
          continue;
        }
        Submission.Value value = byKey.get(catalogue.code() + "/" + kpi.code());
        if (value == null || value.value() == null) {
          if (!local || !localPisExempt) {
            missing.add(
                (local ? "local PI " : "KPI ")
                    + catalogue.code()
                    + " "
                    + kpi.code()
                    + " ("
                    + kpi.wording()
                    + ") is not returned");
          }
          continue;
        }
        if (kpi.breachedBy(value.value())) {
          breaches.add(
              new Breach(
                  catalogue.code(),
                  kpi.code(),
                  value.value(),
                  kpi.threshold().text(),
                  value.explanation() != null));
        }
      }
    }
    return new Result(missing, changed, breaches);
  }

  public static boolean isLocal(String catalogueCode) {
    return catalogueCode != null && catalogueCode.endsWith(LOCAL_SUFFIX);
  }

  /**
   * A KPI the provider returns this quarter: not one the system measures, and an annual one only
   * with the year's last quarter.
   */
  static boolean returnedByProvider(Kpi kpi, ReportingQuarter quarter) {
    return kpi.reportedBy() == Kpi.ReportedBy.PROVIDER
        && (kpi.frequency() == Kpi.Frequency.QUARTERLY || quarter.number() == 4);
  }
}
