package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.qaf.ImprovementPlanTestData.*;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * GET /api/qaf-improvement-plans and the default notice: staff see all, a provider only its own.
 */
@ProcessTest
class ImprovementPlanApiTest extends HttpProcessTestCase {

  @Autowired QafImprovementPlans plans;
  @Autowired ImprovementPlanRegister register;
  @Autowired DefaultNoticeLetters letters;

  ImprovementPlan alphaPlan;
  ImprovementPlan betaPlan;

  @BeforeEach
  void setUp() {
    users(access);
    long unique = System.nanoTime() % 1000000;
    alphaPlan =
        startPlan(
            contract(contracts, alpha(contracts), "IP-API-A" + unique), "QAF-2025-A" + unique);
    betaPlan =
        startPlan(contract(contracts, beta(contracts), "IP-API-B" + unique), "QAF-2025-B" + unique);
    letters.produceOnce(alphaPlan, Instant.now());
  }

  @org.junit.jupiter.api.AfterEach
  void removeTestStaff() {
    removeStaff(identityService);
  }

  @Test
  void staffSeeEveryOpenPlanAndAProviderOnlyItsOwn() throws Exception {
    assertThat(caseReferences(OFFICER, "OPEN"))
        .contains(alphaPlan.caseReference(), betaPlan.caseReference());
    assertThat(caseReferences(ALPHA_USER, "OPEN"))
        .contains(alphaPlan.caseReference())
        .doesNotContain(betaPlan.caseReference());
    assertThat(caseReferences(BETA_USER, null))
        .contains(betaPlan.caseReference())
        .doesNotContain(alphaPlan.caseReference());
    assertThat(caseReferences(OFFICER, "CLOSED")).doesNotContain(alphaPlan.caseReference());
    assertThat(
            problem(http.get("/api/qaf-improvement-plans?status=MAYBE", as(OFFICER)), 400)
                .path("errors")
                .findValuesAsText("field"))
        .containsExactly("status");
    assertThat(http.get("/api/qaf-improvement-plans").status()).isEqualTo(401);
  }

  @Test
  void theDefaultNoticeIsForStaffAndTheProviderConcernedAndNotFoundForAnyoneElse() {
    String path = "/api/qaf-improvement-plans/" + alphaPlan.id() + "/default-notice";

    for (String user : List.of(OFFICER, MANAGER, ALPHA_USER)) {
      Response response = http.get(path, as(user));
      assertThat(response.status()).as(user).isEqualTo(200);
      assertThat(response.contentType()).startsWith("application/pdf");
      assertThat(new String(response.body(), 0, 5)).isEqualTo("%PDF-");
    }
    assertThat(http.get(path, as(BETA_USER)).status()).isEqualTo(404);
    // A plan without a notice, and no plan at all.
    assertThat(
            http.get(
                    "/api/qaf-improvement-plans/" + betaPlan.id() + "/default-notice",
                    as(BETA_USER))
                .status())
        .isEqualTo(404);
    assertThat(
            http.get("/api/qaf-improvement-plans/999999999/default-notice", as(OFFICER)).status())
        .isEqualTo(404);
  }

  private ImprovementPlan startPlan(
      uk.gov.council.commissioning.contracts.Contract contract, String qafNumber) {
    plans.startForFinalDGrades(agreedQaf(jdbc, contract, qafNumber, "C1.2"));
    return register.findByCaseReference(qafNumber + "/C1.2").orElseThrow();
  }

  private List<String> caseReferences(String user, String status) throws Exception {
    Response response =
        http.get(
            "/api/qaf-improvement-plans" + (status == null ? "" : "?status=" + status), as(user));
    JsonNode list = answer(response, 200);
    return list.findValuesAsText("caseReference");
  }
}
