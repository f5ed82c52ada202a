package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.BUYER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestProvider;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/** POST /api/procurement/evaluations through the running server with HTTP Basic. */
@ProcessTest
class EvaluationApiTest extends HttpProcessTestCase {

  private static final String PATH = "/api/procurement/evaluations";

  @RegisterExtension static final TestTeam TEAM = TestTeam.of("te", BUYER, MANAGER, QUALITY);

  private static final TestProvider PROVIDER = TEAM.provider("alpha", "TE Provider");

  /** The hand-worked tender of TenderEvaluationTest, without a model (the seed's is used). */
  private static final String TENDER =
      """
      {"bids": [
        {"bidder": "Acorn Care", "stage1": {"outcome": "PASS"}, "totalPrice": 100000,
         "scores": %s},
        {"bidder": "Birch Homes", "stage1": {"outcome": "PASS"}, "totalPrice": 120000,
         "scores": %s},
        {"bidder": "Cedar Ltd", "stage1": {"outcome": "FAIL", "reason": "No insurance"}, "totalPrice": 80000},
        {"bidder": "Dale Support", "stage1": {"outcome": "PASS"}, "totalPrice": 110000,
         "scores": %s}
      ]}
      """
          .formatted(
              scores(3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
              scores(5, 5, 5, 4, 4, 5, 4, 5, 4, 5),
              scores(2, 4, 3, 2, 3, 4, 3, 4, 3, 5));

  @BeforeEach
  void setUp() {
    PROVIDER.setUpUser(access);
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    Response response = http.postJson(PATH, TENDER);
    problem(response, 401);
  }

  @Test
  void providersAndOtherTeamsAreRefused() {
    Response provider = http.postJson(PATH, TENDER, as(PROVIDER.user()));
    problem(provider, 403);
    assertThat(provider.text()).doesNotContain("Birch Homes");
    assertThat(http.postJson(PATH, TENDER, as(TEAM.user(QUALITY))).status()).isEqualTo(403);
  }

  @Test
  void theHandWorkedTenderIsRankedWithTheSeedModel() throws Exception {
    Response response = http.postJson(PATH, TENDER, as(TEAM.user(BUYER)));

    JsonNode body = answer(response, 200);
    assertThat(body.path("lowestCompliantPrice").decimalValue()).isEqualByComparingTo("100000");
    assertThat(body.path("model").path("priceWeight").decimalValue()).isEqualByComparingTo("60");
    assertThat(body.path("model").path("questions")).hasSize(10);
    List<String> rows = new ArrayList<>();
    body.path("ranking")
        .forEach(
            r ->
                rows.add(
                    r.path("rank").asInt()
                        + " "
                        + r.path("bidder").asText()
                        + " "
                        + twoPlaces(r.path("qualityScore"))
                        + " "
                        + twoPlaces(r.path("priceScore"))
                        + " "
                        + twoPlaces(r.path("totalScore"))));
    assertThat(rows)
        .containsExactly(
            "1 Birch Homes 36.80 50.00 86.80",
            "2 Acorn Care 24.00 60.00 84.00",
            "3 Dale Support 26.80 54.55 81.35");
    // The published figures keep their two places in the JSON itself.
    assertThat(response.text())
        .contains("\"qualityScore\":36.80", "\"priceScore\":50.00", "\"totalScore\":86.80");
    assertThat(body.path("excluded").get(0).path("bidder").asText()).isEqualTo("Cedar Ltd");
    assertThat(body.path("excluded").get(0).path("reason").asText()).isEqualTo("No insurance");
    assertThat(body.path("panelDecisionNeeded").asBoolean()).isFalse();

    assertThat(http.postJson(PATH, TENDER, as(TEAM.user(MANAGER))).status()).isEqualTo(200);
  }

  @Test
  void anEditedModelWithBadWeightsAndBadBidsIs400NamingEachField() throws Exception {
    String request =
        """
        {"model": {"priceWeight": 70, "qualityWeight": 40,
                   "questions": [{"id": "method", "title": "Method", "weight": 90, "maxScore": 10}]},
         "bids": [
           {"bidder": "One", "stage1": {"outcome": "PASS"}, "totalPrice": 0,
            "scores": {"method": 11, "extra": 2}},
           {"bidder": "Two", "stage1": {"outcome": "FAIL", "reason": "Late"}, "scores": {"method": 5}},
           {"bidder": "one", "stage1": {"outcome": "PASS"}, "totalPrice": 10, "scores": {}}
         ]}
        """;

    Response response = http.postJson(PATH, request, as(TEAM.user(BUYER)));

    problem(response, 400);
    assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field"))
        .containsExactly(
            "bids[0].scores.extra",
            "bids[0].scores.method",
            "bids[0].totalPrice",
            "bids[1].scores",
            "bids[2].bidder",
            "bids[2].scores.method",
            "model.priceWeight",
            "model.qualityWeight",
            "model.questions");
  }

  @Test
  void anUnknownStage1OutcomeIs400() throws Exception {
    Response response =
        http.postJson(
            PATH,
            "{\"bids\": [{\"bidder\": \"One\", \"stage1\": {\"outcome\": \"MAYBE\"}, \"totalPrice\": 1}]}",
            as(TEAM.user(BUYER)));
    assertThat(response.status()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field"))
        .containsExactly("bids[0].stage1.outcome");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static String twoPlaces(JsonNode number) {
    return number.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String scores(int... values) {
    StringBuilder s = new StringBuilder("{");
    List<QualityQuestion> questions = EvaluationModel.seed000Default().questions();
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ", ")
          .append('"')
          .append(questions.get(i).id())
          .append("\": ")
          .append(values[i]);
    }
    return s.append('}').toString();
  }
}
