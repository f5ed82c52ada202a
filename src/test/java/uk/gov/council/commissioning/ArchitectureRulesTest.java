package uk.gov.council.commissioning;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.deadlines.EngineClock;
import uk.gov.council.commissioning.deadlines.TimeAcceleration;

/**
 * Rules of the case kit that the module structure alone does not catch. Each one guards a promise
 * made in docs/architecture.md: one clock, and time acceleration applied in one place.
 */
class ArchitectureRulesTest {

  private static final JavaClasses APPLICATION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("uk.gov.council.commissioning");

  /**
   * Every "now" ({@code Instant.now()}, {@code LocalDate.now()} or any other {@code java.time}
   * type's) comes from the {@link java.time.Clock} bean, which follows the engine's clock: a time
   * read anywhere else would disagree with the timers that process tests (and time acceleration)
   * move.
   */
  @Test
  void onlyTheClockProviderReadsTheSystemTime() {
    ArchRule rule =
        noClasses()
            .that()
            .doNotBelongToAnyOf(EngineClock.class)
            .should()
            .callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time")))))
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .because("the application has one clock (docs/architecture.md, Deadlines)");
    rule.check(APPLICATION);
  }

  /**
   * Time acceleration compresses what the engine is handed (timer dates, task due dates) and
   * nothing else; the deadlines capability is the one place that does it, so a process cannot
   * compress a date twice or store a compressed date in the register.
   */
  @Test
  void onlyTheDeadlinesCapabilityAppliesTimeAcceleration() {
    noClasses()
        .that()
        .resideOutsideOfPackage("uk.gov.council.commissioning.deadlines..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(TimeAcceleration.class)
        .because("time acceleration is applied in exactly one place")
        .check(APPLICATION);
  }
}
