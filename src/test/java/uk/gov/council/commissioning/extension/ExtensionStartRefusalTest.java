package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.password;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Arrays;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * A refused extension start through the engine APIs is a 400 that says why, in the officer's words,
 * through {@code /engine-rest} and through Tasklist's start form (where the field is named by its
 * label), never a 500 carrying the engine's wording, and it creates nothing (seed 000 §4.8.4,
 * §10.4).
 */
@ProcessTest
class ExtensionStartRefusalTest extends HttpProcessTestCase {

  private static final String OFFICER = "esr-officer";
  private static final String START =
      "/engine-rest/process-definition/key/contract-extension/submit-form";

  @Autowired ExtensionCaseService cases;
  @Autowired RepositoryService repositoryService;

  String reference;

  @BeforeEach
  void setUp() {
    user(access, OFFICER, Roles.COMMISSIONING_OFFICERS);
    reference = uniqueReference("ESR-");
  }

  @Test
  void anUnknownContractIsA400NamingTheField() throws Exception {
    Response refused = start(reference);

    assertRefused(refused, "contractReference", "no contract " + reference + " in the register");
    assertThat(casesFor(reference)).isZero();
  }

  @Test
  void aMissingReferenceIsA400NamingTheField() throws Exception {
    Response refused = http.postJson(START, "{\"variables\": {}}", as(OFFICER));

    assertRefused(refused, "contractReference", "is required");
  }

  @Test
  void aContractWithNoOptionLeftIsA400SayingAProcurementIsNeeded() throws Exception {
    contractEndingInFourMonths();

    Response refused = start(reference);

    assertRefused(
        refused,
        null,
        "Contract "
            + reference
            + " has no extension option left: a procurement is needed"
            + " for a new contract (or a decommissioning decision)");
    assertThat(casesFor(reference)).isZero();
  }

  @Test
  void aSecondCaseForTheSameContractIsA400() throws Exception {
    contractEndingInFourMonths(12);
    cases.startAsSystem(reference);

    Response refused = start(reference);

    assertRefused(
        refused, null, "Contract " + reference + " already has an extension case running");
    assertThat(casesFor(reference)).isOne();
  }

  @Test
  void inTasklistTheRefusalNamesTheFieldByItsLabelAndStartingByIdIsRefusedAlike() throws Exception {
    assertThat(http.signIn(OFFICER, password(OFFICER)).status()).isEqualTo(302);
    Response read = http.get("/camunda/api/engine/engine/default/task/count");
    String token = http.cookie("XSRF-TOKEN").orElseGet(() -> read.header("X-XSRF-TOKEN"));
    String definitionId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("contract-extension")
            .latestVersion()
            .singleResult()
            .getId();

    Response refused =
        http.postJson(
            "/camunda/api/engine/engine/default/process-definition/"
                + definitionId
                + "/submit-form",
            variables(reference),
            "X-XSRF-TOKEN",
            token);

    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    JsonNode answer = json.readTree(refused.body());
    assertThat(answer.path("message").asText())
        .isEqualTo(
            "The extension case cannot be started: Contract reference: no contract "
                + reference
                + " in the register");
    assertThat(answer.path("errors").get(0).path("label").asText()).isEqualTo("Contract reference");
  }

  private void assertRefused(Response refused, String field, String message) throws Exception {
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    JsonNode answer = json.readTree(refused.body());
    assertThat(answer.path("message").asText())
        .endsWith(field == null ? message : field + ": " + message)
        .doesNotContain("ENGINE-")
        .doesNotContain("Exception")
        .doesNotContain("Cannot instantiate");
    JsonNode error = answer.path("errors").get(0);
    assertThat(error.path("field").isNull() ? null : error.path("field").asText()).isEqualTo(field);
    assertThat(error.path("message").asText()).isEqualTo(message);
  }

  /** A contract of this test's reference, with an option of each length in months. */
  private void contractEndingInFourMonths(int... optionMonths) {
    ExtensionTestData.contract(
        contracts,
        reference,
        LocalDate.of(2023, 4, 1),
        LocalDate.now().plusMonths(4),
        "450000",
        Arrays.stream(optionMonths).boxed().toList());
  }

  private long casesFor(String businessKey) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .count();
  }

  private Response start(String contractReference) {
    return http.postJson(START, variables(contractReference), as(OFFICER));
  }

  private static String variables(String contractReference) {
    return "{\"variables\": {\"contractReference\": {\"value\": \"" + contractReference + "\"}}}";
  }
}
