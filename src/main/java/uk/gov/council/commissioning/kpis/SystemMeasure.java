package uk.gov.council.commissioning.kpis;

/**
 * The measures the system takes itself from the processes it runs, by the key a catalogue's KPI
 * names in {@link Kpi#measure()}. Each is a percentage of the cases that could be judged in the
 * quarter, or a count.
 */
public enum SystemMeasure {
  /** Seed 002 App C 4.1: complaints about the provider received in the quarter. */
  COMPLAINTS_RECEIVED("complaints-received"),
  /** Seed 002 App C 4.2: % of those acknowledged within 24 hours. */
  COMPLAINTS_ACKNOWLEDGED_24H("complaints-acknowledged-24h"),
  /** Seed 002 App C 4.3: % resolved within 3 working weeks (15 days). */
  COMPLAINTS_RESOLVED_15_DAYS("complaints-resolved-15-days"),
  /** Seed 000 §4.7: % of complaints handled within every deadline of the complaint process. */
  COMPLAINTS_HANDLED_IN_TIME("complaints-handled-in-time"),
  /** Seed 002 App C 5.1: safeguarding concerns reported to the council in the quarter. */
  SAFEGUARDING_REPORTED("safeguarding-reported"),
  /** Seed 002 App C 5.2: % reported within 12 hours of the provider becoming aware. */
  SAFEGUARDING_REPORTED_12H("safeguarding-reported-12h"),
  /** Seed 002 App C 6.1: serious incidents reported in the quarter. */
  INCIDENTS_REPORTED("incidents-reported"),
  /** Seed 001 Part 3.1 §2: % of scheduled contract management meetings held in their month. */
  MEETINGS_TO_SCHEDULE("meetings-to-schedule"),
  /** Seed 001 Part 3.1 §3.5, App 3: % of performance returns received by their deadline. */
  RETURNS_ON_TIME("returns-on-time");

  private final String key;

  SystemMeasure(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static java.util.Optional<SystemMeasure> byKey(String key) {
    for (SystemMeasure m : values()) {
      if (m.key.equals(key)) {
        return java.util.Optional.of(m);
      }
    }
    return java.util.Optional.empty();
  }
}
