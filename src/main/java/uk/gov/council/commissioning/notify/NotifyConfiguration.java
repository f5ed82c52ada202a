package uk.gov.council.commissioning.notify;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling is switched on here, next to the outbox dispatcher that needs it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotifyConfiguration {}
