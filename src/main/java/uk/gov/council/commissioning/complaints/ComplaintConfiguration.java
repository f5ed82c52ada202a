package uk.gov.council.commissioning.complaints;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ComplaintProperties.class)
class ComplaintConfiguration {}
