package uk.gov.council.commissioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.PostgresTestDatabase;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * An awarded contract's way into the register, once against the local PostgreSQL server: the status
 * constraint V11 replaces, its new columns and references, and the row locks that keep two
 * commencements from both applying. Each run has a database of its own, dropped afterwards.
 */
@PostgresProcessTest
class ContractAwardPostgresTest extends ProcessTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  Provider provider;

  @BeforeEach
  void provider() {
    provider =
        contracts.createProvider("PG Advocacy", "pg-advocacy@example.org", "provider-pg-advocacy");
  }

  @Test
  void runsOnADatabaseOfItsOwn() {
    PostgresTestDatabase.assertInUse(jdbc);
  }

  @Test
  void anAwardedContractIsSignedThenCommencesAndExpiresTheOneItReplaces() {
    String old = registered("PG-OLD-", LocalDate.of(2016, 4, 8), LocalDate.of(2021, 4, 7));
    NewContract award = contract("PG-AW-", LocalDate.of(2021, 4, 8), LocalDate.of(2026, 4, 7));

    Contract signed = contracts.registerAwarded(award, "PROC-2020-0001", old);

    assertThat(signed.status()).isEqualTo(ContractStatus.SIGNED);
    assertThat(signed.procurementReference()).isEqualTo("PROC-2020-0001");
    assertThat(signed.replacesReference()).isEqualTo(old);
    assertThat(signed.options()).extracting(ExtensionOption::lengthMonths).containsExactly(12, 12);
    assertThat(contracts.registerAwarded(award, "PROC-2020-0001", old)).isEqualTo(signed);

    assertThat(contracts.commence(signed.reference())).isTrue();
    assertThat(contracts.commence(signed.reference())).isFalse();

    assertThat(contracts.findByReference(signed.reference()).orElseThrow().status())
        .isEqualTo(ContractStatus.ACTIVE);
    Contract replaced = contracts.findByReference(old).orElseThrow();
    assertThat(replaced.status()).isEqualTo(ContractStatus.EXPIRED);
    assertThat(replaced.replacedByReference()).isEqualTo(signed.reference());
  }

  @Test
  void twoCallersCommencingAtOnceApplyItOnce() throws Exception {
    String old = registered("PG-OLD-", LocalDate.of(2016, 4, 8), LocalDate.of(2021, 4, 7));
    String successor =
        contracts
            .registerAwarded(
                contract("PG-AW-", LocalDate.of(2021, 4, 8), LocalDate.of(2026, 4, 7)),
                "PROC-2020-0002",
                old)
            .reference();
    List<Boolean> outcomes = ContractAwardTest.twiceAtOnce(() -> contracts.commence(successor));

    assertThat(outcomes).containsExactlyInAnyOrder(true, false);
    assertThat(contracts.findByReference(old).orElseThrow().replacedByReference())
        .isEqualTo(successor);
  }

  @Test
  void theStatusConstraintTakesSignedAndStillRefusesAnythingElse() {
    String reference = registered("PG-CK-", LocalDate.of(2025, 4, 1), LocalDate.of(2030, 3, 31));

    assertThat(setStatus(reference, "SIGNED")).isEqualTo(1);
    assertThatThrownBy(() -> setStatus(reference, "DRAFT"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("ck_contract_status");
  }

  @Test
  void replacementsMustNameContractsInTheRegister() {
    String reference = registered("PG-FK-", LocalDate.of(2025, 4, 1), LocalDate.of(2030, 3, 31));

    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE contract SET replaced_by_reference = 'PG-NOWHERE' WHERE reference = :r")
                    .param("r", reference)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("fk_contract_replaced_by");
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE contract SET replaces_reference = reference WHERE reference = :r")
                    .param("r", reference)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("ck_contract_not_self_replacing");
  }

  private int setStatus(String reference, String status) {
    return jdbc.sql("UPDATE contract SET status = :status WHERE reference = :r")
        .param("status", status)
        .param("r", reference)
        .update();
  }

  /** The contract's reference in the register, created from {@link #contract}. */
  private String registered(String prefix, LocalDate start, LocalDate end) {
    return contracts.create(contract(prefix, start, end)).reference();
  }

  /** Seed 000 §6.4's advocacy service, 5 years then +1 +1, under a new reference. */
  private NewContract contract(String prefix, LocalDate start, LocalDate end) {
    return draft(prefix + SEQUENCE.incrementAndGet(), provider.id())
        .about("Independent Advocacy Service", "Advocacy", "Advocacy Services")
        .running(start, end, "90000.00", "630000.00", 12, 12);
  }
}
