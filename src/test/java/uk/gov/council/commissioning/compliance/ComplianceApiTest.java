package uk.gov.council.commissioning.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The compliance figures over HTTP: who may see which provider's figures, and the answers to bad
 * requests, through the running server with HTTP Basic.
 */
@ProcessTest
class ComplianceApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("cf-api", QUALITY).withProviders("CF Alpha Care", "CF Beta Support");

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Test
  void withoutSigningInTheAnswerIs401() {
    Response response = http.get(path(TEAM.alpha(), "2026-Q3"));

    problem(response, 401);
    assertThat(http.get("/api/compliance/quarters/2026-Q3").status()).isEqualTo(401);
  }

  @Test
  void aProviderSeesItsOwnFiguresInTheAgreedShape() throws Exception {
    String quarter = uniqueQuarter();
    Instant aware =
        new Quarter(Integer.parseInt(quarter.substring(0, 4)), 2).start().plus(Duration.ofDays(3));
    alert(TEAM.alpha(), aware, Duration.ofHours(12));
    alert(TEAM.alpha(), aware.plus(Duration.ofDays(1)), Duration.ofHours(13));

    Response response = http.get(path(TEAM.alpha(), quarter), as(TEAM.alphaUser()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("provider").path("id").asLong()).isEqualTo(TEAM.alpha().id());
    assertThat(body.path("provider").path("name").asText()).isEqualTo("CF Alpha Care");
    assertThat(body.path("quarter").asText()).isEqualTo(quarter);
    assertThat(body.path("from").asText()).isEqualTo(quarter.substring(0, 4) + "-04-01");
    assertThat(body.path("to").asText()).isEqualTo(quarter.substring(0, 4) + "-06-30");
    assertThat(body.path("asAt").asText()).isNotBlank();
    JsonNode measures = body.path("measures");
    assertThat(measures).hasSize(9);
    JsonNode fivePointTwo = find(measures, "5.2");
    assertThat(fivePointTwo.path("wording").asText())
        .startsWith("Percentage of incidents of abuse or suspected abuse");
    assertThat(fivePointTwo.path("source").asText()).isEqualTo("seed 002 App C 5.2");
    assertThat(fivePointTwo.path("total").asInt()).isEqualTo(2);
    assertThat(fivePointTwo.path("met").asInt()).isEqualTo(1);
    assertThat(fivePointTwo.path("missed").asInt()).isEqualTo(1);
    assertThat(fivePointTwo.path("pending").asInt()).isZero();
    assertThat(fivePointTwo.path("percentage").decimalValue()).isEqualByComparingTo("50.0");
    JsonNode fourPointOne = find(measures, "4.1");
    assertThat(fourPointOne.path("total").asInt()).isZero();
    assertThat(fourPointOne.path("percentage").isNull()).isTrue();
    assertThat(find(measures, "4.2").path("percentage").isNull()).isTrue();
  }

  @Test
  void aProviderCannotSeeAnotherProvidersFiguresNorTheListOfAll() {
    // As for contracts: another provider's figures are answered as unknown, not as forbidden.
    Response other = http.get(path(TEAM.beta(), "2026-Q3"), as(TEAM.alphaUser()));
    problem(other, 404);
    assertThat(other.text()).doesNotContain("CF Beta Support");
    assertThat(http.get(path(TEAM.alpha(), "2026-Q3"), as(TEAM.betaUser())).status())
        .isEqualTo(404);
    assertThat(http.get(path(TEAM.beta(), "2026-Q3"), as(TEAM.betaUser())).status()).isEqualTo(200);

    Response all = http.get("/api/compliance/quarters/2026-Q3", as(TEAM.alphaUser()));
    problem(all, 403);
  }

  @Test
  void councilStaffSeeAnyProviderAndEveryProviderTogether() throws Exception {
    assertThat(http.get(path(TEAM.alpha(), "2026-Q3"), as(TEAM.user(QUALITY))).status())
        .isEqualTo(200);
    assertThat(http.get(path(TEAM.beta(), "2026-Q3"), as(TEAM.user(QUALITY))).status())
        .isEqualTo(200);

    Response all = http.get("/api/compliance/quarters/2026-Q3", as(TEAM.user(QUALITY)));

    JsonNode body = answer(all, 200);
    assertThat(body.path("quarter").asText()).isEqualTo("2026-Q3");
    assertThat(body.path("from").asText()).isEqualTo("2026-07-01");
    assertThat(body.path("to").asText()).isEqualTo("2026-09-30");
    List<Long> ids = new ArrayList<>();
    body.path("providers").forEach(p -> ids.add(p.path("provider").path("id").asLong()));
    assertThat(ids).contains(TEAM.alpha().id(), TEAM.beta().id());
    body.path("providers").forEach(p -> assertThat(p.path("measures")).hasSize(9));
  }

  @Test
  void aBadQuarterOrProviderIdIs400NamingTheField() throws Exception {
    Response badQuarter =
        http.get(
            "/api/compliance/providers/" + TEAM.alpha().id() + "/quarters/2026-Q5",
            as(TEAM.user(QUALITY)));
    problem(badQuarter, 400);
    JsonNode errors = json.readTree(badQuarter.body()).path("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).path("field").asText()).isEqualTo("quarter");
    assertThat(errors.get(0).path("message").asText()).contains("2026-Q3");

    Response both =
        http.get("/api/compliance/providers/alpha/quarters/July", as(TEAM.user(QUALITY)));
    assertThat(both.status()).isEqualTo(400);
    assertThat(json.readTree(both.body()).path("errors").findValuesAsText("field"))
        .containsExactly("providerId", "quarter");

    Response listBad = http.get("/api/compliance/quarters/2026-3", as(TEAM.user(QUALITY)));
    assertThat(listBad.status()).isEqualTo(400);
    assertThat(json.readTree(listBad.body()).path("errors").findValuesAsText("field"))
        .containsExactly("quarter");
  }

  @Test
  void anUnknownProviderIs404() {
    Response response =
        http.get("/api/compliance/providers/987654321/quarters/2026-Q3", as(TEAM.user(QUALITY)));

    problem(response, 404);
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** A Q2 of a year no other test uses, so the counts are this test's alone. */
  private static String uniqueQuarter() {
    return (2100 + SEQUENCE.incrementAndGet()) + "-Q2";
  }

  private void alert(Provider provider, Instant awareAt, Duration untilAlerted) {
    ComplianceFacts.complaintAlert(
        jdbc, provider, "CF-API-" + System.nanoTime(), awareAt, untilAlerted);
  }

  private static JsonNode find(JsonNode measures, String number) {
    for (JsonNode m : measures) {
      if (number.equals(m.path("number").asText())) {
        return m;
      }
    }
    throw new AssertionError("No measure " + number);
  }

  private static String path(Provider provider, String quarter) {
    return "/api/compliance/providers/" + provider.id() + "/quarters/" + quarter;
  }
}
