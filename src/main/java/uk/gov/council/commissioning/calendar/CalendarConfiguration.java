package uk.gov.council.commissioning.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

  @Bean
  BankHolidayData bankHolidayData() {
    return BankHolidayData.bundled();
  }
}
