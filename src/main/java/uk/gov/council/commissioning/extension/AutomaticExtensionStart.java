package uk.gov.council.commissioning.extension;

import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/**
 * Nobody has to remember an end date: every day (and, if configured, at start-up) contracts
 * approaching theirs get an extension case. Several nodes may run this at once; the contract row
 * lock and the running-case check in the process's first step keep it to one case per contract.
 */
@Component
@RequiredArgsConstructor
class AutomaticExtensionStart {

  private final ExtensionCaseService cases;
  private final ExtensionProperties properties;
  private final Clock clock;

  @Scheduled(cron = "${commissioning.extension.auto-start-cron}", zone = "Europe/London")
  public void daily() {
    cases.startDueCases(today());
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void atStartup() {
    if (properties.autoStartOnStartup()) {
      cases.startDueCases(today());
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }
}
