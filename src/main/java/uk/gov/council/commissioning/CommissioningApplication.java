package uk.gov.council.commissioning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommissioningApplication {
  public static void main(String[] args) {
    SpringApplication.run(CommissioningApplication.class, args);
  }
}
