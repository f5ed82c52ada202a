package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.incidents.IncidentTestData.*;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.BUYER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.DIRECTOR;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.SAFEGUARDING;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.providerUser;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.safeguarding.SafeguardingAlerts;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.testkit.TestUsers;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * Council teams see the cases of the processes they work on, and service users' details only where
 * the team needs them (the documented default of {@code commissioning.access}): a procurement
 * officer reads nothing of a serious incident or a safeguarding alert, through {@code /engine-rest}
 * (as Cockpit and Tasklist do) or {@code /api}; quality assurance reads an incident in full; a
 * commissioning officer sees that the incident exists and how it is going but not whom it is about;
 * only the safeguarding team reads what an alert suspects.
 */
@ProcessTest
class IncidentTeamAccessTest extends HttpProcessTestCase {

  private static final String PROVIDER_USER = "ta-vibrance";

  @RegisterExtension
  static final TestTeam TEAM = TestTeam.of("ta", BUYER, QUALITY, OFFICER, SAFEGUARDING, DIRECTOR);

  private static final String SERVICE_USER = "Edith Example";
  private static final String LBB_ID = "LBB-204518";
  private static final String SUSPECTED = "Unexplained bruising on Edith Example's arms";

  @Autowired SafeguardingAlerts alerts;
  @Autowired RepositoryService repositoryService;

  Provider vibrance;
  String reference;

  @BeforeEach
  void setUp() {
    providerUser(access, PROVIDER_USER, VIBRANCE_GROUP, "Vibrance");
    vibrance = vibrance(contracts);
    reference = uniqueReference("TA-");
    homeCareContract(contracts, vibrance, reference);
  }

  // --- serious incidents -------------------------------------------------------------------------

  @Test
  void aProcurementOfficerCannotFindSeriousIncidentsInCockpitsListsNorInHistory() throws Exception {
    Case incident = reportIncident();

    assertThat(
            ids(
                TEAM.user(BUYER),
                "/engine-rest/process-instance?processDefinitionKey=serious-incident"))
        .isEmpty();
    assertThat(
            count(
                TEAM.user(BUYER),
                "/engine-rest/process-instance/count?processDefinitionKey=serious-incident"))
        .isZero();
    assertThat(
            ids(
                TEAM.user(BUYER),
                "/engine-rest/history/process-instance?processDefinitionKey=serious-incident"))
        .isEmpty();
    assertThat(
            ids(
                TEAM.user(BUYER),
                "/engine-rest/task?processInstanceId=" + incident.processInstanceId()))
        .isEmpty();
    assertThat(
            http.get(
                    "/engine-rest/process-instance/" + incident.processInstanceId(),
                    as(TEAM.user(BUYER)))
                .status())
        .isIn(403, 404);

    assertThat(
            ids(
                TEAM.user(QUALITY),
                "/engine-rest/process-instance?processDefinitionKey=serious-incident"))
        .contains(incident.processInstanceId());
    assertThat(
            ids(
                TEAM.user(QUALITY),
                "/engine-rest/history/process-instance?processDefinitionKey=serious-incident"))
        .contains(incident.processInstanceId());
  }

  /** Cockpit lists a process's instances through a query of its own, not /engine-rest's. */
  @Test
  void cockpitsOwnListOfIncidentsIsEmptyForAProcurementOfficer() throws Exception {
    Case incident = reportIncident();
    String definitionId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("serious-incident")
            .latestVersion()
            .singleResult()
            .getId();

    assertThat(cockpitInstances(TEAM.user(BUYER), definitionId)).isEmpty();
    assertThat(cockpitInstances(TEAM.user(OFFICER), definitionId))
        .contains(incident.processInstanceId());
  }

  /** The engine's ways to a case's variables: {pi} is the instance, {task} the provider's task. */
  static List<String> variablePaths() {
    return List.of(
        "/engine-rest/process-instance/{pi}/variables",
        "/engine-rest/variable-instance?processInstanceIdIn={pi}",
        "/engine-rest/history/variable-instance?processInstanceId={pi}",
        "/engine-rest/history/detail?processInstanceId={pi}",
        "/engine-rest/task/{task}/variables",
        "/engine-rest/task/{task}/form-variables");
  }

  static Stream<String> variablePathsAndTaskHistory() {
    return Stream.concat(
        variablePaths().stream(),
        Stream.of("/engine-rest/history/variable-instance?taskIdIn={task}"));
  }

  @ParameterizedTest
  @MethodSource("variablePathsAndTaskHistory")
  void aProcurementOfficerCannotReadTheServiceUserOfASeriousIncident(String path) throws Exception {
    String url = url(path, reportIncident());

    Response buyer = http.get(url, as(TEAM.user(BUYER)));
    assertThat(buyer.status()).isIn(200, 403, 404);
    assertThat(buyer.text()).doesNotContain(SERVICE_USER).doesNotContain(LBB_ID);
    assertThat(http.get(url, as(TEAM.user(OFFICER))).text())
        .as("a commissioning officer sees the case, not the details")
        .doesNotContain(SERVICE_USER)
        .doesNotContain(LBB_ID);
  }

  @ParameterizedTest
  @MethodSource("variablePaths")
  void aQualityOfficerReadsTheServiceUserOfASeriousIncident(String path) throws Exception {
    String url = url(path, reportIncident());

    Response quality = http.get(url, as(TEAM.user(QUALITY)));
    assertThat(quality.status()).isEqualTo(200);
    assertThat(quality.text()).contains(SERVICE_USER);
  }

  @Test
  void aCommissioningOfficerSeesTheIncidentCaseButNotWhomItIsAbout() throws Exception {
    Case incident = reportIncident();

    assertThat(
            ids(
                TEAM.user(OFFICER),
                "/engine-rest/process-instance?processDefinitionKey=serious-incident"))
        .contains(incident.processInstanceId());
    assertThat(
            ids(
                TEAM.user(OFFICER),
                "/engine-rest/task?processInstanceId=" + incident.processInstanceId()))
        .contains(incident.providerTaskId());
    assertCaseVariablesRefused(incident, TEAM.user(OFFICER), "refused");

    Response api = http.get("/api/incidents/" + incident.number(), as(TEAM.user(OFFICER)));
    JsonNode details = answer(api, 200);
    assertThat(details.path("incidentNumber").asText()).isEqualTo(incident.number());
    assertThat(details.path("deadlines").path("initialReportDueAt").asText()).isNotBlank();
    assertThat(details.path("serviceUser").isNull()).isTrue();
    assertThat(details.path("report").isNull()).as("the narrative names people too").isTrue();
    assertThat(api.text())
        .doesNotContain(SERVICE_USER)
        .doesNotContain(LBB_ID)
        .doesNotContain("J. Smith");
  }

  @Test
  void aProcurementOfficerCannotReadIncidentsThroughTheApplicationsApi() throws Exception {
    Case incident = reportIncident();

    Response one = http.get("/api/incidents/" + incident.number(), as(TEAM.user(BUYER)));
    assertThat(one.status()).isEqualTo(403);
    assertThat(one.text()).doesNotContain(SERVICE_USER).doesNotContain(LBB_ID);
    Response list = http.get("/api/incidents", as(TEAM.user(BUYER)));
    assertThat(list.status()).isEqualTo(403);
    assertThat(list.text()).doesNotContain(incident.number());

    JsonNode quality =
        json.readTree(
            http.get("/api/incidents/" + incident.number(), as(TEAM.user(QUALITY))).body());
    assertThat(quality.path("serviceUser").path("name").asText()).isEqualTo(SERVICE_USER);
    assertThat(quality.path("serviceUser").path("lbbId").asText()).isEqualTo(LBB_ID);
  }

  /**
   * A team that sees a case without its details still works the tasks given to it: the engine lets
   * a task's candidate group read that task's variables, which is what the task's form shows.
   */
  @Test
  void aTeamWithoutTheDetailsStillWorksItsOwnTaskWithTheCasesDetails() throws Exception {
    Case incident = reportIncident();
    taskService.addCandidateGroup(incident.providerTaskId(), Roles.CHIEF_OFFICERS);

    Response form =
        http.get(
            "/engine-rest/task/" + incident.providerTaskId() + "/form-variables",
            as(TEAM.user(DIRECTOR)));
    assertThat(form.status()).isEqualTo(200);
    assertThat(json.readTree(form.body()).path("serviceUserName").path("value").asText())
        .isEqualTo(SERVICE_USER);
    assertCaseVariablesRefused(
        incident, TEAM.user(DIRECTOR), "but not the case's variables outside the task");
  }

  // --- safeguarding alerts -----------------------------------------------------------------------

  @Test
  void onlyTheSafeguardingTeamReadsWhatAnAlertSuspects() throws Exception {
    String alert = raiseAlert();
    List<String> reads =
        List.of(
            "/engine-rest/process-instance/" + alert + "/variables",
            "/engine-rest/variable-instance?processInstanceIdIn=" + alert,
            "/engine-rest/history/variable-instance?processInstanceId=" + alert,
            "/engine-rest/history/detail?processInstanceId=" + alert);

    for (String url : reads) {
      assertThat(http.get(url, as(TEAM.user(BUYER))).text()).as(url).doesNotContain("bruising");
      assertThat(http.get(url, as(TEAM.user(QUALITY))).text()).as(url).doesNotContain("bruising");
      Response safeguarding = http.get(url, as(TEAM.user(SAFEGUARDING)));
      assertThat(safeguarding.status()).as(url).isEqualTo(200);
      assertThat(safeguarding.text()).as(url).contains(SUSPECTED);
    }
    String screening =
        taskService.createTaskQuery().processInstanceId(alert).singleResult().getId();
    assertThat(
            http.get("/engine-rest/task/" + screening + "/form-variables", as(TEAM.user(BUYER)))
                .text())
        .doesNotContain("bruising");
    assertThat(
            http.get(
                    "/engine-rest/task/" + screening + "/form-variables",
                    as(TEAM.user(SAFEGUARDING)))
                .text())
        .contains(SUSPECTED);
  }

  @Test
  void aProcurementOfficerCannotFindSafeguardingAlertsAndQualityAssuranceSeesThatOneIsOpen()
      throws Exception {
    String alert = raiseAlert();

    assertThat(
            ids(
                TEAM.user(BUYER),
                "/engine-rest/process-instance?processDefinitionKey=safeguarding-alert"))
        .isEmpty();
    assertThat(
            ids(
                TEAM.user(BUYER),
                "/engine-rest/history/process-instance?processDefinitionKey=safeguarding-alert"))
        .isEmpty();
    assertThat(
            ids(
                TEAM.user(OFFICER),
                "/engine-rest/process-instance?processDefinitionKey=safeguarding-alert"))
        .isEmpty();
    assertThat(
            ids(
                TEAM.user(QUALITY),
                "/engine-rest/process-instance?processDefinitionKey=safeguarding-alert"))
        .contains(alert);
    assertThat(
            ids(
                TEAM.user(SAFEGUARDING),
                "/engine-rest/process-instance?processDefinitionKey=safeguarding-alert"))
        .contains(alert);
  }

  // --- helpers -----------------------------------------------------------------------------------

  private record Case(String number, String processInstanceId, String providerTaskId) {}

  private Case reportIncident() throws IOException {
    Map<String, Object> report = providerReport(reference, nowMinusHours(2), nowMinusHours(1));
    Response response =
        http.postJson("/api/incidents", json.writeValueAsString(report), as(PROVIDER_USER));
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    JsonNode created = json.readTree(response.body());
    String number = created.path("incidentNumber").asText();
    Task task = taskAt(number, "Task_SubmitReportingForm");
    return new Case(number, created.path("processInstanceId").asText(), task.getId());
  }

  private String raiseAlert() {
    Instant aware = Instant.now().minus(2, ChronoUnit.HOURS);
    return alerts.raise(
        new SafeguardingConcern(
            SafeguardingConcern.SERIOUS_INCIDENT,
            "SI-TA-" + reference,
            vibrance.id(),
            VIBRANCE_GROUP,
            SafeguardingConcern.PROVIDER,
            aware,
            aware.plus(1, ChronoUnit.HOURS),
            SUSPECTED,
            null));
  }

  private static String nowMinusHours(int hours) {
    return OffsetDateTime.now(WorkingDayCalendar.UK)
        .minusHours(hours)
        .truncatedTo(ChronoUnit.MINUTES)
        .toString();
  }

  /** The engine's REST API refuses the user the case's variables, and shows no service user. */
  private void assertCaseVariablesRefused(Case incident, String user, String description) {
    Response variables =
        http.get(
            "/engine-rest/process-instance/" + incident.processInstanceId() + "/variables",
            as(user));
    assertThat(variables.status()).as(description).isIn(403, 404);
    assertThat(variables.text()).doesNotContain(SERVICE_USER);
  }

  private List<String> ids(String user, String path) throws IOException {
    Response response = http.get(path, as(user));
    assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
    return json.readTree(response.body()).findValuesAsText("id");
  }

  /** The instances Cockpit shows a signed-in user on a process definition's page. */
  private List<String> cockpitInstances(String user, String definitionId) throws IOException {
    HttpTestClient browser = new HttpTestClient(port);
    assertThat(browser.signIn(user, TestUsers.password(user)).header("Location"))
        .doesNotContain("error");
    Response any = browser.get("/camunda/api/engine/engine/default/process-definition/count");
    String token = browser.cookie("XSRF-TOKEN").orElseGet(() -> any.header("X-XSRF-TOKEN"));
    Response list =
        browser.postJson(
            "/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0"
                + "&maxResults=1000",
            "{\"processDefinitionId\": \"" + definitionId + "\"}",
            "X-XSRF-TOKEN",
            token);
    assertThat(list.status()).as(list.text()).isEqualTo(200);
    return json.readTree(list.body()).findValuesAsText("id");
  }

  private long count(String user, String path) throws IOException {
    Response response = http.get(path, as(user));
    assertThat(response.status()).as(path).isEqualTo(200);
    return json.readTree(response.body()).path("count").asLong();
  }

  private static String url(String path, Case incident) {
    return path.replace("{pi}", incident.processInstanceId())
        .replace("{task}", incident.providerTaskId());
  }
}
