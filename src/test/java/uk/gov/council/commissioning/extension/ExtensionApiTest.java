package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.extension.ExtensionTestData.*;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * Extension cases over REST, and what each provider's users may see and do, through the running
 * server with HTTP Basic: the engine's authorizations for {@code /engine-rest}, the application's
 * own checks for {@code /api}.
 */
@ProcessTest
class ExtensionApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("ext", OFFICER).withProviders("Alpha Care", "EXT Beta Support");

  @Autowired ExtensionCaseService cases;

  String reference;

  @BeforeEach
  void setUp() {
    reference = uniqueReference("EXT-API");
  }

  // --- provider isolation --------------------------------------------------------------------

  @Test
  void onlyTheProvidersOwnUsersSeeAndCompleteItsLetterTask() throws Exception {
    ProcessInstance instance = caseAwaitingTheProvider();
    String taskId = taskAt(instance, "Task_ConfirmExtensionLetter").getId();
    String complete = "/engine-rest/task/" + taskId + "/complete";
    String letterReceived = "{\"variables\":{\"letterReceived\":{\"value\":true}}}";

    assertThat(taskIds(TEAM.betaUser())).doesNotContain(taskId);
    assertThat(http.get("/engine-rest/task/" + taskId, as(TEAM.betaUser())).status())
        .isIn(403, 404);
    assertThat(http.postJson(complete, letterReceived, as(TEAM.betaUser())).status())
        .isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();

    assertThat(taskIds(TEAM.alphaUser())).contains(taskId);
    assertThat(http.postJson(complete, letterReceived, as(TEAM.alphaUser())).status())
        .isEqualTo(204);
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  @Test
  void providerUsersSeeNoProcessInstancesEvenOfTheirOwnCases() throws Exception {
    ProcessInstance instance = caseAwaitingTheProvider();

    for (String provider : List.of(TEAM.alphaUser(), TEAM.betaUser())) {
      Response response = http.get("/engine-rest/process-instance", as(provider));
      assertThat(response.status()).isEqualTo(200);
      assertThat(json.readTree(response.body())).isEmpty();
    }
    Response staff =
        http.get("/engine-rest/process-instance?businessKey=" + reference, as(TEAM.user(OFFICER)));
    assertThat(json.readTree(staff.body()).findValuesAsText("id"))
        .containsExactly(instance.getId());
  }

  @Test
  void providerUsersSeeOnlyTheirOwnOrganisationsContracts() throws Exception {
    alphaContract(12);

    assertThat(contractReferences(TEAM.alphaUser())).contains(reference);
    assertThat(contractReferences(TEAM.betaUser())).doesNotContain(reference);
    assertThat(http.get("/api/contracts/" + reference, as(TEAM.alphaUser())).status())
        .isEqualTo(200);
    assertThat(http.get("/api/contracts/" + reference, as(TEAM.betaUser())).status())
        .isEqualTo(404);
    assertThat(
            http.get("/api/contracts/" + reference + "/extension-letters", as(TEAM.betaUser()))
                .status())
        .isEqualTo(404);
  }

  @Test
  void theExtensionLetterIsForTheProviderAndCouncilStaffOnly() throws Exception {
    ProcessInstance instance = caseAwaitingTheProvider();
    String letter = "/api/contracts/" + reference + "/extension-letters/" + instance.getId();

    for (String reader : List.of(TEAM.alphaUser(), TEAM.user(OFFICER))) {
      Response response = http.get(letter, as(reader));
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.contentType()).isEqualTo("application/pdf");
      assertThat(new String(response.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    }
    Response listed =
        http.get("/api/contracts/" + reference + "/extension-letters", as(TEAM.alphaUser()));
    assertThat(json.readTree(listed.body()).findValuesAsText("href")).containsExactly(letter);

    assertThat(http.get(letter, as(TEAM.betaUser())).status()).isEqualTo(404);
  }

  // --- starting a case over REST ------------------------------------------------------------

  @Test
  void anOfficerStartsACaseOnceAndASecondRequestIsAConflict() throws Exception {
    alphaContract(12);
    String path = "/api/contracts/" + reference + "/extension-cases";

    Response started = http.postJson(path, "", as(TEAM.user(OFFICER)));

    JsonNode body = answer(started, 201);
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

    Response again = http.postJson(path, "", as(TEAM.user(OFFICER)));

    assertThat(problem(again, 409).path("detail").asText())
        .contains("already has an extension case running");
    assertThat(runningCases()).isOne();
  }

  @Test
  void aContractWithNoOptionLeftIsAConflictSayingAProcurementIsNeeded() throws Exception {
    alphaContract();

    Response response = startOverRest(TEAM.user(OFFICER));

    assertThat(problem(response, 409).path("detail").asText()).contains("procurement is needed");
    assertThat(runningCases()).isZero();
  }

  @Test
  void anUnknownContractIsNotFoundNamingTheField() throws Exception {
    Response response = startOverRest(TEAM.user(OFFICER));

    assertThat(problem(response, 404).path("errors").findValuesAsText("field"))
        .containsExactly("contractReference");
    assertThat(runningCases()).isZero();
  }

  @Test
  void aProviderCannotStartACaseEvenForItsOwnContract() throws Exception {
    alphaContract(12);

    problem(startOverRest(TEAM.alphaUser()), 403);

    assertThat(runningCases()).isZero();
  }

  // --- helpers ------------------------------------------------------------------------------

  /**
   * A small extension for the Alpha contract, approved by the Chief Officer alone, with the
   * register updated and the letter sent: the case waits for Alpha to confirm the letter.
   */
  private ProcessInstance caseAwaitingTheProvider() {
    alphaContract(12);
    ProcessInstance instance = cases.startAsSystem(reference);
    Map<String, Object> report = gatewayReport(false);
    report.put("costOfProposal", 30000.0);
    complete(instance, "Task_PrepareGatewayReport", report);
    complete(instance, "Task_GovernanceAgreement", governance("AGREE", "Agreed"));
    ProcessInstance decision =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(instance.getId())
            .singleResult();
    complete(decision, "Task_RecordDecision", approval("APPROVE", ""));
    execute(jobAt(instance, "Task_UpdateContractRegister"));
    execute(jobAt(instance, "Task_SendExtensionLetter"));
    assertThat(taskAt(instance, "Task_ConfirmExtensionLetter")).isNotNull();
    return instance;
  }

  /** The Alpha contract of this test, 2024-26, with an option of each length in months. */
  private void alphaContract(int... optionMonths) {
    contract(
        contracts,
        TEAM.alpha(),
        reference,
        LocalDate.of(2024, 4, 1),
        LocalDate.of(2026, 3, 31),
        "60000",
        Arrays.stream(optionMonths).boxed().toList());
  }

  private Response startOverRest(String user) {
    return http.postJson("/api/contracts/" + reference + "/extension-cases", "", as(user));
  }

  private List<String> taskIds(String user) {
    return valuesListed("/engine-rest/task", user, "id");
  }

  private List<String> contractReferences(String user) {
    return valuesListed("/api/contracts", user, "reference");
  }

  private long runningCases() {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(ExtensionVariables.PROCESS_KEY)
        .processInstanceBusinessKey(reference)
        .count();
  }
}
