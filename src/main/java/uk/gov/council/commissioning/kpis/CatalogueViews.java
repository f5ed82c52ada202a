package uk.gov.council.commissioning.kpis;

import java.util.List;

/** The catalogues as the API answers with them: years written "2026/27", thresholds as text. */
final class CatalogueViews {

  private CatalogueViews() {}

  record Summary(
      String code,
      String title,
      String year,
      int startYear,
      int version,
      int count,
      String seedSection,
      String href) {}

  record KpiView(
      String code,
      String area,
      String wording,
      KpiUnit unit,
      String threshold,
      String target,
      Kpi.Frequency frequency,
      String consequence,
      Kpi.ReportedBy reportedBy,
      String measure,
      String seedSection) {}

  record VersionView(int version, String createdBy, java.time.Instant createdAt) {}

  record Catalogue(
      long id,
      String code,
      String title,
      String year,
      int startYear,
      int version,
      String seedSection,
      List<VersionView> versions,
      List<KpiView> kpis) {}

  static Summary summary(KpiCatalogueRegister.Summary s) {
    return new Summary(
        s.code(),
        s.title(),
        s.year().label(),
        s.year().startYear(),
        s.version(),
        s.count(),
        s.seedSection(),
        path(s.code(), s.year()));
  }

  static Catalogue catalogue(KpiCatalogue c, List<KpiCatalogueRegister.Summary> versions) {
    return new Catalogue(
        c.id(),
        c.code(),
        c.title(),
        c.year().label(),
        c.year().startYear(),
        c.version(),
        c.seedSection(),
        versions.stream()
            .map(v -> new VersionView(v.version(), v.createdBy(), v.createdAt()))
            .toList(),
        c.kpis().stream().map(CatalogueViews::kpi).toList());
  }

  static KpiView kpi(Kpi k) {
    return new KpiView(
        k.code(),
        k.area(),
        k.wording(),
        k.unit(),
        k.threshold() == null ? null : k.threshold().textFor(k.unit()),
        k.target(),
        k.frequency(),
        k.consequence(),
        k.reportedBy(),
        k.measure(),
        k.seedSection());
  }

  /** The API path of a catalogue's year: "/api/kpi-catalogues/QPS-APP-A/2026-27". */
  static String path(String code, ReportingYear year) {
    return "/api/kpi-catalogues/" + code + "/" + pathYear(year);
  }

  static String pathYear(ReportingYear year) {
    return year.label().replace('/', '-');
  }
}
