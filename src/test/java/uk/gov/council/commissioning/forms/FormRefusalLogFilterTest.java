package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The engine's stack traces for refused forms are dropped; everything else is logged as before. */
class FormRefusalLogFilterTest {

  private final FormRefusalLogFilter filter = new FormRefusalLogFilter();
  private final LoggerContext context = new LoggerContext();
  private final ProcessEngineException wrapped =
      new ProcessEngineException(
          "ENGINE-03051 There was an exception",
          new TaskFormException(
              "Plan the procurement timetable", List.of("tenderCloseDate: too short")));

  @Test
  void theEnginesReportOfARefusedFormIsDropped() {
    assertThat(
            filter.decide(
                null,
                context.getLogger("org.camunda.bpm.engine.context"),
                Level.ERROR,
                "ENGINE-16004 Exception while closing command context: {}",
                new Object[] {"..."},
                wrapped))
        .isEqualTo(FilterReply.DENY);
    assertThat(
            filter.decide(
                null,
                context.getLogger("org.camunda.bpm.engine.rest.exception"),
                Level.WARN,
                "ENGINE-REST-HTTP500 {}",
                new Object[] {new RuntimeException("Cannot submit task form", wrapped)},
                null))
        .isEqualTo(FilterReply.DENY);
  }

  /** The engine REST API logs the stack trace printed into the message, not the exception. */
  @Test
  void theRestApisPrintedStackTraceOfARefusedFormIsDropped() {
    RuntimeException startForm =
        new RuntimeException(
            "Cannot instantiate process definition procurement:1: "
                + "The procurement request cannot be completed: serviceArea: is required",
            new TaskFormException("The procurement request", List.of("serviceArea: is required")));

    assertThat(restApiWarning("ENGINE-REST-HTTP500 " + printed(startForm)))
        .isEqualTo(FilterReply.DENY);
    assertThat(
            restApiWarning(
                "ENGINE-REST-HTTP500 "
                    + printed(new RuntimeException("Cannot submit task form", wrapped))))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void aPrintedStackTraceWhoseRootCauseIsNotARefusalIsKept() {
    // A refusal's words in a message, even at the start of a line, do not make a real failure a
    // refusal.
    RuntimeException failure =
        new RuntimeException(
            "Cannot submit task form: value 'x\nCaused by: "
                + TaskFormException.class.getName()
                + ": forged'",
            new IllegalStateException("database unavailable"));

    assertThat(restApiWarning("ENGINE-REST-HTTP500 " + printed(failure)))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(
            restApiWarning("ENGINE-REST-HTTP500 " + printed(new IllegalStateException("no cause"))))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void realFailuresAndOtherLoggersAreKept() {
    assertThat(
            filter.decide(
                null,
                context.getLogger("org.camunda.bpm.engine.context"),
                Level.ERROR,
                "ENGINE-16004 {}",
                null,
                new ProcessEngineException("optimistic locking")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(
            filter.decide(
                null,
                context.getLogger("uk.gov.council.commissioning.forms"),
                Level.ERROR,
                "refused",
                null,
                wrapped))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  /** The filter's reply to the engine REST API's warning, the stack trace printed in it. */
  private FilterReply restApiWarning(String message) {
    return filter.decide(
        null,
        context.getLogger("org.camunda.bpm.engine.rest.exception"),
        Level.WARN,
        message,
        null,
        null);
  }

  private static String printed(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
