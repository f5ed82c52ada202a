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

  /**
   * Reads every page of the register list {@code path} as {@code user}, {@code size} entries a
   * time, checking each page's headers (page, size, whether more follow, the total when asked for,
   * the link to the next page) and that the pages together hold the total; returns each {@code
   * field} of every entry, in list order.
   */
  protected List<String> allPagesListed(String path, String user, int size, String field) {
    String separator = path.contains("?") ? "&" : "?";
    Response first =
        http.get(path + separator + "size=" + size + "&total=true", TestUsers.as(user));
    JsonNode firstPage = answer(first, 200);
    long total = Long.parseLong(first.header("X-Total-Count"));
    int lastPage = total == 0 ? 0 : (int) ((total - 1) / size);
    assertThat(first.header("X-Page")).isEqualTo("0");
    assertThat(first.header("X-Page-Size")).isEqualTo(Integer.toString(size));
    assertThat(firstPage.size()).isEqualTo((int) Math.min(size, total));
    List<String> values = new java.util.ArrayList<>(firstPage.findValuesAsText(field));
    for (int page = 1; page <= lastPage; page++) {
      Response read =
          http.get(path + separator + "size=" + size + "&page=" + page, TestUsers.as(user));
      JsonNode entries = answer(read, 200);
      assertThat(read.header("X-Page")).isEqualTo(Integer.toString(page));
      assertThat(read.header("X-Total-Count")).as("counted only when asked for").isNull();
      assertThat(read.header("Link")).contains("page=" + (page - 1)).contains("rel=\"prev\"");
      assertThat(read.header("X-Has-More")).isEqualTo(Boolean.toString(page < lastPage));
      if (page == lastPage) {
        assertThat(entries.size()).as("last page").isEqualTo((int) (total - (long) page * size));
        assertThat(read.header("Link")).doesNotContain("rel=\"next\"");
      } else {
        assertThat(entries.size()).isEqualTo(size);
        assertThat(read.header("Link")).contains("page=" + (page + 1)).contains("rel=\"next\"");
      }
      values.addAll(entries.findValuesAsText(field));
    }
    Response beyond =
        http.get(path + separator + "size=" + size + "&page=" + (lastPage + 1), TestUsers.as(user));
    assertThat(answer(beyond, 200).size()).as("past the last page").isZero();
    assertThat(beyond.header("X-Has-More")).isEqualTo("false");
    assertThat(values).as("every entry once").hasSize((int) total).doesNotHaveDuplicates();
    return values;
  }

  /** Asserts that the paged list {@code path} refuses bad {@code page} and {@code size} values. */
  protected void refusesBadPages(String path, String user) {
    for (String query : List.of("page=-1", "page=x", "size=0", "size=201", "size=ten")) {
      JsonNode refusal = problem(http.get(path + "?" + query, TestUsers.as(user)), 400);
      assertThat(refusal.path("errors").findValuesAsText("field"))
          .as(query)
          .containsExactly(query.substring(0, query.indexOf('=')));
    }
  }
}
