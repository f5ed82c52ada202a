package uk.gov.council.commissioning.extension;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class ExtensionConfiguration {}
