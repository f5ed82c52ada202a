package uk.gov.council.commissioning.returnyear;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The timer cycle of {@code performance-late-report.bpmn}'s start event. The engine reads it while
 * it deploys the model, before its own services exist: so this bean needs nothing but the settings.
 */
@Component("lateReportSchedule")
@RequiredArgsConstructor
public class LateReportSchedule {

  private final PerformanceYearProperties properties;

  public String cycle() {
    return properties.lateReportCycle();
  }
}
