package uk.gov.council.commissioning.returns;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.kpis.KpiCatalogues;
import uk.gov.council.commissioning.kpis.ReportingYear;

/**
 * The contract's KPI catalogues for a year, from the kpis capability. A contract with none assigned
 * has none, and every KPI in its return is refused as not in its catalogue.
 */
@Component
@RequiredArgsConstructor
class ReturnCatalogues {

  private final KpiCatalogues catalogues;

  List<KpiCatalogue> of(String contractReference, int year) {
    return catalogues.forContract(contractReference, new ReportingYear(year));
  }
}
