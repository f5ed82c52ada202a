package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.incidents.IncidentTestData.*;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.FINANCE;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * Serious incidents over REST through the running server with HTTP Basic: reporting and logging,
 * validation errors that create nothing, and provider isolation in {@code /api/incidents} and in
 * {@code /engine-rest} (seed 002 §12; personal details for council staff and the provider only).
 */
@ProcessTest
class IncidentApiTest extends HttpProcessTestCase {

  private static final String VIBRANCE_USER = "sia-vibrance";
  private static final String BRIGHTPATH_USER = "sia-brightpath";

  @RegisterExtension static final TestTeam TEAM = TestTeam.of("sia", QUALITY, FINANCE);

  String reference;

  @BeforeEach
  void setUp() {
    reference = uniqueReference("SIA-");
    vibranceWithAContract(access, contracts, VIBRANCE_USER, BRIGHTPATH_USER, reference);
  }

  // --- reporting ----------------------------------------------------------------------------

  @Test
  void withoutCredentialsTheApiAnswers401() {
    assertThat(http.get("/api/incidents").status()).isEqualTo(401);
    Response post = http.postJson("/api/incidents", "{}");
    problem(post, 401);
  }

  @Test
  void aProviderReportsForItsOwnContractAndGetsTheIncidentNumber() throws Exception {
    Response response =
        http.postJson("/api/incidents", body(providerReportNow()), as(VIBRANCE_USER));

    JsonNode created = answer(response, 201);
    String number = created.path("incidentNumber").asText();
    assertThat(number).matches("SI-\\d{4}-\\d{6}");
    assertThat(created.path("source").asText()).isEqualTo("PROVIDER_REPORT");
    assertThat(response.header("Location")).isEqualTo("/api/incidents/" + number);
    assertThat(rowsForContract()).isOne();
  }

  @Test
  void aBadReportIsRefusedNamingEachFieldAndCreatesNothing() throws Exception {
    Map<String, Object> report = providerReportNow();
    report.put("occurredAt", OffsetDateTime.now(WorkingDayCalendar.UK).plusHours(2).toString());
    report.put("providerAwareAt", "yesterday");
    report.remove("description");
    report.put("category", "MINOR");
    report.remove("safeguardingSuspected");

    Response response = http.postJson("/api/incidents", body(report), as(VIBRANCE_USER));

    problem(response, 400);
    assertThat(fields(response))
        .containsExactly(
            "category", "description", "occurredAt", "providerAwareAt", "safeguardingSuspected");
    assertThat(rowsForContract()).isZero();
  }

  @Test
  void aProviderCannotReportOnAnotherProvidersContractNorLearnWhetherItExists() throws Exception {
    Response others =
        http.postJson("/api/incidents", body(providerReportNow()), as(BRIGHTPATH_USER));
    Map<String, Object> unknown = providerReportNow();
    unknown.put("contractReference", "NO-SUCH-1");
    Response missing = http.postJson("/api/incidents", body(unknown), as(BRIGHTPATH_USER));

    assertThat(others.status()).isEqualTo(400);
    assertThat(fields(others)).containsExactly("contractReference");
    assertThat(message(others))
        .isEqualTo("no contract " + reference + " of your organisation in the register");
    assertThat(message(missing))
        .isEqualTo("no contract NO-SUCH-1 of your organisation in the register");
    assertThat(rowsForContract()).isZero();
  }

  @Test
  void councilStaffLogAnIncidentSayingHowTheyLearntOfIt() throws Exception {
    Map<String, Object> log = officerLog(reference, nowMinusHours(3));
    Response logged = http.postJson("/api/incidents", body(log), as(TEAM.user(QUALITY)));
    assertThat(logged.status()).isEqualTo(201);
    assertThat(json.readTree(logged.body()).path("source").asText()).isEqualTo("COUNCIL_LOGGED");

    log.remove("howCouncilLearnt");
    Response refused = http.postJson("/api/incidents", body(log), as(TEAM.user(QUALITY)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("howCouncilLearnt");
  }

  @Test
  void howTheCouncilLearntOfAnIncidentIsForStaffOnly() throws Exception {
    Response logged =
        http.postJson(
            "/api/incidents",
            body(officerLog(reference, nowMinusHours(3))),
            as(TEAM.user(QUALITY)));
    String number = json.readTree(logged.body()).path("incidentNumber").asText();

    JsonNode staffView =
        json.readTree(http.get("/api/incidents/" + number, as(TEAM.user(QUALITY))).body());
    assertThat(staffView.path("report").path("howCouncilLearnt").asText())
        .isEqualTo("Call from the hospital discharge team");
    Response own = http.get("/api/incidents/" + number, as(VIBRANCE_USER));
    assertThat(own.status()).isEqualTo(200);
    assertThat(json.readTree(own.body()).path("report").path("howCouncilLearnt").isNull()).isTrue();
    assertThat(own.text()).doesNotContain("discharge team");
  }

  @Test
  void staffOutsideTheIncidentTeamsCannotLogOne() {
    Response response =
        http.postJson(
            "/api/incidents",
            body(officerLog(reference, nowMinusHours(1))),
            as(TEAM.user(FINANCE)));

    assertThat(response.status()).isEqualTo(403);
    assertThat(rowsForContract()).isZero();
  }

  // --- reading and provider isolation -------------------------------------------------------

  @Test
  void eachProviderListsOnlyItsOwnIncidentsAndStaffListThemAll() throws Exception {
    String number = reportAsVibrance();

    assertThat(listedNumbers(VIBRANCE_USER)).contains(number);
    assertThat(listedNumbers(TEAM.user(QUALITY))).contains(number);
    assertThat(listedNumbers(BRIGHTPATH_USER)).doesNotContain(number);
  }

  @Test
  void theListComesAPageAtATimeNewestFirstAndEachProviderStillSeesOnlyItsOwn() throws Exception {
    List<String> reported = List.of(reportAsVibrance(), reportAsVibrance(), reportAsVibrance());

    List<String> vibrances = allPagesListed("/api/incidents", VIBRANCE_USER, 2, "incidentNumber");
    assertThat(vibrances).containsAll(reported);
    assertThat(vibrances.stream().map(this::providerOf)).containsOnly("Vibrance");
    List<String> staffs =
        allPagesListed("/api/incidents", TEAM.user(QUALITY), 50, "incidentNumber");
    assertThat(staffs).containsAll(vibrances);
    assertThat(allPagesListed("/api/incidents", BRIGHTPATH_USER, 50, "incidentNumber"))
        .doesNotContainAnyElementsOf(reported);

    JsonNode first = answer(http.get("/api/incidents?size=200", as(VIBRANCE_USER)), 200);
    List<String> occurred = first.findValuesAsText("occurredAt");
    assertThat(occurred.stream().map(java.time.Instant::parse).toList())
        .as("most recent occurrence first")
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void aBadPageOrSizeIsRefusedNamingIt() {
    refusesBadPages("/api/incidents", VIBRANCE_USER);
  }

  @Test
  void theOwningProviderAndStaffReadTheServiceUsersDetailsAndAnotherProviderGets404()
      throws Exception {
    String number = reportAsVibrance();

    Response own = http.get("/api/incidents/" + number, as(VIBRANCE_USER));
    JsonNode details = answer(own, 200);
    assertThat(details.path("serviceUser").path("name").asText()).isEqualTo("Edith Example");
    assertThat(details.path("serviceUser").path("lbbId").asText()).isEqualTo("LBB-204518");
    assertThat(details.path("deadlines").path("initialReportDueAt").asText()).isNotBlank();
    assertThat(details.path("received").path("initialReportAt").asText()).isNotBlank();
    assertThat(details.path("received").path("reportingFormAt").isNull()).isTrue();
    assertThat(details.path("breaches").isArray()).isTrue();
    assertThat(details.path("steps").isNull()).as("internal steps are for staff").isTrue();

    Response staff = http.get("/api/incidents/" + number.toLowerCase(), as(TEAM.user(QUALITY)));
    JsonNode staffView = answer(staff, 200);
    assertThat(staffView.path("serviceUser").path("name").asText()).isEqualTo("Edith Example");
    assertThat(staffView.path("steps").findValuesAsText("activityId"))
        .contains("Task_SubmitReportingForm");

    Response other = http.get("/api/incidents/" + number, as(BRIGHTPATH_USER));
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.text()).doesNotContain("Edith");
    assertThat(http.get("/api/incidents/SI-1999-999999", as(BRIGHTPATH_USER)).status())
        .isEqualTo(404);
  }

  @Test
  void theEngineRestApiShowsTheCaseOnlyToTheOwningProvidersUsers() throws Exception {
    String number = reportAsVibrance();
    Task task = taskAt(number, "Task_SubmitReportingForm");
    String processInstanceId = task.getProcessInstanceId();

    assertThat(taskIds(VIBRANCE_USER)).contains(task.getId());
    assertThat(taskIds(BRIGHTPATH_USER)).doesNotContain(task.getId());
    assertThat(
            http.get("/engine-rest/task/" + task.getId() + "/variables", as(BRIGHTPATH_USER))
                .status())
        .isIn(403, 404);
    assertThat(
            http.get(
                    "/engine-rest/process-instance/" + processInstanceId + "/variables",
                    as(BRIGHTPATH_USER))
                .status())
        .isIn(403, 404);
    Response history =
        http.get(
            "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId,
            as(BRIGHTPATH_USER));
    assertThat(history.status()).isEqualTo(200);
    assertThat(json.readTree(history.body())).isEmpty();

    Response own = http.get("/engine-rest/task/" + task.getId() + "/variables", as(VIBRANCE_USER));
    assertThat(own.status()).isEqualTo(200);
    assertThat(json.readTree(own.body()).path("serviceUserName").path("value").asText())
        .isEqualTo("Edith Example");
  }

  /**
   * A provider works its own task (claims it, completes it with the form) but cannot write the
   * case's variables beforehand, which a later council task might read.
   */
  @Test
  void aProviderWorksItsOwnTaskButCannotWriteTheCasesVariables() throws Exception {
    String number = reportAsVibrance();
    String taskId = taskAt(number, "Task_SubmitReportingForm").getId();
    String variable = "/engine-rest/task/" + taskId + "/variables/reviewDecision";

    Response put =
        http.putJson(variable, "{\"value\": \"CLOSE\", \"type\": \"String\"}", as(VIBRANCE_USER));
    assertThat(put.status()).isEqualTo(403);
    Response claim = vibranceSetsTheUser(taskId, "claim", VIBRANCE_USER);
    assertThat(claim.status()).isEqualTo(204);
    Response asAssignee =
        http.putJson(variable, "{\"value\": \"CLOSE\", \"type\": \"String\"}", as(VIBRANCE_USER));
    assertThat(asAssignee.status()).as("not even once claimed").isEqualTo(403);
    assertThat(
            runtimeService.getVariable(
                taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId(),
                "reviewDecision"))
        .isNull();

    // Releasing the task is working on it; passing it to another organisation's user is refused.
    assertThat(
            http.postJson("/engine-rest/task/" + taskId + "/unclaim", "{}", as(VIBRANCE_USER))
                .status())
        .isEqualTo(204);
    Response elsewhere = vibranceSetsTheUser(taskId, "assignee", BRIGHTPATH_USER);
    assertThat(elsewhere.status()).isGreaterThanOrEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(taskIds(BRIGHTPATH_USER)).doesNotContain(taskId);
  }

  @Test
  void aProviderOpensTheStartFormAndItsOwnTaskFormsButNotAnotherProvidersTaskForm()
      throws Exception {
    Response start =
        http.get(
            "/engine-rest/process-definition/key/serious-incident/deployed-start-form",
            as(VIBRANCE_USER));
    assertThat(start.status()).isEqualTo(200);
    assertThat(json.readTree(start.body()).path("id").asText())
        .isEqualTo("serious-incident-report");

    String number = reportAsVibrance();
    String taskId = taskAt(number, "Task_SubmitReportingForm").getId();
    Response own = http.get("/engine-rest/task/" + taskId + "/deployed-form", as(VIBRANCE_USER));
    assertThat(own.status()).isEqualTo(200);
    assertThat(json.readTree(own.body()).path("id").asText())
        .isEqualTo("serious-incident-reporting-form");
    assertThat(
            http.get("/engine-rest/task/" + taskId + "/deployed-form", as(BRIGHTPATH_USER))
                .status())
        .isIn(403, 404);
  }

  // --- helpers ------------------------------------------------------------------------------

  private String reportAsVibrance() throws IOException {
    Response response =
        http.postJson("/api/incidents", body(providerReportNow()), as(VIBRANCE_USER));
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    return json.readTree(response.body()).path("incidentNumber").asText();
  }

  private Map<String, Object> providerReportNow() {
    return providerReport(reference, nowMinusHours(2), nowMinusHours(1));
  }

  private static String nowMinusHours(int hours) {
    return OffsetDateTime.now(WorkingDayCalendar.UK)
        .minusHours(hours)
        .truncatedTo(ChronoUnit.MINUTES)
        .toString();
  }

  private String body(Map<String, Object> values) {
    try {
      return json.writeValueAsString(values);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> fields(Response response) throws IOException {
    return json.readTree(response.body()).path("errors").findValuesAsText("field");
  }

  private String message(Response response) throws IOException {
    return json.readTree(response.body()).path("errors").get(0).path("message").asText();
  }

  private List<String> listedNumbers(String user) {
    return valuesListed("/api/incidents?size=200", user, "incidentNumber");
  }

  private String providerOf(String number) {
    return answer(http.get("/api/incidents/" + number, as(VIBRANCE_USER)), 200)
        .path("providerName")
        .asText();
  }

  private List<String> taskIds(String user) {
    return valuesListed("/engine-rest/task?maxResults=1000", user, "id");
  }

  private long rowsForContract() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM serious_incident i JOIN contract c ON c.id = i.contract_id"
                + " WHERE c.reference = :reference")
        .param("reference", reference)
        .query(Long.class)
        .single();
  }

  /** The Vibrance user claiming the task, or giving it to someone, through {@code /engine-rest}. */
  private Response vibranceSetsTheUser(String taskId, String operation, String userId) {
    return http.postJson(
        "/engine-rest/task/" + taskId + "/" + operation,
        "{\"userId\": \"" + userId + "\"}",
        as(VIBRANCE_USER));
  }
}
