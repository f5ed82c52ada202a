package uk.gov.council.commissioning.forms;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds {@link FormRefusalMapper} to the engine REST API that Tasklist submits forms through. */
@Configuration
public class FormRefusalConfiguration {

  @Bean
  ResourceConfigCustomizer formRefusals() {
    return config -> config.register(FormRefusalMapper.class);
  }
}
