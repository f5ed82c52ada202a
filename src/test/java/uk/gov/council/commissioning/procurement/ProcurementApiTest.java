package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.BUYER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.FINANCE;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.GOVERNANCE;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestProvider;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * GET /api/procurements and /api/procurements/{reference} through the running server with HTTP
 * Basic.
 */
@ProcessTest
class ProcurementApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM = TestTeam.of("pa", BUYER, QUALITY, GOVERNANCE, FINANCE);

  private static final TestProvider PROVIDER = TEAM.provider("alpha", "PA Provider");

  String reference;

  @BeforeEach
  void setUp() {
    PROVIDER.setUpUser(access);
    reference =
        startSignedIn(
                TEAM.user(BUYER),
                "procurement",
                ProcurementTestData.request(null, "PA2023_LIGHT_TOUCH", 450_000, false))
            .getBusinessKey();
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    assertThat(http.get("/api/procurements").status()).isEqualTo(401);
  }

  @Test
  void providersAndStaffOutsideProcurementAreRefused() {
    assertThat(http.get("/api/procurements", as(PROVIDER.user())).status()).isEqualTo(403);
    assertThat(http.get("/api/procurements/" + reference, as(PROVIDER.user())).status())
        .isEqualTo(403);
    assertThat(http.get("/api/procurements/" + reference, as(TEAM.user(QUALITY))).status())
        .isEqualTo(403);
  }

  @Test
  void theListComesAPageAtATimeNewestFirst() {
    List<String> listed = allPagesListed("/api/procurements", TEAM.user(BUYER), 20, "reference");
    assertThat(listed).first().as("the one started last comes first").isEqualTo(reference);
    refusesBadPages("/api/procurements", TEAM.user(BUYER));
    assertThat(http.get("/api/procurements?page=0", as(PROVIDER.user())).status()).isEqualTo(403);
  }

  @Test
  void procurementStaffSeeTheListAndOneProcurement() throws Exception {
    Response list = http.get("/api/procurements", as(TEAM.user(BUYER)));
    JsonNode all = answer(list, 200);
    assertThat(all.findValuesAsText("reference")).contains(reference);

    Response one = http.get("/api/procurements/" + reference, as(TEAM.user(BUYER)));
    JsonNode body = answer(one, 200);
    assertThat(body.path("procurement").path("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(body.path("procurement").path("regime").asText()).isEqualTo("PA2023_LIGHT_TOUCH");
    assertThat(body.path("startReason").asText()).isEqualTo("MANUAL");
    assertThat(body.path("startedBy").asText()).isEqualTo(TEAM.user(BUYER));
    assertThat(body.path("timetable").isNull()).as("not planned yet").isTrue();
  }

  /**
   * Tasklist shows the refusal of a form as the engine REST API gives it: a 400 in the checks'
   * words.
   */
  @Test
  void aRefusedFormIsA400InTheChecksWordsThroughTheEngineRestApi() throws Exception {
    Response start = RefusedProcurementForms.startThroughTheRestApi(http, TEAM.user(BUYER));
    JsonNode startBody = answer(start, 400);
    assertThat(startBody.path("type").asText()).isEqualTo("FormRefusal");
    assertThat(startBody.path("errors").findValuesAsText("field"))
        .containsExactly("estimatedValue", "serviceArea");
    assertThat(startBody.path("message").asText())
        .isEqualTo(
            "The procurement request cannot be completed: estimatedValue: '12,5' is not an amount of money"
                + " (e.g. £2,100,000 or 2100000.00); serviceArea: is required");

    String taskId = taskAt(reference, "Task_GovernanceAgreement").getId();
    Response decline =
        RefusedProcurementForms.governanceDeclineThroughTheRestApi(
            http, taskId, TEAM.user(GOVERNANCE));
    assertThat(decline.status()).isEqualTo(400);
    assertThat(json.readTree(decline.body()).path("message").asText())
        .doesNotContain("ENGINE-", "uk.gov")
        .contains("governanceAgreementComments: say why you do not agree");
  }

  /**
   * The officer's key-decision box counts only with its reason: a 400 naming the field, and no
   * procurement recorded.
   */
  @Test
  void aProcurementMarkedKeyWithoutAReasonIsA400NamingTheField() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    Response start =
        RefusedProcurementForms.keyWithoutReasonThroughTheRestApi(http, TEAM.user(BUYER));
    JsonNode body = answer(start, 400);
    assertThat(body.path("errors").findValuesAsText("field")).containsExactly("keyDecisionReason");
    assertThat(body.path("message").asText())
        .contains("keyDecisionReason: say why the procurement is a key decision");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    JsonNode list = answer(http.get("/api/procurements", as(TEAM.user(BUYER))), 200);
    assertThat(list.findValuesAsText("title")).doesNotContain("Advocacy");
  }

  /** The same through Tasklist's own engine API, signed in with a session as a browser is. */
  @Test
  void tasklistShowsARefusedFormInTheChecksWords() throws Exception {
    String taskId = taskAt(reference, "Task_FinanceAgreement").getId();
    String token =
        signInToWebApps(TEAM.user(FINANCE), RefusedProcurementForms.TASKLIST_TASK + taskId);

    Response refused = RefusedProcurementForms.financeDeclineInTasklist(http, taskId, token);

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
    assertThat(http.get("/api/procurements/PROC-1999-9999", as(TEAM.user(BUYER))).status())
        .isEqualTo(404);
  }
}
