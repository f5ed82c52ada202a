package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestUsers.password;
import static uk.gov.council.commissioning.testkit.TestUsers.user;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * Signing out and the session cookie through the running server. A link or image on any page makes
 * the browser send a GET with the user's cookie, so only a POST carrying a CSRF token may end a
 * session: Spring's token for {@code /logout}, the web apps' own for their "Log out". The cookie is
 * kept from other sites' requests (SameSite) and from scripts (HttpOnly).
 */
@ProcessTest
class SignOutTest extends HttpProcessTestCase {

  private static final String OFFICER = "so-officer";
  private static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/default/logout";
  private static final String TASKLIST = "/camunda/app/tasklist/default/";

  @BeforeEach
  void setUp() {
    user(access, OFFICER, Roles.COMMISSIONING_OFFICERS);
  }

  @Test
  void aGetOfTheLogoutAddressDoesNotSignOut() {
    signIn();

    Response response = http.get("/logout");

    // A page asking to confirm, whose button posts the form with its token.
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).containsPattern("<form[^>]*method=\"post\"[^>]*action=\"/logout\"");
    assertThat(HttpTestClient.csrfTokenIn(response)).isNotBlank();
    assertThat(signedIn()).isTrue();
  }

  @Test
  void aPostToLogoutWithoutTheTokenDoesNotSignOut() {
    signIn();

    Response response = http.postForm("/logout", Map.of());

    assertThat(response.status()).isEqualTo(403);
    assertThat(signedIn()).isTrue();
  }

  @Test
  void aPostToLogoutWithTheTokenSignsOut() {
    signIn();
    String token = HttpTestClient.csrfTokenIn(http.get("/reports"));

    Response response = http.postForm("/logout", Map.of("_csrf", token));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).endsWith("/login?logout");
    assertThat(signedIn()).isFalse();
  }

  @Test
  void aGetOfTheWebAppsLogoutAddressDoesNotSignOut() {
    signIn();
    webAppToken();

    http.get(WEBAPP_LOGOUT);

    assertThat(signedIn()).isTrue();
  }

  @Test
  void theWebAppsLogOutWithTheirTokenSignsOut() {
    signIn();
    String token = webAppToken();

    Response response = http.send("POST", WEBAPP_LOGOUT, "", "X-XSRF-TOKEN", token);

    assertThat(response.status()).isEqualTo(200);
    assertThat(signedIn()).isFalse();
  }

  @Test
  void theWebAppsLogOutIsRefusedWithoutTheirToken() {
    signIn();
    webAppToken();

    Response response = http.send("POST", WEBAPP_LOGOUT, "");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("X-XSRF-TOKEN")).isEqualTo("Required");
  }

  @Test
  void theSessionCookieIsSameSiteLaxHttpOnlyAndNotSecureOverPlainHttp() {
    Response response = http.signIn(OFFICER, password(OFFICER));

    List<String> cookies =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .toList();
    assertThat(cookies)
        .isNotEmpty()
        .allSatisfy(
            cookie -> {
              assertThat(cookie)
                  .containsIgnoringCase("; SameSite=Lax")
                  .containsIgnoringCase("; HttpOnly");
              assertThat(cookie.toLowerCase()).doesNotContain("; secure");
            });
  }

  @Test
  void theSessionCookieOfTheLoginPageIsSameSiteLaxToo() {
    Response response = http.get("/login");

    assertThat(response.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("JSESSIONID="))
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; SameSite=Lax"));
  }

  private void signIn() {
    Response response = http.signIn(OFFICER, password(OFFICER));
    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).doesNotContain("error");
    assertThat(signedIn()).isTrue();
  }

  /** Tasklist loads with the session: 200 when signed in, a redirect to the login page when not. */
  private boolean signedIn() {
    return http.get(TASKLIST).status() == 200;
  }

  /** The web apps hand out their token on any GET of their API, as when Tasklist loads. */
  private String webAppToken() {
    Response read = http.get("/camunda/api/engine/engine/default/task/count");
    String token = http.cookie("XSRF-TOKEN").orElseGet(() -> read.header("X-XSRF-TOKEN"));
    assertThat(token).isNotBlank();
    return token;
  }
}
