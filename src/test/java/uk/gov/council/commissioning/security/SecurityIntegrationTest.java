package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;
import static uk.gov.council.commissioning.web.HttpTestClient.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import uk.gov.council.commissioning.CommissioningApplication;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.extension.ExtensionCaseService;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The security wiring through a real server: HTTP Basic and 401s for the APIs, form login and both
 * CSRF protections for the web apps, and the refusal to start without an admin password.
 */
@ProcessTest
class SecurityIntegrationTest extends HttpProcessTestCase {

  private static final String OFFICER = "it-officer";
  private static final String OFFICER_PASSWORD = "secret-it-officer";

  /**
   * The engine makes a user wait a few seconds after a wrong password, so wrong passwords are tried
   * on a user of their own and cannot lock out the officer the other tests sign in as.
   */
  private static final String FORGETFUL = "it-forgetful";

  @Autowired ExtensionCaseService cases;

  String reference;

  @BeforeEach
  void setUp() {
    access.ensureUser(OFFICER, "Olivia", "Officer", OFFICER + "@council.example", OFFICER_PASSWORD);
    access.ensureMembership(OFFICER, Roles.COMMISSIONING_OFFICERS);
    access.ensureUser(
        FORGETFUL, "Fred", "Forgetful", FORGETFUL + "@council.example", "secret-" + FORGETFUL);
    access.ensureMembership(FORGETFUL, Roles.COMMISSIONING_OFFICERS);
    reference = uniqueReference("SEC-IT");
  }

  // --- APIs: 401 -----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"/api/contracts", "/engine-rest/task"})
  void anApiCallWithoutCredentialsGetsA401Problem(String path) throws Exception {
    assertUnauthorized(http.get(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/contracts", "/engine-rest/task"})
  void anApiCallWithAWrongPasswordGetsA401Problem(String path) throws Exception {
    assertUnauthorized(http.get(path, basic(FORGETFUL, "not-the-password")));
  }

  @Test
  void anApiCallWithTheRightPasswordIsServedWithoutASession() {
    Response response = http.get("/api/contracts", basic(OFFICER, OFFICER_PASSWORD));

    assertThat(response.status()).isEqualTo(200);
    assertThat(http.cookie("JSESSIONID")).isEmpty();
  }

  private void assertUnauthorized(Response response) throws Exception {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic ");
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("title").asText()).isEqualTo("Unauthorized");
  }

  // --- web apps: login page and session ------------------------------------------------------

  @Test
  void theWebAppsSendAnUnauthenticatedBrowserToTheLoginPage() {
    Response response = http.get("/camunda/app/tasklist/default/");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).endsWith("/login");
  }

  @Test
  void theLoginPageIsAFormWithACsrfToken() {
    Response response = http.get("/login");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text())
        .contains("<form")
        .contains("name=\"username\"")
        .contains("name=\"password\"");
    assertThat(csrfTokenIn(response)).isNotBlank();
  }

  @Test
  void theBrowsersIconRequestIsNotSentToTheLoginPageAndStartsNoSession() {
    Response response = http.get("/favicon.ico");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Location")).isNull();
    assertThat(http.cookie("JSESSIONID")).isEmpty();
  }

  @Test
  void aSignedInStaffMemberSeesTheirTeamsTasksThroughTheWebAppsApi() throws Exception {
    String taskId = openGatewayReportTask();

    signIn(OFFICER, OFFICER_PASSWORD);

    assertThat(http.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
    Response tasks = http.get("/camunda/api/engine/engine/default/task");
    assertThat(tasks.status()).isEqualTo(200);
    assertThat(json.readTree(tasks.body()).findValuesAsText("id")).contains(taskId);
  }

  @Test
  void aWrongPasswordSendsTheBrowserBackToTheLoginPage() {
    String token = csrfTokenIn(http.get("/login"));

    Response response =
        http.postForm(
            "/login",
            Map.of("username", FORGETFUL, "password", "not-the-password", "_csrf", token));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).endsWith("/login?error");
    assertThat(http.get("/camunda/app/tasklist/default/").status()).isEqualTo(302);
  }

  @Test
  void theLoginFormIsRefusedWithoutItsCsrfToken() {
    http.get("/login");

    Response response =
        http.postForm("/login", Map.of("username", OFFICER, "password", OFFICER_PASSWORD));

    assertThat(response.status()).isEqualTo(403);
    assertThat(http.get("/camunda/app/tasklist/default/").status()).isEqualTo(302);
  }

  @Test
  void theWebAppsRefuseAChangeWithoutTheirCsrfHeaderAndAcceptItWithIt() {
    String taskId = openGatewayReportTask();
    String task = "/camunda/api/engine/engine/default/task/" + taskId;
    signIn(OFFICER, OFFICER_PASSWORD);

    Response refused = http.postJson(task + "/complete", "{}");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("X-XSRF-TOKEN")).isEqualTo("Required");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    // The web apps also end the session of a request that failed the check.
    assertThat(http.get("/camunda/app/tasklist/default/").status()).isEqualTo(302);

    signIn(OFFICER, OFFICER_PASSWORD);
    // Any GET hands the browser the token, as it does when Tasklist loads.
    Response read = http.get(task);
    String token = http.cookie("XSRF-TOKEN").orElseGet(() -> read.header("X-XSRF-TOKEN"));
    assertThat(token).isNotBlank();
    Response accepted =
        http.postJson(task + "/claim", "{\"userId\":\"" + OFFICER + "\"}", "X-XSRF-TOKEN", token);

    assertThat(accepted.status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo(OFFICER);
  }

  // --- validation through the real chain ----------------------------------------------------

  @Test
  void anInvalidContractIsA400ProblemNamingEachFieldAndNothingIsSaved() throws Exception {
    String body =
        """
        {"reference": "%s", "title": " ", "providerId": 987654321, "serviceArea": "Home care",
         "startDate": "2025-04-01", "endDate": "2024-03-31", "annualValue": -5,
         "wholeLifeValue": 100000}"""
            .formatted(reference);

    Response response = http.postJson("/api/contracts", body, basic(OFFICER, OFFICER_PASSWORD));

    problem(response, 400);
    assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field"))
        .contains("title", "providerId", "endDate", "annualValue");
    assertThat(contracts.findByReference(reference)).isEmpty();
  }

  @Test
  void anUnreadableDateIsA400ProblemNamingTheField() throws Exception {
    Response response =
        http.postJson(
            "/api/contracts",
            "{\"reference\": \"" + reference + "\", \"startDate\": \"1st April\"}",
            basic(OFFICER, OFFICER_PASSWORD));

    problem(response, 400);
    assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field"))
        .containsExactly("startDate");
    assertThat(contracts.findByReference(reference)).isEmpty();
  }

  // --- start-up -----------------------------------------------------------------------------

  @Test
  void outsideTheDemoProfileTheApplicationRefusesToStartWithoutAnAdminPassword() {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(CommissioningApplication.class).profiles("test");

    // Command-line arguments outrank the test profile's password, as the environment would. The
    // web apps stay off: their start-up and shutdown set JVM-wide state, and shutting down this
    // failed application would otherwise break the web apps of the server the other tests use.
    assertThatThrownBy(
            () ->
                app.run(
                    "--commissioning.admin.password=",
                    "--server.port=0",
                    "--spring.datasource.url=jdbc:h2:mem:no-admin-password;DB_CLOSE_DELAY=-1",
                    "--camunda.bpm.generate-unique-process-engine-name=true",
                    "--camunda.bpm.webapp.enabled=false"))
        .satisfies(
            e ->
                assertThat(causes(e))
                    .anySatisfy(
                        cause ->
                            assertThat(cause)
                                .isInstanceOf(IllegalStateException.class)
                                .hasMessageContaining("ADMIN_PASSWORD")));
  }

  // --- helpers ------------------------------------------------------------------------------

  private void signIn(String user, String password) {
    Response response = http.signIn(user, password);
    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).doesNotContain("error");
  }

  private static String csrfTokenIn(Response loginPage) {
    return HttpTestClient.csrfTokenIn(loginPage);
  }

  /** A contract with an option left and a case waiting at the officers' first task. */
  private String openGatewayReportTask() {
    Provider provider =
        contracts.createProvider(
            "Security IT Care", "contracts@security-it.example", "provider-security-it");
    contracts.create(
        draft(reference, provider.id())
            .about("Home care", "Home care", null)
            .running("2024-04-01", "2026-03-31", "50000", "100000", 12));
    String caseId = cases.startAsSystem(reference).getId();
    return taskService
        .createTaskQuery()
        .processInstanceId(caseId)
        .taskDefinitionKey("Task_PrepareGatewayReport")
        .singleResult()
        .getId();
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
