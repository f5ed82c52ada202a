package uk.gov.council.commissioning.forms;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * A form refused by the server-side checks is an officer correcting a form, not a failure: the
 * engine would log it at ERROR (ENGINE-16004) and its REST layer at WARN (ENGINE-REST-HTTP500), each
 * with a stack trace, which buries real failures. Those two are dropped; the refusal itself is
 * logged once, at INFO, by {@link EngineApiErrors}.
 */
public class FormRefusalLogFilter extends TurboFilter {

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable thrown) {
    if (logger != null && logger.getName().startsWith("org.camunda.bpm.engine") && isRefusal(thrown, params)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean isRefusal(Throwable thrown, Object[] params) {
    if (causedByRefusal(thrown)) {
      return true;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable t && causedByRefusal(t)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean causedByRefusal(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Refusal) {
        return true;
      }
    }
    return false;
  }
}
