package uk.gov.council.commissioning.appraisals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestUsers;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The officers' pages of the options appraisals: the list and one report for council staff, the
 * confidential annex on the page only for a team the report names (the read recorded), and the form
 * that submits a report through the same checks as the API.
 */
@ProcessTest
class OptionsAppraisalPagesTest extends AppraisalTestCase {

  private String annex;
  private String reference;

  @BeforeEach
  void aReport() {
    annex = "Private page report " + System.nanoTime() + ": sub-contracting rates";
    reference = submit(coventry(annex, new BigDecimal("250000.00"), null, "PROCURE"));
  }

  @Test
  void staffSeeTheListAndTheReportFromTheMenu() {
    HttpTestClient buyer = signedIn(BUYER);
    Response list = buyer.get("/options-appraisals");
    assertThat(list.status()).isEqualTo(200);
    Document page = Jsoup.parse(list.text());
    assertThat(page.select("#appraisals a").eachText()).contains(reference);
    assertThat(page.select("nav a[aria-current=page]").eachAttr("href"))
        .containsExactly("/options-appraisals");
    // Procurement reads the reports but does not submit them.
    assertThat(page.select("a[href=/options-appraisals/new]")).isEmpty();

    Response one = buyer.get("/options-appraisals/" + reference);
    assertThat(one.status()).isEqualTo(200);
    Document report = Jsoup.parse(one.text());
    assertThat(report.select("h1").text()).contains(reference);
    assertThat(report.select("section[id^=option-]")).hasSize(3);
    assertThat(report.select("#option-1 .tag").text()).isEqualTo("Recommended");
    assertThat(report.select("a[href=/options-appraisals/" + reference + "/decision-notice]"))
        .hasSize(1);
    Response notice = buyer.get("/options-appraisals/" + reference + "/decision-notice");
    assertThat(notice.status()).isEqualTo(200);
    assertThat(notice.contentType()).startsWith("application/pdf");
    assertThat(buyer.get("/options-appraisals/OA-NONE").status()).isEqualTo(404);
  }

  @Test
  void theAnnexIsOnThePageOnlyForANamedTeamAndTheReadIsRecorded() {
    Response named = signedIn(OFFICER).get("/options-appraisals/" + reference);
    assertThat(named.status()).isEqualTo(200);
    Document page = Jsoup.parse(named.text());
    assertThat(page.select("#annex-text").text()).isEqualTo(annex);
    assertThat(page.text()).contains("Confidential annex");
    assertThat(annexReads()).isEqualTo(1);

    Response other = signedIn(BUYER).get("/options-appraisals/" + reference);
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.text()).doesNotContain(annex).doesNotContain("sub-contracting rates");
    assertThat(Jsoup.parse(other.text()).select("#annex-withheld").text())
        .contains("Commissioning officers")
        .contains("Portfolio Holders");

    HttpTestClient provider = signedIn(PROVIDER.user());
    Response refused = provider.get("/options-appraisals/" + reference);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text()).doesNotContain(annex).contains("You cannot do this");
    assertThat(provider.get("/options-appraisals").status()).isEqualTo(403);
    assertThat(Jsoup.parse(provider.get("/reports").text()).select("nav a").eachAttr("href"))
        .doesNotContain("/options-appraisals");
    assertThat(annexReads()).isEqualTo(1);
  }

  @Test
  void theFormRefusesABadFieldNamingItAndSubmitsAGoodReport() {
    HttpTestClient officer = signedIn(OFFICER);
    Response form = officer.get("/options-appraisals/new");
    assertThat(form.status()).isEqualTo(200);
    String token = HttpTestClient.csrfTokenIn(form);
    long before = appraisals();

    String title = "Pages report " + System.nanoTime();
    Map<String, String> good = new HashMap<>();
    good.put("_csrf", token);
    good.put("title", title);
    good.put("serviceArea", "Adult social care");
    good.put("reportOf", "Director of Adult Services");
    good.put("decisionMaker", "Cabinet Member for Adult Services");
    good.put("publicSummary", "The current contract ends in March.");
    good.put("decisionValue", "£250,000.00");
    good.put("option1.description", "Procure a new two-year contract");
    good.put("option1.opportunities", "Continuity");
    good.put("option1.risks", "Cost");
    good.put("option1.reasons", "Best value");
    good.put("option1.effect", "PROCURE");
    good.put("option2.description", "Do nothing");
    good.put("option2.opportunities", "None");
    good.put("option2.risks", "No service");
    good.put("option2.reasons", "Not viable");
    good.put("option2.effect", "OTHER");
    good.put("recommended", "1");
    good.put("confidentialAnnex", "Rates per hour, private");
    good.put("annexRoles", Roles.COMMISSIONING_OFFICERS);

    Map<String, String> bad = new HashMap<>(good);
    bad.put("option2.risks", " ");
    bad.put("decisionValue", "a lot");
    Response refused = officer.postForm("/options-appraisals/new", bad);
    assertThat(refused.status()).isEqualTo(400);
    Document page = Jsoup.parse(refused.text());
    assertThat(page.select("#option2-risks-error").text()).contains("Option 2: the risks");
    assertThat(page.select("#decisionValue-error").text()).contains("The value must be");
    assertThat(page.select("#title").val()).isEqualTo(title);
    assertThat(appraisals()).isEqualTo(before);

    Map<String, String> noTeam = new HashMap<>(good);
    noTeam.put("annexRoles", "provider-oa-alpha");
    Response notATeam = officer.postForm("/options-appraisals/new", noTeam);
    assertThat(notATeam.status()).isEqualTo(400);
    assertThat(Jsoup.parse(notATeam.text()).select("#annexRoles-error").text())
        .contains("is not a council team");
    assertThat(appraisals()).isEqualTo(before);

    Map<String, String> oneOption = new HashMap<>(good);
    for (String part : new String[] {"description", "opportunities", "risks", "reasons"}) {
      oneOption.remove("option2." + part);
    }
    Response alone = officer.postForm("/options-appraisals/new", oneOption);
    assertThat(alone.status()).isEqualTo(400);
    assertThat(Jsoup.parse(alone.text()).select("#options-error").text())
        .contains("at least two options");

    Map<String, String> withoutToken = new HashMap<>(good);
    withoutToken.remove("_csrf");
    assertThat(officer.postForm("/options-appraisals/new", withoutToken).status()).isEqualTo(403);
    assertThat(appraisals()).isEqualTo(before);

    Response saved = officer.postForm("/options-appraisals/new", good);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(appraisals()).isEqualTo(before + 1);
    String created = saved.header("Location").replaceAll(".*/options-appraisals/", "");
    assertThat(appraisalRow(created).get("title")).isEqualTo(title);
    assertThat(officer.get("/options-appraisals/" + created).text()).contains(title);

    assertThat(signedIn(BUYER).get("/options-appraisals/new").status()).isEqualTo(403);
  }

  private HttpTestClient signedIn(String user) {
    HttpTestClient client = new HttpTestClient(port);
    assertThat(client.signIn(user, TestUsers.password(user)).status()).isEqualTo(302);
    return client;
  }

  private long appraisals() {
    return jdbc.sql("SELECT COUNT(*) FROM options_appraisal").query(Long.class).single();
  }

  private long annexReads() {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM options_appraisal_annex_read r
            JOIN options_appraisal a ON a.id = r.appraisal_id WHERE a.reference = :ref""")
        .param("ref", reference)
        .query(Long.class)
        .single();
  }
}
