package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.incidents.IncidentTestData.*;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.ADMIN;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The engine's own APIs ({@code /engine-rest} and Tasklist's) used against a serious incident the
 * way an attacker would: a signed-in user switching a deadline's timer off, a provider opening its
 * task to another organisation, values of the wrong kind written into the case, refused starts and
 * missing cases answered as server failures. Each was possible before the guard.
 */
@ProcessTest
class IncidentEngineApiTest extends HttpProcessTestCase {

  private static final String VIBRANCE_USER = "eai-vibrance";
  private static final String VIBRANCE_COLLEAGUE = "eai-vibrance-2";
  private static final String BRIGHTPATH_USER = "eai-brightpath";

  @RegisterExtension static final TestTeam TEAM = TestTeam.of("eai", QUALITY, ADMIN);

  String reference;

  @BeforeEach
  void setUp() {
    reference = uniqueReference("EAI-");
    vibranceWithAContract(access, contracts, VIBRANCE_USER, BRIGHTPATH_USER, reference);
    user(access, VIBRANCE_COLLEAGUE, Roles.PROVIDERS, VIBRANCE_GROUP);
    for (Roles.GroupName group : Roles.COUNCIL_GROUPS) {
      user(access, staffUser(group.id()), group.id());
    }
  }

  // --- 1. nobody but an administrator changes a job -------------------------------------------

  /** Every non-admin role: each council group, the owning provider and another provider. */
  static Stream<String> nonAdministrators() {
    List<String> users =
        new ArrayList<>(Roles.COUNCIL_GROUPS.stream().map(g -> staffUser(g.id())).toList());
    users.add(VIBRANCE_USER);
    users.add(BRIGHTPATH_USER);
    return users.stream();
  }

  @ParameterizedTest
  @MethodSource("nonAdministrators")
  void noUserButAnAdministratorCanExecuteRetryRedateSuspendOrDeleteADeadlinesTimer(String user)
      throws Exception {
    Job timer = deadlineTimerOf(reportAsVibrance());
    String job = "/engine-rest/job/" + timer.getId();
    String definition = "/engine-rest/job-definition/" + timer.getJobDefinitionId();

    List<Response> answers =
        List.of(
            http.postJson(job + "/execute", "{}", as(user)),
            http.postJson(job + "/execute", "{}", as(user)),
            http.postJson(job + "/execute", "{}", as(user)),
            put(job + "/retries", "{\"retries\": 0}", user),
            put(job + "/duedate", "{\"duedate\": \"2099-01-01T00:00:00.000+0000\"}", user),
            put(job + "/suspended", "{\"suspended\": true}", user),
            put(job + "/priority", "{\"priority\": 5}", user),
            http.send("DELETE", job, null, as(user)),
            http.postJson(
                "/engine-rest/job/retries",
                "{\"jobIds\": [\"" + timer.getId() + "\"], \"retries\": 0}",
                as(user)),
            put(
                "/engine-rest/job/suspended",
                "{\"jobDefinitionId\": \""
                    + timer.getJobDefinitionId()
                    + "\", \"suspended\": true}",
                user),
            put(definition + "/retries", "{\"retries\": 0}", user),
            put(definition + "/suspended", "{\"suspended\": true}", user));

    assertThat(answers).extracting(Response::status).containsOnly(403);
    Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after).as("the timer is still there").isNotNull();
    assertThat(after.getRetries()).as("no attempt was counted").isEqualTo(timer.getRetries());
    assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    assertThat(after.isSuspended()).isFalse();
    assertThat(
            managementService
                .createJobDefinitionQuery()
                .jobDefinitionId(timer.getJobDefinitionId())
                .singleResult()
                .isSuspended())
        .isFalse();
  }

  @Test
  void throughTasklistsOwnApiASignedInOfficerCannotExecuteATimerEither() throws Exception {
    Job timer = deadlineTimerOf(reportAsVibrance());
    String token = signIn(TEAM.user(QUALITY));

    for (int attempt = 0; attempt < 3; attempt++) {
      Response refused =
          http.postJson(
              "/camunda/api/engine/engine/default/job/" + timer.getId() + "/execute",
              "{}",
              "X-XSRF-TOKEN",
              token);
      assertThat(refused.status()).isEqualTo(403);
    }
    assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries())
        .isEqualTo(timer.getRetries());
  }

  @Test
  void anAdministratorStillExecutesAJob() throws Exception {
    Job timer = deadlineTimerOf(reportAsVibrance());

    Response executed =
        http.postJson("/engine-rest/job/" + timer.getId() + "/execute", "{}", as(TEAM.user(ADMIN)));

    assertThat(executed.status()).isEqualTo(204);
    assertThat(managementService.createJobQuery().jobId(timer.getId()).count()).isZero();
  }

  @Test
  void staffCanStillQueryJobsWithTheQueryEndpoints() {
    assertThat(http.postJson("/engine-rest/job", "{}", as(TEAM.user(QUALITY))).status())
        .isEqualTo(200);
    assertThat(http.postJson("/engine-rest/job/count", "{}", as(TEAM.user(QUALITY))).status())
        .isEqualTo(200);
  }

  // --- 2. a provider works its task and does not open it to anyone ---------------------------

  @Test
  void aProviderCannotAddCandidatesAnOwnerOrADelegateToItsTaskNorRemoveItsOwnGroup()
      throws Exception {
    String taskId = reportingFormTask(reportAsVibrance()).getId();
    String links = "/engine-rest/task/" + taskId + "/identity-links";
    List<IdentityLink> before = taskService.getIdentityLinksForTask(taskId);

    List<Response> answers =
        List.of(
            http.postJson(
                links,
                "{\"groupId\": \"" + BRIGHTPATH_GROUP + "\", \"type\": \"candidate\"}",
                as(VIBRANCE_USER)),
            http.postJson(
                links,
                "{\"groupId\": \"" + Roles.PROVIDERS + "\", \"type\": \"candidate\"}",
                as(VIBRANCE_USER)),
            http.postJson(
                links,
                "{\"userId\": \"" + BRIGHTPATH_USER + "\", \"type\": \"candidate\"}",
                as(VIBRANCE_USER)),
            http.postJson(
                links,
                "{\"userId\": \"" + BRIGHTPATH_USER + "\", \"type\": \"owner\"}",
                as(VIBRANCE_USER)),
            http.postJson(
                links,
                "{\"userId\": \"" + BRIGHTPATH_USER + "\", \"type\": \"assignee\"}",
                as(VIBRANCE_USER)),
            http.postJson(
                links + "/delete",
                "{\"groupId\": \"" + VIBRANCE_GROUP + "\", \"type\": \"candidate\"}",
                as(VIBRANCE_USER)),
            http.postJson(
                "/engine-rest/task/" + taskId + "/delegate",
                "{\"userId\": \"" + BRIGHTPATH_USER + "\"}",
                as(VIBRANCE_USER)),
            http.postJson(
                "/engine-rest/task/" + taskId + "/assignee",
                "{\"userId\": \"" + BRIGHTPATH_USER + "\"}",
                as(VIBRANCE_USER)),
            http.postJson(
                "/engine-rest/task/" + taskId + "/bpmnError",
                "{\"errorCode\": \"x\"}",
                as(VIBRANCE_USER)));

    assertThat(answers).extracting(Response::status).containsOnly(403);
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task.getAssignee()).isNull();
    assertThat(task.getOwner()).isNull();
    assertThat(taskService.getIdentityLinksForTask(taskId)).hasSameSizeAs(before);
    assertThat(taskIds(BRIGHTPATH_USER)).doesNotContain(taskId);
    assertThat(http.get("/engine-rest/task/" + taskId + "/variables", as(BRIGHTPATH_USER)).status())
        .isEqualTo(404);
  }

  @Test
  void aProviderCannotRedateRenameOrReprioritiseItsTask() throws Exception {
    Task task = reportingFormTask(reportAsVibrance());
    String taskId = task.getId();

    Response update =
        put(
            "/engine-rest/task/" + taskId,
            "{\"name\": \"Nothing to do\", \"due\": null,"
                + " \"followUp\": \"2099-01-01T00:00:00.000+0000\", \"priority\": 1}",
            VIBRANCE_USER);

    assertThat(update.status()).isEqualTo(403);
    Task after = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(after.getName()).isEqualTo(task.getName());
    assertThat(after.getDueDate()).isEqualTo(task.getDueDate());
    assertThat(after.getFollowUpDate()).isNull();
  }

  @Test
  void aProviderClaimsReleasesPassesToAColleagueAndCompletesItsTask() throws Exception {
    String taskId = reportingFormTask(reportAsVibrance()).getId();
    String task = "/engine-rest/task/" + taskId;

    assertThat(
            http.postJson(
                    task + "/claim", "{\"userId\": \"" + VIBRANCE_USER + "\"}", as(VIBRANCE_USER))
                .status())
        .isEqualTo(204);
    assertThat(http.postJson(task + "/unclaim", "{}", as(VIBRANCE_USER)).status()).isEqualTo(204);
    assertThat(
            http.postJson(
                    task + "/assignee",
                    "{\"userId\": \"" + VIBRANCE_COLLEAGUE + "\"}",
                    as(VIBRANCE_USER))
                .status())
        .isEqualTo(204);
    Response submitted =
        http.postJson(task + "/submit-form", variables(reportingForm()), as(VIBRANCE_COLLEAGUE));

    assertThat(submitted.status()).as(submitted.text()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
  }

  // --- 3. only plain values, of the kind the form declares ------------------------------------

  @Test
  void aStartFormRefusesValuesOfAnotherKindNamingEachFieldAndCreatesNothing() throws Exception {
    Map<String, Object> report = providerReport(reference, nowMinusHours(2), nowMinusHours(1));
    String body =
        variables(report)
            .replace("\"Edith Example\"", "{\"first\": \"Edith\"}")
            .replace("\"LBB-204518\"", "123456");
    body = body.substring(0, body.length() - 2) + ", \"initiator\": {\"value\": \"director\"}}}";

    Response refused =
        http.postJson(
            "/engine-rest/process-definition/key/serious-incident/submit-form",
            body,
            as(VIBRANCE_USER));

    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    JsonNode answer = json.readTree(refused.body());
    assertThat(answer.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("serviceUserName", "serviceUserLbbId", "initiator");
    assertThat(answer.path("message").asText())
        .doesNotContain("ENGINE-")
        .doesNotContain("Exception");
    assertThat(rowsForContract()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"value\": \"AAE=\", \"type\": \"Bytes\"}",
        "{\"value\": \"{}\", \"type\": \"Json\"}",
        "{\"value\": \"rO0ABXQAAWE=\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\","
            + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}}",
        "{\"value\": [\"a\"]}"
      })
  void serializedObjectsBytesAndListsAreRefusedInFormsAndAnywhereElse(String value)
      throws Exception {
    String number = reportAsVibrance();
    Task task = reportingFormTask(number);
    String withBad = variables(reportingForm(), "currentPosition", value);

    Response submit =
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/submit-form", withBad, as(VIBRANCE_USER));
    Response complete =
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/complete", withBad, as(VIBRANCE_USER));
    Response message =
        http.postJson(
            "/engine-rest/message",
            "{\"messageName\": \"x\", \"processVariables\": {\"note\": " + value + "}}",
            as(TEAM.user(QUALITY)));
    Response oneVariable =
        put(
            "/engine-rest/process-instance/"
                + task.getProcessInstanceId()
                + "/variables/serviceUserName",
            value,
            TEAM.user(QUALITY));

    assertThat(List.of(submit, complete, message, oneVariable))
        .extracting(Response::status)
        .containsOnly(400);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
        .as("the task stays open")
        .isOne();
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentPosition")).isNull();
  }

  /** Cases written before the guard, with values of another kind than the form's, still read. */
  @Test
  void aCaseWhoseVariablesWereStoredAsBytesNumbersOrUnreadableDatesStillReads() throws Exception {
    String number = reportAsVibrance();
    String instance = reportingFormTask(number).getProcessInstanceId();
    runtimeService.setVariable(
        instance, IncidentVariables.SERVICE_USER_NAME, Variables.byteArrayValue(new byte[] {1}));
    runtimeService.setVariable(
        instance,
        IncidentVariables.DESCRIPTION,
        Variables.fileValue("note.txt").file(new byte[] {65}).create());
    runtimeService.setVariable(instance, IncidentVariables.SERVICE_USER_LBB_ID, 204518L);
    runtimeService.setVariable(instance, IncidentVariables.LAST_UPDATE_AT, "yesterday");

    Response read = http.get("/api/incidents/" + number, as(TEAM.user(QUALITY)));

    assertThat(read.status()).as(read.text()).isEqualTo(200);
    JsonNode incident = json.readTree(read.body());
    assertThat(incident.path("incidentNumber").asText()).isEqualTo(number);
    assertThat(incident.path("serviceUser").path("name").isNull()).isTrue();
    assertThat(incident.path("serviceUser").path("lbbId").asText()).isEqualTo("204518");
    assertThat(incident.path("report").path("description").isNull()).isTrue();
  }

  // --- 4 and 5. refusals and missing things are not server failures -------------------------

  @Test
  void aRefusedStartThroughTasklistIsA400InTheOfficersWordsWithoutEnginePrefixes()
      throws Exception {
    String token = signIn(TEAM.user(QUALITY));
    Map<String, Object> log =
        officerLog(
            reference,
            OffsetDateTime.now(WorkingDayCalendar.UK)
                .plusDays(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString());

    Response refused =
        http.postJson(
            "/camunda/api/engine/engine/default/process-definition/key/serious-incident"
                + "/submit-form",
            variables(log),
            "X-XSRF-TOKEN",
            token);

    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    String message = json.readTree(refused.body()).path("message").asText();
    assertThat(message)
        .doesNotContain("ENGINE-")
        .doesNotContain("Exception")
        .doesNotContain("occurredAt");
    assertThat(message).contains("cannot be completed");
    assertThat(json.readTree(refused.body()).path("errors").findValuesAsText("field"))
        .contains("occurredAt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"safeguarding-alert", "qaf-improvement-plan", "qaf-moderation"})
  void processesStartedByTheirCaseCannotBeStartedByHandNotEvenByAnAdministrator(String process)
      throws Exception {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(process).count();

    Response byKey =
        http.postJson(
            "/engine-rest/process-definition/key/" + process + "/start",
            "{}",
            as(TEAM.user(ADMIN)));
    Response form =
        http.postJson(
            "/engine-rest/process-definition/key/" + process + "/submit-form",
            "{}",
            as(TEAM.user(ADMIN)));
    Response startable =
        http.get(
            "/engine-rest/process-definition?startableInTasklist=true&key=" + process,
            as(TEAM.user(ADMIN)));

    assertThat(byKey.status()).isEqualTo(403);
    assertThat(form.status()).isEqualTo(403);
    assertThat(json.readTree(startable.body())).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(process).count())
        .isEqualTo(before);
  }

  @Test
  void aStartCannotSkipToAnotherActivity() throws Exception {
    String body = variables(providerReport(reference, nowMinusHours(2), nowMinusHours(1)));
    body =
        body.substring(0, body.length() - 1)
            + ", \"startInstructions\": [{\"type\": \"startBeforeActivity\","
            + " \"activityId\": \"Task_Review\"}], \"skipCustomListeners\": true}";

    Response refused =
        http.postJson(
            "/engine-rest/process-definition/key/serious-incident/start", body, as(VIBRANCE_USER));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("startInstructions", "skipCustomListeners");
    assertThat(rowsForContract()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "[]", "\"text\"", "{not json"})
  void aBodyThatIsNotAnObjectIsA400(String body) {
    Response start =
        http.postJson(
            "/engine-rest/process-definition/key/serious-incident/submit-form",
            body,
            as(VIBRANCE_USER));

    assertThat(start.status()).isEqualTo(400);
  }

  @Test
  void aMissingItemAndAnotherOrganisationsItemGetTheSame404() throws Exception {
    Task task = reportingFormTask(reportAsVibrance());

    for (String path :
        List.of(
            "/engine-rest/task/%s/variables",
            "/engine-rest/task/%s",
            "/engine-rest/task/%s/form-variables",
            "/engine-rest/task/%s/deployed-form")) {
      Response missing = http.get(path.formatted("no-such-task"), as(BRIGHTPATH_USER));
      Response hidden = http.get(path.formatted(task.getId()), as(BRIGHTPATH_USER));
      assertThat(missing.status()).as(path).isEqualTo(404);
      assertThat(hidden.status()).as(path).isEqualTo(404);
      assertThat(hidden.text().replace(task.getId(), "ID"))
          .isEqualTo(missing.text().replace("no-such-task", "ID"));
    }
    assertThat(
            http.get("/engine-rest/process-instance/no-such-case/variables", as(TEAM.user(QUALITY)))
                .status())
        .isEqualTo(404);
  }

  @Test
  void errorAskedForDirectlyIsA404AndDeletingTheTaskListIsNotAllowed() {
    assertThat(http.get("/error").status()).isEqualTo(404);
    assertThat(http.get("/error", as(TEAM.user(QUALITY))).status()).isEqualTo(404);
    assertThat(http.send("DELETE", "/engine-rest/task", null, as(TEAM.user(QUALITY))).status())
        .isEqualTo(405);
  }

  @Test
  void theProvidersAwarenessOnACouncilAlertIsRefusedInTheFutureAndRecordedForAppC52()
      throws Exception {
    Map<String, Object> log = officerLog(reference, nowMinusHours(3));
    log.put("safeguardingSuspected", true);
    Response logged =
        http.postJson("/api/incidents", json.writeValueAsString(log), as(TEAM.user(QUALITY)));
    assertThat(logged.status()).as(logged.text()).isEqualTo(201);
    String number = json.readTree(logged.body()).path("incidentNumber").asText();
    String taskId = taskAt(number, "Task_SubmitInitialReport").getId();
    String submit = "/engine-rest/task/" + taskId + "/submit-form";

    Response future =
        http.postJson(submit, variables(initialReport(nowPlusHours(2))), as(VIBRANCE_USER));
    assertThat(future.status()).as(future.text()).isEqualTo(400);
    assertThat(json.readTree(future.body()).path("errors").findValuesAsText("field"))
        .contains("providerAwareAt");
    assertThat(alertsWithProviderAwareness(number)).isZero();

    Response accepted =
        http.postJson(submit, variables(initialReport(nowMinusHours(2))), as(VIBRANCE_USER));
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(204);
    assertThat(alertsWithProviderAwareness(number)).isOne();
  }

  private long alertsWithProviderAwareness(String number) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM safeguarding_alert"
                + " WHERE source_reference = :number AND provider_aware_at IS NOT NULL")
        .param("number", number)
        .query(Long.class)
        .single();
  }

  private static String nowPlusHours(int hours) {
    return OffsetDateTime.now(WorkingDayCalendar.UK)
        .plusHours(hours)
        .truncatedTo(ChronoUnit.MINUTES)
        .toString();
  }

  // --- helpers ------------------------------------------------------------------------------

  private static String staffUser(String group) {
    return "eai-" + group;
  }

  private Job deadlineTimerOf(String number) {
    String instance = reportingFormTask(number).getProcessInstanceId();
    return managementService.createJobQuery().processInstanceId(instance).timers().list().get(0);
  }

  private Task reportingFormTask(String number) {
    return taskAt(number, "Task_SubmitReportingForm");
  }

  private String reportAsVibrance() throws IOException {
    Response response =
        http.postJson(
            "/api/incidents",
            json.writeValueAsString(providerReport(reference, nowMinusHours(2), nowMinusHours(1))),
            as(VIBRANCE_USER));
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    return json.readTree(response.body()).path("incidentNumber").asText();
  }

  /** Signs in to the web apps; returns the token their engine API asks of a change. */
  private String signIn(String user) {
    return signInToWebApps(user, "/camunda/api/engine/engine/default/task/count");
  }

  private Response put(String path, String body, String user) {
    return http.putJson(path, body, as(user));
  }

  private List<String> taskIds(String user) throws IOException {
    Response tasks = http.get("/engine-rest/task?maxResults=1000", as(user));
    assertThat(tasks.status()).isEqualTo(200);
    return json.readTree(tasks.body()).findValuesAsText("id");
  }

  private int rowsForContract() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM serious_incident i JOIN contract c ON c.id = i.contract_id"
                + " WHERE c.reference = :reference")
        .param("reference", reference)
        .query(Integer.class)
        .single();
  }

  private String variables(Map<String, ?> values) throws IOException {
    var variables = json.createObjectNode();
    values.forEach((key, value) -> variables.putObject(key).set("value", json.valueToTree(value)));
    var body = json.createObjectNode();
    body.set("variables", variables);
    return json.writeValueAsString(body);
  }

  /** The values, with one variable given as it is in {@code rawVariable} (its value and type). */
  private String variables(Map<String, ?> values, String key, String rawVariable)
      throws IOException {
    JsonNode body = json.readTree(variables(values));
    ((com.fasterxml.jackson.databind.node.ObjectNode) body.path("variables"))
        .set(key, json.readTree(rawVariable));
    return json.writeValueAsString(body);
  }

  private static String nowMinusHours(int hours) {
    return OffsetDateTime.now(WorkingDayCalendar.UK)
        .minusHours(hours)
        .truncatedTo(ChronoUnit.MINUTES)
        .toString();
  }
}
