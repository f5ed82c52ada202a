package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.gov.council.commissioning.security.AccessProperties.ProcessAccess;

/**
 * {@code commissioning.access}: the documented default, and a configuration mistake stops the start
 * naming it.
 */
class AccessPropertiesTest {

  @Configuration
  @EnableConfigurationProperties(AccessProperties.class)
  static class Bound {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Bound.class);

  // --- the shipped default
  // ------------------------------------------------------------------------

  @Test
  void theDefaultNamesEveryProcessModel() throws IOException {
    AccessProperties access = shippedDefault();
    List<String> models =
        Arrays.stream(
                new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:processes/*.bpmn"))
            .map(Resource::getFilename)
            .map(name -> name.substring(0, name.length() - ".bpmn".length()))
            .toList();

    assertThat(models).isNotEmpty();
    assertThat(access.processes().keySet()).containsExactlyInAnyOrderElementsOf(models);
  }

  @Test
  void byDefaultServiceUsersDetailsGoOnlyToTheTeamsThatNeedThem() throws IOException {
    AccessProperties access = shippedDefault();

    ProcessAccess incidents = access.of("serious-incident");
    assertThat(incidents.cases())
        .contains(Roles.QUALITY_ASSURANCE, Roles.COMMISSIONING_OFFICERS)
        .doesNotContain(Roles.PROCUREMENT, Roles.PROCUREMENT_LEADS, Roles.BROKERAGE);
    assertThat(incidents.details())
        .containsExactlyInAnyOrder(
            Roles.SAFEGUARDING, Roles.QUALITY_ASSURANCE, Roles.CONTRACTS_MANAGERS);
    assertThat(access.of("safeguarding-alert").details()).containsExactly(Roles.SAFEGUARDING);
    assertThat(access.of("complaint").cases())
        .doesNotContain(Roles.PROCUREMENT, Roles.PROCUREMENT_LEADS);
    assertThat(access.of("procurement").cases())
        .contains(Roles.PROCUREMENT, Roles.PROCUREMENT_LEADS);
  }

  @Test
  void theTeamsThatUsedCockpitBeforeStillDo() throws IOException {
    assertThat(shippedDefault().teamsSeeingCases())
        .containsExactlyInAnyOrder(
            Roles.CONTRACTS_MANAGERS,
            Roles.CHIEF_OFFICERS,
            Roles.GOVERNANCE_CONTRACTS,
            Roles.COMMISSIONING_OFFICERS,
            Roles.QUALITY_ASSURANCE,
            Roles.SAFEGUARDING,
            Roles.PROCUREMENT,
            Roles.PROCUREMENT_LEADS,
            // The meeting schedule's own teams (seed 001 Part 3.1 §1).
            Roles.CONTRACT_MANAGEMENT_LEADS,
            Roles.CORE_STRATEGY_GROUP);
  }

  // --- mistakes stop the start
  // --------------------------------------------------------------------

  @Test
  void anUnknownGroupStopsTheStartNamingIt() {
    assertStartStopped(
        List.of(
            "commissioning.access.processes.serious-incident.cases=quality-assurance,qualty-assurance"),
        "processes.serious-incident.cases names an unknown group qualty-assurance");
  }

  @Test
  void aProviderGroupCannotBeGivenCases() {
    assertStartStopped(
        List.of(
            "commissioning.access.processes.complaint.cases=quality-assurance,provider-vibrance,providers"),
        "names the provider group provider-vibrance",
        "names the provider group providers");
  }

  @Test
  void aTeamReadingDetailsMustSeeTheCases() {
    assertStartStopped(
        List.of(
            "commissioning.access.processes.serious-incident.cases=quality-assurance",
            "commissioning.access.processes.serious-incident.details=quality-assurance,safeguarding"),
        "processes.serious-incident.details names safeguarding, which is not in"
            + " processes.serious-incident.cases");
  }

  @Test
  void noConfigurationAtAllStopsTheStart() {
    runner.run(
        context ->
            assertThat(context)
                .getFailure()
                .hasStackTraceContaining("commissioning.access")
                .hasStackTraceContaining("processes"));
  }

  @Test
  void aValidConfigurationBinds() {
    runner
        .withPropertyValues(
            "commissioning.access.processes.serious-incident.cases=quality-assurance,commissioning-officers",
            "commissioning.access.processes.serious-incident.details=quality-assurance")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              ProcessAccess access = context.getBean(AccessProperties.class).of("serious-incident");
              assertThat(access.cases())
                  .containsExactly(Roles.QUALITY_ASSURANCE, Roles.COMMISSIONING_OFFICERS);
              assertThat(access.details()).containsExactly(Roles.QUALITY_ASSURANCE);
            });
  }

  @Test
  void aProcessThatIsNotDeployedStopsTheStartNamingIt() {
    AccessProperties access =
        new AccessProperties(
            Map.of(
                "serious-incident", new ProcessAccess(List.of(Roles.QUALITY_ASSURANCE), List.of()),
                "serious-incidents",
                    new ProcessAccess(List.of(Roles.QUALITY_ASSURANCE), List.of())));

    assertThatThrownBy(() -> new CaseAccess(access, deployed("serious-incident", "complaint")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("names processes that are not deployed: serious-incidents")
        .hasMessageContaining("deployed: complaint, serious-incident");
  }

  // --- who sees what
  // ------------------------------------------------------------------------------

  @Test
  void theAdministratorSeesEverythingAndATeamOutsideTheConfigurationNothing() {
    CaseAccess access =
        new CaseAccess(
            new AccessProperties(
                Map.of(
                    "serious-incident",
                    new ProcessAccess(
                        List.of(Roles.QUALITY_ASSURANCE, Roles.COMMISSIONING_OFFICERS),
                        List.of(Roles.QUALITY_ASSURANCE)))),
            deployed("serious-incident"));

    assertThat(access.staffSight(List.of(Roles.ADMIN), "serious-incident"))
        .isEqualTo(CaseAccess.Sight.DETAILS);
    assertThat(access.staffSight(List.of(Roles.QUALITY_ASSURANCE), "serious-incident"))
        .isEqualTo(CaseAccess.Sight.DETAILS);
    assertThat(access.staffSight(List.of(Roles.COMMISSIONING_OFFICERS), "serious-incident"))
        .isEqualTo(CaseAccess.Sight.CASE);
    assertThat(access.staffSight(List.of(Roles.PROCUREMENT), "serious-incident"))
        .isEqualTo(CaseAccess.Sight.NOTHING);
    assertThat(access.staffSight(List.of(Roles.QUALITY_ASSURANCE), "complaint"))
        .isEqualTo(CaseAccess.Sight.NOTHING);
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  private static AccessProperties shippedDefault() throws IOException {
    List<PropertySource<?>> yaml =
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"));
    StandardEnvironment environment = new StandardEnvironment();
    yaml.forEach(environment.getPropertySources()::addLast);
    return new Binder(ConfigurationPropertySources.get(environment))
        .bind("commissioning.access", AccessProperties.class)
        .get();
  }

  private static ManagementService deployed(String... keys) {
    ManagementService management = mock(ManagementService.class, RETURNS_DEEP_STUBS);
    when(management.getTableName(ProcessDefinition.class)).thenReturn("ACT_RE_PROCDEF");
    // As PostgreSQL names the columns (H2: upper case); a key deployed in two versions.
    List<Map<String, Object>> rows = new ArrayList<>();
    Arrays.stream(keys).forEach(key -> rows.add(Map.of("key_", key, "version_", 1)));
    Arrays.stream(keys).limit(1).forEach(key -> rows.add(Map.of("KEY_", key, "VERSION_", 2)));
    when(management
            .createTablePageQuery()
            .tableName("ACT_RE_PROCDEF")
            .listPage(0, Integer.MAX_VALUE)
            .getRows())
        .thenReturn(rows);
    return management;
  }

  /** With the properties the context does not start, and the root cause says each message. */
  private void assertStartStopped(List<String> properties, String... messages) {
    runner
        .withPropertyValues(properties.toArray(String[]::new))
        .run(
            context -> {
              var cause = assertThat(context).getFailure().rootCause();
              for (String message : messages) {
                cause.hasMessageContaining(message);
              }
            });
  }
}
