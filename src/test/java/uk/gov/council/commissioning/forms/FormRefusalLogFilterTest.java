package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The engine's stack traces for refused forms are dropped; everything else is logged as before. */
class FormRefusalLogFilterTest {

  private final FormRefusalLogFilter filter = new FormRefusalLogFilter();
  private final LoggerContext context = new LoggerContext();
  private final ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception",
      new TaskFormException("Plan the procurement timetable", List.of("tenderCloseDate: too short")));

  @Test
  void theEnginesReportOfARefusedFormIsDropped() {
    assertThat(filter.decide(null, context.getLogger("org.camunda.bpm.engine.context"), Level.ERROR,
        "ENGINE-16004 Exception while closing command context: {}", new Object[] {"..."}, wrapped))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, context.getLogger("org.camunda.bpm.engine.rest.exception"), Level.WARN,
        "ENGINE-REST-HTTP500 {}", new Object[] {new RuntimeException("Cannot submit task form", wrapped)}, null))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void realFailuresAndOtherLoggersAreKept() {
    assertThat(filter.decide(null, context.getLogger("org.camunda.bpm.engine.context"), Level.ERROR,
        "ENGINE-16004 {}", null, new ProcessEngineException("optimistic locking"))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, context.getLogger("uk.gov.council.commissioning.forms"), Level.ERROR,
        "refused", null, wrapped)).isEqualTo(FilterReply.NEUTRAL);
  }
}
