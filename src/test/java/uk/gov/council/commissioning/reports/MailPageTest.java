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
            "Failed "
                + state.failed()
                + " Given up on after five attempts: the error is in the notification_outbox table");
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
