package uk.gov.council.commissioning.meetingplans;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.CSG;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.password;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * /api/meeting-plans and /api/meeting-feedback over HTTP, and their pages: provider isolation
 * (another provider's plan or survey answers 404 as one that does not exist), refusals naming the
 * field with nothing started, and the year's feedback summary for council staff only.
 */
@ProcessTest
class MeetingPlanApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("mpapi", OFFICER, MANAGER, CSG)
          .withProviders("MPAPI Alpha Care", "MPAPI Beta Support");

  @Autowired MeetingFollowUpStarts starts;

  Contract alpha;
  Contract beta;
  long alphaMeeting;
  long betaMeeting;

  @BeforeEach
  void setUp() {
    TestClock.set(LocalDateTime.of(2057, 3, 4, 9, 0));
    alpha = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("MPAPI-A-"));
    beta = TestMeetings.contract(contracts, TEAM.beta(), uniqueReference("MPAPI-B-"));
    alphaMeeting = TestMeetings.meeting(jdbc, alpha, LocalDate.of(2057, 3, 2));
    betaMeeting = TestMeetings.meeting(jdbc, beta, LocalDate.of(2057, 3, 3));
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    for (String path :
        List.of(
            "/api/meeting-plans",
            "/api/meeting-plans/" + alphaMeeting,
            "/api/meeting-feedback?year=2057",
            "/api/meeting-feedback/summary?year=2057")) {
      assertThat(http.get(path).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void staffStartAPlanOnceAndAProviderSeesOnlyItsOwn() {
    JsonNode started =
        answer(
            http.postJson(
                "/api/meeting-plans",
                "{\"meetingId\":" + alphaMeeting + "}",
                as(TEAM.user(OFFICER))),
            201);
    assertThat(started.get("businessKey").asText()).isEqualTo("MIP-" + alphaMeeting);
    assertThat(
            http.postJson(
                    "/api/meeting-plans",
                    "{\"meetingId\":" + alphaMeeting + "}",
                    as(TEAM.user(OFFICER)))
                .status())
        .isEqualTo(409);
    starts.startMeetingImprovementPlan(betaMeeting);

    JsonNode own =
        answer(http.get("/api/meeting-plans/" + alphaMeeting, as(TEAM.alphaUser())), 200);
    assertThat(own.get("caseReference").asText()).isEqualTo("MIP-" + alphaMeeting);
    assertThat(own.get("status").asText()).isEqualTo("DRAFTING");
    assertThat(own.has("providerGroup")).isFalse();
    assertThat(own.at("/progress/actions").asInt()).isZero();
    assertNotFoundAsIfAbsent("/api/meeting-plans/", betaMeeting);
    assertThat(valuesListed("/api/meeting-plans", TEAM.alphaUser(), "caseReference"))
        .contains("MIP-" + alphaMeeting)
        .doesNotContain("MIP-" + betaMeeting);
    assertThat(
            valuesListed(
                "/api/meeting-plans?contractReference=" + beta.reference(),
                TEAM.alphaUser(),
                "caseReference"))
        .isEmpty();
    assertThat(
            valuesListed(
                "/api/meeting-plans?contractReference=" + beta.reference(),
                TEAM.user(MANAGER),
                "caseReference"))
        .containsExactly("MIP-" + betaMeeting);
    assertThat(http.get("/api/meeting-plans/" + betaMeeting, as(TEAM.user(MANAGER))).status())
        .isEqualTo(200);
  }

  @Test
  void aProviderStartsNothingAndBadInputIsRefusedNamingTheField() {
    assertThat(
            http.postJson(
                    "/api/meeting-plans",
                    "{\"meetingId\":" + alphaMeeting + "}",
                    as(TEAM.alphaUser()))
                .status())
        .isEqualTo(403);
    assertThat(
            http.postJson(
                    "/api/meeting-feedback",
                    "{\"meetingId\":" + alphaMeeting + "}",
                    as(TEAM.alphaUser()))
                .status())
        .isEqualTo(403);
    assertField(http.postJson("/api/meeting-plans", "{}", as(TEAM.user(OFFICER))), "meetingId");
    assertField(
        http.postJson("/api/meeting-plans", "{\"meetingId\":\"soon\"}", as(TEAM.user(OFFICER))),
        "meetingId");
    assertField(
        http.postJson("/api/meeting-plans", "{\"meetingId\":999999999}", as(TEAM.user(OFFICER))),
        "meetingId");
    assertField(http.get("/api/meeting-plans/abc", as(TEAM.user(OFFICER))), "meetingId");
    assertField(http.get("/api/meeting-feedback?year=soon", as(TEAM.user(OFFICER))), "year");
    assertField(http.get("/api/meeting-feedback/summary", as(TEAM.user(CSG))), "year");
    assertThat(runningCases(MeetingPlanSteps.PROCESS_KEY, "MIP-" + alphaMeeting)).isZero();
    assertThat(runningCases(MeetingFeedbackSteps.PROCESS_KEY, "MFS-" + alphaMeeting)).isZero();
  }

  @Test
  void theFeedbackSummaryIsForStaffAndAProviderSeesItsOwnSurveysOnly() {
    answer(
        http.postJson(
            "/api/meeting-feedback",
            "{\"meetingId\":" + alphaMeeting + "}",
            as(TEAM.user(MANAGER))),
        201);
    starts.startMeetingFeedbackSurvey(betaMeeting);
    Map<String, Object> answers = MeetingFeedbackProcessTest.scores("5");
    completeAs(TEAM.alphaUser(), taskAt("MFS-" + alphaMeeting, "Task_AnswerSurvey"), answers);

    JsonNode summary =
        answer(http.get("/api/meeting-feedback/summary?year=2057", as(TEAM.user(CSG))), 200);
    assertThat(summary.get("answered").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(summary.at("/averages/overall").isNull()).isFalse();
    assertThat(http.get("/api/meeting-feedback/summary?year=2057", as(TEAM.alphaUser())).status())
        .isEqualTo(403);

    assertThat(valuesListed("/api/meeting-feedback?year=2057", TEAM.alphaUser(), "caseReference"))
        .containsExactly("MFS-" + alphaMeeting);
    assertNotFoundAsIfAbsent("/api/meeting-feedback/", betaMeeting);
    JsonNode own =
        answer(http.get("/api/meeting-feedback/" + alphaMeeting, as(TEAM.alphaUser())), 200);
    assertThat(own.get("status").asText()).isEqualTo("ANSWERED");
    assertThat(own.get("overallScore").asInt()).isEqualTo(5);
  }

  @Test
  void thePagesShowAProviderOnlyItsOwnPlansAndTheSummaryOnlyToStaff() {
    starts.startMeetingImprovementPlan(alphaMeeting);
    starts.startMeetingImprovementPlan(betaMeeting);

    String own = signedIn(TEAM.alphaUser()).get("/reports/meeting-plans").text();
    assertThat(own).contains(alpha.reference()).doesNotContain(beta.reference());
    Response another =
        signedIn(TEAM.alphaUser()).get("/reports/meeting-plans?contract=" + beta.reference());
    Response unknown = signedIn(TEAM.alphaUser()).get("/reports/meeting-plans?contract=MPAPI-NONE");
    assertThat(another.status()).isEqualTo(unknown.status()).isEqualTo(200);
    assertThat(another.text())
        .contains("No improvement plan to show")
        .doesNotContain(", meeting of");
    assertThat(unknown.text()).contains("No improvement plan to show");
    String staff =
        signedIn(TEAM.user(MANAGER))
            .get("/reports/meeting-plans?contract=" + beta.reference())
            .text();
    assertThat(staff).contains(beta.reference()).doesNotContain(alpha.reference());

    Response summary = signedIn(TEAM.user(CSG)).get("/reports/meeting-feedback?year=2057");
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.text()).contains("Average score by question");
    assertThat(signedIn(TEAM.alphaUser()).get("/reports/meeting-feedback?year=2057").status())
        .isEqualTo(403);
    Response bad = signedIn(TEAM.user(CSG)).get("/reports/meeting-feedback?year=soon");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains(MeetingPlanPages.YEAR_PROBLEM);
  }

  /**
   * Another provider's record answers as one that does not exist: the same 404 with the same
   * detail, so the answer does not tell a provider which meetings have a plan or survey.
   */
  private void assertNotFoundAsIfAbsent(String path, long anotherProvidersMeeting) {
    long absent = 999_999_999L;
    JsonNode another = problem(http.get(path + anotherProvidersMeeting, as(TEAM.alphaUser())), 404);
    JsonNode none = problem(http.get(path + absent, as(TEAM.alphaUser())), 404);
    assertThat(another.path("detail").asText())
        .isEqualTo(none.path("detail").asText().replace(absent + "", anotherProvidersMeeting + ""))
        .isNotBlank();
  }

  private void assertField(Response response, String field) {
    JsonNode body = problem(response, 400);
    assertThat(body.findValuesAsText("field")).as(response.text()).containsExactly(field);
  }

  private HttpTestClient signedIn(String user) {
    HttpTestClient client = new HttpTestClient(port);
    assertThat(client.signIn(user, password(user)).status()).isEqualTo(302);
    return client;
  }
}
