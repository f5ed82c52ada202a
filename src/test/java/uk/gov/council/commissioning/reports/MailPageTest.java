package uk.gov.council.commissioning.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestUsers.password;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import uk.gov.council.commissioning.notify.MailCatcher;
import uk.gov.council.commissioning.notify.OutboxDispatcher;
import uk.gov.council.commissioning.notify.OutboxState;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The administrator's email page outside the demo profile: no mail catcher starts, and the page
 * shows the outbox's state and where the email goes, to administrators only. The demo's page, with
 * the caught messages, is {@link MailPageDemoTest}.
 */
@ProcessTest
class MailPageTest extends ProcessTestCase {

  private static final String OFFICER = "mp-officer";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired OutboxDispatcher outbox;

  @Value("${commissioning.admin.username}")
  String admin;

  @Value("${commissioning.admin.password}")
  String adminPassword;

  @BeforeEach
  void setUp() {
    user(access, OFFICER, Roles.COMMISSIONING_OFFICERS);
  }

  @Test
  void outsideTheDemoNoMailCatcherStarts() {
    assertThat(context.getBeanNamesForType(MailCatcher.class)).isEmpty();
  }

  @Test
  void withoutSigningInTheBrowserIsSentToTheLoginPage() {
    Response response = new HttpTestClient(port).get("/admin/mail");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).endsWith("/login");
  }

  @Test
  void someoneWhoIsNotAnAdministratorIsRefused() {
    Response response = signedIn(OFFICER, password(OFFICER)).get("/admin/mail");

    assertThat(response.status()).isEqualTo(403);
    Document page = Jsoup.parse(response.text());
    assertThat(page.select("h1").text()).isEqualTo("You cannot read the application's email");
    assertThat(page.select("table")).isEmpty();
  }

  @Test
  void anAdministratorSeesTheOutboxAndWhereTheEmailGoes() {
    HttpTestClient http = signedIn(admin, adminPassword);
    OutboxState state = outbox.state();

    Response response = http.get("/admin/mail");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
    Document page = Jsoup.parse(response.text());
    assertThat(page.select("h1").text()).isEqualTo("Email");
    assertThat(page.select("script")).isEmpty();
    assertThat(page.select("table.table--outbox tbody tr").eachText())
        .containsExactly(
            "Waiting "
                + state.pending()
                + " Not sent yet, or waiting to be tried again after the mail server refused it",
            "Being sent " + state.sending() + " Taken by a node to send now",
            "Sent " + state.sent() + " Accepted by the mail server",
            "Retrying "
                + state.retrying()
                + " Of those waiting, refused five times or more: tried again every hour (below)",
            "Failed "
                + state.failed()
                + " Refused for three days and given up on: nobody has received them (below)");
    // The test profile's SMTP server (application-test.yml); no catcher section here.
    assertThat(page.select("main").text())
        .contains("Sent through the mail server at localhost:3025")
        .contains("MAIL_HOST")
        .doesNotContain("mail catcher");
    assertThat(page.select("table.table--mail")).isEmpty();
    assertThat(page.select("nav a[aria-current=page]").eachAttr("href"))
        .containsExactly("/admin/mail");
  }

  @Test
  void anAdministratorSeesTheMessagesTheServerRefusesAndSendsAFailedOneAgain() {
    jdbc.sql("DELETE FROM notification_outbox WHERE idempotency_key LIKE 'mp-troubled/%'").update();
    long failed = queue("mp-troubled/failed", "FAILED", 77);
    long retrying = queue("mp-troubled/retrying", "PENDING", 6);
    HttpTestClient http = signedIn(admin, adminPassword);

    Document page = Jsoup.parse(http.get("/admin/mail").text());
    assertThat(page.select("table.table--troubled tbody tr").eachText())
        .anySatisfy(
            row ->
                assertThat(row)
                    .startsWith(failed + " Failed")
                    .contains("Escalation for mp-troubled/failed")
                    .contains("Connection refused")
                    .contains("Not until sent again")
                    .endsWith("Send again"))
        .anySatisfy(
            row -> assertThat(row).startsWith(retrying + " Retrying").doesNotContain("Send again"));
    String token =
        page.select("form[action=\"/admin/mail/resend\"] input[name=_csrf]").attr("value");
    assertThat(token).isNotBlank();

    Response withoutToken =
        http.postForm("/admin/mail/resend", java.util.Map.of("id", Long.toString(failed)));
    assertThat(withoutToken.status()).isEqualTo(403);
    assertThat(status(failed)).isEqualTo("FAILED");

    Response resent =
        http.postForm(
            "/admin/mail/resend", java.util.Map.of("id", Long.toString(failed), "_csrf", token));
    assertThat(resent.status()).isEqualTo(302);
    assertThat(resent.header("Location")).endsWith("/admin/mail#troubled");
    assertThat(status(failed)).isEqualTo("PENDING");
    assertThat(Jsoup.parse(http.get("/admin/mail").text()).select("[role=status]").text())
        .isEqualTo("Message " + failed + " queued again: it goes with the next send.");
  }

  @Test
  void onlyAnAdministratorMaySendAMessageAgain() {
    long failed = queue("mp-troubled/officer", "FAILED", 77);
    HttpTestClient http = signedIn(OFFICER, password(OFFICER));
    String token =
        Jsoup.parse(http.get("/reports").text()).select("input[name=_csrf]").attr("value");

    Response refused =
        http.postForm(
            "/admin/mail/resend", java.util.Map.of("id", Long.toString(failed), "_csrf", token));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(status(failed)).isEqualTo("FAILED");
  }

  @Test
  void healthIsOpenAndSaysNoMoreThanUpWhileMetricsAreForAdministrators() {
    HttpTestClient anyone = new HttpTestClient(port);
    Response health = anyone.get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text())
        .contains("\"status\":\"UP\"")
        .doesNotContain("components")
        .doesNotContain("details");
    assertThat(anyone.get("/actuator/health/liveness").status()).isEqualTo(200);

    // Tests run without the Prometheus exporter (Spring Boot switches exporters off in tests); the
    // metrics endpoint reads the same meters.
    String failedGauge = "/actuator/metrics/commissioning.mail.outbox?tag=state:failed";
    assertThat(anyone.get(failedGauge).status()).isEqualTo(401);
    assertThat(
            anyone
                .get(failedGauge, "Authorization", basicAuth(OFFICER, password(OFFICER)))
                .status())
        .isEqualTo(403);
    queue("mp-troubled/metric", "FAILED", 77);
    Response metric = anyone.get(failedGauge, "Authorization", basicAuth(admin, adminPassword));
    assertThat(metric.status()).isEqualTo(200);
    assertThat(metric.text())
        .contains("\"name\":\"commissioning.mail.outbox\"")
        .contains("\"baseUnit\":\"messages\"")
        .containsPattern("\"value\":[1-9]");
  }

  private static String basicAuth(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private long queue(String key, String status, int attempts) {
    jdbc.sql(
            """
            INSERT INTO notification_outbox (idempotency_key, recipients, subject, body, status,
              attempts, last_error, created_at, next_attempt_at)
            VALUES (:key, 'quality@council.example', :subject, 'Body', :status, :attempts,
              'MailSendException: Connection refused', CURRENT_TIMESTAMP,
              CURRENT_TIMESTAMP + INTERVAL '1' HOUR)
            """)
        .param("key", key)
        .param("subject", "Escalation for " + key)
        .param("status", status)
        .param("attempts", attempts)
        .update();
    return jdbc.sql("SELECT id FROM notification_outbox WHERE idempotency_key = :key")
        .param("key", key)
        .query(Long.class)
        .single();
  }

  private String status(long id) {
    return jdbc.sql("SELECT status FROM notification_outbox WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  @Test
  void onlyAnAdministratorIsOfferedThePageFromTheReports() {
    assertThat(
            Jsoup.parse(signedIn(admin, adminPassword).get("/reports").text())
                .select("nav a")
                .eachAttr("href"))
        .contains("/admin/mail");
    assertThat(
            Jsoup.parse(signedIn(OFFICER, password(OFFICER)).get("/reports").text())
                .select("a")
                .eachAttr("href"))
        .doesNotContain("/admin/mail");
  }

  private HttpTestClient signedIn(String user, String password) {
    HttpTestClient http = new HttpTestClient(port);
    Response response = http.signIn(user, password);
    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).doesNotContain("error");
    return http;
  }
}
