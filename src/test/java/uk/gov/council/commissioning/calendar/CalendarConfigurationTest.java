package uk.gov.council.commissioning.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import uk.gov.council.commissioning.deadlines.EngineClock;
import uk.gov.council.commissioning.deadlines.TimeAcceleration;

class CalendarConfigurationTest {

  /** The application finds the properties by scanning; this runner names them. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CalendarProperties.class)
  static class Bound {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(
              Bound.class,
              CalendarConfiguration.class,
              WorkingDayCalendar.class,
              TimeAcceleration.class,
              EngineClock.class);

  @Test
  void bindsKebabCaseNationsAndClosureDays() {
    runner
        .withPropertyValues(
            "commissioning.calendar.nation=northern-ireland",
            "commissioning.calendar.extra-closure-days[0]=2026-12-29",
            "commissioning.calendar.extra-closure-days[1]=2026-12-30",
            "commissioning.time.acceleration=1440")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(CalendarProperties.class).extraClosureDays())
                  .containsExactly(of(2026, 12, 29), of(2026, 12, 30));
              WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
              assertThat(calendar.nation()).isEqualTo(Nation.NORTHERN_IRELAND);
              assertThat(calendar.isWorkingDay(of(2026, 12, 30))).isFalse();
              assertThat(context.getBean(TimeAcceleration.class).factor()).isEqualTo(1440);
            });
  }

  @Test
  void commaSeparatedClosureDaysBindToo() {
    runner
        .withPropertyValues("commissioning.calendar.extra-closure-days=2026-12-29,2026-12-30")
        .run(
            context ->
                assertThat(context.getBean(CalendarProperties.class).extraClosureDays())
                    .containsExactly(of(2026, 12, 29), of(2026, 12, 30)));
  }

  @Test
  void defaultsToEnglandAndWalesRealTimeAndNoClosures() {
    runner.run(
        context -> {
          CalendarProperties properties = context.getBean(CalendarProperties.class);
          assertThat(properties.nation()).isEqualTo(Nation.ENGLAND_AND_WALES);
          assertThat(properties.extraClosureDays()).isEmpty();
          assertThat(context.getBean(TimeAcceleration.class).isAccelerated()).isFalse();
        });
  }

  @Test
  void everyNationBindsFromItsGovUkName() {
    for (Nation nation : Nation.values()) {
      runner
          .withPropertyValues("commissioning.calendar.nation=" + nation.division())
          .run(
              context ->
                  assertThat(context.getBean(WorkingDayCalendar.class).nation()).isEqualTo(nation));
    }
  }

  @Test
  void theShippedApplicationYmlBinds() throws IOException {
    List<PropertySource<?>> yaml =
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"));
    StandardEnvironment environment = new StandardEnvironment();
    yaml.forEach(environment.getPropertySources()::addLast);

    CalendarProperties properties =
        new Binder(ConfigurationPropertySources.get(environment))
            .bindOrCreate("commissioning.calendar", CalendarProperties.class);

    assertThat(properties.nation()).isEqualTo(Nation.ENGLAND_AND_WALES);
    assertThat(properties.extraClosureDays()).isEmpty();
  }

  @Test
  void refusesToStartWithoutAPositiveAcceleration() {
    runner
        .withPropertyValues("commissioning.time.acceleration=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .isInstanceOf(BeanCreationException.class)
                    .rootCause()
                    .hasMessageContaining(
                        "commissioning.time.acceleration must be a positive number"));
  }
}
