package uk.gov.council.commissioning.kpis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.ContractService;

/**
 * Demo only: the demo contracts report against the catalogues of their seeds, for the current and
 * the previous reporting year. Runs once the application is ready, so after the demo contracts
 * (written on start-up) and the catalogue files; an assignment already there is left alone.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
class KpiDemoData {

  private static final Logger log = LoggerFactory.getLogger(KpiDemoData.class);

  static final Map<String, List<String>> ASSIGNMENTS =
      Map.of(
          "DPSP-2017-01", List.of("DP-SUPPORT-4.7", CatalogueFiles.SP_PI),
          "HC-2022-03", List.of("HOMECARE-APP-C"),
          "DO-2023-02", List.of("QPS-APP-A"),
          "ADV-2020-01", List.of(CatalogueFiles.SP_PI),
          "RB-2024-05", List.of(CatalogueFiles.SP_PI));

  private final KpiCatalogueRegister register;
  private final ContractService contracts;
  private final Clock clock;

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  @Transactional
  public void onReady() {
    ReportingYear current =
        ReportingYear.containing(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK));
    int added = 0;
    for (Map.Entry<String, List<String>> entry : ASSIGNMENTS.entrySet()) {
      var contract = contracts.findByReference(entry.getKey());
      if (contract.isEmpty()) {
        continue;
      }
      for (ReportingYear year : List.of(current.previous(), current)) {
        for (String code : entry.getValue()) {
          if (register.latestVersion(code, year) > 0
              && register.assignOnce(contract.get().id(), year, code)) {
            added++;
          }
        }
      }
    }
    if (added > 0) {
      log.info("Demo KPI catalogues assigned to the demo contracts: {}", added);
    }
  }
}
