package uk.gov.council.commissioning.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Configuration;

/** {@link FormRefusalFilter} around Tasklist's engine API and {@code /engine-rest}. */
@Configuration
public class FormRefusalConfiguration {

  @Bean
  FilterRegistrationBean<FormRefusalFilter> formRefusals(ObjectMapper json, @Lazy ProcessEngine engine) {
    FilterRegistrationBean<FormRefusalFilter> registration =
        new FilterRegistrationBean<>(new FormRefusalFilter(json, new FormLabels(json), engine));
    registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
    registration.setName("formRefusals");
    return registration;
  }
}
