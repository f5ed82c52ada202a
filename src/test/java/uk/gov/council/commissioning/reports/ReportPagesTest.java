package uk.gov.council.commissioning.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;
import static uk.gov.council.commissioning.testkit.TestUsers.password;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.gov.council.commissioning.compliance.ComplianceFacts;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.compliance.Quarter;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The report pages through the running server, signed in with the login form as a browser would:
 * the figures and breaches each kind of user sees, from facts inserted by hand with known answers.
 */
@ProcessTest
class ReportPagesTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("rp", QUALITY, OFFICER).withProviders("RP Alpha Care", "RP Beta Support");

  /** Far-future quarters: no other test records facts there, and nothing in them is due yet. */
  private static final AtomicInteger YEAR = new AtomicInteger(2400);

  private static final String NOBODY = "rp-nobody";
  private static final String EVIL = "RP <script>alert('x')</script> Homes";

  @LocalServerPort int port;
  @Autowired DeadlineBreaches breaches;

  Provider evil;

  @BeforeEach
  void setUp() {
    user(access, NOBODY);
    evil = contracts.createProvider(EVIL, "evil@example.org", "provider-rp-evil");
  }

  // --- who gets in -------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/reports",
        "/reports/compliance?quarter=2026-Q3",
        "/reports/breaches",
        "/reports/reports.css"
      })
  void withoutSigningInTheBrowserIsSentToTheLoginPage(String path) {
    Response response = new HttpTestClient(port).get(path);

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).endsWith("/login");
  }

  @Test
  void signingInStillLandsOnTasklistAndTheIndexLinksToEveryPage() {
    HttpTestClient officer = signedIn(TEAM.user(QUALITY));

    Response index = officer.get("/reports");

    assertThat(index.status()).isEqualTo(200);
    assertThat(index.contentType()).startsWith("text/html");
    assertThat(index.header("Content-Security-Policy")).contains("default-src 'none'");
    Document page = Jsoup.parse(index.text());
    assertThat(page.select("main a").eachAttr("href"))
        .contains(
            "/reports/compliance",
            "/reports/breaches",
            "/camunda/app/tasklist/default/",
            "/camunda/app/cockpit/default/");
    assertThat(page.select("html").attr("lang")).isEqualTo("en-GB");
    assertThat(page.select("script")).isEmpty();
    // The same session still opens Tasklist.
    assertThat(officer.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
    // Signing out is a form carrying Spring's CSRF token, as the login form does.
    Element signOut = page.selectFirst("form[action=/logout][method=post]");
    assertThat(signOut).isNotNull();
    String token = signOut.select("input[name=_csrf]").val();
    assertThat(token).isNotBlank();
    Response out = officer.postForm("/logout", Map.of("_csrf", token));
    assertThat(out.status()).isEqualTo(302);
    assertThat(out.header("Location")).endsWith("/login?logout");
    assertThat(officer.get("/reports").status()).isEqualTo(302);
  }

  @Test
  void aProviderIsNotOfferedCockpitAndGetsTheStyleSheet() {
    HttpTestClient provider = signedIn(TEAM.alphaUser());
    Document page = Jsoup.parse(provider.get("/reports").text());

    assertThat(page.select("a").eachAttr("href"))
        .contains("/camunda/app/tasklist/default/")
        .doesNotContain("/camunda/app/cockpit/default/");
    assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/reports/reports.css");
    Response css = provider.get("/reports/reports.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.contentType()).startsWith("text/css");
  }

  @Test
  void theHeaderOffersTheMeetingPagesToThoseWhoMayOpenThem() {
    String plans = "/reports/meeting-plans";
    String feedback = "/reports/meeting-feedback";
    String update = "/audits/contracts-update";
    // A purchasing officer: every one, on every page with the header.
    HttpTestClient officer = signedIn(TEAM.user(OFFICER));
    assertThat(headerLinks(officer, "/reports")).contains(plans, feedback, update);
    Document updatePage = Jsoup.parse(officer.get(update).text());
    assertThat(updatePage.select("nav.service-nav a").eachAttr("href"))
        .contains(plans, feedback, update);
    assertThat(updatePage.select("nav.service-nav a[aria-current=page]").eachAttr("href"))
        .containsExactly(update);
    for (String path : List.of(plans, feedback, update)) {
      assertThat(officer.get(path).status()).as(path).isEqualTo(200);
    }
    // Quality staff are not among the readers of the feedback summary.
    HttpTestClient quality = signedIn(TEAM.user(QUALITY));
    assertThat(headerLinks(quality, "/reports")).contains(plans, update).doesNotContain(feedback);
    assertThat(quality.get(feedback).status()).isEqualTo(403);
    // A provider: its own improvement plans, not the council's summaries.
    HttpTestClient provider = signedIn(TEAM.alphaUser());
    assertThat(headerLinks(provider, plans)).contains(plans).doesNotContain(feedback, update);
    assertThat(provider.get(plans).status()).isEqualTo(200);
    assertThat(provider.get(feedback).status()).isEqualTo(403);
    assertThat(provider.get(update).status()).isEqualTo(403);
  }

  private static List<String> headerLinks(HttpTestClient user, String path) {
    Response response = user.get(path);
    assertThat(response.status()).as(path).isEqualTo(200);
    return Jsoup.parse(response.text()).select("nav.service-nav a").eachAttr("href");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/reports", "/reports/compliance", "/reports/breaches?quarter=2026-Q3"})
  void someoneInNoCouncilTeamAndNoProviderIsRefused(String path) {
    Response response = signedIn(NOBODY).get(path);

    assertThat(response.status()).isEqualTo(403);
    assertThat(Jsoup.parse(response.text()).select("h1").text())
        .isEqualTo("You cannot see these reports");
    assertThat(response.text()).doesNotContain(TEAM.alpha().name());
  }

  // --- compliance figures ------------------------------------------------------------------------

  @Test
  void councilStaffSeeEveryProvidersFiguresWithTheirAppendixCNumbersAndWording() {
    Quarter q = uniqueQuarter();
    Instant start = q.start();
    // Alpha: two alerts, one within 12 hours of awareness and one after 13 hours.
    alert(TEAM.alpha(), start.plus(Duration.ofDays(3)), Duration.ofHours(12));
    alert(TEAM.alpha(), start.plus(Duration.ofDays(4)), Duration.ofHours(13));
    // Alpha: three complaints. Acknowledged after 2 hours, 30 hours and exactly 24 hours; the first
    // resolved in time, the other two not yet due (the quarter is in the future).
    complaint(
        TEAM.alpha(), start.plus(Duration.ofDays(1)), Duration.ofHours(2), Duration.ofDays(3));
    complaint(TEAM.alpha(), start.plus(Duration.ofDays(2)), Duration.ofHours(30), null);
    complaint(TEAM.alpha(), start.plus(Duration.ofDays(3)), Duration.ofHours(24), null);
    // Beta: one alert after an hour.
    alert(TEAM.beta(), start.plus(Duration.ofDays(10)), Duration.ofHours(1));

    Response response = signedIn(TEAM.user(QUALITY)).get("/reports/compliance?quarter=" + q);

    assertThat(response.status()).isEqualTo(200);
    Document page = Jsoup.parse(response.text());
    assertThat(page.title()).contains("Compliance figures " + q);
    assertThat(page.select("h1").text())
        .contains(q.toString())
        .contains("1 Apr " + q.year())
        .contains("30 Jun " + q.year());

    Element a = page.getElementById("provider-" + TEAM.alpha().id());
    assertThat(a).isNotNull();
    assertThat(a.select("h2").text()).isEqualTo(TEAM.alpha().name());
    assertThat(a.select("caption").text())
        .isEqualTo(
            TEAM.alpha().name()
                + ": Figures for "
                + q
                + ", 1 Apr "
                + q.year()
                + " to 30 Jun "
                + q.year());
    assertThat(a.select("thead th[scope=col]").eachText())
        .containsExactly("Ref.", "Measure", "Total", "Met", "Missed", "Pending", "In time");
    assertThat(a.select("tbody th[scope=row]")).hasSize(9);
    assertThat(row(a, "complaints-received")).containsExactly("App C 4.1", "3", "–", "–", "–", "–");
    assertThat(row(a, "complaints-acknowledged-in-time"))
        .containsExactly("App C 4.2", "3", "2", "1", "0", "66.7%");
    assertThat(row(a, "complaints-resolved-in-time"))
        .containsExactly("App C 4.3", "3", "1", "0", "2", "100.0%");
    assertThat(row(a, "safeguarding-alerts-reported"))
        .containsExactly("App C 5.1", "2", "–", "–", "–", "–");
    assertThat(row(a, "safeguarding-alerts-in-time"))
        .containsExactly("App C 5.2", "2", "1", "1", "0", "50.0%");
    assertThat(row(a, "serious-incidents-initial-report-in-time"))
        .containsExactly("§12.4", "0", "0", "0", "0", "–");
    Element fivePointTwo = a.selectFirst("tr[data-measure=safeguarding-alerts-in-time] th");
    assertThat(fivePointTwo.text())
        .startsWith("Percentage of incidents of abuse or suspected abuse");
    assertThat(fivePointTwo.select(".note").text())
        .startsWith("Within commissioning.safeguarding.alert-within");

    Element b = page.getElementById("provider-" + TEAM.beta().id());
    assertThat(b).isNotNull();
    assertThat(row(b, "safeguarding-alerts-in-time"))
        .containsExactly("App C 5.2", "1", "1", "0", "0", "100.0%");
    assertThat(row(b, "complaints-acknowledged-in-time"))
        .containsExactly("App C 4.2", "0", "0", "0", "0", "–");
    assertThat(page.select(".contents a").eachAttr("href"))
        .contains("#provider-" + TEAM.alpha().id(), "#provider-" + TEAM.beta().id());
  }

  @Test
  void aProviderSeesOnlyItsOwnFiguresAndNoOtherProvidersName() {
    Quarter q = uniqueQuarter();
    alert(TEAM.alpha(), q.start().plus(Duration.ofDays(3)), Duration.ofHours(13));
    alert(TEAM.beta(), q.start().plus(Duration.ofDays(3)), Duration.ofHours(1));

    Response response = signedIn(TEAM.alphaUser()).get("/reports/compliance?quarter=" + q);

    assertThat(response.status()).isEqualTo(200);
    Document page = Jsoup.parse(response.text());
    assertThat(page.select("section.provider").eachAttr("id"))
        .containsExactly("provider-" + TEAM.alpha().id());
    assertThat(
            row(
                page.getElementById("provider-" + TEAM.alpha().id()),
                "safeguarding-alerts-in-time"))
        .containsExactly("App C 5.2", "1", "0", "1", "0", "0.0%");
    assertThat(response.text())
        .doesNotContain(TEAM.beta().name())
        .doesNotContain("RP &lt;script&gt;");
    assertThat(page.select(".contents")).isEmpty();
  }

  @Test
  void theCurrentQuarterIsShownWhenNoneIsAskedForWithLinksEitherSide() {
    Quarter current = Quarter.containing(Instant.now());

    Document page = Jsoup.parse(signedIn(TEAM.betaUser()).get("/reports/compliance").text());

    assertThat(page.select("h1").text()).contains(current.toString());
    assertThat(page.select("a[rel=prev]").attr("href"))
        .isEqualTo("/reports/compliance?quarter=" + current.previous().orElseThrow());
    assertThat(page.select("a[rel=next]").attr("href"))
        .isEqualTo("/reports/compliance?quarter=" + current.next().orElseThrow());
    assertThat(page.select("input#quarter").val()).isEqualTo(current.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/reports/compliance", "/reports/breaches"})
  void aBadQuarterIsA400WithAClearMessageOnThePage(String path) {
    HttpTestClient officer = signedIn(TEAM.user(QUALITY));

    Response response = officer.get(path + "?quarter=2026-Q5");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("text/html");
    Document page = Jsoup.parse(response.text());
    assertThat(page.title()).startsWith("Error:");
    assertThat(page.select(".error-summary").text())
        .contains("There is a problem")
        .contains("for example 2026-Q3")
        .contains("2026-Q5");
    assertThat(page.select("#quarter-error").text()).contains("Enter a quarter");
    assertThat(page.select("input#quarter").val()).isEqualTo("2026-Q5");
    assertThat(page.select("table")).isEmpty();

    Response markup = officer.get(path + "?quarter=%3Cb%3Ebold%3C%2Fb%3E");
    assertThat(markup.status()).isEqualTo(400);
    assertThat(markup.text()).doesNotContain("<b>bold").contains("&lt;b&gt;bold&lt;/b&gt;");
  }

  @Test
  void markupInAProviderNameOrABreachIsShownAsTextNeverRun() {
    Quarter q = uniqueQuarter();
    breaches.record(
        "COMPLAINT",
        "CP-" + q.year() + "-900001",
        evil.id(),
        "ACKNOWLEDGEMENT",
        Kind.LATE,
        q.start().plus(Duration.ofDays(5)),
        q.start().plus(Duration.ofDays(6)),
        "<img src=x onerror=alert(1)>");
    HttpTestClient officer = signedIn(TEAM.user(QUALITY));

    Response figures = officer.get("/reports/compliance?quarter=" + q);
    Response breachList = officer.get("/reports/breaches?quarter=" + q);

    for (Response response : List.of(figures, breachList)) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.text())
          .doesNotContain("<script>alert")
          .contains("RP &lt;script&gt;alert(");
      Document page = Jsoup.parse(response.text());
      assertThat(page.select("script")).isEmpty();
    }
    assertThat(
            Jsoup.parse(figures.text()).getElementById("provider-" + evil.id()).select("h2").text())
        .isEqualTo(EVIL);
    assertThat(breachList.text())
        .doesNotContain("<img")
        .contains("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(Jsoup.parse(breachList.text()).select("tbody td").eachText()).contains(EVIL);
  }

  // --- deadline breaches -------------------------------------------------------------------------

  @Test
  void councilStaffSeeEveryBreachOfTheQuarterLatestDeadlineFirstInUkTime() {
    // 2301-Q2 is this test's alone: the other tests take years from 2401.
    Quarter q = new Quarter(2301, 2);
    breaches.record(
        "SERIOUS_INCIDENT",
        "SI-2301-000001",
        TEAM.alpha().id(),
        "INITIAL_REPORT",
        Kind.MISSED,
        Instant.parse("2301-05-04T13:05:00Z"),
        Instant.parse("2301-05-04T13:06:00Z"),
        "No initial report by its deadline");
    breaches.record(
        "COMPLAINT",
        "CP-2301-000002",
        TEAM.beta().id(),
        "RESOLUTION",
        Kind.LATE,
        Instant.parse("2301-06-30T22:00:00Z"),
        Instant.parse("2301-07-02T09:00:00Z"),
        "Resolved late");
    breaches.record(
        "COMPLAINT",
        "CP-2301-000003",
        null,
        "ACKNOWLEDGEMENT",
        Kind.MISSED,
        Instant.parse("2301-04-01T08:30:00Z"),
        Instant.parse("2301-04-01T08:31:00Z"),
        "Council route");
    breaches.record(
        "SAFEGUARDING_ALERT",
        "SI-2301-000004",
        TEAM.alpha().id(),
        "SAFEGUARDING_ALERT",
        Kind.LATE,
        Instant.parse("2301-05-10T10:00:00Z"),
        Instant.parse("2301-05-10T12:00:00Z"),
        "Alert late");
    // Outside the quarter by UK days: 23:30 UTC on 30 June is already 1 July in London.
    breaches.record(
        "COMPLAINT",
        "CP-2301-000005",
        TEAM.beta().id(),
        "RESOLUTION",
        Kind.MISSED,
        Instant.parse("2301-06-30T23:30:00Z"),
        Instant.parse("2301-07-01T00:00:00Z"),
        "Next quarter");

    Response response = signedIn(TEAM.user(QUALITY)).get("/reports/breaches?quarter=2301-Q2");

    assertThat(response.status()).isEqualTo(200);
    Document page = Jsoup.parse(response.text());
    assertThat(page.select("caption").text()).contains("2301-Q2");
    assertThat(page.select("thead th[scope=col]").eachText())
        .containsExactly(
            "Case", "Type", "Provider", "Requirement", "Breach", "Due", "Recorded", "Detail");
    Elements rows = page.select("tbody tr");
    assertThat(rows).hasSize(4);
    assertThat(rows.stream().map(r -> r.selectFirst("th").text()).toList())
        .containsExactly("CP-2301-000002", "SI-2301-000004", "SI-2301-000001", "CP-2301-000003");
    assertThat(cells(rows.get(0)))
        .containsExactly(
            "Complaint",
            TEAM.beta().name(),
            "Resolution",
            "LATE",
            "Sun 30 Jun 2301, 23:00",
            "Tue 2 Jul 2301, 10:00",
            "Resolved late");
    assertThat(cells(rows.get(2)))
        .containsExactly(
            "Serious incident",
            TEAM.alpha().name(),
            "Initial report",
            "MISSED",
            "Sat 4 May 2301, 14:05",
            "Sat 4 May 2301, 14:06",
            "No initial report by its deadline");
    assertThat(cells(rows.get(3)).get(1)).isEqualTo("Council (complaint to the council)");
    assertThat(rows.get(2).select("time").first().attr("datetime"))
        .isEqualTo("2301-05-04T14:05+01:00");
    assertThat(rows.get(0).select("th a").attr("href")).isEqualTo("/api/complaints/CP-2301-000002");
    assertThat(rows.get(1).select("th a").attr("href")).isEqualTo("/api/incidents/SI-2301-000004");
    assertThat(page.select(".summary-line").text()).isEqualTo("4 breaches: 2 missed, 2 late.");
  }

  @Test
  void aProviderSeesOnlyItsOwnBreachesAndNeverTheCouncilsOrAnotherProviders() {
    Quarter q = uniqueQuarter();
    Instant due = q.start().plus(Duration.ofDays(20));
    missedByAMinute(
        "SERIOUS_INCIDENT", "SI-" + q.year() + "-000011", TEAM.alpha().id(), due, "Alpha's");
    missedByAMinute(
        "SERIOUS_INCIDENT", "SI-" + q.year() + "-000012", TEAM.beta().id(), due, "Beta's");
    missedByAMinute("COMPLAINT", "CP-" + q.year() + "-000013", null, due, "Council's");

    Response asAlpha = signedIn(TEAM.alphaUser()).get("/reports/breaches?quarter=" + q);
    Response asBeta = signedIn(TEAM.betaUser()).get("/reports/breaches?quarter=" + q);
    Response asOfficer = signedIn(TEAM.user(QUALITY)).get("/reports/breaches?quarter=" + q);

    assertThat(asAlpha.status()).isEqualTo(200);
    assertThat(Jsoup.parse(asAlpha.text()).select("tbody th").eachText())
        .containsExactly("SI-" + q.year() + "-000011");
    assertThat(asAlpha.text())
        .contains(TEAM.alpha().name())
        .doesNotContain(TEAM.beta().name())
        .doesNotContain("Beta's missing form")
        .doesNotContain("Council's own response")
        .doesNotContain("RP &lt;script&gt;");
    assertThat(Jsoup.parse(asBeta.text()).select("tbody th").eachText())
        .containsExactly("SI-" + q.year() + "-000012");
    assertThat(asBeta.text()).doesNotContain(TEAM.alpha().name());
    assertThat(Jsoup.parse(asOfficer.text()).select("tbody th").eachText()).hasSize(3);
  }

  @Test
  void aQuarterWithoutBreachesSaysSo() {
    Quarter q = uniqueQuarter();

    Document page =
        Jsoup.parse(signedIn(TEAM.alphaUser()).get("/reports/breaches?quarter=" + q).text());

    assertThat(page.select("table")).isEmpty();
    assertThat(page.select("main").text())
        .contains("No deadline breaches were recorded with a deadline in " + q);
  }

  @Test
  void breachesOfAQuarterAreFoundByUkDayLatestFirstAndByProvider() {
    Quarter q = uniqueQuarter();
    String y = String.valueOf(q.year());
    Instant start = q.start();
    breaches.record(
        "COMPLAINT",
        "CP-" + y + "-000021",
        TEAM.alpha().id(),
        "RESOLUTION",
        Kind.MISSED,
        start.minusSeconds(1),
        start,
        "Before");
    breaches.record(
        "COMPLAINT",
        "CP-" + y + "-000022",
        TEAM.alpha().id(),
        "RESOLUTION",
        Kind.MISSED,
        start,
        start,
        "First moment");
    breaches.record(
        "COMPLAINT",
        "CP-" + y + "-000023",
        TEAM.beta().id(),
        "RESOLUTION",
        Kind.MISSED,
        q.end().minusSeconds(1),
        q.end(),
        "Last moment");
    breaches.record(
        "COMPLAINT",
        "CP-" + y + "-000024",
        null,
        "RESPONSE",
        Kind.MISSED,
        q.end(),
        q.end(),
        "After");

    assertThat(breaches.dueIn(q).stream().map(DeadlineBreach::caseReference))
        .containsExactly("CP-" + y + "-000023", "CP-" + y + "-000022");
    assertThat(
            breaches.dueIn(q, List.of(TEAM.alpha().id())).stream()
                .map(DeadlineBreach::caseReference))
        .containsExactly("CP-" + y + "-000022");
    assertThat(breaches.dueIn(q, List.of())).isEmpty();
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static Quarter uniqueQuarter() {
    return new Quarter(YEAR.incrementAndGet(), 2);
  }

  /** The measure's reference and numbers, in column order, without the wording. */
  private static List<String> row(Element section, String measureKey) {
    Element row = section.selectFirst("tr[data-measure=" + measureKey + "]");
    assertThat(row).as("row " + measureKey).isNotNull();
    return row.select("td").eachText();
  }

  private static List<String> cells(Element row) {
    return row.select("td").eachText();
  }

  private void alert(Provider provider, Instant awareAt, Duration untilAlerted) {
    ComplianceFacts.complaintAlert(
        jdbc, provider, "RP-" + System.nanoTime(), awareAt, untilAlerted);
  }

  /** A complaint the provider handles: due to be resolved 21 days after receipt. */
  private void complaint(
      Provider provider, Instant receivedAt, Duration untilAcknowledged, Duration untilResolved) {
    Instant resolveDue = receivedAt.plus(Duration.ofDays(21));
    jdbc.sql(
            """
            INSERT INTO complaint (complaint_number, route, provider_id, received_at, opened_at, acknowledge_due_at,
                                   acknowledged_at, respond_due_at, original_respond_due_at, resolved_at)
            VALUES (:number, 'PROVIDER', :provider, :received, :received, :ackDue, :acknowledged, :resolveDue,
                    :resolveDue, :resolved)
            """)
        .param("number", "RP-" + System.nanoTime() % 1_000_000_000L)
        .param("provider", provider.id())
        .param("received", utc(receivedAt))
        .param("ackDue", utc(receivedAt.plus(Duration.ofHours(24))))
        .param("acknowledged", utc(receivedAt.plus(untilAcknowledged)))
        .param("resolveDue", utc(resolveDue))
        .param("resolved", untilResolved == null ? null : utc(receivedAt.plus(untilResolved)))
        .update();
  }

  private static java.time.OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private HttpTestClient signedIn(String user) {
    HttpTestClient http = new HttpTestClient(port);
    Response response = http.signIn(user, password(user));
    assertThat(response.status()).isEqualTo(302);
    // After signing in Spring still sends the browser to Tasklist.
    assertThat(response.header("Location")).endsWith("/camunda/app/tasklist/default/");
    return http;
  }

  /**
   * Records the case's deadline as missed a minute after it was due: a serious incident's reporting
   * form, or a complaint's response. The note reads "{@code whose} missing form" or "{@code whose}
   * own response".
   */
  private void missedByAMinute(
      String process, String reference, Long providerId, Instant due, String whose) {
    boolean incident = process.equals("SERIOUS_INCIDENT");
    breaches.record(
        process,
        reference,
        providerId,
        incident ? "REPORTING_FORM" : "RESPONSE",
        Kind.MISSED,
        due,
        due.plus(Duration.ofMinutes(1)),
        whose + (incident ? " missing form" : " own response"));
  }
}
