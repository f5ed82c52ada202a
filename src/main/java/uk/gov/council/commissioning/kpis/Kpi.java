package uk.gov.council.commissioning.kpis;

/**
 * One measure of a catalogue.
 *
 * @param code the seed's own number or name: "4.2" (seed 002 App C), "O1" (seed 004 App A), "KPI 1"
 *     (seed 001 Part 3.2 §3.1.1)
 * @param area the heading it sits under ("Complaints", "Payroll Service")
 * @param wording the seed's words
 * @param unit what its value is
 * @param threshold the level to reach; null where the seed gives none (a count to state)
 * @param target the target as the seed words it ("95% within 3 working days"); null where none
 * @param frequency how often it is reported
 * @param consequence what follows a breach where the seed says (seed 004 App A "Suspension"); null
 *     otherwise
 * @param reportedBy whether the provider returns it or the system measures it
 * @param measure for a KPI the system can measure from the processes it runs, the key of that
 *     measure (see {@link SystemMeasure}); null otherwise. A provider-reported KPI may have one
 *     too: then the report shows the two side by side.
 * @param seedSection where the seed gives it, e.g. "seed 002 App C 4.2"
 */
public record Kpi(
    String code,
    String area,
    String wording,
    KpiUnit unit,
    Threshold threshold,
    String target,
    Frequency frequency,
    String consequence,
    ReportedBy reportedBy,
    String measure,
    String seedSection) {

  public enum Frequency {
    QUARTERLY,
    ANNUAL
  }

  public enum ReportedBy {
    PROVIDER,
    SYSTEM
  }

  /** True when a value breaches this KPI's threshold; false when it has none. */
  public boolean breachedBy(java.math.BigDecimal value) {
    return threshold != null && value != null && !threshold.met(value);
  }
}
