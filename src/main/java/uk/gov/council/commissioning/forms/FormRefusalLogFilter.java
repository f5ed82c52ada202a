package uk.gov.council.commissioning.forms;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * A form refused by the server-side checks is an officer correcting a form, not a failure: the
 * engine would log it at ERROR (ENGINE-16004) and its REST layer at WARN (ENGINE-REST-HTTP500),
 * each with a stack trace, which buries real failures. Those two are dropped; the refusal itself is
 * logged once, at INFO, by {@link EngineApiErrors}.
 *
 * <p>The REST layer does not hand the exception to the logger: it prints the stack trace into the
 * message itself ("ENGINE-REST-HTTP500 " and the trace, no parameters). Such a message is taken for
 * a refusal only when its root cause, the last "Caused by:" line, is a {@link Refusal}: a refusal's
 * words inside another failure's message do not hide that failure.
 */
public class FormRefusalLogFilter extends TurboFilter {

  private static final String CAUSE = "\nCaused by: ";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
    if (logger != null
        && logger.getName().startsWith("org.camunda.bpm.engine")
        && (isRefusal(thrown, params) || printedRefusal(format))) {
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

  /** A stack trace printed into a message (ENGINE-REST-HTTP500) whose root cause is a refusal. */
  private static boolean printedRefusal(String message) {
    if (message == null) {
      return false;
    }
    int root = message.lastIndexOf(CAUSE);
    if (root < 0) {
      return false;
    }
    int end = message.indexOf(':', root + CAUSE.length());
    return end > 0 && isRefusal(message.substring(root + CAUSE.length(), end));
  }

  private static boolean isRefusal(String className) {
    try {
      return Refusal.class.isAssignableFrom(
          Class.forName(className, false, Refusal.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError notOurs) {
      return false;
    }
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
