package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.qaf.QafReportTestData.*;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.web.HttpTestClient.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The QAF reports over HTTP with HTTP Basic: sign-in, bad parameters, and provider isolation (a
 * provider sees only its own grades and plans; another provider is unknown to it; the overdue and
 * moderation reports are for council staff).
 */
@ProcessTest
class QafReportApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("qr-api", OFFICER).withProviders("QR API Alpha Care", "QR API Beta Support");

  long alphaQaf;
  long betaQaf;

  @BeforeEach
  void setUp() {
    alphaQaf = qafWithAnOpenPlan(TEAM.alpha(), "QRA-", "B");
    betaQaf = qafWithAnOpenPlan(TEAM.beta(), "QRB-", "C");
    setClock(LocalDateTime.of(2026, 11, 10, 9, 0));
  }

  /**
   * Other test classes share this database and email whole groups, expecting only their own
   * members.
   */
  @AfterEach
  void tearDown() {
    for (String user : List.of(TEAM.user(OFFICER), TEAM.alphaUser(), TEAM.betaUser())) {
      identityService.deleteUser(user);
    }
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    for (String path :
        List.of(
            grades(TEAM.alpha()),
            "/api/qaf/improvement-plans/open",
            "/api/qaf/overdue",
            "/api/qaf/moderation?year=2026")) {
      Response response = http.get(path);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.contentType()).as(path).startsWith("application/problem+json");
    }
    assertThat(http.get(grades(TEAM.alpha()), basic(TEAM.alphaUser(), "wrong")).status())
        .isEqualTo(401);
  }

  @Test
  void badParametersAre400NamingTheField() throws Exception {
    assertField(http.get("/api/qaf/providers/abc/grades", as(TEAM.user(OFFICER))), "providerId");
    assertField(http.get("/api/qaf/providers/0/grades", as(TEAM.user(OFFICER))), "providerId");
    assertField(http.get("/api/qaf/moderation?year=twenty", as(TEAM.user(OFFICER))), "year");
    assertField(http.get("/api/qaf/moderation?year=1999", as(TEAM.user(OFFICER))), "year");
    assertThat(http.get("/api/qaf/providers/999999999/grades", as(TEAM.user(OFFICER))).status())
        .isEqualTo(404);
  }

  @Test
  void aProviderSeesItsOwnGradesAndPlansOnly() throws Exception {
    Response own = http.get(grades(TEAM.alpha()), as(TEAM.alphaUser()));
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.contentType()).startsWith("application/json");
    JsonNode body = json.readTree(own.body());
    assertThat(body.path("provider").path("name").asText()).isEqualTo("QR API Alpha Care");
    JsonNode qaf = body.path("qafs").get(body.path("qafs").size() - 1);
    assertThat(qaf.path("qafNumber").asText()).isEqualTo(number(jdbc, alphaQaf));
    assertThat(qaf.path("financialYearLabel").asText()).isEqualTo("2026/27");
    assertThat(qaf.path("grades").get(0).path("claimed").asText()).isEqualTo("B");
    assertThat(qaf.path("grades").get(0).path("finalGrade").asText()).isEqualTo("D");

    // Another provider is unknown to it, not forbidden, and its name is not revealed.
    Response other = http.get(grades(TEAM.beta()), as(TEAM.alphaUser()));
    problem(other, 404);
    assertThat(other.text()).doesNotContain("Beta");
    assertThat(http.get(grades(TEAM.alpha()), as(TEAM.betaUser())).status()).isEqualTo(404);

    Response plans = http.get("/api/qaf/improvement-plans/open", as(TEAM.alphaUser()));
    assertThat(plans.status()).isEqualTo(200);
    List<String> numbers = new ArrayList<>();
    json.readTree(plans.body())
        .forEach(
            p -> {
              assertThat(p.path("provider").path("id").asLong()).isEqualTo(TEAM.alpha().id());
              numbers.add(p.path("qafNumber").asText());
            });
    assertThat(numbers).contains(number(jdbc, alphaQaf)).doesNotContain(number(jdbc, betaQaf));
    JsonNode plan = json.readTree(plans.body()).get(0);
    assertThat(plan.path("overdue").asBoolean()).isTrue();
    assertThat(plan.path("overdueReasons").get(0).asText()).isEqualTo("PLAN_NOT_SUBMITTED");

    assertThat(http.get("/api/qaf/overdue", as(TEAM.alphaUser())).status()).isEqualTo(403);
    Response moderation = http.get("/api/qaf/moderation?year=2026", as(TEAM.alphaUser()));
    problem(moderation, 403);
  }

  @Test
  void councilStaffSeeEveryProvider() throws Exception {
    assertThat(http.get(grades(TEAM.beta()), as(TEAM.user(OFFICER))).status()).isEqualTo(200);
    List<Long> providers = new ArrayList<>();
    json.readTree(http.get("/api/qaf/improvement-plans/open", as(TEAM.user(OFFICER))).body())
        .forEach(p -> providers.add(p.path("provider").path("id").asLong()));
    assertThat(providers).contains(TEAM.alpha().id(), TEAM.beta().id());

    Response overdue = http.get("/api/qaf/overdue", as(TEAM.user(OFFICER)));
    assertThat(overdue.status()).isEqualTo(200);
    assertThat(json.readTree(overdue.body()).path("asAt").asText())
        .isEqualTo("2026-11-10T09:00:00Z");
    assertThat(json.readTree(overdue.body()).has("notReturned")).isTrue();
    assertThat(json.readTree(overdue.body()).has("notIssued")).isTrue();

    Response moderation = http.get("/api/qaf/moderation?year=2026", as(TEAM.user(OFFICER)));
    JsonNode year = answer(moderation, 200);
    assertThat(year.path("financialYear").asInt()).isEqualTo(2026);
    assertThat(year.path("target").asInt()).isEqualTo(2);
    // Without a year: the current financial year by the engine clock (November 2026 is in 2026/27).
    JsonNode current =
        json.readTree(http.get("/api/qaf/moderation", as(TEAM.user(OFFICER))).body());
    assertThat(current.path("financialYearLabel").asText()).isEqualTo("2026/27");
  }

  private void assertField(Response response, String field) throws Exception {
    JsonNode errors = problem(response, 400).path("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).path("field").asText()).isEqualTo(field);
  }

  /** A 2026 QAF graded D on C1.1 against the claimed grade, its plan due on 1 November. */
  private long qafWithAnOpenPlan(Provider provider, String contractPrefix, String claimed) {
    long contractId = contract(contracts, provider, unique(contractPrefix));
    long qaf = insert(jdbc, Qaf.agreed(contractId, provider.id(), 2026, TEAM.user(OFFICER)));
    grade(jdbc, qaf, "C1.1", claimed, "D", "D");
    openPlan(jdbc, qaf, "C1.1", uk(LocalDateTime.of(2026, 11, 1, 9, 0)));
    return qaf;
  }

  private static String grades(Provider provider) {
    return "/api/qaf/providers/" + provider.id() + "/grades";
  }
}
