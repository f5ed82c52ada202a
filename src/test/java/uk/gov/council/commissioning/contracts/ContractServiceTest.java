package uk.gov.council.commissioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;
import static uk.gov.council.commissioning.testkit.InvalidRequests.assertRefusedNaming;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.council.commissioning.deadlines.EngineClock;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

// Same configuration as the API test so both share one application context (and engine).
@ProcessTest
class ContractServiceTest extends ProcessTestCase {

  @Autowired TransactionTemplate transactions;

  Provider provider;

  @BeforeEach
  void seed() {
    provider = seedDemoAndFindVibrance(contracts);
  }

  /** Seeds the demo contracts (once; a repeat adds nothing) and returns their provider Vibrance. */
  static Provider seedDemoAndFindVibrance(ContractService contracts) {
    new DemoContracts(contracts, new EngineClock()).seed(LocalDate.now());
    return contracts.findAllProviders().stream()
        .filter(p -> p.organisationGroup().equals("provider-vibrance"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void seedContractIsInItsFirstExtensionAndOffersTheSecondAndFinalOne() {
    Contract dpsp = contracts.findByReference("DPSP-2017-01").orElseThrow();

    assertThat(dpsp.provider().name()).isEqualTo("Vibrance");
    assertThat(dpsp.endDate()).isEqualTo(LocalDate.of(2020, 4, 7));
    assertThat(dpsp.options())
        .extracting(ExtensionOption::optionOrder, ExtensionOption::used)
        .containsExactly(tuple(1, true), tuple(2, false));
    assertThat(dpsp.options().get(0).usedByDecision())
        .isEqualTo("Portfolio Holder decision 2018 (first +1 year)");
    assertThat(contracts.nextExtension(dpsp))
        .contains(new ExtensionPeriod(LocalDate.of(2020, 4, 8), LocalDate.of(2021, 4, 7), 2));
  }

  @Test
  void seedingTwiceAddsNothing() {
    int before = contracts.findAll().size();
    new DemoContracts(contracts, new EngineClock()).seed(LocalDate.now());
    assertThat(contracts.findAll()).hasSize(before);
  }

  @Test
  void noNextExtensionOnceEveryOptionIsUsed() {
    Contract advocacy = contracts.findByReference("ADV-2020-01").orElseThrow();
    assertThat(contracts.nextExtension(advocacy)).isEmpty();
  }

  @Test
  void applyingAnExtensionMovesTheEndDateAndUsesTheOption() {
    String ref = newContract(LocalDate.of(2030, 3, 31), 12, 6);

    boolean applied = contracts.applyExtension(ref, 1, "KD-2030-001", LocalDate.of(2031, 3, 31));

    assertThat(applied).isTrue();
    Contract after = contracts.findByReference(ref).orElseThrow();
    assertThat(after.endDate()).isEqualTo(LocalDate.of(2031, 3, 31));
    ExtensionOption first = after.options().get(0);
    assertThat(first.used()).isTrue();
    assertThat(first.usedByDecision()).isEqualTo("KD-2030-001");
    assertThat(first.usedAt()).isNotNull();
    assertThat(contracts.nextExtension(after))
        .contains(new ExtensionPeriod(LocalDate.of(2031, 4, 1), LocalDate.of(2031, 9, 30), 2));
  }

  @Test
  void applyingTheSameDecisionAgainChangesNothing() {
    String ref = newContract(LocalDate.of(2030, 3, 31), 12);
    contracts.applyExtension(ref, 1, "KD-2030-002", LocalDate.of(2031, 3, 31));

    boolean again = contracts.applyExtension(ref, 1, "KD-2030-002", LocalDate.of(2032, 3, 31));

    assertThat(again).isFalse();
    assertThat(contracts.findByReference(ref).orElseThrow().endDate())
        .isEqualTo(LocalDate.of(2031, 3, 31));
  }

  @Test
  void anOptionUsedByAnotherDecisionIsRefused() {
    String ref = newContract(LocalDate.of(2030, 3, 31), 12);
    contracts.applyExtension(ref, 1, "KD-2030-003", LocalDate.of(2031, 3, 31));

    assertThatThrownBy(
            () -> contracts.applyExtension(ref, 1, "KD-2030-999", LocalDate.of(2031, 3, 31)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ref)
        .hasMessageContaining("KD-2030-003");
    assertThat(contracts.findByReference(ref).orElseThrow().options().get(0).usedByDecision())
        .isEqualTo("KD-2030-003");
  }

  @Test
  void optionsAreTakenInOrderAndMustExist() {
    String ref = newContract(LocalDate.of(2030, 3, 31), 12, 12);

    assertThatThrownBy(() -> contracts.applyExtension(ref, 2, "KD-X", LocalDate.of(2031, 3, 31)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("option 1 must be used before option 2");
    assertThatThrownBy(() -> contracts.applyExtension(ref, 3, "KD-X", LocalDate.of(2031, 3, 31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no extension option 3");
    assertThatThrownBy(() -> contracts.applyExtension(ref, 1, "KD-X", LocalDate.of(2030, 3, 31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be after its current end date");
  }

  @Test
  void twoDecisionsRacingForTheSameOptionCannotBothUseIt() throws Exception {
    String ref = newContract(LocalDate.of(2030, 3, 31), 12);
    CountDownLatch locked = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // The first decision holds the contract lock while the second tries to apply.
      Future<Boolean> first =
          pool.submit(
              () ->
                  transactions.execute(
                      tx -> {
                        contracts.lockForUpdate(ref);
                        locked.countDown();
                        sleep(300);
                        return contracts.applyExtension(
                            ref, 1, "KD-RACE-A", LocalDate.of(2031, 3, 31));
                      }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> second =
          pool.submit(
              () -> contracts.applyExtension(ref, 1, "KD-RACE-B", LocalDate.of(2031, 3, 31)));

      assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("KD-RACE-A");
    } finally {
      pool.shutdownNow();
    }
    assertThat(contracts.findByReference(ref).orElseThrow().endDate())
        .isEqualTo(LocalDate.of(2031, 3, 31));
  }

  @Test
  void findsActiveContractsEndingInTheWindowWithAnOptionLeft() {
    LocalDate from = LocalDate.of(2091, 3, 1);
    LocalDate to = LocalDate.of(2091, 3, 31);
    String onFirstDay = newContract(from, 12);
    String onLastDay = newContract(to, 12, 12);
    String optionsUsed = newContract(LocalDate.of(2090, 3, 15), 12);
    contracts.applyExtension(optionsUsed, 1, "KD-2091-1", LocalDate.of(2091, 3, 15));
    String noOptions = newContract(LocalDate.of(2091, 3, 10));
    String terminated = newContract(LocalDate.of(2091, 3, 20), 12);
    jdbc.sql("UPDATE contract SET status = 'TERMINATED' WHERE reference = :r")
        .param("r", terminated)
        .update();
    String before = newContract(from.minusDays(1), 12);
    String after = newContract(to.plusDays(1), 12);

    List<Contract> found = contracts.findEndingBetweenWithUnusedOption(from, to);

    assertThat(found).extracting(Contract::reference).containsExactly(onFirstDay, onLastDay);
    assertThat(found)
        .extracting(Contract::reference)
        .doesNotContain(optionsUsed, noOptions, terminated, before, after);
  }

  @Test
  void lockingAnUnknownContractNamesTheReference() {
    assertThatThrownBy(() -> contracts.lockForUpdate("NO-SUCH-CONTRACT"))
        .isInstanceOf(ContractNotFoundException.class)
        .hasMessageContaining("NO-SUCH-CONTRACT");
    assertThatThrownBy(() -> contracts.applyExtension("NO-SUCH-CONTRACT", 1, "KD", LocalDate.now()))
        .isInstanceOf(ContractNotFoundException.class);
  }

  @Test
  void providerGroupsSelectContracts() {
    assertThat(contracts.findByProviderGroups(List.of("provider-vibrance")))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.provider().name()).isEqualTo("Vibrance"))
        .extracting(Contract::reference)
        .contains("DPSP-2017-01", "ADV-2020-01");
    assertThat(contracts.findByProviderGroups(List.of())).isEmpty();
  }

  @Test
  void createReportsEveryProblemAndSavesNothing() {
    String ref = "BAD-" + suffix();
    NewContract bad =
        draft(ref, 999_999L)
            .about(" ", "Home care", null)
            .running("2030-01-01", "2029-01-01", "100.00", "50.00", 0);

    assertRefusedNaming(
        () -> contracts.create(bad),
        "title",
        "providerId",
        "endDate",
        "wholeLifeValue",
        "options[0].lengthMonths");
    assertThat(contracts.findByReference(ref)).isEmpty();
  }

  private String newContract(LocalDate endDate, int... optionMonths) {
    String ref = "T-" + suffix();
    contracts.create(
        draft(ref, provider.id())
            .about("Test contract", "Testing", null)
            .running(
                endDate.minusYears(2).plusDays(1), endDate, "1000.00", "4000.00", optionMonths));
    return ref;
  }

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
