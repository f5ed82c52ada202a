package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.extension.ExtensionTestData.*;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * Extension cases over REST, and what each provider's users may see and do, through the running
 * server with HTTP Basic: the engine's authorizations for {@code /engine-rest}, the application's
 * own checks for {@code /api}.
 */
@ProcessTest
class ExtensionApiTest extends HttpProcessTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String OFFICER = "ext-officer";
  private static final String ALPHA_USER = "ext-alpha-user";
  private static final String BETA_USER = "ext-beta-user";
  private static final String ALPHA_GROUP = "provider-ext-alpha";
  private static final String BETA_GROUP = "provider-ext-beta";

  @Autowired ExtensionCaseService cases;

  Provider alpha;
  Provider beta;
  String reference;

  @BeforeEach
  void setUp() {
    user(access, OFFICER, Roles.COMMISSIONING_OFFICERS);
    access.ensureGroup(ALPHA_GROUP, "Alpha Care", "PROVIDER");
    access.ensureGroup(BETA_GROUP, "Beta Support", "PROVIDER");
    user(access, ALPHA_USER, Roles.PROVIDERS, ALPHA_GROUP);
    user(access, BETA_USER, Roles.PROVIDERS, BETA_GROUP);
    alpha = contracts.createProvider("Alpha Care", "contracts@alpha.example", ALPHA_GROUP);
    beta = contracts.createProvider("EXT Beta Support", "contracts@beta.example", BETA_GROUP);
    reference = "EXT-API" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
  }

  // --- provider isolation --------------------------------------------------------------------

  @Test
  void onlyTheProvidersOwnUsersSeeAndCompleteItsLetterTask() throws Exception {
    ProcessInstance instance = caseAwaitingTheProvider();
    String taskId = taskAt(instance, "Task_ConfirmExtensionLetter").getId();
    String complete = "/engine-rest/task/" + taskId + "/complete";
    String letterReceived = "{\"variables\":{\"letterReceived\":{\"value\":true}}}";

    assertThat(taskIds(BETA_USER)).doesNotContain(taskId);
    assertThat(http.get("/engine-rest/task/" + taskId, as(BETA_USER)).status()).isIn(403, 404);
    assertThat(http.postJson(complete, letterReceived, as(BETA_USER)).status()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();

    assertThat(taskIds(ALPHA_USER)).contains(taskId);
    assertThat(http.postJson(complete, letterReceived, as(ALPHA_USER)).status()).isEqualTo(204);
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  @Test
  void providerUsersSeeNoProcessInstancesEvenOfTheirOwnCases() throws Exception {
    ProcessInstance instance = caseAwaitingTheProvider();

    for (String provider : List.of(ALPHA_USER, BETA_USER)) {
      Response response = http.get("/engine-rest/process-instance", as(provider));
      assertThat(response.status()).isEqualTo(200);
      assertThat(json.readTree(response.body())).isEmpty();
    }
    Response staff =
        http.get("/engine-rest/process-instance?businessKey=" + reference, as(OFFICER));
    assertThat(json.readTree(staff.body()).findValuesAsText("id"))
        .containsExactly(instance.getId());
  }

  @Test
  void providerUsersSeeOnlyTheirOwnOrganisationsContracts() throws Exception {
    contract(
        contracts,
        alpha,
        reference,
        LocalDate.of(2024, 4, 1),
        LocalDate.of(2026, 3, 31),
        "60000",
        List.of(12));

    assertThat(contractReferences(ALPHA_USER)).contains(reference);
    assertThat(contractReferences(BETA_USER)).doesNotContain(reference);
    assertThat(http.get("/api/contracts/" + reference, as(ALPHA_USER)).status()).isEqualTo(200);
    assertThat(http.get("/api/contracts/" + reference, as(BETA_USER)).status()).isEqualTo(404);
    assertThat(
            http.get("/api/contracts/" + reference + "/extension-letters", as(BETA_USER)).status())
        .isEqualTo(404);
  }

  @Test
  void theExtensionLetterIsForTheProviderAndCouncilStaffOnly() throws Exception {
    ProcessInstance instance = caseAwaitingTheProvider();
    String letter = "/api/contracts/" + reference + "/extension-letters/" + instance.getId();

    for (String reader : List.of(ALPHA_USER, OFFICER)) {
      Response response = http.get(letter, as(reader));
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.contentType()).isEqualTo("application/pdf");
      assertThat(new String(response.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    }
    Response listed =
        http.get("/api/contracts/" + reference + "/extension-letters", as(ALPHA_USER));
    assertThat(json.readTree(listed.body()).findValuesAsText("href")).containsExactly(letter);

    assertThat(http.get(letter, as(BETA_USER)).status()).isEqualTo(404);
  }

  // --- starting a case over REST ------------------------------------------------------------

  @Test
  void anOfficerStartsACaseOnceAndASecondRequestIsAConflict() throws Exception {
    contract(
        contracts,
        alpha,
        reference,
        LocalDate.of(2024, 4, 1),
        LocalDate.of(2026, 3, 31),
        "60000",
        List.of(12));
    String path = "/api/contracts/" + reference + "/extension-cases";

    Response started = http.postJson(path, "", as(OFFICER));

    assertThat(started.status()).isEqualTo(201);
    JsonNode body = json.readTree(started.body());
    String caseId = body.path("caseId").asText();
    assertThat(caseId).isNotBlank();
    assertThat(body.path("contractReference").asText()).isEqualTo(reference);
    assertThat(started.header("Location")).endsWith("/engine-rest/process-instance/" + caseId);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(caseId)
                .singleResult()
                .getBusinessKey())
        .isEqualTo(reference);

    Response again = http.postJson(path, "", as(OFFICER));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(json.readTree(again.body()).path("detail").asText())
        .contains("already has an extension case running");
    assertThat(runningCases()).isOne();
  }

  @Test
  void aContractWithNoOptionLeftIsAConflictSayingAProcurementIsNeeded() throws Exception {
    contract(
        contracts,
        alpha,
        reference,
        LocalDate.of(2024, 4, 1),
        LocalDate.of(2026, 3, 31),
        "60000",
        List.of());

    Response response =
        http.postJson("/api/contracts/" + reference + "/extension-cases", "", as(OFFICER));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(json.readTree(response.body()).path("detail").asText())
        .contains("procurement is needed");
    assertThat(runningCases()).isZero();
  }

  @Test
  void anUnknownContractIsNotFoundNamingTheField() throws Exception {
    Response response =
        http.postJson("/api/contracts/" + reference + "/extension-cases", "", as(OFFICER));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field"))
        .containsExactly("contractReference");
    assertThat(runningCases()).isZero();
  }

  @Test
  void aProviderCannotStartACaseEvenForItsOwnContract() throws Exception {
    contract(
        contracts,
        alpha,
        reference,
        LocalDate.of(2024, 4, 1),
        LocalDate.of(2026, 3, 31),
        "60000",
        List.of(12));

    Response response =
        http.postJson("/api/contracts/" + reference + "/extension-cases", "", as(ALPHA_USER));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(runningCases()).isZero();
  }

  // --- helpers ------------------------------------------------------------------------------

  /**
   * A small extension for the Alpha contract, approved by the Chief Officer alone, with the
   * register updated and the letter sent: the case waits for Alpha to confirm the letter.
   */
  private ProcessInstance caseAwaitingTheProvider() {
    contract(
        contracts,
        alpha,
        reference,
        LocalDate.of(2024, 4, 1),
        LocalDate.of(2026, 3, 31),
        "60000",
        List.of(12));
    ProcessInstance instance = cases.startAsSystem(reference);
    taskService.complete(
        taskAt(instance, "Task_PrepareGatewayReport").getId(), gatewayReport(false));
    taskService.complete(taskAt(instance, "Task_RecordScrutiny").getId(), scrutiny());
    taskService.complete(
        taskAt(instance, "Task_ChiefOfficerAgreement").getId(), chiefOfficer("AGREE", "Agreed"));
    taskService.complete(
        taskAt(instance, "Task_GovernanceAgreement").getId(), governance("AGREE", "Agreed"));
    taskService.complete(
        taskAt(instance, "Task_ChiefOfficerDecision").getId(), approval("APPROVE", ""));
    executeJobAt(instance, "Task_UpdateContractRegister");
    executeJobAt(instance, "Task_SendExtensionLetter");
    assertThat(taskAt(instance, "Task_ConfirmExtensionLetter")).isNotNull();
    return instance;
  }

  private void executeJobAt(ProcessInstance instance, String activityId) {
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId(activityId)
            .singleResult()
            .getId());
  }

  private List<String> taskIds(String user) throws IOException {
    Response response = http.get("/engine-rest/task", as(user));
    assertThat(response.status()).isEqualTo(200);
    return json.readTree(response.body()).findValuesAsText("id");
  }

  private List<String> contractReferences(String user) throws IOException {
    Response response = http.get("/api/contracts", as(user));
    assertThat(response.status()).isEqualTo(200);
    return json.readTree(response.body()).findValuesAsText("reference");
  }

  private long runningCases() {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(ExtensionVariables.PROCESS_KEY)
        .processInstanceBusinessKey(reference)
        .count();
  }
}
