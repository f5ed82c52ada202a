package uk.gov.council.commissioning.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("commissioning.admin")
public record AdminProperties(String username, String password) {}
