package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.qaf.QafTestData.*;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * QAFs over REST: 201, 400 naming each field, 409 for a second QAF for a meeting, 404 for another
 * provider.
 */
@ProcessTest
class QafApiTest extends HttpProcessTestCase {

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  String contract;
  String meeting;

  @BeforeEach
  void setUp() {
    users(access);
    contract = uniqueReference("QAF-API-");
    contract(contracts, alpha(contracts), contract, OFFICER);
    meeting = LocalDate.now().plusMonths(5).toString();
  }

  @Test
  void theListComesAPageAtATimeAndEachProviderStillSeesOnlyItsOwn() throws Exception {
    java.util.List<String> requested = new java.util.ArrayList<>();
    for (int days = 1; days <= 3; days++) {
      meeting = LocalDate.now().plusMonths(5).plusDays(days).toString();
      Response created = startForTheMeeting(OFFICER);
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      requested.add(json.readTree(created.text()).get("number").asText());
    }

    assertThat(allPagesListed("/api/qafs", ALPHA_USER, 2, "number")).containsAll(requested);
    assertThat(allPagesListed("/api/qafs", BETA_USER, 2, "number"))
        .doesNotContainAnyElementsOf(requested);
    assertThat(allPagesListed("/api/qafs", OFFICER, 50, "number")).containsAll(requested);
    refusesBadPages("/api/qafs", ALPHA_USER);
  }

  @Test
  void anOfficerRequestsAQafWhichItsProviderMaySeeAndAnotherMayNot() throws Exception {
    Response created =
        http.postJson(
            "/api/qafs",
            "{\"contractReference\":\""
                + contract
                + "\",\"meetingDate\":\""
                + meeting
                + "\",\"variant\":\"LITE\"}",
            as(OFFICER));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode body = json.readTree(created.text());
    String number = body.get("number").asText();
    assertThat(number).matches("QAF-\\d{4}-\\d{6}");
    assertThat(body.get("grades")).hasSize(7);
    assertThat(body.get("reviewingOfficer").asText()).isEqualTo(OFFICER);

    assertThat(http.get("/api/qafs/" + number, as(MANAGER)).status()).isEqualTo(200);
    assertThat(http.get("/api/qafs/" + number, as(ALPHA_USER)).status()).isEqualTo(200);
    assertThat(http.get("/api/qafs/" + number, as(BETA_USER)).status()).isEqualTo(404);
    assertThat(http.get("/api/qafs/QAF-2026-999999", as(OFFICER)).status()).isEqualTo(404);

    Response duplicate = startForTheMeeting(OFFICER);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.text()).contains(number);
  }

  @Test
  void theProviderSeesTheCouncilsGradesOnlyOnceSentAndNeverWhyAVisitWasChosen() throws Exception {
    Response created = startForTheMeeting(OFFICER);
    String number = json.readTree(created.text()).get("number").asText();
    // As the desk-top review leaves it: the officer's grade and the visit's reasons recorded,
    // nothing sent yet.
    jdbc.sql(
            "UPDATE qaf_grade SET officer_grade = 'D', explanation = 'Internal: no audit evidence'"
                + " WHERE objective = 'C1.4' AND assessment_id = (SELECT id FROM qaf_assessment WHERE qaf_number = :n)")
        .param("n", number)
        .update();
    jdbc.sql(
            "UPDATE qaf_assessment SET validation_visit = TRUE, validation_reasons = 'RANDOM_SAMPLE'"
                + " WHERE qaf_number = :n")
        .param("n", number)
        .update();

    JsonNode staff = json.readTree(http.get("/api/qafs/" + number, as(MANAGER)).text());
    JsonNode provider = json.readTree(http.get("/api/qafs/" + number, as(ALPHA_USER)).text());
    assertThat(staff.get("validationReasons").asText()).isEqualTo("RANDOM_SAMPLE");
    assertThat(grade(staff, "C1.4").get("officerGrade").asText()).isEqualTo("D");
    assertThat(provider.get("validationReasons").isNull()).isTrue();
    assertThat(grade(provider, "C1.4").get("officerGrade").isNull()).isTrue();
    assertThat(grade(provider, "C1.4").get("explanation").isNull()).isTrue();

    jdbc.sql("UPDATE qaf_assessment SET grades_sent_at = CURRENT_TIMESTAMP WHERE qaf_number = :n")
        .param("n", number)
        .update();
    JsonNode sent = json.readTree(http.get("/api/qafs/" + number, as(ALPHA_USER)).text());
    assertThat(grade(sent, "C1.4").get("officerGrade").asText()).isEqualTo("D");
    assertThat(sent.get("validationReasons").isNull()).isTrue();
  }

  private static JsonNode grade(JsonNode qaf, String objective) {
    for (JsonNode g : qaf.get("grades")) {
      if (g.get("objective").asText().equals(objective)) {
        return g;
      }
    }
    throw new AssertionError("no grade for " + objective);
  }

  @Test
  void badRequestsNameEachFieldAndProvidersMayNotRequest() {
    Response bad =
        http.postJson(
            "/api/qafs",
            "{\"contractReference\":\"NOPE\",\"meetingDate\":\"2020-01-01\","
                + "\"variant\":\"BIG\"}",
            as(OFFICER));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text())
        .contains("contractReference", "no contract NOPE", "variant", "meetingDate");
    assertThat(
            http.postJson(
                    "/api/qafs", "{\"contractReference\":\"" + contract + "\"}", as(ALPHA_USER))
                .status())
        .isEqualTo(403);
  }

  @Test
  void staffScheduleMeetingsThatAQafIsThenTimedFrom() throws Exception {
    Response scheduled = scheduleTheMeeting(MANAGER);
    assertThat(scheduled.status()).isEqualTo(201);
    assertThat(scheduleTheMeeting(ALPHA_USER).status()).isEqualTo(403);
    Response created =
        http.postJson("/api/qafs", "{\"contractReference\":\"" + contract + "\"}", as(OFFICER));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(json.readTree(created.text()).get("meetingDate").asText()).isEqualTo(meeting);
  }

  /** Starts a QAF on the test's contract, timed from the test's meeting. */
  private Response startForTheMeeting(String user) {
    return http.postJson(
        "/api/qafs",
        "{\"contractReference\":\"" + contract + "\",\"meetingDate\":\"" + meeting + "\"}",
        as(user));
  }

  private Response scheduleTheMeeting(String user) {
    return http.postJson(
        "/api/qafs/meetings",
        "{\"contractReference\":\"" + contract + "\",\"date\":\"" + meeting + "\"}",
        as(user));
  }
}
