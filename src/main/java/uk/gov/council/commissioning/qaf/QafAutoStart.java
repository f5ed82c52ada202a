package uk.gov.council.commissioning.qaf;

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
 * Nobody has to remember to issue a QAF: every day (and, if configured, at start-up) each scheduled
 * contract management meeting whose issue date has come gets its QAF (seed 001 3.3 §2). The
 * contract row lock and the one-QAF-per-meeting check in the process's first step keep it to one
 * per meeting.
 */
@Component
@RequiredArgsConstructor
class QafAutoStart {

  private final QafCaseService cases;
  private final QafProperties properties;

  private final Clock clock;

  @Scheduled(cron = "${commissioning.qaf.auto-start-cron}", zone = "Europe/London")
  public void daily() {
    cases.startDue(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK));
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void atStartup() {
    if (properties.autoStartOnStartup()) {
      cases.startDue(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK));
    }
  }
}
