package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.LEAD;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.password;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The meetings API and page (seed 001 Part 3.1 §1-§2) over HTTP: priority levels, meetings held,
 * the month's compliance to schedule; refusals naming the field with nothing written; provider
 * isolation (a provider sees its own meetings and figures, another's meeting is not found, and it
 * changes nothing). Each test works in a month of its own, far ahead, that no other class uses.
 */
@ProcessTest
class MeetingApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("mapi", LEAD, MANAGER).withProviders("MAPI Alpha Care", "MAPI Beta Support");

  private static final AtomicInteger MONTHS = new AtomicInteger();

  @Autowired MeetingMonitoring monitoring;

  YearMonth month;
  Contract alpha;
  Contract beta;
  long alphaFirst;
  long alphaSecond;
  long alphaThird;
  long betaOnly;

  @BeforeEach
  void setUp() {
    month = YearMonth.of(2070, 1).plusMonths(MONTHS.getAndIncrement());
    alpha = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("MAPI-A-"));
    beta = TestMeetings.contract(contracts, TEAM.beta(), uniqueReference("MAPI-B-"));
    alphaFirst = meeting(alpha, month.atDay(3));
    alphaSecond = meeting(alpha, month.atDay(10));
    alphaThird = meeting(alpha, month.atDay(24));
    betaOnly = meeting(beta, month.atDay(11));
    TestClock.set(month.atDay(20).atTime(9, 0));
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    for (String path :
        List.of(
            "/api/meetings?year=2070",
            "/api/meetings/compliance?month=" + month,
            "/api/meetings/priorities",
            "/api/meetings/" + alphaFirst)) {
      assertThat(http.get(path).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void heldAgainstPlannedGivesTheComplianceToScheduleForStaffAndEachProviderItsOwn() {
    held(alphaFirst, month.atDay(3));
    held(alphaSecond, month.atDay(12));

    JsonNode staff = answer(http.get(compliance(), as(TEAM.user(MANAGER))), 200);
    JsonNode alphaRow = providerRow(staff, TEAM.alpha().name());
    assertThat(alphaRow.at("/figures/planned").asInt()).isEqualTo(3);
    assertThat(alphaRow.at("/figures/held").asInt()).isEqualTo(2);
    assertThat(alphaRow.at("/figures/compliancePercent").decimalValue())
        .isEqualByComparingTo("66.7");
    JsonNode betaRow = providerRow(staff, TEAM.beta().name());
    assertThat(betaRow.at("/figures/compliancePercent").decimalValue()).isEqualByComparingTo("0.0");

    JsonNode own = answer(http.get(compliance(), as(TEAM.alphaUser())), 200);
    assertThat(own.get("providers").findValuesAsText("providerName"))
        .containsExactly(TEAM.alpha().name());
    assertThat(own.at("/total/planned").asInt()).isEqualTo(3);
    assertThat(own.at("/total/held").asInt()).isEqualTo(2);
    assertThat(own.get("meetings").findValuesAsText("contractReference"))
        .containsOnly(alpha.reference());

    // A month with nothing planned: no percentage, rather than 0 % or 100 %.
    JsonNode empty =
        answer(
            http.get(
                "/api/meetings/compliance?month=" + month.plusYears(100), as(TEAM.alphaUser())),
            200);
    assertThat(empty.at("/total/planned").asInt()).isZero();
    assertThat(empty.at("/total/compliancePercent").isNull()).isTrue();
  }

  @Test
  void aProviderSeesOnlyItsOwnMeetingsAndPrioritiesAndAnotherProvidersMeetingIsNotFound() {
    assertThat(valuesListed("/api/meetings?year=2070", TEAM.alphaUser(), "contractReference"))
        .contains(alpha.reference())
        .doesNotContain(beta.reference());
    assertThat(http.get("/api/meetings/" + betaOnly, as(TEAM.alphaUser())).status()).isEqualTo(404);
    assertThat(
            answer(http.get("/api/meetings/" + alphaFirst, as(TEAM.alphaUser())), 200)
                .get("contractReference")
                .asText())
        .isEqualTo(alpha.reference());
    assertThat(valuesListed("/api/meetings/priorities", TEAM.betaUser(), "contractReference"))
        .contains(beta.reference())
        .doesNotContain(alpha.reference());
    assertThat(valuesListed("/api/meetings?year=2070", TEAM.user(LEAD), "contractReference"))
        .contains(alpha.reference(), beta.reference());
  }

  @Test
  void aProviderUserChangesNoMeetingNorPriorityItsOwnOrAnothers() {
    for (long id : List.of(alphaFirst, betaOnly)) {
      Response response =
          http.postJson(
              "/api/meetings/" + id + "/held",
              "{\"heldOn\":\"" + month.atDay(3) + "\"}",
              as(TEAM.alphaUser()));
      assertThat(response.status()).isEqualTo(403);
    }
    assertThat(
            http.putJson(
                    "/api/meetings/priorities/" + beta.reference(),
                    "{\"priority\":\"GREEN\"}",
                    as(TEAM.alphaUser()))
                .status())
        .isEqualTo(403);

    assertThat(status(alphaFirst)).isEqualTo("PLANNED");
    assertThat(status(betaOnly)).isEqualTo("PLANNED");
    assertThat(priorityRows(beta)).isZero();
  }

  @Test
  void aPriorityNotConfiguredIsRefusedByNameAndNothingIsWritten() {
    JsonNode refused =
        problem(
            http.putJson(
                "/api/meetings/priorities/" + alpha.reference(),
                "{\"priority\":\"PURPLE\",\"reason\":\"No such level\"}",
                as(TEAM.user(MANAGER))),
            400);
    assertThat(refused.at("/errors/0/field").asText()).isEqualTo("priority");
    assertThat(refused.at("/errors/0/message").asText())
        .isEqualTo("PURPLE is not a configured priority level; the levels are GREEN, AMBER, RED");
    JsonNode missing =
        problem(
            http.putJson(
                "/api/meetings/priorities/" + alpha.reference(), "{}", as(TEAM.user(MANAGER))),
            400);
    assertThat(missing.at("/errors/0/field").asText()).isEqualTo("priority");
    assertThat(priorityRows(alpha)).isZero();

    JsonNode set =
        answer(
            http.putJson(
                "/api/meetings/priorities/" + alpha.reference(),
                "{\"priority\":\"RED\",\"reason\":\"Safeguarding concerns\"}",
                as(TEAM.user(LEAD))),
            200);
    assertThat(set.get("priority").asText()).isEqualTo("RED");
    assertThat(set.get("meetingsAYear").asInt()).isEqualTo(4);
    assertThat(set.get("byDefault").asBoolean()).isFalse();
    assertThat(
            http.putJson(
                    "/api/meetings/priorities/NO-SUCH-CONTRACT",
                    "{\"priority\":\"RED\"}",
                    as(TEAM.user(LEAD)))
                .status())
        .isEqualTo(404);
  }

  @Test
  void aMeetingIsRecordedHeldOnceOnADayThatHasComeAndBadDaysAreRefusedByName() {
    JsonNode future =
        problem(
            http.postJson(
                "/api/meetings/" + alphaThird + "/held",
                "{\"heldOn\":\"" + month.atDay(24) + "\"}",
                as(TEAM.user(LEAD))),
            400);
    assertThat(future.at("/errors/0/field").asText()).isEqualTo("heldOn");
    assertThat(future.at("/errors/0/message").asText()).contains("is still to come");
    JsonNode unreadable =
        problem(
            http.postJson(
                "/api/meetings/" + alphaThird + "/held",
                "{\"heldOn\":\"yesterday\"}",
                as(TEAM.user(LEAD))),
            400);
    assertThat(unreadable.at("/errors/0/field").asText()).isEqualTo("heldOn");
    assertThat(status(alphaThird)).isEqualTo("PLANNED");

    JsonNode held =
        answer(
            http.postJson(
                "/api/meetings/" + alphaFirst + "/held",
                "{\"heldOn\":\"" + month.atDay(4) + "\"}",
                as(TEAM.user(LEAD))),
            200);
    assertThat(held.get("status").asText()).isEqualTo("HELD");
    assertThat(held.get("heldOn").asText()).isEqualTo(month.atDay(4).toString());
    assertThat(
            http.postJson(
                    "/api/meetings/" + alphaFirst + "/held",
                    "{\"heldOn\":\"" + month.atDay(5) + "\"}",
                    as(TEAM.user(LEAD)))
                .status())
        .isEqualTo(409);
  }

  @Test
  void badParametersAre400NamingTheField() {
    assertField(http.get("/api/meetings?year=twenty", as(TEAM.user(LEAD))), "year");
    assertField(http.get("/api/meetings", as(TEAM.user(LEAD))), "year");
    assertField(http.get("/api/meetings/compliance?month=2070-13", as(TEAM.user(LEAD))), "month");
    assertField(http.get("/api/meetings/abc", as(TEAM.user(LEAD))), "id");
  }

  @Test
  void theMonthlyReportGoesToTheContractsManagersOnce() {
    held(alphaFirst, month.atDay(3));

    monitoring.report(month);
    monitoring.report(month);

    String key = "meetings:" + month + ":monthly-compliance";
    assertThat(outboxCount(key)).isEqualTo(1);
    assertThat(outbox(key)).contains(TEAM.user(MANAGER) + "@council.example");
    assertThat(outboxBody(key))
        .contains("Planned: 4")
        .contains("Held: 1")
        .contains("Compliance to schedule: 25.0%")
        .contains("- " + TEAM.alpha().name() + ": 1 of 3 held (33.3%)")
        .contains("- " + TEAM.beta().name() + ": 0 of 1 held (0.0%)");
  }

  @Test
  void thePageShowsAProviderOnlyItsOwnMeetingsAndStaffEveryProvider() {
    held(alphaFirst, month.atDay(3));

    String own = signedIn(TEAM.alphaUser()).get("/reports/meetings?month=" + month).text();
    assertThat(own).contains(alpha.reference()).doesNotContain(beta.reference());
    assertThat(own).contains("33.3%");
    String staff = signedIn(TEAM.user(MANAGER)).get("/reports/meetings?month=" + month).text();
    assertThat(staff).contains(alpha.reference()).contains(beta.reference());
    Response bad = signedIn(TEAM.user(MANAGER)).get("/reports/meetings?month=soon");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("Enter a month as a year and month, for example 2027-03");
  }

  private String compliance() {
    return "/api/meetings/compliance?month=" + month;
  }

  private static JsonNode providerRow(JsonNode figures, String name) {
    for (JsonNode row : figures.get("providers")) {
      if (row.get("providerName").asText().equals(name)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + name + " in " + figures);
  }

  private void held(long meeting, LocalDate on) {
    answer(
        http.postJson(
            "/api/meetings/" + meeting + "/held",
            "{\"heldOn\":\"" + on + "\"}",
            as(TEAM.user(LEAD))),
        200);
  }

  private void assertField(Response response, String field) {
    JsonNode body = problem(response, 400);
    assertThat(body.findValuesAsText("field")).as(response.text()).containsExactly(field);
  }

  private long meeting(Contract contract, LocalDate date) {
    return TestMeetings.meeting(jdbc, contract, date);
  }

  private String status(long meeting) {
    return jdbc.sql("SELECT status FROM contract_management_meeting WHERE id = :id")
        .param("id", meeting)
        .query(String.class)
        .single();
  }

  private long priorityRows(Contract contract) {
    return jdbc.sql("SELECT COUNT(*) FROM contract_priority WHERE contract_id = :c")
        .param("c", contract.id())
        .query(Long.class)
        .single();
  }

  private HttpTestClient signedIn(String user) {
    HttpTestClient client = new HttpTestClient(port);
    assertThat(client.signIn(user, password(user)).status()).isEqualTo(302);
    return client;
  }
}
