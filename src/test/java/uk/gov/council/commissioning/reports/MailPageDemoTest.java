package uk.gov.council.commissioning.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import uk.gov.council.commissioning.notify.Attachment;
import uk.gov.council.commissioning.notify.MailCatcher;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.OutboxDispatcher;
import uk.gov.council.commissioning.notify.OutboxState;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The demo profile as it starts: its email is delivered to the mail catcher inside the application,
 * and the administrator reads it at /admin/mail. The catcher listens on a free port here, not the
 * demo's 1025, which something else on the machine may hold; the web apps stay off (this server is
 * a second one in the test JVM, and they keep JVM-wide state).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.webapp.enabled=false")
@ActiveProfiles({"test", "demo"})
class MailPageDemoTest {

  /** Chosen once: the property is read more than once, by the catcher and by spring.mail.port. */
  private static final int CATCHER_PORT = TestSocketUtils.findAvailableTcpPort();

  @DynamicPropertySource
  static void catcherPort(DynamicPropertyRegistry registry) {
    registry.add("commissioning.mail.catcher.port", () -> CATCHER_PORT);
  }

  @LocalServerPort int port;
  @Autowired MailCatcher catcher;
  @Autowired MailProperties mail;
  @Autowired NotificationService notifications;
  @Autowired OutboxDispatcher outbox;
  @Autowired ProcessEngine engine;

  @Test
  void theDemosEmailGoesToItsMailCatcher() {
    assertThat(mail.getHost() + ":" + mail.getPort()).isEqualTo(catcher.address());
  }

  @Test
  void anEmailSentInTheDemoIsCaughtAndTheAdministratorReadsItEscaped() {
    OutboxState before = outbox.state();
    String subject = "Serious incident SI-2026-000042 <script>alert('x')</script>";
    notifications.send(
        "mail-page-demo/1",
        List.of("quality@council.example", "officer@council.example"),
        subject,
        "A serious incident was reported.\nRead it in Tasklist: <b>not bold</b>",
        new Attachment(
            "letter.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));

    assertThat(outbox.dispatchPending()).isEqualTo(1);

    Response response = signedIn("admin").get("/admin/mail");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).doesNotContain("<script>alert").doesNotContain("<b>not bold</b>");
    Document page = Jsoup.parse(response.text());
    assertThat(page.select("script")).isEmpty();
    assertThat(page.select("table.table--outbox tbody tr").eachText())
        .anySatisfy(row -> assertThat(row).startsWith("Sent " + (before.sent() + 1) + " "));
    assertThat(page.select("table.table--outbox tbody tr").eachText())
        .anySatisfy(row -> assertThat(row).startsWith("Failed 0 "));
    assertThat(page.select("main").text())
        .contains(
            "Sent through the mail server at " + catcher.address() + ": the demo's mail catcher");

    // Listed once although delivered to two mailboxes: time, to and subject, linked to the text
    // below.
    Element row =
        page.select("table.table--mail tbody tr").stream()
            .filter(r -> r.text().contains("SI-2026-000042"))
            .findFirst()
            .orElseThrow();
    assertThat(page.select("table.table--mail tbody tr").eachText())
        .filteredOn(text -> text.contains("SI-2026-000042"))
        .hasSize(1);
    assertThat(row.select("td").get(1).text())
        .isEqualTo("quality@council.example, officer@council.example");
    assertThat(row.select("th a").text()).isEqualTo(subject);
    assertThat(row.select("time").attr("datetime")).isNotBlank();
    String anchor = row.select("th a").attr("href");
    assertThat(anchor).matches("#message-\\d+");

    Element message = page.getElementById(anchor.substring(1));
    assertThat(message).isNotNull();
    assertThat(message.select("h3").text()).isEqualTo(subject);
    assertThat(message.select("pre").first().wholeText())
        .isEqualTo("A serious incident was reported.\nRead it in Tasklist: <b>not bold</b>");
    assertThat(message.select("dd").eachText())
        .contains("commissioning@council.example", "letter.pdf (application/pdf)");
    // Nothing about a message is ever in a URL: every link is to a page or to a place on this one.
    assertThat(page.select("a").eachAttr("href"))
        .allSatisfy(href -> assertThat(href).matches("#main|#message-\\d+|/[a-z/-]*"));
  }

  @Test
  void aCommissioningOfficerIsRefused() {
    Response response = signedIn("officer").get("/admin/mail");

    assertThat(response.status()).isEqualTo(403);
    assertThat(Jsoup.parse(response.text()).select("table")).isEmpty();
  }

  @Test
  void withoutSigningInTheBrowserIsSentToTheLoginPage() {
    Response response = new HttpTestClient(port).get("/admin/mail");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).endsWith("/login");
  }

  /**
   * The engine's REST API is served with the web apps off too, so the guard must stand in front of
   * it here as well (it was registered only with the web apps, so this application started only
   * when another had registered it earlier in the same JVM). The engine has its own name in this
   * JVM, so the path names it.
   */
  @Test
  void withTheWebAppsOffTheEngineApiIsStillGuarded() {
    Response response =
        new HttpTestClient(port)
            .postJson(
                "/engine-rest/engine/"
                    + engine.getName()
                    + "/process-definition/key/qaf-moderation/start",
                "{}",
                HttpTestClient.basic("officer", "demo"));

    assertThat(response.status()).as(response.text()).isEqualTo(403);
    assertThat(response.text()).contains("is started by the case it belongs to, not by hand");
  }

  /** The demo users' password. */
  private HttpTestClient signedIn(String user) {
    HttpTestClient http = new HttpTestClient(port);
    Response response = http.signIn(user, "demo");
    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).doesNotContain("error");
    return http;
  }
}
