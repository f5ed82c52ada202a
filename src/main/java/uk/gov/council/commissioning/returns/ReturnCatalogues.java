package uk.gov.council.commissioning.returns;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.kpis.KpiCatalogues;
import uk.gov.council.commissioning.kpis.ReportingYear;

/**
 * The contract's KPI catalogues for a year, from the kpis capability. Until that capability holds
 * catalogues a contract has none, and every KPI in a return is refused as not in its catalogue.
 */
@Component
@RequiredArgsConstructor
class ReturnCatalogues {

  private final ObjectProvider<KpiCatalogues> catalogues;

  List<KpiCatalogue> of(String contractReference, int year) {
    KpiCatalogues source = catalogues.getIfAvailable();
    return source == null
        ? List.of()
        : source.forContract(contractReference, new ReportingYear(year));
  }
}
