package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static uk.gov.council.commissioning.incidents.IncidentTestData.VIBRANCE_GROUP;
import static uk.gov.council.commissioning.incidents.IncidentTestData.providerReport;
import static uk.gov.council.commissioning.incidents.IncidentTestData.vibranceWithAContract;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestUsers;
import uk.gov.council.commissioning.web.FaultToleranceConfiguration;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The Idempotency-Key header on {@code POST /api/incidents}: a client that timed out and sends the
 * report again with the same key gets the first answer and no second incident (issue 17: 14 of 20
 * retried reports created two incidents each, with their own breaches and emails).
 */
@ProcessTest
class IncidentIdempotencyTest extends HttpProcessTestCase {

  private static final String VIBRANCE_USER = "sik-vibrance";
  private static final String VIBRANCE_COLLEAGUE = "sik-vibrance-2";
  private static final String BRIGHTPATH_USER = "sik-brightpath";

  @Autowired MockMvc mvc;
  @Autowired FaultToleranceConfiguration.IdempotencyCleanup cleanup;

  String reference;

  @BeforeEach
  void setUp() {
    reference = uniqueReference("SIK-");
    vibranceWithAContract(access, contracts, VIBRANCE_USER, BRIGHTPATH_USER, reference);
    TestUsers.user(access, VIBRANCE_COLLEAGUE, Roles.PROVIDERS, VIBRANCE_GROUP);
  }

  @Test
  void aRepeatWithTheKeyGetsTheFirstAnswerAndCreatesNothing() throws Exception {
    String key = UUID.randomUUID().toString();
    String report = body();

    Response first = post(report, VIBRANCE_USER, key);
    Response repeat = post(report, VIBRANCE_USER, key);

    JsonNode created = answer(first, 201);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(repeat.status()).isEqualTo(201);
    assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeat.text()).isEqualTo(first.text());
    assertThat(repeat.header("Location"))
        .isEqualTo(first.header("Location"))
        .isEqualTo("/api/incidents/" + created.path("incidentNumber").asText());
    assertThat(repeat.contentType()).isEqualTo(first.contentType());
    assertThat(incidents()).isOne();
    assertThat(incidentCases()).isOne();
  }

  @Test
  void aCaseStartedThroughTheEngineApiWithAKeyStartsOnce() throws Exception {
    var variables = json.createObjectNode();
    providerReport(reference, minusHours(2), minusHours(1))
        .forEach((name, value) -> variables.putObject(name).set("value", json.valueToTree(value)));
    var start = json.createObjectNode();
    start.set("variables", variables);
    String body = json.writeValueAsString(start);
    String[] withKey = java.util.Arrays.copyOf(as(VIBRANCE_USER), 4);
    withKey[2] = "Idempotency-Key";
    withKey[3] = UUID.randomUUID().toString();
    String path = "/engine-rest/process-definition/key/serious-incident/submit-form";

    Response first = http.postJson(path, body, withKey);
    Response repeat = http.postJson(path, body, withKey);

    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeat.text()).isEqualTo(first.text());
    assertThat(incidents()).isOne();
    assertThat(incidentCases()).isOne();
  }

  @Test
  void withoutAKeyEveryRequestIsNewAsBefore() {
    String report = body();
    assertThat(http.postJson("/api/incidents", report, as(VIBRANCE_USER)).status()).isEqualTo(201);
    assertThat(http.postJson("/api/incidents", report, as(VIBRANCE_USER)).status()).isEqualTo(201);
    assertThat(incidents()).isEqualTo(2);
  }

  @Test
  void theKeyWithAnotherBodyIsRefusedNamingTheHeader() throws Exception {
    String key = UUID.randomUUID().toString();
    answer(post(body(), VIBRANCE_USER, key), 201);

    Response other =
        post(body(providerReport(reference, minusHours(5), minusHours(4))), VIBRANCE_USER, key);

    JsonNode refusal = problem(other, 422);
    assertThat(refusal.path("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
    assertThat(refusal.path("detail").asText()).contains("Idempotency-Key");
    assertThat(incidents()).isOne();
  }

  @Test
  void aRefusedRequestKeepsNoAnswerSoItsCorrectionMayUseTheKey() throws Exception {
    String key = UUID.randomUUID().toString();
    var report = providerReport(reference, minusHours(2), minusHours(1));
    report.remove("description");

    problem(post(body(report), VIBRANCE_USER, key), 400);
    assertThat(keysStored(VIBRANCE_USER, key)).isZero();

    answer(post(body(), VIBRANCE_USER, key), 201);
    assertThat(incidents()).isOne();
  }

  @Test
  void aKeyIsEachUsersOwn() throws Exception {
    String key = UUID.randomUUID().toString();
    String report = body();

    JsonNode mine = answer(post(report, VIBRANCE_USER, key), 201);
    Response colleagues = post(report, VIBRANCE_COLLEAGUE, key);

    JsonNode theirs = answer(colleagues, 201);
    assertThat(colleagues.header("Idempotent-Replayed")).isNull();
    assertThat(theirs.path("incidentNumber").asText())
        .isNotEqualTo(mine.path("incidentNumber").asText());
    assertThat(incidents()).isEqualTo(2);
    // Another provider's user with the same key neither sees the answer nor is refused.
    Response rival = post(report, BRIGHTPATH_USER, key);
    assertThat(rival.header("Idempotent-Replayed")).isNull();
    assertThat(rival.text()).doesNotContain(mine.path("incidentNumber").asText());
  }

  @Test
  void requestsSentTogetherWithOneKeyCreateOneIncident() throws Exception {
    String key = UUID.randomUUID().toString();
    String report = body();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Response>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(() -> post(report, VIBRANCE_USER, key));
      }
      List<Response> answers = new ArrayList<>();
      for (Future<Response> f : pool.invokeAll(calls)) {
        answers.add(f.get());
      }
      // Both databases make the others wait for the first; a wait that times out is a 409.
      assertThat(answers).extracting(Response::status).isSubsetOf(201, 409).contains(201);
      String number = null;
      for (Response r : answers) {
        if (r.status() == 201) {
          String n = json.readTree(r.body()).path("incidentNumber").asText();
          assertThat(number == null || number.equals(n)).as("one incident number").isTrue();
          number = n;
        } else {
          assertThat(r.header("Retry-After")).isEqualTo("1");
        }
      }
      assertThat(incidents()).isOne();
      // Once the first is answered, a retry gets its answer.
      Response retry = post(report, VIBRANCE_USER, key);
      assertThat(retry.status()).isEqualTo(201);
      assertThat(json.readTree(retry.body()).path("incidentNumber").asText()).isEqualTo(number);
      assertThat(incidents()).isOne();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aKeyExpiresAndItsStoredAnswerIsDeleted() throws Exception {
    String key = UUID.randomUUID().toString();
    String report = body();
    answer(post(report, VIBRANCE_USER, key), 201);
    assertThat(keysStored(VIBRANCE_USER, key)).isOne();

    TestClock.advance(Duration.ofHours(23));
    assertThat(cleanup.deleteExpired()).as("kept for 24 hours").isZero();
    assertThat(post(report, VIBRANCE_USER, key).header("Idempotent-Replayed")).isEqualTo("true");

    TestClock.advance(Duration.ofHours(2));
    assertThat(cleanup.deleteExpired()).isPositive();
    assertThat(keysStored(VIBRANCE_USER, key)).isZero();
    Response afterExpiry = post(report, VIBRANCE_USER, key);
    assertThat(afterExpiry.status()).isEqualTo(201);
    assertThat(afterExpiry.header("Idempotent-Replayed")).isNull();
    assertThat(incidents()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "with\ttab", "k\u00e9y"})
  void aBadKeyIsRefusedNamingTheHeaderAndCreatesNothing(String key) throws Exception {
    assertBadKey("/api/incidents", key);
    assertThat(incidents()).isZero();
  }

  @Test
  void aKeyWithAControlCharacterIsRefusedBeforeItReachesTheApplication() throws Exception {
    // Spring Security's firewall refuses such a header value before any filter of ours.
    MockHttpServletResponse response =
        mvc.perform(
                MockMvcRequestBuilders.post("/api/incidents")
                    .with(httpBasic(VIBRANCE_USER, TestUsers.password(VIBRANCE_USER)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", "with\u0001control")
                    .content(body()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(incidents()).isZero();
  }

  @Test
  void aKeyLongerThan200CharactersIsRefused() throws Exception {
    assertBadKey("/api/incidents", "k".repeat(201));
    assertThat(answer(post(body(), VIBRANCE_USER, "k".repeat(200)), 201)).isNotNull();
  }

  /**
   * Every request that opens a case reads the header: a bad key is refused before anything runs.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/incidents",
        "/api/complaints",
        "/api/qafs",
        "/api/contracts/NO-SUCH-1/extension-cases",
        "/api/meetings/1/case",
        "/api/meeting-plans",
        "/api/meeting-feedback",
        "/api/contracts",
        "/engine-rest/process-definition/key/serious-incident/start",
        "/engine-rest/process-definition/key/serious-incident/submit-form"
      })
  void everyCaseStartReadsTheHeader(String path) throws Exception {
    assertBadKey(path, "");
  }

  private void assertBadKey(String path, String key) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                MockMvcRequestBuilders.post(path)
                    .with(httpBasic("admin", "test-admin-password"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", key)
                    .content("{}"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(400);
    JsonNode refusal = json.readTree(response.getContentAsByteArray());
    assertThat(refusal.path("errors").findValuesAsText("field"))
        .as(path)
        .containsExactly("Idempotency-Key");
  }

  private Response post(String report, String user, String key) {
    String[] headers = as(user);
    String[] withKey = java.util.Arrays.copyOf(headers, headers.length + 2);
    withKey[headers.length] = "Idempotency-Key";
    withKey[headers.length + 1] = key;
    return http.postJson("/api/incidents", report, withKey);
  }

  private String body() {
    return body(providerReport(reference, minusHours(2), minusHours(1)));
  }

  private String body(Object values) {
    try {
      return json.writeValueAsString(values);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String minusHours(int hours) {
    return OffsetDateTime.now(WorkingDayCalendar.UK)
        .minusHours(hours)
        .truncatedTo(ChronoUnit.MINUTES)
        .toString();
  }

  private long incidents() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM serious_incident i JOIN contract c ON c.id = i.contract_id"
                + " WHERE c.reference = :reference")
        .param("reference", reference)
        .query(Long.class)
        .single();
  }

  private long incidentCases() {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey("serious-incident")
        .variableValueEquals("contractReference", reference)
        .count();
  }

  private long keysStored(String user, String key) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM idempotent_request WHERE user_id = :user AND idempotency_key = :key")
        .param("user", user)
        .param("key", key)
        .query(Long.class)
        .single();
  }
}
