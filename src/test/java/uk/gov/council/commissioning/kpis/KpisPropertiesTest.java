package uk.gov.council.commissioning.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code commissioning.kpis} as shipped: the seed catalogue files and the council's assumed SP-PI
 * triggers (seed 001 Part 3.2 §3.1.1 gives none) bound by their codes; a trigger that is not a
 * threshold stops the start naming it.
 */
class KpisPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(KpisProperties.class)
  static class Bound {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withInitializer(new ConfigDataApplicationContextInitializer())
          .withUserConfiguration(Bound.class);

  @Test
  void theShippedTriggersAreBoundByTheirCodes() {
    runner.run(
        context -> {
          KpisProperties properties = context.getBean(KpisProperties.class);
          assertThat(properties.catalogueFiles()).containsExactly(KpisProperties.SEED_FILES);
          assertThat(properties.spPiTriggers())
              .isEqualTo(
                  Map.of(
                      "KPI 1", "≥ 98",
                      "KPI 2", "≥ 70",
                      "SPI 1", "≥ 97",
                      "SPI 2", "≥ 90",
                      "SPI 3", "≥ 90",
                      "SPI 4", "≥ 90"));
        });
  }

  @Test
  void aTriggerThatIsNotAThresholdIsRefusedByName() {
    runner
        .withPropertyValues("commissioning.kpis.sp-pi-triggers[KPI 1]=about ninety")
        .run(
            context -> {
              assertThat(context).hasFailed();
              StringBuilder messages = new StringBuilder();
              for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
              }
              assertThat(messages.toString()).contains("commissioning.kpis.sp-pi-triggers[KPI 1]");
            });
  }
}
