package uk.gov.council.commissioning.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.BUYER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * /api/performance-returns over HTTP (seed 001 Part 3.2 §4, issue 15): officers start a quarter's
 * return once; the provider sends it as JSON or CSV; bad input is refused naming the field with
 * nothing written; the same return sent again changes nothing; a provider sees and works only its
 * own organisation's returns.
 */
@ProcessTest
class PerformanceReturnApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("prapi", OFFICER, MANAGER, BUYER)
          .withProviders("PRAPI Alpha Care", "PRAPI Beta Support");

  static final int YEAR = 2057;
  static final String BASE = "/api/performance-returns";

  Contract alpha;
  Contract beta;
  String sp;
  String local;

  @BeforeEach
  void setUp() {
    TestClock.set(LocalDateTime.of(YEAR, 7, 5, 9, 0));
    alpha = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("PRAPI-A-"));
    beta = TestMeetings.contract(contracts, TEAM.beta(), uniqueReference("PRAPI-B-"));
    TestReturns.standardCatalogues(jdbc, alpha, YEAR, alpha.reference());
    TestReturns.contractPage(jdbc, alpha, YEAR, 40);
    sp = alpha.reference() + "-SP";
    local = alpha.reference() + "-LOCAL";
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    for (String path : List.of(BASE, BASE + "/PR-X-2057-Q1")) {
      assertThat(http.get(path).status()).as(path).isEqualTo(401);
    }
    assertThat(http.postJson(BASE + "/PR-X-2057-Q1/submission", "{}").status()).isEqualTo(401);
  }

  @Test
  void anOfficerStartsAQuarterOnceWithTheDefaultDeadlineAndAProviderCannot() {
    JsonNode started = start(alpha, 1, null, 201);
    assertThat(started.get("caseReference").asText()).isEqualTo(key(alpha, 1));
    // The quarter ends on 30 June; the council's default is 28 days later.
    assertThat(started.get("dueDate").asText()).isEqualTo(YEAR + "-07-28");
    assertThat(started.get("status").asText()).isEqualTo("AWAITED");

    JsonNode duplicate =
        problem(http.postJson(BASE, startBody(alpha, 1, null), as(TEAM.user(MANAGER))), 409);
    assertThat(duplicate.get("existing").asText()).isEqualTo(key(alpha, 1));
    assertThat(runningCases(PerformanceReturnSteps.PROCESS_KEY, key(alpha, 1))).isEqualTo(1);

    assertThat(http.postJson(BASE, startBody(beta, 2, null), as(TEAM.betaUser())).status())
        .isEqualTo(403);
    assertThat(http.postJson(BASE, startBody(beta, 2, null), as(TEAM.user(BUYER))).status())
        .isEqualTo(403);
  }

  @Test
  void aBadStartIsRefusedNamingEachFieldAndStartsNothing() {
    long before = rows();
    JsonNode refused =
        problem(
            http.postJson(
                BASE,
                "{\"contractReference\":\"NO-SUCH\",\"year\":1999,\"quarter\":5}",
                as(TEAM.user(OFFICER))),
            400);
    assertThat(refused.findValuesAsText("field"))
        .containsExactlyInAnyOrder("contractReference", "reportingYear", "quarter");
    problem(
        http.postJson(
            BASE,
            "{\"contractReference\":\""
                + alpha.reference()
                + "\",\"year\":"
                + YEAR
                + ",\"quarter\":1,\"dueDate\":\""
                + YEAR
                + "-06-01\"}",
            as(TEAM.user(OFFICER))),
        400);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void badReturnsAreRefusedNamingTheFieldAndWriteNothing() {
    start(alpha, 1, null, 201);
    start(alpha, 2, null, 201);
    String q1 = BASE + "/" + key(alpha, 1) + "/submission";

    // Q2 (July to September) has not ended on 5 July.
    JsonNode early =
        problem(
            http.postJson(
                BASE + "/" + key(alpha, 2) + "/submission", goodJson("95"), as(TEAM.alphaUser())),
            400);
    assertThat(early.findValuesAsText("field")).containsExactly("quarter");

    JsonNode percent = problem(http.postJson(q1, goodJson("101"), as(TEAM.alphaUser())), 400);
    assertThat(percent.findValuesAsText("field")).containsExactly("values[0].value");

    JsonNode notInCatalogue =
        problem(
            http.postJson(
                q1,
                "{\"unitNumbers\":40,\"values\":[{\"catalogue\":\""
                    + sp
                    + "\",\"kpi\":\"KPI 7\",\"value\":3}]}",
                as(TEAM.alphaUser())),
            400);
    assertThat(notInCatalogue.findValuesAsText("field")).containsExactly("values[0].kpi");
    JsonNode notANumber =
        problem(
            http.postJson(
                q1,
                "{\"unitNumbers\":40,\"values\":[{\"catalogue\":\""
                    + sp
                    + "\",\"kpi\":\"KPI 1\",\"value\":95},{\"catalogue\":\""
                    + local
                    + "\",\"kpi\":\"LPI 1\",\"value\":\"lots\"}]}",
                as(TEAM.alphaUser())),
            400);
    assertThat(notANumber.findValuesAsText("field")).containsExactly("values[1].value");

    // A null in the list of values once failed on copying the list: a 500.
    JsonNode emptyValue =
        problem(
            http.postJson(
                q1,
                "{\"unitNumbers\":40,\"values\":[null,{\"catalogue\":\""
                    + sp
                    + "\",\"kpi\":\"KPI 1\",\"value\":95}]}",
                as(TEAM.alphaUser())),
            400);
    assertThat(emptyValue.findValuesAsText("field")).contains("values[0]");

    JsonNode csvPercent =
        problem(
            http.send(
                "POST",
                q1 + "?unitNumbers=40",
                "catalogue,kpi,value\n" + sp + ",KPI 1,-5\n",
                concat(as(TEAM.alphaUser()), "Content-Type", "text/csv")),
            400);
    assertThat(csvPercent.findValuesAsText("field")).containsExactly("values[0].value");

    // An empty CSV upload once matched both the CSV and the JSON submission: a 500.
    assertThat(
            problem(
                    http.send(
                        "POST", q1, "", concat(as(TEAM.alphaUser()), "Content-Type", "text/csv")),
                    400)
                .path("detail")
                .asText())
        .contains("body");

    Map<String, Object> row = returnRow(key(alpha, 1));
    assertThat(row.get("status")).isEqualTo("AWAITED");
    assertThat(row.get("received_at")).isNull();
    assertThat(valueRows(key(alpha, 1))).isZero();
    assertThat(taskAt(key(alpha, 1), "Task_CheckReturn")).isNull();
  }

  @Test
  void theSameReturnSentTwiceIsTakenOnceAndAnAcceptedOneIsClosed() {
    start(alpha, 1, null, 201);
    String path = BASE + "/" + key(alpha, 1) + "/submission";

    JsonNode first = answer(http.postJson(path, goodJson("85"), as(TEAM.alphaUser())), 202);
    assertThat(first.get("status").asText()).isEqualTo("RECEIVED");
    assertThat(first.get("breaches").findValuesAsText("kpi")).containsExactly("KPI 1");
    JsonNode again = answer(http.postJson(path, goodJson("85"), as(TEAM.alphaUser())), 200);
    assertThat(again.get("receivedAt").asText()).isEqualTo(first.get("receivedAt").asText());
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(key(alpha, 1))
                .taskDefinitionKey("Task_CheckReturn")
                .count())
        .isEqualTo(1);

    // A different return while it is being checked.
    assertThat(http.postJson(path, goodJson("96"), as(TEAM.alphaUser())).status()).isEqualTo(409);
    assertThat(valueRows(key(alpha, 1))).isEqualTo(3);

    completeAs(
        TEAM.user(OFFICER),
        taskAt(key(alpha, 1), "Task_CheckReturn"),
        Map.of("checkDecision", "COMPLETE", "officeComments", "Office only"));
    // Below trigger without explanation: the provider explains over REST.
    String explain = BASE + "/" + key(alpha, 1) + "/explanations";
    JsonNode wrongKpi =
        problem(
            http.postJson(
                explain,
                "{\"explanations\":[{\"catalogue\":\""
                    + sp
                    + "\",\"kpi\":\"SPI 2\",\"explanation\":\"x\"}]}",
                as(TEAM.alphaUser())),
            400);
    assertThat(wrongKpi.findValuesAsText("field")).contains("explanations[0].kpi");
    answer(
        http.postJson(
            explain,
            "{\"explanations\":[{\"catalogue\":\""
                + sp
                + "\",\"kpi\":\"KPI 1\",\"explanation\":\"Flu outbreak\"}]}",
            as(TEAM.alphaUser())),
        202);
    completeAs(
        TEAM.user(OFFICER),
        taskAt(key(alpha, 1), "Task_AssessExplanation"),
        Map.of("outcome", "MONITOR"));

    JsonNode accepted = answer(http.get(BASE + "/" + key(alpha, 1), as(TEAM.alphaUser())), 200);
    assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(accepted.get("officeComments").isNull()).isTrue();
    assertThat(
            answer(http.get(BASE + "/" + key(alpha, 1), as(TEAM.user(OFFICER))), 200)
                .get("officeComments")
                .asText())
        .isEqualTo("Office only");
    assertThat(http.postJson(path, goodJson("85"), as(TEAM.alphaUser())).status()).isEqualTo(409);
  }

  @Test
  void aCsvUploadIsAReturnToo() {
    start(alpha, 1, null, 201);
    JsonNode taken =
        answer(
            http.send(
                "POST",
                BASE + "/" + key(alpha, 1) + "/submission?unitNumbers=40&comments=Quiet%20quarter",
                "catalogue,kpi,value,explanation\n"
                    + sp
                    + ",KPI 1,91,\n"
                    + sp
                    + ",SPI 2,7,\n"
                    + local
                    + ",LPI 1,2,\n",
                concat(as(TEAM.alphaUser()), "Content-Type", "text/csv")),
            202);
    assertThat(taken.get("values").findValuesAsText("kpi"))
        .containsExactlyInAnyOrder("KPI 1", "SPI 2", "LPI 1");
    assertThat(taken.get("comments").asText()).isEqualTo("Quiet quarter");
    assertThat(taken.get("breaches")).isEmpty();
  }

  @Test
  void anExtensionIsAskedForOnceWithADateAfterTheDeadline() {
    start(alpha, 1, null, 201);
    String path = BASE + "/" + key(alpha, 1) + "/extension-request";
    JsonNode refused =
        problem(
            http.postJson(
                path,
                "{\"reason\":\" \",\"requestedDate\":\"" + YEAR + "-07-01\"}",
                as(TEAM.alphaUser())),
            400);
    assertThat(refused.findValuesAsText("field"))
        .containsExactlyInAnyOrder("reason", "requestedDate");
    JsonNode asked =
        answer(
            http.postJson(
                path,
                "{\"reason\":\"Finance system change\",\"requestedDate\":\"" + YEAR + "-08-20\"}",
                as(TEAM.alphaUser())),
            202);
    assertThat(asked.get("extensions").findValuesAsText("decision")).containsExactly("PENDING");
    assertThat(taskAt(key(alpha, 1), "Task_DecideExtension")).isNotNull();
    assertThat(
            http.postJson(
                    path,
                    "{\"reason\":\"Again\",\"requestedDate\":\"" + YEAR + "-08-21\"}",
                    as(TEAM.alphaUser()))
                .status())
        .isEqualTo(409);
  }

  @Test
  void aProviderSeesAndWorksOnlyItsOwnReturns() {
    start(alpha, 1, null, 201);
    String ref = key(alpha, 1);
    assertThat(http.get(BASE + "/" + ref, as(TEAM.betaUser())).status()).isEqualTo(404);
    assertThat(
            http.postJson(BASE + "/" + ref + "/submission", goodJson("95"), as(TEAM.betaUser()))
                .status())
        .isEqualTo(404);
    assertThat(
            http.postJson(
                    BASE + "/" + ref + "/extension-request",
                    "{\"reason\":\"x\",\"requestedDate\":\"" + YEAR + "-09-01\"}",
                    as(TEAM.betaUser()))
                .status())
        .isEqualTo(404);
    assertThat(valuesListed(BASE + "?year=" + YEAR + "&size=200", TEAM.betaUser(), "caseReference"))
        .doesNotContain(ref);
    assertThat(
            valuesListed(
                BASE + "?contract=" + alpha.reference(), TEAM.alphaUser(), "caseReference"))
        .containsExactly(ref);
    assertThat(
            valuesListed(
                BASE + "?contract=" + alpha.reference() + "&year=" + YEAR + "/58",
                TEAM.user(OFFICER),
                "caseReference"))
        .containsExactly(ref);
    // Staff outside the teams that work returns cannot send one.
    assertThat(
            http.postJson(BASE + "/" + ref + "/submission", goodJson("95"), as(TEAM.user(BUYER)))
                .status())
        .isIn(403, 404);
    assertThat(returnRow(ref).get("status")).isEqualTo("AWAITED");
    refusesBadPages(BASE, TEAM.user(OFFICER));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private JsonNode start(Contract contract, int quarter, String due, int status) {
    return answer(
        http.postJson(BASE, startBody(contract, quarter, due), as(TEAM.user(OFFICER))), status);
  }

  private static String startBody(Contract contract, int quarter, String due) {
    return "{\"contractReference\":\""
        + contract.reference()
        + "\",\"year\":"
        + YEAR
        + ",\"quarter\":"
        + quarter
        + (due == null ? "" : ",\"dueDate\":\"" + due + "\"")
        + "}";
  }

  private String goodJson(String kpi1) {
    return "{\"unitNumbers\":40,\"comments\":\"All well\",\"values\":["
        + "{\"catalogue\":\""
        + sp
        + "\",\"kpi\":\"KPI 1\",\"value\":"
        + kpi1
        + "},"
        + "{\"catalogue\":\""
        + sp
        + "\",\"kpi\":\"SPI 2\",\"value\":12},"
        + "{\"catalogue\":\""
        + local
        + "\",\"kpi\":\"LPI 1\",\"value\":3}]}";
  }

  private static String key(Contract contract, int quarter) {
    return PerformanceReturnSteps.businessKey(contract.reference(), YEAR, quarter);
  }

  private long rows() {
    return jdbc.sql("SELECT COUNT(*) FROM performance_return").query(Long.class).single();
  }

  private Map<String, Object> returnRow(String ref) {
    return singleRow("SELECT * FROM performance_return WHERE case_reference = :r", "r", ref);
  }

  private long valueRows(String ref) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM performance_return_value v JOIN performance_return r"
                + " ON r.id = v.return_id WHERE r.case_reference = :r")
        .param("r", ref)
        .query(Long.class)
        .single();
  }

  private static String[] concat(String[] headers, String... more) {
    String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
    System.arraycopy(more, 0, all, headers.length, more.length);
    return all;
  }
}
