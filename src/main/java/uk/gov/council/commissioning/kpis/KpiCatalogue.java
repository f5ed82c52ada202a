package uk.gov.council.commissioning.kpis;

import java.util.List;
import java.util.Optional;

/**
 * A list of KPIs for one reporting year, in one version. Editing a catalogue makes a new version; a
 * return is checked against the version in force when it was received.
 *
 * @param id the row id of this version
 * @param code stable across years and versions, e.g. "LBB-HOMECARE-APP-C"
 * @param title what a council officer calls it
 * @param year the reporting year it applies to
 * @param version 1, 2, ...
 * @param seedSection the seed it comes from; null for a council's own
 */
public record KpiCatalogue(
    long id,
    String code,
    String title,
    ReportingYear year,
    int version,
    String seedSection,
    List<Kpi> kpis) {

  public KpiCatalogue {
    kpis = List.copyOf(kpis);
  }

  public Optional<Kpi> kpi(String kpiCode) {
    return kpis.stream().filter(k -> k.code().equals(kpiCode)).findFirst();
  }
}
