package uk.gov.council.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each direct sub-package of the application is a capability. The verification fails on a cycle
 * between capabilities, on a capability using another's internal (sub-package) types, and on a
 * dependency a capability's {@code package-info.java} does not allow.
 */
class ModuleStructureTest {

  private static final ApplicationModules MODULES =
      ApplicationModules.of(CommissioningApplication.class);

  @Test
  void capabilitiesHaveNoCyclesAndUseOnlyEachOthersApi() {
    MODULES.verify();
  }

  @Test
  void everyCapabilityIsAModule() {
    assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .contains("contracts", "web", "security", "forms", "qaf", "procurement");
  }

  /** Writes the module list and its dependencies to target/spring-modulith-docs for review. */
  @Test
  void documentsTheModules() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
