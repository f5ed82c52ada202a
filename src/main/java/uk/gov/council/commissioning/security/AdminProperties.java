package uk.gov.council.commissioning.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

@Validated
@ConfigurationProperties("commissioning.admin")
public record AdminProperties(@NotBlank String username, String password) {}
