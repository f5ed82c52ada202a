package uk.gov.council.commissioning.forms;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Puts {@link FormRefusalLogFilter} on Logback once Spring Boot has set logging up, so that Spring
 * Boot keeps its own default configuration, built in code, instead of reading a {@code
 * logback-spring.xml} with Logback's XML configurator (about 300 classes loaded and a share of the
 * start-up's CPU, for one filter). Spring Boot resets Logback's context each time it sets logging
 * up (each application context a test starts), which drops the filter: it is added again each time.
 * Registered in {@code META-INF/spring.factories}: it must run before any bean exists.
 */
public class FormRefusalLogging
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    install(LoggerFactory.getILoggerFactory());
  }

  static void install(ILoggerFactory loggers) {
    if (loggers instanceof LoggerContext context
        && context.getTurboFilterList().stream()
            .noneMatch(FormRefusalLogFilter.class::isInstance)) {
      FormRefusalLogFilter filter = new FormRefusalLogFilter();
      filter.setContext(context);
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public int getOrder() {
    // After Spring Boot's logging set-up, which would otherwise reset the context and drop it.
    return LoggingApplicationListener.DEFAULT_ORDER + 1;
  }
}
