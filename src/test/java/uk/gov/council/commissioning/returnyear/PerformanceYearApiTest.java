package uk.gov.council.commissioning.returnyear;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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
import uk.gov.council.commissioning.testkit.TestUsers;
import uk.gov.council.commissioning.web.HttpTestClient;

/**
 * The performance year over HTTP (seed 001 Part 3.2 §2, §4.1.6, §5, §6): starting a year (400
 * naming the field, 403 for a provider, 409 for a second start), the contract page and its versions
 * (another provider's answers 404), a change notified by the provider, the late returns with their
 * CSV export, and the local PI agreements of the contracts managers.
 */
@ProcessTest
class PerformanceYearApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("pyapi", OFFICER, MANAGER)
          .withProviders("PYAPI Alpha Care", "PYAPI Beta Support");

  static final int YEAR = 2045;

  @Autowired RepositoryService repositoryService;
  @Autowired LocalPiExemptions exemptions;

  Contract alpha;
  Contract alphaSecond;
  Contract beta;
  String stubDeployment;

  @BeforeEach
  void setUp() {
    stubDeployment =
        repositoryService
            .createDeployment()
            .addClasspathResource("stubs/performance-return.bpmn")
            .name("performance-return stub")
            .deploy()
            .getId();
    TestClock.set(LocalDateTime.of(YEAR, 4, 2, 9, 0));
    alpha = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("PYA-"), "Support");
    alphaSecond =
        TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("PYA2-"), "Support");
    beta = TestMeetings.contract(contracts, TEAM.beta(), uniqueReference("PYB-"), "Support");
  }

  @AfterEach
  void removeStub() {
    repositoryService.deleteDeployment(stubDeployment, true);
  }

  @Test
  void anOfficerStartsAYearOnceAndBadInputIsRefusedByItsField() {
    JsonNode refused =
        problem(
            http.postJson(
                "/api/performance-years",
                "{\"contract\":\"NO-SUCH-CONTRACT\",\"year\":\"2045/47\"}",
                as(TEAM.user(OFFICER))),
            400);
    assertThat(refused.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("contract", "year");
    assertThat(
            http.postJson(
                    "/api/performance-years",
                    "{\"contract\":\"" + alpha.reference() + "\",\"year\":\"2045\"}",
                    as(TEAM.alphaUser()))
                .status())
        .as("providers do not start years")
        .isEqualTo(403);

    JsonNode started =
        answer(
            http.postJson(
                "/api/performance-years",
                "{\"contract\":\"" + alpha.reference() + "\",\"year\":\"2045/46\"}",
                as(TEAM.user(OFFICER))),
            201);
    assertThat(started.get("businessKey").asText()).isEqualTo("PY-" + alpha.reference() + "-2045");
    problem(
        http.postJson(
            "/api/performance-years",
            "{\"contract\":\"" + alpha.reference() + "\",\"year\":2045}",
            as(TEAM.user(MANAGER))),
        409);
    assertThat(runningCases(PerformanceYearSteps.PROCESS_KEY, "PY-" + alpha.reference() + "-2045"))
        .isEqualTo(1);
  }

  @Test
  void theContractPageIsReadByStaffAndItsOwnProviderWhoNotifiesChanges() {
    String path = "/api/contracts/" + alpha.reference() + "/contract-page/2045";
    ProcessInstance year = start(alpha);
    assertThat(http.get(path, as(TEAM.user(OFFICER))).status()).as("not locked yet").isEqualTo(404);
    assertThat(
            http.postJson(
                    path + "/changes", "{\"description\":\"More flats\"}", as(TEAM.alphaUser()))
                .status())
        .as("nothing to change before the page is locked")
        .isEqualTo(409);
    lock(year, "Older people");

    JsonNode page = answer(http.get(path, as(TEAM.alphaUser())), 200);
    assertThat(page.path("current").path("version").asInt()).isEqualTo(1);
    assertThat(page.path("history").size()).isEqualTo(1);
    assertThat(answer(http.get(path, as(TEAM.user(OFFICER))), 200).path("year").asText())
        .isEqualTo("2045/46");
    assertThat(http.get(path, as(TEAM.betaUser())).status())
        .as("another provider's")
        .isEqualTo(404);
    assertThat(
            http.postJson(path + "/changes", "{\"description\":\"x\"}", as(TEAM.betaUser()))
                .status())
        .isEqualTo(404);
    assertThat(
            problem(
                    http.get(
                        "/api/contracts/" + alpha.reference() + "/contract-page/20x5",
                        as(TEAM.user(OFFICER))),
                    400)
                .path("errors")
                .findValuesAsText("field"))
        .containsExactly("year");

    JsonNode bad =
        problem(
            http.postJson(
                path + "/changes",
                "{\"description\":\"\",\"fields\":{\"unitNumbers\":-3,\"colour\":\"red\","
                    + "\"plannedDuration\":\"LONG\",\"frontLineHours\":\"many\"}}",
                as(TEAM.alphaUser())),
            400);
    assertThat(bad.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder(
            "description",
            "fields.unitNumbers",
            "fields.colour",
            "fields.plannedDuration",
            "fields.frontLineHours");
    assertThat(taskAt(year, "Task_AssessContractPageChange")).as("nothing started").isNull();

    answer(
        http.postJson(
            path + "/changes",
            "{\"description\":\"Two more flats\",\"fields\":{\"unitNumbers\":14}}",
            as(TEAM.alphaUser())),
        202);
    Task assess = taskAt(year, "Task_AssessContractPageChange");
    assertThat(assess).isNotNull();
    assertThat(taskService.getVariable(assess.getId(), "unitNumbers")).isEqualTo(14L);
    assertThat(taskService.getVariable(assess.getId(), "changeDescription"))
        .isEqualTo("Two more flats");
  }

  @Test
  void contractsManagersAgreeLocalPiExemptionsAndCoverOnlyWithinAProviderAndClientGroup() {
    lock(start(alpha), "Older people");
    lock(start(alphaSecond), "Learning disabilities");
    lock(start(beta), "Older people");
    String path = "/api/local-pi-exemptions";

    assertThat(http.get(path + "?year=2045", as(TEAM.alphaUser())).status()).isEqualTo(403);
    assertThat(
            http.postJson(
                    path,
                    "{\"contract\":\"" + alpha.reference() + "\",\"year\":2045,\"reason\":\"r\"}",
                    as(TEAM.user(OFFICER)))
                .status())
        .as("agreed with the contracts manager")
        .isEqualTo(403);
    assertThat(
            problem(
                    http.postJson(
                        path,
                        "{\"contract\":\""
                            + alpha.reference()
                            + "\",\"year\":2045,\"reason\":\"Same\","
                            + "\"coveredBy\":\""
                            + beta.reference()
                            + "\"}",
                        as(TEAM.user(MANAGER))),
                    400)
                .path("errors")
                .findValuesAsText("message"))
        .anySatisfy(m -> assertThat(m).contains("same provider"));
    assertThat(
            problem(
                    http.postJson(
                        path,
                        "{\"contract\":\""
                            + alpha.reference()
                            + "\",\"year\":2045,\"reason\":\"Same\","
                            + "\"coveredBy\":\""
                            + alphaSecond.reference()
                            + "\"}",
                        as(TEAM.user(MANAGER))),
                    400)
                .path("errors")
                .findValuesAsText("message"))
        .anySatisfy(m -> assertThat(m).contains("same primary client group"));
    JsonNode missing =
        problem(
            http.postJson(
                path, "{\"contract\":\"" + alpha.reference() + "\"}", as(TEAM.user(MANAGER))),
            400);
    assertThat(missing.path("errors").findValuesAsText("field")).contains("year");
    assertThat(exemptions.exempt(alpha.id(), YEAR)).as("nothing written on a refusal").isFalse();

    answer(
        http.postJson(
            path,
            "{\"contract\":\""
                + alphaSecond.reference()
                + "\",\"year\":\"2045/46\","
                + "\"reason\":\"No referrals route for this service\"}",
            as(TEAM.user(MANAGER))),
        201);
    assertThat(exemptions.exempt(alphaSecond.id(), YEAR)).isTrue();
    assertThat(exemptions.exempt(alpha.id(), YEAR)).isFalse();
    assertThat(valuesListed(path + "?year=2045", TEAM.user(OFFICER), "contractReference"))
        .contains(alphaSecond.reference());
  }

  @Test
  void theQuartersLateReturnsAreListedForStaffWithACsvExport() {
    TestReturns.recordReturn(
        jdbc, alpha, YEAR, 1, LocalDate.of(YEAR, 7, 28), null, "AWAITED", null, false);
    TestClock.set(LocalDateTime.of(YEAR, 8, 10, 9, 0));
    String path = "/api/performance-returns/late?quarter=2045/46-Q1";
    assertThat(valuesListed(path, TEAM.user(OFFICER), "contractReference"))
        .contains(alpha.reference());
    var csv = http.get(path + "&format=csv", as(TEAM.user(MANAGER)));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.text()).startsWith("case_reference,").contains(alpha.reference() + ",");
    assertThat(http.get(path, as(TEAM.alphaUser())).status()).isEqualTo(403);
    assertThat(
            problem(
                    http.get("/api/performance-returns/late?quarter=Q5", as(TEAM.user(OFFICER))),
                    400)
                .path("errors")
                .findValuesAsText("field"))
        .containsExactly("quarter");
  }

  @Test
  void thePageShowsTheLateReturnsToStaffAndTakesAContractsManagersAgreement() {
    lock(start(alpha), "Older people");
    TestReturns.recordReturn(
        jdbc, alpha, YEAR, 1, LocalDate.of(YEAR, 7, 28), null, "AWAITED", null, false);
    TestClock.set(LocalDateTime.of(YEAR, 8, 10, 9, 0));
    String path = "/reports/performance-returns?quarter=2045/46-Q1";
    assertThat(signedIn(TEAM.alphaUser()).get(path).status()).isEqualTo(403);
    assertThat(signedIn(TEAM.user(OFFICER)).get(path).text())
        .contains(alpha.reference())
        .contains("28 Jul 2045")
        .contains("still awaited")
        .doesNotContain("Record an agreement");

    HttpTestClient browser = signedIn(TEAM.user(MANAGER));
    HttpTestClient.Response page = browser.get(path);
    assertThat(page.text()).contains("Record an agreement");
    String token = HttpTestClient.csrfTokenIn(page);

    Map<String, String> bad = new HashMap<>();
    bad.put("_csrf", token);
    bad.put("quarter", "2045/46-Q1");
    bad.put("contract", alpha.reference());
    bad.put("reason", "");
    HttpTestClient.Response refused =
        browser.postForm("/reports/performance-returns/local-pi-exemptions", bad);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.text()).contains("reason").contains("is required");
    assertThat(exemptions.exempt(alpha.id(), YEAR)).isFalse();

    Map<String, String> form = new HashMap<>(bad);
    form.put("reason", "No local referrals for this service");
    assertThat(browser.postForm("/reports/performance-returns/local-pi-exemptions", form).status())
        .isEqualTo(302);
    assertThat(exemptions.exempt(alpha.id(), YEAR)).isTrue();
  }

  private HttpTestClient signedIn(String user) {
    HttpTestClient client = new HttpTestClient(port);
    assertThat(client.signIn(user, TestUsers.password(user)).status()).isEqualTo(302);
    return client;
  }

  private ProcessInstance start(Contract contract) {
    answer(
        http.postJson(
            "/api/performance-years",
            "{\"contract\":\"" + contract.reference() + "\",\"year\":2045}",
            as(TEAM.user(OFFICER))),
        201);
    return runningCase(PerformanceYearSteps.PROCESS_KEY, "PY-" + contract.reference() + "-2045");
  }

  private void lock(ProcessInstance year, String clientGroup) {
    Map<String, Object> page = new HashMap<>();
    page.put("serviceName", "Support");
    page.put("primaryClientGroup", clientGroup);
    page.put("serviceType", "Floating support");
    page.put("administeringAuthority", "The council");
    page.put("unitNumbers", 10L);
    page.put("plannedDuration", "OVER_2_YEARS");
    page.put("outOfHoursCover", false);
    page.put("contractManager", "A Manager");
    completeAs(TEAM.user(OFFICER), taskAt(year, "Task_ReviewContractPage"), page);
  }
}
