package uk.gov.council.commissioning.qaf;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nobody has to remember to issue a QAF: every day (and, if configured, at start-up) each scheduled
 * contract management meeting whose issue date has come gets its QAF (seed 001 3.3 §2). The
 * contract row lock and the one-QAF-per-meeting check in the process's first step keep it to one
 * per meeting.
 */
@Component
public class QafAutoStart {

  private final QafCaseService cases;
  private final QafProperties properties;

  public QafAutoStart(QafCaseService cases, QafProperties properties) {
    this.cases = cases;
    this.properties = properties;
  }

  @Scheduled(cron = "${commissioning.qaf.auto-start-cron}", zone = "Europe/London")
  public void daily() {
    cases.startDue(QafDeadlines.today());
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void atStartup() {
    if (properties.autoStartOnStartup()) {
      cases.startDue(QafDeadlines.today());
    }
  }
}
