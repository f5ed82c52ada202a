package uk.gov.council.commissioning.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client for tests against the running server: it keeps cookies (one instance is one
 * browser session) and never follows redirects, so tests can see them.
 */
public final class HttpTestClient {

  private static final Pattern CSRF_FIELD =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;

  public HttpTestClient(int port) {
    this.base = "http://localhost:" + port;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public static String[] basic(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new String[] {"Authorization", "Basic " + token};
  }

  public Response get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  public Response postJson(String path, String json, String... headers) {
    return send("POST", path, json, concat(headers, "Content-Type", "application/json"));
  }

  public Response putJson(String path, String json, String... headers) {
    return send("PUT", path, json, concat(headers, "Content-Type", "application/json"));
  }

  public Response postForm(String path, Map<String, String> fields, String... headers) {
    String form =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        "POST", path, form, concat(headers, "Content-Type", "application/x-www-form-urlencoded"));
  }

  public Response send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      HttpResponse<byte[]> response = client.send(request.build(), BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Signs in through the login form as a browser does (with the form's CSRF token); the session
   * cookie is kept for the requests that follow.
   *
   * @return the login form's answer (302 to the web apps, or to /login?error)
   */
  public Response signIn(String user, String password) {
    return postForm(
        "/login",
        Map.of("username", user, "password", password, "_csrf", csrfTokenIn(get("/login"))));
  }

  /** The CSRF token in a page's form; IllegalStateException if it has none. */
  public static String csrfTokenIn(Response page) {
    Matcher m = CSRF_FIELD.matcher(page.text());
    if (!m.find()) {
      throw new IllegalStateException("No _csrf field in the page");
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  private static String[] concat(String[] headers, String... more) {
    List<String> all = new ArrayList<>(List.of(headers));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
