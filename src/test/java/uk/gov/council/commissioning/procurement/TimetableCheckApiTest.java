package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestProvider;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/** POST /api/procurement/timetable-checks through the running server with HTTP Basic. */
@ProcessTest
class TimetableCheckApiTest extends HttpProcessTestCase {

  private static final String PATH = "/api/procurement/timetable-checks";
  @RegisterExtension static final TestTeam TEAM = TestTeam.of("tt", OFFICER);
  private static final TestProvider PROVIDER = TEAM.provider("alpha", "TT Provider");

  /** The seed 000 §6.5 timetable (see SeedTimetable), with the contract signed {@code %s}. */
  private static final String SEED_PLAN =
      """
      {"regime": "%s", "procedure": "OPEN",
       "marketEngagementStart": "2019-12-01", "marketEngagementEnd": "2020-02-29",
       "tenderNoticeDate": "2020-03-02", "tenderCloseDate": "%s",
       "evaluationEnd": "2020-07-31", "awardAuthorisationEnd": "2020-09-01",
       "awardNoticeDate": "2020-09-02", "contractSignatureDate": "%s",
       "commencementDate": "2021-04-08"}
      """;

  @BeforeEach
  void setUp() {
    PROVIDER.setUpUser(access);
  }

  private static String plan(String regime, String tenderClose, String signature) {
    return SEED_PLAN.formatted(regime, tenderClose, signature);
  }

  private Response checkAsTheOfficer(String regime, String tenderClose, String signature) {
    return http.postJson(PATH, plan(regime, tenderClose, signature), as(TEAM.user(OFFICER)));
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    Response response = http.postJson(PATH, plan("PCR2015", "2020-05-29", "2020-10-01"));
    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void providersAreRefused() {
    Response response =
        http.postJson(PATH, plan("PCR2015", "2020-05-29", "2020-10-01"), as(PROVIDER.user()));
    problem(response, 403);
  }

  @Test
  void theSeedsTimetableIsLawfulWithItsStandstillAndNotices() throws Exception {
    JsonNode body = answer(checkAsTheOfficer("PCR2015", "2020-05-29", "2020-10-01"), 200);
    assertThat(body.path("lawful").asBoolean()).isTrue();
    assertThat(body.path("problems")).isEmpty();
    assertThat(body.path("standstillEnds").asText()).isEqualTo("2020-09-14");
    assertThat(body.path("contractMayBeEnteredInto").asText()).isEqualTo("2020-09-15");
    assertThat(body.path("contractDetailsNoticeDue").asText()).isEqualTo("2020-10-31");
    assertThat(body.path("notices").findValuesAsText("code"))
        .contains("FTS_CONTRACT_NOTICE", "AWARD_DECISION_NOTICES");
  }

  @Test
  void anUnlawfulPlanIs200WithItsProblems() throws Exception {
    JsonNode body = answer(checkAsTheOfficer("PA2023", "2020-03-20", "2020-09-10"), 200);
    assertThat(body.path("lawful").asBoolean()).isFalse();
    assertThat(body.path("problems").findValuesAsText("field"))
        .containsExactly("tenderCloseDate", "contractSignatureDate");
    assertThat(body.path("problems").get(0).path("reason").asText())
        .contains("is 18 days")
        .contains("25 days");
    assertThat(body.path("problems").get(1).path("source").asText()).contains("s51");
    assertThat(body.path("standstillEnds").asText()).isEqualTo("2020-09-11");
  }

  @Test
  void anUnknownRegimeIs400NamingTheField() throws Exception {
    Response response = checkAsTheOfficer("EU2004", "2020-05-29", "2020-10-01");

    problem(response, 400);
    JsonNode error = json.readTree(response.body()).path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("regime");
    assertThat(error.path("message").asText()).contains("'EU2004'").contains("PA2023");
  }

  @Test
  void anImpossibleDateIs400NamingTheField() throws Exception {
    Response response = checkAsTheOfficer("PCR2015", "2020-02-30", "2020-10-01");

    assertThat(response.status()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field"))
        .containsExactly("tenderCloseDate");
  }
}
