package uk.gov.council.commissioning.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The shared test context ({@link ProcessTest}) names its engine "default", as the web apps and
 * {@code /engine-rest} look it up. A test that changes a setting on top of it gets a second context
 * whose engine takes that name in the JVM-wide registry; when either closes, sign-in and the engine
 * API of the other break for every test after it. Changed settings go in {@link
 * ChangedSettingsTest} (or a context of their own with a generated engine name).
 */
class TestContextRulesTest {

  private static final JavaClasses TESTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
          .importPackages("uk.gov.council.commissioning");

  @Test
  void noTestChangesSettingsOnTheSharedContext() {
    noClasses()
        .that()
        .areAnnotatedWith(ProcessTest.class)
        .or()
        .areMetaAnnotatedWith(ProcessTest.class)
        .should()
        .beAnnotatedWith(TestPropertySource.class)
        .because("a second context with the engine named default breaks the shared one")
        .check(TESTS);
  }
}
