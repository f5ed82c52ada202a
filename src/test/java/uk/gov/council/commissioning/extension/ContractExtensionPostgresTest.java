package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.gov.council.commissioning.extension.ExtensionTestData.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.PostgresTestDatabase;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * The extension process once against the local PostgreSQL server: Flyway's migrations, the BYTEA
 * columns, the row lock taken when a case starts and Camunda's own schema, none of which the H2
 * tests prove. Each run has a database of its own, dropped afterwards.
 */
@PostgresProcessTest
class ContractExtensionPostgresTest extends ExtensionCaseTestCase {

  ContractExtensionPostgresTest() {
    super("DPSP-PG");
  }

  private static final ZoneId UK = ZoneId.of("Europe/London");

  @Test
  void runsOnADatabaseOfItsOwn() {
    PostgresTestDatabase.assertInUse(jdbc);
  }

  @Test
  void seedRoutePortfolioHolderApprovesAndTheDecisionTakesEffectAfterTheCallInPeriod() {
    ProcessInstance instance = started();

    draftScrutiniseAndAgree(instance, true);
    assertThat(instance)
        .isWaitingAt("Task_PortfolioHolderDecision")
        .variables()
        .containsEntry("approvalRoute", "PORTFOLIO_HOLDER");
    assertThat(task(instance)).hasCandidateGroup("portfolio-holders");
    complete(task(instance), approval("APPROVE", ""));

    assertThat(instance).isWaitingAt("Task_PublishDecision");
    complete(task(instance), Map.of("publicationDate", "2019-09-19"));
    assertThat(instance)
        .isWaitingAt("Task_RecordCallIn")
        .variables()
        .containsEntry("callInLastDay", "2019-09-26");
    Job callInTimer = timer(instance, "Timer_CallInPeriodEnds");
    assertThat(callInTimer.getDuedate()).isEqualTo(at(LocalDateTime.of(2019, 9, 27, 0, 0)));

    TestClock.set(at(LocalDateTime.of(2019, 9, 27, 0, 1)));
    execute(callInTimer);
    assertThat(instance).isWaitingAt("Task_UpdateContractRegister");
    execute(job());
    assertThat(instance).isWaitingAt("Task_SendExtensionLetter");
    execute(job());

    assertThat(instance).isWaitingAt("Task_ConfirmExtensionLetter");
    assertThat(task(instance)).hasCandidateGroup("provider-vibrance");
    Contract extended = contracts.findByReference(reference).orElseThrow();
    assertThat(extended.endDate()).isEqualTo(LocalDate.of(2021, 4, 7));
    assertThat(extended.options().get(1).used()).isTrue();
    assertThat(extended.options().get(1).usedByDecision())
        .contains("PH-2019-117")
        .contains(instance.getId());

    ExtensionLetter letter = letters.findByCase(instance.getId()).orElseThrow();
    assertThat(letter.contractReference()).isEqualTo(reference);
    assertThat(new String(letter.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    FileValue letterVariable = runtimeService.getVariableTyped(instance.getId(), "extensionLetter");
    assertThat(letterVariable.getMimeType()).isEqualTo("application/pdf");

    Map<String, Object> email =
        jdbc.sql(
                """
            SELECT recipients, attachment_type, attachment_content FROM notification_outbox
             WHERE idempotency_key = :key""")
            .param("key", "extension-letter:" + instance.getId())
            .query()
            .singleRow();
    assertThat(email.get("recipients")).isEqualTo("contracts@vibrance.example");
    assertThat(email.get("attachment_type")).isEqualTo("application/pdf");
    assertThat((byte[]) email.get("attachment_content")).isEqualTo(letter.content());

    complete(task(instance), Map.of("letterReceived", true));
    assertThat(instance).isEnded().hasPassed("EndEvent_ContractExtended");
  }

  @Test
  void twoStartsAtOnceForOneContractMakeOneCase() throws Exception {
    seedContract(contracts, reference);
    CyclicBarrier together = new CyclicBarrier(2);
    Callable<ProcessInstance> start =
        () -> {
          together.await(10, TimeUnit.SECONDS);
          return cases.startAsSystem(reference);
        };

    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Object> outcomes = new ArrayList<>();
    try {
      for (Future<ProcessInstance> result :
          threads.invokeAll(List.of(start, start), 60, TimeUnit.SECONDS)) {
        try {
          outcomes.add(result.get());
        } catch (ExecutionException e) {
          outcomes.add(e.getCause());
        }
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(outcomes).filteredOn(ProcessInstance.class::isInstance).hasSize(1);
    assertThat(outcomes)
        .filteredOn(ExtensionRefusedException.class::isInstance)
        .singleElement()
        .satisfies(
            refusal ->
                assertThat(((Throwable) refusal).getMessage())
                    .contains("already has an extension case running"));
    assertThat(runningCases("contract-extension", reference)).isEqualTo(1);
    // The refused start rolled back: it left no trace in the history either.
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("contract-extension")
                .processInstanceBusinessKey(reference)
                .count())
        .isEqualTo(1);
  }

  private static Date at(LocalDateTime ukTime) {
    return Date.from(ukTime.atZone(UK).toInstant());
  }
}
