package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static uk.gov.council.commissioning.extension.ExtensionTestData.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.PostgresTestDatabase;

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

  @Test
  void runsOnADatabaseOfItsOwn() {
    PostgresTestDatabase.assertInUse(jdbc);
  }

  @Test
  void seedRouteChiefOfficerAndGovernanceAgreeAndThePortfolioHolderApproves() {
    ProcessInstance instance = extendedOnTheSeedRoute();

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
}
