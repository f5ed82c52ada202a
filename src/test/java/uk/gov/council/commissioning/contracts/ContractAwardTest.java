package uk.gov.council.commissioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.gov.council.commissioning.contracts.ContractServiceTest.suffix;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;
import static uk.gov.council.commissioning.testkit.InvalidRequests.assertRefusedNaming;
import static uk.gov.council.commissioning.testkit.InvalidRequests.assertRefusedWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.qaf.QafCaseService;
import uk.gov.council.commissioning.qaf.QafRepository;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * The register side of an awarded procurement (seed 000 §6.4, §6.8): the signed contract is in the
 * register before it starts, not live, and on commencement it goes live and closes the contract it
 * replaces.
 */
// Same configuration as the other contract tests so all share one application context (and engine).
@ProcessTest
class ContractAwardTest extends ProcessTestCase {

  /** Seed 000 §6.8: from 8 April 2021 for 5 years, then up to 1 year and a further up to 1 year. */
  private static final LocalDate COMMENCEMENT = LocalDate.of(2021, 4, 8);

  @Autowired QafCaseService qafCases;
  @Autowired QafRepository qafRepository;

  Provider provider;
  String procurement;

  @BeforeEach
  void seed() {
    provider = ContractServiceTest.seedDemoAndFindVibrance(contracts);
    procurement = "PROC-2020-" + suffix().substring(0, 4);
  }

  @Test
  void anAwardedContractIsRegisteredSignedForFiveYearsWithTwoOneYearOptions() {
    String old = existingContract(COMMENCEMENT.minusDays(1));
    NewContract award = awarded(COMMENCEMENT, COMMENCEMENT.plusYears(5).minusDays(1));

    Contract signed = contracts.registerAwarded(award, procurement, old);

    assertThat(signed.reference()).isEqualTo(award.reference());
    assertThat(signed.status()).isEqualTo(ContractStatus.SIGNED);
    assertThat(signed.startDate()).isEqualTo(LocalDate.of(2021, 4, 8));
    assertThat(signed.endDate()).isEqualTo(LocalDate.of(2026, 4, 7));
    assertThat(signed.options())
        .extracting(
            ExtensionOption::optionOrder, ExtensionOption::lengthMonths, ExtensionOption::used)
        .containsExactly(tuple(1, 12, false), tuple(2, 12, false));
    assertThat(signed.procurementReference()).isEqualTo(procurement);
    assertThat(signed.replacesReference()).isEqualTo(old);
    assertThat(signed.replacedByReference()).isNull();
    assertThat(contracts.findByReference(signed.reference())).contains(signed);
    // Nothing happens to the contract it replaces until the new one commences.
    Contract current = contracts.findByReference(old).orElseThrow();
    assertThat(current.status()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(current.replacedByReference()).isNull();
  }

  @Test
  void badInputNamesEveryFieldAndSavesNothing() {
    NewContract bad =
        draft("AW-" + suffix(), provider.id())
            .about(" ", "Advocacy", null)
            .running(COMMENCEMENT, COMMENCEMENT.minusDays(1), "100.00", "50.00", 12, 0);

    assertRefusedNaming(
        () -> contracts.registerAwarded(bad, " ", "NO-SUCH-CONTRACT"),
        "title",
        "endDate",
        "wholeLifeValue",
        "options[1].lengthMonths",
        "procurementReference",
        "replacesReference");
    assertThat(contracts.findByReference(bad.reference())).isEmpty();
    assertRefusedNaming(() -> contracts.registerAwarded(null, procurement, null), "body");
  }

  @Test
  void aRetryBySameProcurementReturnsTheContractItRegisteredUnchanged() {
    NewContract award = awarded(COMMENCEMENT, COMMENCEMENT.plusYears(5).minusDays(1));
    Contract first = contracts.registerAwarded(award, procurement, null);
    NewContract changed =
        new NewContract(
            award.reference(),
            "Another title",
            provider.id(),
            "Advocacy",
            COMMENCEMENT,
            COMMENCEMENT.plusYears(3),
            award.annualValue(),
            award.wholeLifeValue(),
            null,
            options());

    assertThat(contracts.registerAwarded(award, procurement, null)).isEqualTo(first);
    assertThat(contracts.registerAwarded(changed, procurement, null)).isEqualTo(first);
    assertThat(contracts.findByReference(award.reference())).contains(first);
  }

  @Test
  void aReferenceTakenOtherwiseIsTheUsualDuplicate() {
    NewContract award = awarded(COMMENCEMENT, COMMENCEMENT.plusYears(5).minusDays(1));
    Contract first = contracts.registerAwarded(award, procurement, null);
    String direct = existingContract(COMMENCEMENT.plusYears(1));
    NewContract sameAsDirect =
        new NewContract(
            direct,
            award.title(),
            provider.id(),
            award.serviceArea(),
            award.startDate(),
            award.endDate(),
            award.annualValue(),
            award.wholeLifeValue(),
            null,
            options(12, 12));

    assertDuplicateReference(() -> contracts.registerAwarded(award, "PROC-2099-0001", null));
    assertDuplicateReference(() -> contracts.registerAwarded(sameAsDirect, procurement, null));
    assertDuplicateReference(() -> contracts.create(award));
    assertThat(contracts.findByReference(award.reference())).contains(first);
  }

  @Test
  void commencementPutsTheContractLiveAndExpiresTheOneItReplaces() {
    LocalDate oldEnd = COMMENCEMENT.plusMonths(3);
    String old = existingContract(oldEnd);
    String successor = registerAwarded(old);

    assertThat(contracts.commence(successor)).isTrue();

    Contract live = contracts.findByReference(successor).orElseThrow();
    assertThat(live.status()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(live.replacesReference()).isEqualTo(old);
    Contract replaced = contracts.findByReference(old).orElseThrow();
    assertThat(replaced.status()).isEqualTo(ContractStatus.EXPIRED);
    assertThat(replaced.replacedByReference()).isEqualTo(successor);
    assertThat(replaced.endDate())
        .as("the end date is the record of the contract, not moved")
        .isEqualTo(oldEnd);
  }

  @Test
  void commencingTwiceChangesNothing() {
    String old = existingContract(COMMENCEMENT.minusDays(1));
    String successor = registerAwarded(old);
    contracts.commence(successor);
    Contract live = contracts.findByReference(successor).orElseThrow();
    Contract replaced = contracts.findByReference(old).orElseThrow();

    assertThat(contracts.commence(successor)).isFalse();

    assertThat(contracts.findByReference(successor)).contains(live);
    assertThat(contracts.findByReference(old)).contains(replaced);
  }

  @Test
  void aContractReplacingNoneJustCommences() {
    String successor = registerAwarded(null);

    assertThat(contracts.commence(successor)).isTrue();
    assertThat(contracts.commence(successor)).isFalse();
    assertThat(contracts.findByReference(successor).orElseThrow().status())
        .isEqualTo(ContractStatus.ACTIVE);
  }

  @Test
  void aTerminatedContractKeepsItsStatusButRecordsItsSuccessor() {
    String old = existingContract(COMMENCEMENT.plusYears(1));
    setStatus(old, ContractStatus.TERMINATED);
    String successor = registerAwarded(old);

    assertThat(contracts.commence(successor)).isTrue();

    Contract replaced = contracts.findByReference(old).orElseThrow();
    assertThat(replaced.status()).isEqualTo(ContractStatus.TERMINATED);
    assertThat(replaced.replacedByReference()).isEqualTo(successor);
  }

  @Test
  void onlyAContractAwardedAndSignedCanCommence() {
    String direct = existingContract(COMMENCEMENT.plusYears(1));
    String withdrawn = registerAwarded(null);
    setStatus(withdrawn, ContractStatus.TERMINATED);

    assertThatThrownBy(() -> contracts.commence("NO-SUCH-CONTRACT"))
        .isInstanceOf(ContractNotFoundException.class)
        .hasMessageContaining("NO-SUCH-CONTRACT");
    assertThatThrownBy(() -> contracts.commence(direct))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Contract "
                + direct
                + " was not awarded by a procurement: it has no commencement to apply");
    assertThatThrownBy(() -> contracts.commence(withdrawn))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Contract " + withdrawn + " is TERMINATED: only a signed contract can commence");
    assertThat(contracts.findByReference(direct).orElseThrow().status())
        .isEqualTo(ContractStatus.ACTIVE);
    assertThat(contracts.findByReference(withdrawn).orElseThrow().status())
        .isEqualTo(ContractStatus.TERMINATED);
  }

  @Test
  void aContractIsReplacedOnceOnly() {
    String old = existingContract(COMMENCEMENT.minusDays(1));
    String first = registerAwarded(old);
    String rival = registerAwarded(old);
    contracts.commence(first);

    assertRefusedWith(
        () ->
            contracts.registerAwarded(
                awarded(COMMENCEMENT, COMMENCEMENT.plusYears(5).minusDays(1)), procurement, old),
        new FieldProblem(
            "replacesReference", "contract " + old + " was already replaced by " + first));
    assertThatThrownBy(() -> contracts.commence(rival))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Contract "
                + rival
                + " cannot replace "
                + old
                + ": it was already replaced by "
                + first);
    assertThat(contracts.findByReference(rival).orElseThrow().status())
        .isEqualTo(ContractStatus.SIGNED);
    assertThat(contracts.findByReference(old).orElseThrow().replacedByReference()).isEqualTo(first);
  }

  @Test
  void twoCallersCommencingAtOnceApplyItOnce() throws Exception {
    String old = existingContract(COMMENCEMENT.minusDays(1));
    String successor = registerAwarded(old);
    List<Boolean> outcomes = twiceAtOnce(() -> contracts.commence(successor));

    assertThat(outcomes).containsExactlyInAnyOrder(true, false);
    assertThat(contracts.findByReference(old).orElseThrow().replacedByReference())
        .isEqualTo(successor);
  }

  @Test
  void aSignedContractIsNotOfferedForExtensionUntilItCommences() {
    LocalDate from = LocalDate.of(2092, 3, 1);
    LocalDate to = LocalDate.of(2092, 3, 31);
    NewContract award = awarded(from.minusYears(5).plusDays(10), from.plusDays(9));
    String signed = contracts.registerAwarded(award, procurement, null).reference();

    assertThat(contracts.findEndingBetweenWithUnusedOption(from, to))
        .extracting(Contract::reference)
        .doesNotContain(signed);
    assertThatThrownBy(() -> contracts.applyExtension(signed, 1, "KD-SIGNED", to.plusYears(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Contract " + signed + " is SIGNED and cannot be extended");

    contracts.commence(signed);

    assertThat(contracts.findEndingBetweenWithUnusedOption(from, to))
        .extracting(Contract::reference)
        .contains(signed);
  }

  @Test
  void aReplacedContractIsNoLongerOfferedForExtension() {
    LocalDate from = LocalDate.of(2093, 3, 1);
    LocalDate to = LocalDate.of(2093, 3, 31);
    String old = existingContract(from.plusDays(5));
    contracts.commence(registerAwarded(old));

    assertThat(contracts.findEndingBetweenWithUnusedOption(from, to))
        .extracting(Contract::reference)
        .doesNotContain(old);
    assertThatThrownBy(() -> contracts.applyExtension(old, 1, "KD-REPLACED", to.plusYears(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Contract " + old + " is EXPIRED and cannot be extended");
  }

  @Test
  void noQafIsIssuedForASignedContractUntilItCommences() {
    String signed = registerAwarded(null);
    LocalDate meeting = LocalDate.now().plusYears(3);
    qafCases.scheduleMeeting(signed, meeting);

    assertThat(dueMeetingsOf(signed, meeting)).isEmpty();

    contracts.commence(signed);

    assertThat(dueMeetingsOf(signed, meeting)).containsExactly(meeting);
  }

  /** The outcomes of two threads making the same call at the same moment. */
  static <T> List<T> twiceAtOnce(Callable<T> call) throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    Callable<T> whenBothReady =
        () -> {
          together.await(10, TimeUnit.SECONDS);
          return call.call();
        };
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<T> outcomes = new ArrayList<>();
      for (Future<T> outcome :
          threads.invokeAll(List.of(whenBothReady, whenBothReady), 60, TimeUnit.SECONDS)) {
        outcomes.add(outcome.get());
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }

  private List<LocalDate> dueMeetingsOf(String reference, LocalDate meeting) {
    return qafRepository.uncoveredMeetingsBetween(meeting, meeting).stream()
        .filter(m -> m.contractReference().equals(reference))
        .map(QafRepository.DueMeeting::meetingDate)
        .toList();
  }

  private String registerAwarded(String replaces) {
    return contracts
        .registerAwarded(
            awarded(COMMENCEMENT, COMMENCEMENT.plusYears(5).minusDays(1)), procurement, replaces)
        .reference();
  }

  /** The contract a procurement awards: seed 000 §6.4's advocacy service, 5 years then +1 +1. */
  private NewContract awarded(LocalDate start, LocalDate end) {
    return draft("AW-" + suffix(), provider.id())
        .about("Independent Advocacy Service", "Advocacy", "Advocacy Services")
        .running(start, end, "90000.00", "630000.00", 12, 12);
  }

  private String existingContract(LocalDate end) {
    return contracts
        .create(
            draft("OLD-" + suffix(), provider.id())
                .about("Advocacy Service", "Advocacy", null)
                .running(end.minusYears(5).plusDays(1), end, "90000.00", "450000.00", 12))
        .reference();
  }

  private void setStatus(String reference, ContractStatus status) {
    jdbc.sql("UPDATE contract SET status = :status WHERE reference = :reference")
        .param("status", status.name())
        .param("reference", reference)
        .update();
  }

  private static void assertDuplicateReference(ThrowingCallable call) {
    assertRefusedNaming(call, "reference");
  }

  private static List<NewContract.Option> options(int... months) {
    return Arrays.stream(months).mapToObj(NewContract.Option::new).toList();
  }
}
