package uk.gov.council.commissioning.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.ADMIN;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.password;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The catalogues over REST and the admin page: a new catalogue and its versions (a version once
 * written never changes), a copy to a later year, a contract's catalogues for a year; bad input
 * refused by field with nothing written; council staff read, the contracts managers and
 * administrators change, and a provider reads only the catalogues of its own contracts (404
 * otherwise). Each test works with a catalogue code and years of its own.
 */
@ProcessTest
class KpiCatalogueApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("kpiapi", OFFICER, MANAGER, ADMIN).withProviders("KPIAPI Alpha", "KPIAPI Beta");

  private static final AtomicInteger RUN = new AtomicInteger();

  String code;
  int year;
  Contract alpha;
  Contract beta;

  @BeforeEach
  void setUp() {
    int n = RUN.incrementAndGet();
    code = "KPIAPI-" + n;
    year = 2120 + 2 * n;
    alpha = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("KPIAPI-A-"));
    beta = TestMeetings.contract(contracts, TEAM.beta(), uniqueReference("KPIAPI-B-"));
  }

  String body(String title, String yearText, String liquidity) {
    return """
        {"code": "%s", "title": "%s", "year": "%s", "seedSection": "seed 004 App A",
         "kpis": [
           {"code": "O1.1", "area": "Organisation", "wording": "Liquidity", "unit": "RATIO",
            "threshold": "%s", "target": "Liquidity – must be > than 1", "frequency": "ANNUAL",
            "consequence": "Suspension", "reportedBy": "PROVIDER"},
           {"code": "4.2", "wording": "Complaints acknowledged within 24 hours", "unit": "PERCENT",
            "frequency": "QUARTERLY", "reportedBy": "PROVIDER",
            "measure": "complaints-acknowledged-24h"}
         ]}
        """
        .formatted(code, title, yearText, liquidity);
  }

  String yearLabel() {
    return new ReportingYear(year).label();
  }

  String path() {
    return "/api/kpi-catalogues/" + code + "/" + year;
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    assertThat(http.get("/api/kpi-catalogues").status()).isEqualTo(401);
    assertThat(http.postJson("/api/kpi-catalogues", body("T", yearLabel(), "> 1")).status())
        .isEqualTo(401);
  }

  @Test
  void eachSaveIsANewVersionAndEarlierVersionsStayAsTheyWere() {
    JsonNode first =
        answer(
            http.postJson(
                "/api/kpi-catalogues", body("First", yearLabel(), "> 1"), as(TEAM.user(MANAGER))),
            201);
    assertThat(first.get("version").asInt()).isEqualTo(1);
    assertThat(first.get("year").asText()).isEqualTo(yearLabel());
    assertThat(first.at("/kpis/0/threshold").asText()).isEqualTo("> 1");

    JsonNode second =
        answer(
            http.postJson(
                "/api/kpi-catalogues", body("Second", yearLabel(), "≥ 1.2"), as(TEAM.user(ADMIN))),
            201);
    assertThat(second.get("version").asInt()).isEqualTo(2);

    JsonNode current = answer(http.get(path(), as(TEAM.user(OFFICER))), 200);
    assertThat(current.get("version").asInt()).isEqualTo(2);
    assertThat(current.get("title").asText()).isEqualTo("Second");
    assertThat(current.at("/kpis/0/threshold").asText()).isEqualTo("≥ 1.2");
    assertThat(current.get("versions").findValuesAsText("version")).containsExactly("1", "2");

    JsonNode v1 = answer(http.get(path() + "?version=1", as(TEAM.user(OFFICER))), 200);
    assertThat(v1.get("title").asText()).isEqualTo("First");
    assertThat(v1.at("/kpis/0/threshold").asText()).isEqualTo("> 1");
    assertThat(v1.get("id").asLong()).isEqualTo(first.get("id").asLong());

    JsonNode list =
        answer(http.get("/api/kpi-catalogues?year=" + year, as(TEAM.user(OFFICER))), 200);
    JsonNode entry = entry(list, code);
    assertThat(entry.get("version").asInt()).isEqualTo(2);
    assertThat(entry.get("count").asInt()).isEqualTo(2);
    assertThat(entry.get("year").asText()).isEqualTo(yearLabel());

    assertThat(http.get(path() + "?version=9", as(TEAM.user(OFFICER))).status()).isEqualTo(404);
    assertThat(
            problem(http.get(path() + "?version=two", as(TEAM.user(OFFICER))), 400)
                .path("errors")
                .findValuesAsText("field"))
        .containsExactly("version");
  }

  @Test
  void badInputIsRefusedByFieldAndNothingIsWritten() {
    String bad =
        """
        {"code": "%s", "title": "Bad", "year": "%s",
         "kpis": [
           {"code": "A", "wording": "One", "unit": "PERCENTAGE", "frequency": "QUARTERLY"},
           {"code": "B", "wording": "Two", "unit": "PERCENT", "threshold": "> 101", "frequency": "QUARTERLY"},
           {"code": "C", "wording": "Three", "unit": "PERCENT", "threshold": "about 95", "frequency": "QUARTERLY"},
           {"code": "D", "wording": "Four", "unit": "NUMBER", "frequency": "MONTHLY", "measure": "guesswork"},
           {"code": "A", "wording": "Five", "unit": "NUMBER", "frequency": "ANNUAL"}
         ]}
        """
            .formatted(code, yearLabel());
    JsonNode refused =
        problem(http.postJson("/api/kpi-catalogues", bad, as(TEAM.user(MANAGER))), 400);
    assertThat(refused.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder(
            "kpis[0].unit",
            "kpis[1].threshold",
            "kpis[2].threshold",
            "kpis[3].frequency",
            "kpis[3].measure",
            "kpis[4].code");
    assertThat(http.get(path(), as(TEAM.user(MANAGER))).status()).isEqualTo(404);
    assertThat(catalogueRows()).isZero();

    JsonNode badYear =
        problem(
            http.postJson(
                "/api/kpi-catalogues", body("T", year + "/99", "> 1"), as(TEAM.user(MANAGER))),
            400);
    assertThat(badYear.path("errors").findValuesAsText("field")).containsExactly("year");
    JsonNode notJson =
        problem(http.postJson("/api/kpi-catalogues", "{\"kpis\": 5", as(TEAM.user(MANAGER))), 400);
    assertThat(notJson.get("title").asText()).isEqualTo("Invalid request");
    JsonNode noBody =
        problem(http.postJson("/api/kpi-catalogues", "", as(TEAM.user(MANAGER))), 400);
    assertThat(noBody.path("errors").findValuesAsText("field")).containsExactly("body");
    assertThat(
            problem(http.get("/api/kpi-catalogues/" + code + "/20x6", as(TEAM.user(OFFICER))), 400)
                .path("errors")
                .findValuesAsText("field"))
        .containsExactly("year");
    assertThat(catalogueRows()).isZero();
  }

  @Test
  void onlyTheContractsManagersAndAdministratorsChangeCatalogues() {
    assertThat(
            http.postJson(
                    "/api/kpi-catalogues", body("T", yearLabel(), "> 1"), as(TEAM.user(OFFICER)))
                .status())
        .isEqualTo(403);
    assertThat(
            http.postJson(
                    "/api/kpi-catalogues", body("T", yearLabel(), "> 1"), as(TEAM.alphaUser()))
                .status())
        .isEqualTo(403);
    assertThat(catalogueRows()).isZero();
    saveAsManager();
    assertThat(
            http.send("POST", path() + "/copy-to/" + (year + 1), null, as(TEAM.user(OFFICER)))
                .status())
        .isEqualTo(403);
    assertThat(
            http.putJson(
                    "/api/contracts/" + alpha.reference() + "/kpi-catalogues/" + year,
                    "{\"catalogues\": [\"" + code + "\"]}",
                    as(TEAM.alphaUser()))
                .status())
        .isEqualTo(403);
    assertThat(registered(alpha)).isEmpty();
  }

  @Test
  void aProviderReadsOnlyTheCataloguesOfItsOwnContracts() {
    saveAsManager();
    assertThat(http.get(path(), as(TEAM.alphaUser())).status()).isEqualTo(404);
    assertThat(listed(TEAM.alphaUser())).doesNotContain(code);

    JsonNode assigned =
        answer(
            http.putJson(
                "/api/contracts/"
                    + alpha.reference()
                    + "/kpi-catalogues/"
                    + yearLabel().replace('/', '-'),
                "{\"catalogues\": [\"" + code + "\"]}",
                as(TEAM.user(MANAGER))),
            200);
    assertThat(assigned.get("catalogues").findValuesAsText("code")).containsExactly(code);
    assertThat(assigned.get("year").asText()).isEqualTo(yearLabel());

    assertThat(answer(http.get(path(), as(TEAM.alphaUser())), 200).get("code").asText())
        .isEqualTo(code);
    assertThat(listed(TEAM.alphaUser())).contains(code);
    assertThat(
            answer(
                    http.get(
                        "/api/contracts/" + alpha.reference() + "/kpi-catalogues/" + year,
                        as(TEAM.alphaUser())),
                    200)
                .get("catalogues")
                .findValuesAsText("code"))
        .containsExactly(code);

    assertThat(http.get(path(), as(TEAM.betaUser())).status()).isEqualTo(404);
    assertThat(listed(TEAM.betaUser())).doesNotContain(code);
    assertThat(
            http.get(
                    "/api/contracts/" + alpha.reference() + "/kpi-catalogues/" + year,
                    as(TEAM.betaUser()))
                .status())
        .isEqualTo(404);
    assertThat(
            http.get("/api/kpi-catalogues/" + code + "/" + (year + 1), as(TEAM.alphaUser()))
                .status())
        .as("assigned for another year only")
        .isEqualTo(404);
  }

  @Test
  void aContractsCataloguesMustExistForTheYear() {
    saveAsManager();
    JsonNode refused =
        problem(
            http.putJson(
                "/api/contracts/" + beta.reference() + "/kpi-catalogues/" + year,
                "{\"catalogues\": [\"" + code + "\", \"NO-SUCH-CATALOGUE\", \"" + code + "\"]}",
                as(TEAM.user(MANAGER))),
            400);
    assertThat(refused.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("catalogues[1]", "catalogues[2]");
    assertThat(registered(beta)).isEmpty();
    assertThat(
            http.putJson(
                    "/api/contracts/NO-SUCH-CONTRACT/kpi-catalogues/" + year,
                    "{\"catalogues\": []}",
                    as(TEAM.user(MANAGER)))
                .status())
        .isEqualTo(404);

    answer(
        http.putJson(
            "/api/contracts/" + beta.reference() + "/kpi-catalogues/" + year,
            "{\"catalogues\": [\"" + code + "\"]}",
            as(TEAM.user(MANAGER))),
        200);
    answer(
        http.putJson(
            "/api/contracts/" + beta.reference() + "/kpi-catalogues/" + year,
            "{\"catalogues\": []}",
            as(TEAM.user(MANAGER))),
        200);
    assertThat(registered(beta)).isEmpty();
  }

  @Test
  void aYearsCatalogueIsCopiedToALaterYear() {
    saveAsManager();
    Response copied =
        http.send("POST", path() + "/copy-to/" + (year + 1), null, as(TEAM.user(MANAGER)));
    JsonNode copy = answer(copied, 201);
    assertThat(copy.get("year").asText()).isEqualTo(new ReportingYear(year + 1).label());
    assertThat(copy.get("version").asInt()).isEqualTo(1);
    assertThat(copy.at("/kpis/0/threshold").asText()).isEqualTo("> 1");
    assertThat(copied.header("Location"))
        .isEqualTo(
            "/api/kpi-catalogues/"
                + code
                + "/"
                + new ReportingYear(year + 1).label().replace('/', '-')
                + "?version=1");

    JsonNode backwards =
        problem(
            http.send("POST", path() + "/copy-to/" + (year - 1), null, as(TEAM.user(MANAGER))),
            400);
    assertThat(backwards.path("errors").findValuesAsText("field")).containsExactly("nextYear");
    assertThat(
            http.send(
                    "POST",
                    "/api/kpi-catalogues/NO-SUCH/" + year + "/copy-to/" + (year + 1),
                    null,
                    as(TEAM.user(MANAGER)))
                .status())
        .isEqualTo(404);
  }

  @Test
  void theAdminPageShowsTheCatalogueAndAChangeMakesTheNextVersion() {
    saveAsManager();
    HttpTestClient browser = signedIn(TEAM.user(MANAGER));
    Response list = browser.get("/kpi-catalogues?year=" + year);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.text()).contains(code).contains(yearLabel());

    String pageYear = yearLabel().replace('/', '-');
    Response page = browser.get("/kpi-catalogues/" + code + "/" + pageYear);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text())
        .contains("Liquidity – must be &gt; than 1")
        .contains("Suspension")
        .contains("Version <span>1</span>")
        .contains("by " + TEAM.user(MANAGER));

    Response form = browser.get("/kpi-catalogues/" + code + "/" + pageYear + "/edit?kpi=O1.1");
    assertThat(form.status()).isEqualTo(200);
    String token = HttpTestClient.csrfTokenIn(form);

    Map<String, String> bad = new HashMap<>();
    bad.put("_csrf", token);
    bad.put("wording", "Liquidity");
    bad.put("target", "More than one");
    bad.put("threshold", "more than 1");
    Response refused =
        browser.postForm("/kpi-catalogues/" + code + "/" + pageYear + "/edit?kpi=O1.1", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("id=\"threshold-error\"").contains("The threshold must be");
    assertThat(versions()).isEqualTo(1);

    Map<String, String> good = new HashMap<>(bad);
    good.put("threshold", "≥ 1.5");
    Response saved =
        browser.postForm("/kpi-catalogues/" + code + "/" + pageYear + "/edit?kpi=O1.1", good);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(versions()).isEqualTo(2);
    JsonNode current = answer(http.get(path(), as(TEAM.user(OFFICER))), 200);
    assertThat(current.at("/kpis/0/threshold").asText()).isEqualTo("≥ 1.5");
    assertThat(current.at("/kpis/0/target").asText()).isEqualTo("More than one");
    assertThat(current.at("/kpis/1/measure").asText()).isEqualTo("complaints-acknowledged-24h");
    JsonNode first = answer(http.get(path() + "?version=1", as(TEAM.user(OFFICER))), 200);
    assertThat(first.at("/kpis/0/threshold").asText()).isEqualTo("> 1");
  }

  @Test
  void theAdminPageIsForCouncilStaffAndOnlyEditorsChange() {
    saveAsManager();
    String pageYear = yearLabel().replace('/', '-');
    HttpTestClient provider = signedIn(TEAM.alphaUser());
    Response refused = provider.get("/kpi-catalogues");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text()).contains("You cannot do this");
    assertThat(provider.get("/kpi-catalogues/" + code + "/" + pageYear).status()).isEqualTo(403);

    HttpTestClient officer = signedIn(TEAM.user(OFFICER));
    Response page = officer.get("/kpi-catalogues/" + code + "/" + pageYear);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).doesNotContain("/edit?kpi=");
    assertThat(
            org.jsoup.Jsoup.parse(page.text()).select("nav a[aria-current=page]").eachAttr("href"))
        .as("the catalogues are reached from the reports' menu")
        .containsExactly("/kpi-catalogues");
    assertThat(
            org.jsoup.Jsoup.parse(provider.get("/reports").text()).select("nav a").eachAttr("href"))
        .doesNotContain("/kpi-catalogues");
    assertThat(officer.get("/kpi-catalogues/" + code + "/" + pageYear + "/edit?kpi=O1.1").status())
        .isEqualTo(403);
    assertThat(officer.get("/kpi-catalogues?year=20x6").status()).isEqualTo(400);
  }

  private void saveAsManager() {
    answer(
        http.postJson(
            "/api/kpi-catalogues", body("Catalogue", yearLabel(), "> 1"), as(TEAM.user(MANAGER))),
        201);
  }

  private HttpTestClient signedIn(String user) {
    HttpTestClient client = new HttpTestClient(port);
    assertThat(client.signIn(user, password(user)).status()).isEqualTo(302);
    return client;
  }

  private List<String> listed(String user) {
    return answer(http.get("/api/kpi-catalogues", as(user)), 200).findValuesAsText("code");
  }

  private static JsonNode entry(JsonNode list, String code) {
    for (JsonNode e : list) {
      if (e.get("code").asText().equals(code)) {
        return e;
      }
    }
    throw new AssertionError(code + " not listed");
  }

  private long catalogueRows() {
    return jdbc.sql("SELECT COUNT(*) FROM kpi_catalogue WHERE code = :c")
        .param("c", code)
        .query(Long.class)
        .single();
  }

  private long versions() {
    return catalogueRows();
  }

  private List<String> registered(Contract contract) {
    return jdbc.sql("SELECT catalogue_code FROM contract_kpi_catalogue WHERE contract_id = :c")
        .param("c", contract.id())
        .query(String.class)
        .list();
  }
}
