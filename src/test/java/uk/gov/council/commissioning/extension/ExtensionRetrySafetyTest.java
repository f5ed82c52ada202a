package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ExtensionOption;
import uk.gov.council.commissioning.extension.FakeScopes.Variables;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * A job that fails after its work is done is run again: the register must move once and the letter
 * be produced and sent once (the seed's letter, seed 000 §10.3), however often the delegates run.
 * The delegates are called directly, with the variables the process would give them.
 */
@ProcessTest
class ExtensionRetrySafetyTest extends ProcessTestCase {

  @Autowired UpdateContractRegister updateContractRegister;
  @Autowired SendExtensionLetter sendExtensionLetter;
  @Autowired ExtensionLetterService letters;
  @Autowired PlatformTransactionManager transactionManager;

  String reference;
  String caseId;
  Variables vars;

  @BeforeEach
  void seedContractAndApprovedCase() {
    reference = uniqueReference("DPSP-R");
    caseId = UUID.randomUUID().toString();
    ExtensionTestData.seedContract(contracts, reference);
    TestClock.set(
        Date.from(
            LocalDateTime.of(2019, 9, 27, 0, 1).atZone(ZoneId.of("Europe/London")).toInstant()));
    vars =
        Variables.of(
            Map.of(
                "contractReference", reference,
                "contractTitle", "Direct Payments Support and Payroll Service",
                "providerName", "Vibrance",
                "providerEmail", "contracts@vibrance.example",
                "optionOrder", 2,
                "extensionStart", "2020-04-08",
                "extensionEnd", "2021-04-07",
                "decisionReferenceMade", "PH-2019-117",
                "approvalRoute", "PORTFOLIO_HOLDER"));
  }

  @Test
  void theRegisterMovesOnceWhenTheUpdateJobIsRetried() throws Exception {
    DelegateExecution execution = FakeScopes.execution(caseId, vars);

    updateContractRegister.execute(execution);
    Contract afterFirst = contracts.findByReference(reference).orElseThrow();
    updateContractRegister.execute(execution);
    Contract afterRetry = contracts.findByReference(reference).orElseThrow();

    assertThat(afterFirst.endDate()).isEqualTo(LocalDate.of(2021, 4, 7));
    ExtensionOption option2 = afterFirst.options().get(1);
    assertThat(option2.used()).isTrue();
    assertThat(option2.usedByDecision()).isEqualTo("PH-2019-117 [case " + caseId + "]");
    assertThat(afterRetry).isEqualTo(afterFirst);
    assertThat(vars.process).containsEntry("registerUpdated", true);
  }

  @Test
  void produceOnceTwiceGivesTheSameLetterAndStoresOneRow() {
    ExtensionLetter first =
        letters.produceOnce(caseId, ExtensionLetterRenderTest.seedLetter("Vibrance"));
    // A retry on a later day must still find the letter, not write one with the new date.
    ExtensionLetter second =
        letters.produceOnce(
            caseId,
            new LetterDetails(
                reference,
                "changed",
                "changed",
                2,
                LocalDate.of(2020, 4, 8),
                LocalDate.of(2021, 4, 7),
                "PH-2019-117",
                "Portfolio Holder",
                LocalDate.of(2019, 9, 30)));

    assertThat(second.content()).isEqualTo(first.content());
    assertThat(second.fileName())
        .isEqualTo(first.fileName())
        .isEqualTo("Extension letter DPSP-2017 option 2.pdf");
    assertThat(letterRows()).isEqualTo(1);
    assertThat(letters.findByCase(caseId))
        .get()
        .extracting(ExtensionLetter::content)
        .isEqualTo(first.content());
  }

  @Test
  void theLetterIsProducedAndQueuedOnceWhenTheSendJobIsRetried() throws Exception {
    DelegateExecution execution = FakeScopes.execution(caseId, vars);

    sendExtensionLetter.execute(execution);
    sendExtensionLetter.execute(execution);

    assertThat(letterRows()).isEqualTo(1);
    assertThat(outboxRows()).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT recipients FROM notification_outbox WHERE idempotency_key = :key")
                .param("key", "extension-letter:" + caseId)
                .query(String.class)
                .single())
        .isEqualTo("contracts@vibrance.example");
    ArgumentCaptor<Object> file = ArgumentCaptor.forClass(Object.class);
    verify(execution, times(2)).setVariable(eq("extensionLetter"), file.capture());
    byte[] stored = letters.findByCase(caseId).orElseThrow().content();
    for (Object value : file.getAllValues()) {
      FileValue letter = (FileValue) value;
      assertThat(letter.getMimeType()).isEqualTo("application/pdf");
      assertThat(letter.getValue().readAllBytes()).isEqualTo(stored);
    }
    assertThat(ExtensionLetterRenderTest.textOf(stored))
        .contains(reference)
        .contains("from 8 April 2020 to 7 April 2021");
  }

  @Test
  void aRolledBackSendLeavesNeitherLetterNorEmail() {
    DelegateExecution execution = FakeScopes.execution(caseId, vars);

    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              try {
                sendExtensionLetter.execute(execution);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              status.setRollbackOnly();
            });

    assertThat(letterRows()).isZero();
    assertThat(outboxRows()).isZero();
  }

  @Test
  void aProviderWithoutAnEmailAddressStillGetsALetterOnTheCase() throws Exception {
    vars.process.put("providerEmail", null);

    sendExtensionLetter.execute(FakeScopes.execution(caseId, vars));

    // Nothing can be emailed, but the letter is kept with the case for the officer to send.
    assertThat(letterRows()).isEqualTo(1);
    assertThat(outboxRows()).isZero();
    assertThat(vars.process).containsKey("extensionLetter");
  }

  private long letterRows() {
    return jdbc.sql("SELECT COUNT(*) FROM extension_letter WHERE case_id = :caseId")
        .param("caseId", caseId)
        .query(Long.class)
        .single();
  }

  private long outboxRows() {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE idempotency_key = :key")
        .param("key", "extension-letter:" + caseId)
        .query(Long.class)
        .single();
  }
}
