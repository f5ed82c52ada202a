package uk.gov.council.commissioning.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * A {@link ProcessTestCase} that also calls the running server over HTTP, as a browser or an API
 * client would; for classes carrying {@link ProcessTest}, the context with a server. Sign a request
 * in with {@link TestUsers#as}.
 */
public abstract class HttpProcessTestCase extends ProcessTestCase {

  @LocalServerPort protected int port;
  @Autowired protected ObjectMapper json;

  /** A client without cookies, new for each test. */
  protected HttpTestClient http;

  @BeforeEach
  void openHttpClient() {
    http = new HttpTestClient(port);
  }

  /** Asserts the answer's status; returns its JSON body. */
  protected JsonNode answer(Response response, int status) {
    assertThat(response.status()).as("status").isEqualTo(status);
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts the answer is a problem document (RFC 9457) with the status; returns its body. */
  protected JsonNode problem(Response response, int status) {
    JsonNode body = answer(response, status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    return body;
  }

  /**
   * Reads {@code path} as {@code user}, asserting a 200; returns each {@code field} in the answer.
   */
  protected List<String> valuesListed(String path, String user, String field) {
    return answer(http.get(path, TestUsers.as(user)), 200).findValuesAsText(field);
  }

  /**
   * Signs the user in with a session, as a browser is, and reads {@code path} from the web apps'
   * own API, which hands out the XSRF token; returns the token, which that API wants with a change.
   */
  protected String signInToWebApps(String user, String path) {
    assertThat(http.signIn(user, TestUsers.password(user)).status()).as("sign-in").isEqualTo(302);
    Response read = http.get(path);
    return http.cookie("XSRF-TOKEN").orElseGet(() -> read.header("X-XSRF-TOKEN"));
  }
}
