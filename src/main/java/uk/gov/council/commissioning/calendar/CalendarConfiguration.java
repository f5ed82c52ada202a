package uk.gov.council.commissioning.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  @Bean
  BankHolidayData bankHolidayData() {
    return BankHolidayData.bundled();
  }
}
