package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.providerUser;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * GET /api/procurements and /api/procurements/{reference} through the running server with HTTP
 * Basic.
 */
@ProcessTest
class ProcurementApiTest extends HttpProcessTestCase {

  private static final String BUYER = "pa-buyer";
  private static final String QUALITY = "pa-quality";
  private static final String GOVERNANCE = "pa-governance";
  private static final String FINANCE = "pa-finance";
  private static final String PROVIDER = "pa-provider";
  private static final String PROVIDER_GROUP = "provider-pa-api";

  String reference;

  @BeforeEach
  void setUp() {
    user(access, BUYER, Roles.PROCUREMENT);
    user(access, QUALITY, Roles.QUALITY_ASSURANCE);
    providerUser(access, PROVIDER, PROVIDER_GROUP, "PA Provider");
    identityService.setAuthentication(BUYER, java.util.List.of(Roles.PROCUREMENT));
    try {
      reference =
          runtimeService
              .startProcessInstanceByKey(
                  "procurement",
                  ProcurementTestData.request(null, "PA2023_LIGHT_TOUCH", 450_000, false))
              .getBusinessKey();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    assertThat(http.get("/api/procurements").status()).isEqualTo(401);
  }

  @Test
  void providersAndStaffOutsideProcurementAreRefused() {
    assertThat(http.get("/api/procurements", as(PROVIDER)).status()).isEqualTo(403);
    assertThat(http.get("/api/procurements/" + reference, as(PROVIDER)).status()).isEqualTo(403);
    assertThat(http.get("/api/procurements/" + reference, as(QUALITY)).status()).isEqualTo(403);
  }

  @Test
  void procurementStaffSeeTheListAndOneProcurement() throws Exception {
    Response list = http.get("/api/procurements", as(BUYER));
    JsonNode all = answer(list, 200);
    assertThat(all.findValuesAsText("reference")).contains(reference);

    Response one = http.get("/api/procurements/" + reference, as(BUYER));
    JsonNode body = answer(one, 200);
    assertThat(body.path("procurement").path("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(body.path("procurement").path("regime").asText()).isEqualTo("PA2023_LIGHT_TOUCH");
    assertThat(body.path("startReason").asText()).isEqualTo("MANUAL");
    assertThat(body.path("startedBy").asText()).isEqualTo(BUYER);
    assertThat(body.path("timetable").isNull()).as("not planned yet").isTrue();
  }

  /**
   * Tasklist shows the refusal of a form as the engine REST API gives it: a 400 in the checks'
   * words.
   */
  @Test
  void aRefusedFormIsA400InTheChecksWordsThroughTheEngineRestApi() throws Exception {
    Response start =
        http.postJson(
            "/engine-rest/process-definition/key/procurement/submit-form",
            """
        {"variables": {"title": {"value": "Advocacy", "type": "String"},
                       "estimatedValue": {"value": "12,5", "type": "String"},
                       "regime": {"value": "PA2023", "type": "String"},
                       "procurementStrategy": {"value": "Open tender", "type": "String"}}}""",
            as(BUYER));
    JsonNode startBody = answer(start, 400);
    assertThat(startBody.path("type").asText()).isEqualTo("FormRefusal");
    assertThat(startBody.path("errors").findValuesAsText("field"))
        .containsExactly("estimatedValue", "serviceArea");
    assertThat(startBody.path("message").asText())
        .isEqualTo(
            "The procurement request cannot be completed: estimatedValue: '12,5' is not an amount of money"
                + " (e.g. £2,100,000 or 2100000.00); serviceArea: is required");

    String taskId = taskAt(reference, "Task_GovernanceAgreement").getId();
    user(access, GOVERNANCE, Roles.GOVERNANCE_CONTRACTS);
    Response decline =
        http.postJson(
            "/engine-rest/task/" + taskId + "/submit-form",
            """
        {"variables": {"governanceAgreement": {"value": "DECLINE", "type": "String"}}}""",
            as(GOVERNANCE));
    assertThat(decline.status()).isEqualTo(400);
    assertThat(json.readTree(decline.body()).path("message").asText())
        .doesNotContain("ENGINE-", "uk.gov")
        .contains("governanceAgreementComments: say why you do not agree");
  }

  /** The same through Tasklist's own engine API, signed in with a session as a browser is. */
  @Test
  void tasklistShowsARefusedFormInTheChecksWords() throws Exception {
    String taskId = taskAt(reference, "Task_FinanceAgreement").getId();
    user(access, FINANCE, Roles.FINANCE_DIRECTORS);
    assertThat(http.signIn(FINANCE, "secret-" + FINANCE).status()).isEqualTo(302);
    String task = "/camunda/api/engine/engine/default/task/" + taskId;
    Response read = http.get(task);
    String token = http.cookie("XSRF-TOKEN").orElseGet(() -> read.header("X-XSRF-TOKEN"));

    Response refused =
        http.postJson(
            task + "/submit-form",
            "{\"variables\": {\"financeAgreement\": {\"value\": \"DECLINE\", \"type\": \"String\"}}}",
            "X-XSRF-TOKEN",
            token);

    assertThat(refused.status()).isEqualTo(400);
    // Named by the field's label, as the officer sees it ("Comments"); /engine-rest keeps the key.
    assertThat(json.readTree(refused.body()).path("message").asText())
        .isEqualTo(
            "Agree to procure: Director of Finance cannot be completed: Comments: say why you do not"
                + " agree, for the officer to act on");
    assertThat(taskService.createTaskQuery().taskId(taskId).count())
        .as("the task stays open")
        .isOne();
  }

  @Test
  void anUnknownProcurementIs404() {
    assertThat(http.get("/api/procurements/PROC-1999-9999", as(BUYER)).status()).isEqualTo(404);
  }
}
