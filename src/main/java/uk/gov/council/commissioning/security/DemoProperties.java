package uk.gov.council.commissioning.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Only the demo profile sets these: demo users exist nowhere else. */
@Validated
@ConfigurationProperties("commissioning.demo")
record DemoProperties(boolean enabled, String password) {}
