package uk.gov.council.commissioning.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.complaints.ComplaintTestData.*;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.BUYER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.SAFEGUARDING;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.incidents.ComplaintIncidents;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * Complaints over REST through the running server with HTTP Basic: who may record them, the 400
 * answer naming each field (nothing created), and what each provider's users may see.
 */
@ProcessTest
class ComplaintApiTest extends HttpProcessTestCase {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @RegisterExtension static final TestTeam TEAM = TestTeam.of("cp", SAFEGUARDING, BUYER);

  @Autowired ComplaintIncidents complaintIncidents;

  String alphaContract;
  String betaContract;

  @BeforeEach
  void setUp() {
    users(access);
    int n = SEQUENCE.incrementAndGet();
    long unique = System.nanoTime() % 100000;
    alphaContract = "CP-API-A" + n + "-" + unique;
    betaContract = "CP-API-B" + n + "-" + unique;
    contract(contracts, alpha(contracts), alphaContract);
    contract(contracts, beta(contracts), betaContract);
  }

  @Test
  void withoutSigningInNothingIsAnswered() {
    Response list = http.get("/api/complaints");
    Response post = http.postJson("/api/complaints", body(providerComplaint()));

    for (Response response : List.of(list, post)) {
      problem(response, 401);
    }
  }

  @Test
  void aComplaintSentAgainWithItsIdempotencyKeyIsRecordedOnce() throws Exception {
    String complaint = body(providerComplaint());
    String[] withKey = withKey(as(ALPHA_USER), "complaint-" + alphaContract);
    long before = complaintRows();

    Response first = http.postJson("/api/complaints", complaint, withKey);
    Response repeat = http.postJson("/api/complaints", complaint, withKey);

    answer(first, 201);
    assertThat(repeat.status()).isEqualTo(201);
    assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeat.text()).isEqualTo(first.text());
    assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
    assertThat(complaintRows()).isEqualTo(before + 1);
  }

  private static String[] withKey(String[] headers, String key) {
    String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = "Idempotency-Key";
    all[headers.length + 1] = key;
    return all;
  }

  @Test
  void aProviderRecordsAComplaintAboutItsOwnContract() throws Exception {
    Response response = http.postJson("/api/complaints", body(providerComplaint()), as(ALPHA_USER));

    JsonNode created = answer(response, 201);
    String number = created.path("number").asText();
    assertThat(number).matches("CP-\\d{4}-\\d{6}");
    assertThat(response.header("Location")).isEqualTo("/api/complaints/" + number);
    assertThat(created.path("route").asText()).isEqualTo("PROVIDER");
    assertThat(created.path("contractReference").asText()).isEqualTo(alphaContract);
    assertThat(created.path("openedBy").asText()).isEqualTo(ALPHA_USER);
    assertThat(created.path("deadlines").path("acknowledgeBy").asText()).isNotBlank();
    assertThat(created.path("breaches")).isEmpty();
    // The complainant's details are not part of the API.
    assertThat(response.text()).doesNotContain("Jean Example");

    ProcessInstance instance = complaintCase(number);
    assertThat(instance).isNotNull();
    assertThat(runtimeService.getVariable(instance.getId(), "recordedBy")).isEqualTo(ALPHA_USER);
  }

  @Test
  void theIncidentOpenedFromAComplaintNamesItAndOnlyItsProviderSeesIt() throws Exception {
    Map<String, Object> form = providerComplaint();
    form.put("safeguardingConcern", true);
    form.put("safeguardingSummary", "Bruising noticed by the daughter");
    String complaint = created(http.postJson("/api/complaints", body(form), as(ALPHA_USER)));
    String incident = complaintIncidents.incidentOf(complaint).orElseThrow();
    JsonNode detail = answer(http.get("/api/complaints/" + complaint, as(ALPHA_USER)), 200);
    assertThat(detail.path("seriousIncident").asText()).isEqualTo(incident);

    JsonNode own = answer(http.get("/api/incidents/" + incident, as(ALPHA_USER)), 200);
    assertThat(own.path("sourceComplaint").asText()).isEqualTo(complaint);
    assertThat(own.path("source").asText()).isEqualTo("COUNCIL_LOGGED");
    assertThat(own.path("contractReference").asText()).isEqualTo(alphaContract);
    // Another provider is not told the incident exists (seed 002 §12, provider isolation).
    problem(http.get("/api/incidents/" + incident, as(BETA_USER)), 404);
  }

  @Test
  void badInputIsRefusedNamingEachFieldAndNothingIsCreated() throws Exception {
    long before = complaintRows();
    Map<String, Object> bad = new HashMap<>();
    bad.put("receivedAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
    bad.put("complainantRelationship", "NEIGHBOUR");
    bad.put("safeguardingConcern", true);

    Response response = http.postJson("/api/complaints", body(bad), as(OFFICER));

    JsonNode problem = problem(response, 400);
    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder(
            "complainantName",
            "complainantRelationship",
            "howReceived",
            "receivedAt",
            "route",
            "safeguardingSummary",
            "summary");
    assertThat(problem.path("errors").toString()).contains("cannot be in the future");
    assertThat(complaintRows()).isEqualTo(before);
  }

  @Test
  void aValueOfTheWrongTypeIsNamed() throws Exception {
    Map<String, Object> complaint = providerComplaint();
    complaint.put("safeguardingConcern", "perhaps");

    Response response = http.postJson("/api/complaints", body(complaint), as(ALPHA_USER));

    assertThat(response.status()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field"))
        .containsExactly("safeguardingConcern");
  }

  @Test
  void aProviderRecordsOnlyItsOwnComplaintsAboutItsOwnContracts() throws Exception {
    long before = complaintRows();
    Map<String, Object> otherContract = providerComplaint();
    otherContract.put("contractReference", betaContract);
    Map<String, Object> toTheCouncil = providerComplaint();
    toTheCouncil.put("route", "COUNCIL");

    Response other = http.postJson("/api/complaints", body(otherContract), as(ALPHA_USER));
    Response council = http.postJson("/api/complaints", body(toTheCouncil), as(ALPHA_USER));

    assertThat(other.status()).isEqualTo(400);
    assertThat(json.readTree(other.body()).path("errors").findValuesAsText("field"))
        .containsExactly("contractReference");
    assertThat(council.status()).isEqualTo(400);
    assertThat(json.readTree(council.body()).path("errors").findValuesAsText("field"))
        .containsExactly("route");
    assertThat(complaintRows()).isEqualTo(before);
  }

  @Test
  void staffOutsideTheComplaintTeamsMayNotRecordComplaints() {
    Map<String, Object> complaint = providerComplaint();
    complaint.put("route", "COUNCIL");

    Response response =
        http.postJson("/api/complaints", body(complaint), as(TEAM.user(SAFEGUARDING)));

    problem(response, 403);
  }

  @Test
  void theListComesAPageAtATimeAndEachProviderStillSeesOnlyWhatItHandles() throws Exception {
    List<String> alphas = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      alphas.add(
          created(http.postJson("/api/complaints", body(providerComplaint()), as(ALPHA_USER))));
    }

    assertThat(allPagesListed("/api/complaints", ALPHA_USER, 2, "number")).containsAll(alphas);
    assertThat(allPagesListed("/api/complaints", BETA_USER, 2, "number"))
        .doesNotContainAnyElementsOf(alphas);
    assertThat(allPagesListed("/api/complaints", OFFICER, 50, "number")).containsAll(alphas);
    refusesBadPages("/api/complaints", OFFICER);
  }

  @Test
  void eachProviderSeesOnlyTheComplaintsItHandlesAndStaffSeeAll() throws Exception {
    String alphas =
        created(http.postJson("/api/complaints", body(providerComplaint()), as(ALPHA_USER)));
    Map<String, Object> toTheCouncil = providerComplaint();
    toTheCouncil.put("route", "COUNCIL");
    String councils = created(http.postJson("/api/complaints", body(toTheCouncil), as(OFFICER)));

    assertThat(numbers(ALPHA_USER)).contains(alphas).doesNotContain(councils);
    assertThat(numbers(BETA_USER)).doesNotContain(alphas, councils);
    assertThat(numbers(OFFICER)).contains(alphas, councils);

    assertThat(http.get("/api/complaints/" + alphas, as(ALPHA_USER)).status()).isEqualTo(200);
    assertThat(http.get("/api/complaints/" + alphas, as(BETA_USER)).status()).isEqualTo(404);
    // A complaint to the council about Alpha's contract is the council's casework.
    assertThat(http.get("/api/complaints/" + councils, as(ALPHA_USER)).status()).isEqualTo(404);
    assertThat(http.get("/api/complaints/" + councils, as(OFFICER)).status()).isEqualTo(200);
    assertThat(http.get("/api/complaints/CP-1999-000000", as(OFFICER)).status()).isEqualTo(404);
  }

  /**
   * Complaints are seen by the teams commissioning.access gives them, not by every member of staff.
   */
  @Test
  void aTeamNotGivenComplaintsNeitherListsNorReadsThem() throws Exception {
    String number =
        created(http.postJson("/api/complaints", body(providerComplaint()), as(ALPHA_USER)));

    Response list = http.get("/api/complaints", as(TEAM.user(BUYER)));
    Response one = http.get("/api/complaints/" + number, as(TEAM.user(BUYER)));

    assertThat(list.status()).isEqualTo(403);
    assertThat(list.text()).doesNotContain(number);
    assertThat(one.status()).isEqualTo(403);
    assertThat(one.text()).doesNotContain(alphaContract);
    assertThat(http.get("/api/complaints/" + number, as(TEAM.user(SAFEGUARDING))).status())
        .isEqualTo(200);
  }

  @Test
  void theDetailsShowDeadlinesAndBreaches() throws Exception {
    String number =
        created(http.postJson("/api/complaints", body(providerComplaint()), as(ALPHA_USER)));
    ProcessInstance instance = complaintCase(number);
    // The 24-hour timer, run now as the job executor would run it once due.
    execute(jobAt(instance, "Timer_Acknowledge24h"));

    Response response = http.get("/api/complaints/" + number.toLowerCase(), as(ALPHA_USER));

    JsonNode details = answer(response, 200);
    assertThat(details.path("number").asText()).isEqualTo(number);
    assertThat(details.path("status").asText()).isEqualTo("OPEN");
    assertThat(details.path("provider").path("name").asText()).isEqualTo("Alpha Home Care");
    assertThat(Instant.parse(details.path("deadlines").path("acknowledgeBy").asText()))
        .isEqualTo(Instant.parse(details.path("receivedAt").asText()).plus(24, ChronoUnit.HOURS));
    assertThat(details.path("deadlines").path("extensions").asInt()).isZero();
    assertThat(details.path("breaches").findValuesAsText("requirement"))
        .containsExactly("ACKNOWLEDGEMENT");
    assertThat(details.path("breaches").findValuesAsText("kind")).containsExactly("MISSED");
  }

  // --- helpers ------------------------------------------------------------------------------

  private ProcessInstance complaintCase(String number) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(number)
        .processDefinitionKey("complaint")
        .singleResult();
  }

  private Map<String, Object> providerComplaint() {
    Map<String, Object> complaint =
        complaint(Instant.now().minus(1, ChronoUnit.HOURS).toString(), null, alphaContract);
    complaint.remove("route");
    return complaint;
  }

  private String created(Response response) throws IOException {
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    return json.readTree(response.body()).path("number").asText();
  }

  private List<String> numbers(String user) {
    return valuesListed("/api/complaints?size=200", user, "number");
  }

  private long complaintRows() {
    return jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
  }

  private String body(Map<String, Object> values) {
    try {
      return json.writeValueAsString(values);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
