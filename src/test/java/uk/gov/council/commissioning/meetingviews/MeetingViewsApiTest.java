package uk.gov.council.commissioning.meetingviews;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.password;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The meeting views over HTTP and as pages: the year's schedule by month, officer and priority, a
 * provider's history and the overdue list; a provider's user sees only its own (another provider's
 * history is not found, as another provider's meeting is), and bad input is refused naming the
 * parameter.
 */
@ProcessTest
class MeetingViewsApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("mview", OFFICER, MANAGER)
          .withProviders("MVIEW Alpha Care", "MVIEW Beta Support");

  Contract alpha;
  Contract beta;
  String officer;
  long alphaHeld;
  long alphaLate;
  long alphaLater;
  long alphaWithPlan;
  long betaLate;

  @BeforeEach
  void setUp() {
    TestClock.set(LocalDateTime.of(2063, 6, 15, 9, 0));
    alpha = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("MVIEW-A-"), "Views");
    beta = TestMeetings.contract(contracts, TEAM.beta(), uniqueReference("MVIEW-B-"), "Views");
    officer = "officer-" + alpha.reference().toLowerCase(java.util.Locale.ROOT);
    jdbc.sql("UPDATE contract SET contract_officer = :o WHERE id = :c")
        .param("o", officer)
        .param("c", alpha.id())
        .update();
    answer(
        http.putJson(
            "/api/meetings/priorities/" + beta.reference(),
            "{\"priority\":\"RED\",\"reason\":\"Views test\"}",
            as(TEAM.user(MANAGER))),
        200);

    alphaWithPlan = TestMeetings.meeting(jdbc, alpha, LocalDate.of(2063, 1, 15));
    MeetingViewTestData.held(jdbc, alphaWithPlan);
    MeetingViewTestData.action(
        jdbc, alphaWithPlan, "Followed by the plan", LocalDate.of(2063, 3, 1));
    long plan = MeetingViewTestData.agreedPlan(jdbc, alphaWithPlan);
    MeetingViewTestData.planAction(
        jdbc, plan, 1, "Plan action overdue", LocalDate.of(2063, 4, 1), "OPEN");
    MeetingViewTestData.planAction(
        jdbc, plan, 2, "Plan action done", LocalDate.of(2063, 3, 1), "COMPLETE");
    MeetingViewTestData.planAction(
        jdbc, plan, 3, "Plan action still to come", LocalDate.of(2063, 9, 1), "OPEN");

    alphaHeld = TestMeetings.meeting(jdbc, alpha, LocalDate.of(2063, 2, 10));
    MeetingViewTestData.held(jdbc, alphaHeld);
    MeetingViewTestData.action(jdbc, alphaHeld, "Minutes action overdue", LocalDate.of(2063, 3, 1));
    MeetingViewTestData.action(
        jdbc, alphaHeld, "Minutes action still to come", LocalDate.of(2063, 12, 1));

    alphaLate = TestMeetings.meeting(jdbc, alpha, LocalDate.of(2063, 5, 10));
    alphaLater = TestMeetings.meeting(jdbc, alpha, LocalDate.of(2063, 9, 10));
    betaLate = TestMeetings.meeting(jdbc, beta, LocalDate.of(2063, 4, 20));
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    for (String path :
        List.of(
            "/api/meetings/schedule?year=2063",
            "/api/meetings/history",
            "/api/meetings/history/" + TEAM.alpha().id(),
            "/api/meetings/overdue")) {
      assertThat(http.get(path).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void theScheduleIsByMonthWithCountsByOfficerAndPriorityAndFilters() {
    JsonNode all =
        answer(http.get("/api/meetings/schedule?year=2063", as(TEAM.user(OFFICER))), 200);
    assertThat(all.get("months")).hasSize(12);
    assertThat(all.at("/months/1/name").asText()).isEqualTo("February 2063");
    assertThat(all.at("/months/1/meetings").findValuesAsText("contractReference"))
        .contains(alpha.reference());
    assertThat(all.at("/months/3/meetings").findValuesAsText("contractReference"))
        .contains(beta.reference());
    assertThat(all.get("byOfficer").findValuesAsText("name")).contains(officer);
    assertThat(all.get("byPriority").findValuesAsText("name")).startsWith("GREEN", "AMBER", "RED");

    JsonNode red =
        answer(
            http.get("/api/meetings/schedule?year=2063&priority=RED", as(TEAM.user(OFFICER))), 200);
    assertThat(red.get("priority").asText()).isEqualTo("RED");
    assertThat(red.findValuesAsText("contractReference"))
        .contains(beta.reference())
        .doesNotContain(alpha.reference());

    JsonNode pat =
        answer(
            http.get("/api/meetings/schedule?year=2063&officer=" + officer, as(TEAM.user(OFFICER))),
            200);
    assertThat(pat.get("planned").asInt()).isEqualTo(4);
    assertThat(pat.get("held").asInt()).isEqualTo(2);
    assertThat(pat.findValuesAsText("contractReference")).containsOnly(alpha.reference());

    JsonNode may =
        answer(http.get("/api/meetings/schedule?month=2063-05", as(TEAM.user(OFFICER))), 200);
    assertThat(may.get("year").asInt()).isEqualTo(2063);
    assertThat(may.get("months")).hasSize(1);
    assertThat(may.findValuesAsText("id")).contains(String.valueOf(alphaLate));
  }

  @Test
  void aProviderSeesOnlyItsOwnScheduleHistoryAndOverdueList() {
    String user = TEAM.alphaUser();
    JsonNode schedule = answer(http.get("/api/meetings/schedule?year=2063", as(user)), 200);
    assertThat(schedule.findValuesAsText("contractReference"))
        .contains(alpha.reference())
        .doesNotContain(beta.reference());
    assertThat(valuesListed("/api/meetings/history", user, "name"))
        .containsExactly("MVIEW Alpha Care");

    JsonNode own = answer(http.get("/api/meetings/history/" + TEAM.alpha().id(), as(user)), 200);
    assertThat(own.get("providerName").asText()).isEqualTo("MVIEW Alpha Care");
    List<String> ids = new java.util.ArrayList<>();
    List<String> dates = new java.util.ArrayList<>();
    own.get("meetings")
        .forEach(
            r -> {
              ids.add(r.at("/meeting/id").asText());
              dates.add(r.at("/meeting/meetingDate").asText());
            });
    assertThat(ids).contains(String.valueOf(alphaLater), String.valueOf(alphaLate));
    assertThat(dates).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(own.findValuesAsText("description"))
        .contains("Minutes action overdue", "Plan action done");
    assertThat(own.findValuesAsText("caseReference")).contains("MIP-" + alphaWithPlan);

    Response other = http.get("/api/meetings/history/" + TEAM.beta().id(), as(user));
    assertThat(other.status()).isEqualTo(404);
    assertThat(http.get("/api/meetings/" + betaLate, as(user)).status())
        .as("the meetings' own answer for another provider's meeting")
        .isEqualTo(other.status());
    assertThat(
            http.get("/api/meetings/history/" + TEAM.beta().id(), as(TEAM.user(MANAGER))).status())
        .isEqualTo(200);

    JsonNode overdue = answer(http.get("/api/meetings/overdue", as(user)), 200);
    assertThat(overdue.get("meetingsNotHeld").findValuesAsText("id"))
        .contains(String.valueOf(alphaLate))
        .doesNotContain(String.valueOf(betaLate));
    assertThat(overdue.toString()).doesNotContain(beta.reference());
  }

  @Test
  void theOverdueListHasMeetingsNotHeldAndActionsPastTheirTargetDate() {
    JsonNode overdue = answer(http.get("/api/meetings/overdue", as(TEAM.user(MANAGER))), 200);
    assertThat(overdue.get("asOf").asText()).isEqualTo("2063-06-15");
    assertThat(overdue.get("meetingsNotHeld").findValuesAsText("id"))
        .contains(String.valueOf(alphaLate), String.valueOf(betaLate))
        .doesNotContain(String.valueOf(alphaHeld), String.valueOf(alphaLater));

    JsonNode meetingActions = overdue.get("meetingActions");
    assertThat(meetingActions.findValuesAsText("description"))
        .contains("Minutes action overdue")
        .doesNotContain("Minutes action still to come", "Followed by the plan");
    for (JsonNode o : meetingActions) {
      if (o.at("/action/description").asText().equals("Minutes action overdue")) {
        assertThat(o.get("daysOverdue").asLong()).isEqualTo(106);
        assertThat(o.get("contractOfficer").asText()).isEqualTo(officer);
      }
    }

    assertThat(overdue.get("planActions").findValuesAsText("description"))
        .contains("Plan action overdue")
        .doesNotContain("Plan action done", "Plan action still to come");
  }

  @Test
  void badInputIsRefusedNamingTheParameter() {
    assertField("/api/meetings/schedule", "year");
    assertField("/api/meetings/schedule?year=soon", "year");
    assertField("/api/meetings/schedule?year=1999", "year");
    assertField("/api/meetings/schedule?year=2063&priority=PURPLE", "priority");
    assertField("/api/meetings/schedule?month=2063-13", "month");
    assertField("/api/meetings/schedule?year=2063&month=2064-01", "month");
    assertField("/api/meetings/history/abc", "providerId");
    assertThat(http.get("/api/meetings/history/999999999", as(TEAM.user(OFFICER))).status())
        .isEqualTo(404);
  }

  @Test
  void thePagesShowTheViewsAndAProviderOnlyItsOwn() {
    HttpTestClient staff = signedIn(TEAM.user(MANAGER));
    Response schedule = staff.get("/reports/meeting-schedule?year=2063");
    assertThat(schedule.status()).isEqualTo(200);
    assertThat(schedule.text())
        .contains("February 2063", "No meeting is planned for the month.", officer)
        .contains(alpha.reference(), beta.reference())
        .contains("/reports/meeting-schedule?year=2063&amp;month=&amp;officer=&amp;priority=RED")
        .contains("/reports/meeting-history?provider=" + TEAM.beta().id());
    assertThat(staff.get("/reports/meeting-schedule?year=2063&priority=RED").text())
        .contains(beta.reference())
        .doesNotContain(alpha.reference());

    Response badPriority = staff.get("/reports/meeting-schedule?year=2063&priority=PURPLE");
    assertThat(badPriority.status()).isEqualTo(400);
    assertThat(badPriority.text()).contains("Choose a priority level: GREEN, AMBER, RED");
    Response badYear = staff.get("/reports/meeting-schedule?year=soon");
    assertThat(badYear.status()).isEqualTo(400);
    assertThat(badYear.text()).contains(MeetingViewPages.YEAR_PROBLEM);
    Response badMonth = staff.get("/reports/meeting-schedule?month=March");
    assertThat(badMonth.status()).isEqualTo(400);
    assertThat(badMonth.text()).contains(MeetingViewPages.MONTH_PROBLEM);

    assertThat(staff.get("/reports/meetings-overdue").text())
        .contains("Minutes action overdue", "Plan action overdue", beta.reference());

    HttpTestClient provider = signedIn(TEAM.alphaUser());
    assertThat(provider.get("/reports/meeting-schedule?year=2063").text())
        .contains(alpha.reference())
        .doesNotContain(beta.reference());
    Response own = provider.get("/reports/meeting-history");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.text())
        .contains("Minutes action overdue", "MIP-" + alphaWithPlan)
        .contains("Improvement plan actions", "Plan action done");
    Response other = provider.get("/reports/meeting-history?provider=" + TEAM.beta().id());
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.text())
        .contains(MeetingViewPages.PROVIDER_PROBLEM)
        .doesNotContain(beta.reference());
    assertThat(provider.get("/reports/meeting-history?provider=abc").status()).isEqualTo(400);
    assertThat(provider.get("/reports/meetings-overdue").text())
        .contains(alpha.reference())
        .doesNotContain(beta.reference());
  }

  private void assertField(String path, String field) {
    JsonNode body = problem(http.get(path, as(TEAM.user(OFFICER))), 400);
    assertThat(body.findValuesAsText("field")).as(path).containsExactly(field);
  }

  private HttpTestClient signedIn(String user) {
    HttpTestClient client = new HttpTestClient(port);
    assertThat(client.signIn(user, password(user)).status()).isEqualTo(302);
    return client;
  }
}
