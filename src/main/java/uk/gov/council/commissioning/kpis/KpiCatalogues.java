package uk.gov.council.commissioning.kpis;

import java.util.List;
import java.util.Optional;

/** The catalogues in force, and which of them applies to a contract in a reporting year. */
public interface KpiCatalogues {

  /** The latest version of a catalogue for a year. */
  Optional<KpiCatalogue> current(String code, ReportingYear year);

  /** A version by its row id (what a return records). */
  Optional<KpiCatalogue> byId(long id);

  /** The latest versions of the catalogues a contract reports against in a year, by code. */
  List<KpiCatalogue> forContract(String contractReference, ReportingYear year);
}
