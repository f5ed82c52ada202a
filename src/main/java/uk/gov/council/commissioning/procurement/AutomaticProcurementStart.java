package uk.gov.council.commissioning.procurement;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nobody has to notice that a contract cannot be extended again: every day (and, if configured, at
 * start-up) an active contract with no option left, ending within the lead time and never procured,
 * gets a procurement.
 */
@Component
@RequiredArgsConstructor
class AutomaticProcurementStart {

  private final ProcurementStarts starts;
  private final ProcurementProperties properties;
  private final ProcurementDeadlines deadlines;

  @Scheduled(
      cron = "${commissioning.procurement.auto-start-cron:0 15 6 * * *}",
      zone = "Europe/London")
  public void daily() {
    starts.startDue(deadlines.today());
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(11)
  public void atStartup() {
    if (properties.autoStartOnStartup()) {
      starts.startDue(deadlines.today());
    }
  }
}
