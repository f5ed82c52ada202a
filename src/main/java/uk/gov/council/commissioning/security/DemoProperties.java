package uk.gov.council.commissioning.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Only the demo profile sets these: demo users exist nowhere else. */
@ConfigurationProperties("commissioning.demo")
public record DemoProperties(boolean enabled, String password) {}
