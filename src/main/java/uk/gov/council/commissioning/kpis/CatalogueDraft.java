package uk.gov.council.commissioning.kpis;

import java.util.List;

/**
 * A catalogue as a council writes it: the body of {@code POST /api/kpi-catalogues} and the content
 * of a catalogue file. Every value is text so that a bad one is refused by its field name rather
 * than failing to read.
 *
 * @param year the reporting year, "2026/27" or "2026"; a catalogue file may leave it out to be
 *     loaded for the current and the previous year
 */
record CatalogueDraft(
    String code, String title, String year, String seedSection, List<KpiDraft> kpis) {

  /** One KPI as written; see {@link Kpi} for what each value means. */
  record KpiDraft(
      String code,
      String area,
      String wording,
      String unit,
      String threshold,
      String target,
      String frequency,
      String consequence,
      String reportedBy,
      String measure,
      String seedSection) {

    static KpiDraft of(Kpi kpi) {
      return new KpiDraft(
          kpi.code(),
          kpi.area(),
          kpi.wording(),
          kpi.unit().name(),
          kpi.threshold() == null ? null : kpi.threshold().text(),
          kpi.target(),
          kpi.frequency().name(),
          kpi.consequence(),
          kpi.reportedBy().name(),
          kpi.measure(),
          kpi.seedSection());
    }
  }

  CatalogueDraft withYear(ReportingYear reportingYear) {
    return new CatalogueDraft(code, title, reportingYear.label(), seedSection, kpis);
  }

  static CatalogueDraft of(KpiCatalogue catalogue) {
    return new CatalogueDraft(
        catalogue.code(),
        catalogue.title(),
        catalogue.year().label(),
        catalogue.seedSection(),
        catalogue.kpis().stream().map(KpiDraft::of).toList());
  }
}
