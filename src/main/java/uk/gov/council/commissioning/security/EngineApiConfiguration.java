package uk.gov.council.commissioning.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import uk.gov.council.commissioning.forms.DeployedForms;
import uk.gov.council.commissioning.forms.EngineApiErrors;

/**
 * Puts {@link EngineApiErrors} and {@link EngineApiGuard} in front of the engine's APIs ({@code
 * /engine-rest}, and Tasklist's and Cockpit's at {@code /camunda/api/engine}), after the web apps'
 * own filters: their CSRF check must refuse a forged request before anything of ours answers it,
 * and their authentication must have told the engine who is calling.
 *
 * <p>The web apps register their filters from one initializer, after every filter bean of the
 * application; ours are registered by wrapping that initializer, so they come right after it. With
 * the web apps switched off, {@code /engine-rest} is still served, so ours are then registered on
 * their own. The application refuses to start if they were not registered in its own server: the
 * mark is kept in that server's context, not in the JVM, which may hold several applications.
 */
@Configuration
class EngineApiConfiguration {

  private static final String[] ENGINE_APIS = {"/engine-rest/*", "/camunda/api/engine/*"};
  private static final String REGISTERED = EngineApiConfiguration.class.getName() + ".registered";

  @Bean
  static BeanPostProcessor engineApiFiltersAfterTheWebApps(
      ObjectProvider<ObjectMapper> json,
      ObjectProvider<DeployedForms> forms,
      ObjectProvider<ProcessEngine> engine) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof CamundaBpmWebappInitializer webApps)) {
          return bean;
        }
        return (ServletContextInitializer)
            context -> {
              webApps.onStartup(context);
              register(context, json.getObject(), forms.getObject(), engine::getObject);
            };
      }
    };
  }

  @Bean
  @ConditionalOnProperty(name = "camunda.bpm.webapp.enabled", havingValue = "false")
  static ServletContextInitializer engineApiFiltersWithoutTheWebApps(
      ObjectProvider<ObjectMapper> json,
      ObjectProvider<DeployedForms> forms,
      ObjectProvider<ProcessEngine> engine) {
    return context -> register(context, json.getObject(), forms.getObject(), engine::getObject);
  }

  static void register(
      ServletContext context,
      ObjectMapper json,
      DeployedForms forms,
      Supplier<ProcessEngine> engine) {
    add(context, "engineApiErrors", new EngineApiErrors(json, forms, engine));
    add(context, "engineApiGuard", new EngineApiGuard(json, forms));
    context.setAttribute(REGISTERED, Boolean.TRUE);
  }

  private static void add(ServletContext context, String name, jakarta.servlet.Filter filter) {
    FilterRegistration.Dynamic registration = context.addFilter(name, filter);
    registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, ENGINE_APIS);
  }

  @EventListener(ApplicationReadyEvent.class)
  void requireTheGuard(ApplicationReadyEvent ready) {
    if (ready.getApplicationContext() instanceof ServletWebServerApplicationContext web
        && web.getServletContext() != null
        && web.getServletContext().getAttribute(REGISTERED) == null) {
      throw new IllegalStateException(
          "The engine API guard was not installed in front of /engine-rest and the"
              + " web apps' engine API: the application must not serve them unguarded");
    }
  }
}
