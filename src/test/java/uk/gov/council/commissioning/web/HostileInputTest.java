package uk.gov.council.commissioning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.HostileValues.draw;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ContractDraft;
import uk.gov.council.commissioning.testkit.Generator;
import uk.gov.council.commissioning.testkit.HostileValues;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.RowCounts;
import uk.gov.council.commissioning.testkit.TestProvider;
import uk.gov.council.commissioning.testkit.TestUsers;
import uk.gov.council.commissioning.web.ApplicationEndpoints.Endpoint;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * Hostile input to every endpoint of the application's controllers, found from Spring MVC's own
 * mappings: wrong types, missing and extra fields, huge text, control characters and odd Unicode,
 * dates out of range, numbers at and past their limits, bodies that are not JSON. Whatever comes
 * in, the answer is never a server error; a refusal of a JSON request names the field (or, for a
 * body that is not JSON at all, says so); and a refused request writes no row anywhere.
 *
 * <p>The values are drawn from a seeded random source; a failure names the seed, and {@code
 * -Dhostile.seed=<seed>} repeats the run.
 */
@ProcessTest
class HostileInputTest extends uk.gov.council.commissioning.testkit.HttpProcessTestCase {

  private static final String USER = "hostile-officer";
  private static final int BODY_ATTEMPTS = 24;
  private static final int OTHER_ATTEMPTS = 7;

  /**
   * A value that reaches past the lookup for each path variable, where a test can have one; the
   * others get hostile values only.
   */
  private static final Set<String> PATH_VARIABLES =
      Set.of(
          "reference",
          "contractReference",
          "caseReference",
          "caseId",
          "code",
          "year",
          "nextYear",
          "quarter",
          "providerId",
          "id",
          "meetingId",
          "number",
          "sourceType",
          "sourceReference");

  @Autowired DataSource dataSource;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  private final Map<String, String> plausiblePath = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();
  private final Set<String> failureKinds = new LinkedHashSet<>();
  private String csrfToken;
  private HttpTestClient browser;

  @Test
  void everyEndpointIsReachedByTheHostileInput() {
    ApplicationEndpoints endpoints = ApplicationEndpoints.of(mapping);
    assertThat(endpoints.all()).as("application endpoints found").hasSizeGreaterThan(100);
    List<String> unreachable = new ArrayList<>();
    for (Endpoint endpoint : endpoints.all()) {
      endpoint.unknown().forEach(p -> unreachable.add(endpoint + ": parameter " + p));
      endpoint.pathVariables().stream()
          .filter(v -> !PATH_VARIABLES.contains(v))
          .forEach(v -> unreachable.add(endpoint + ": path variable " + v));
    }
    assertThat(unreachable)
        .as(
            "endpoints with input the hostile input test does not generate: teach"
                + " ApplicationEndpoints the parameter's kind or add the path variable to"
                + " PATH_VARIABLES")
        .isEmpty();
  }

  @Test
  void hostileInputIsRefusedCleanlyEverywhere() {
    long seed = Long.getLong("hostile.seed", System.nanoTime());
    Random random = new Random(seed);
    setUpUserAndData();
    List<Endpoint> endpoints = ApplicationEndpoints.of(mapping).all();
    int attempts = 0;
    long started = System.nanoTime();
    for (Endpoint endpoint : endpoints) {
      attempts += attack(endpoint, random);
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.printf(
        "Hostile input: %d inputs to %d endpoints in %d s, seed %d%n",
        attempts, endpoints.size(), seconds, seed);
    assertThat(attempts).as("generated inputs").isGreaterThanOrEqualTo(1000);
    assertThat(failures)
        .as(
            "hostile input (seed %d, %d inputs to %d endpoints in %d s; repeat with"
                + " -Dhostile.seed=%d); kinds of failure: %s",
            seed, attempts, endpoints.size(), seconds, seed, failureKinds)
        .isEmpty();
  }

  private void setUpUserAndData() {
    List<String> groups = new ArrayList<>();
    Roles.COUNCIL_GROUPS.forEach(g -> groups.add(g.id()));
    groups.add(Roles.ADMIN);
    TestUsers.user(access, USER, groups.toArray(String[]::new));
    Provider provider =
        TestProvider.named("hostile", "alpha", "Hostile Input Care Ltd").setUp(access, contracts);
    String reference = "HOSTILE-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    contracts.create(
        ContractDraft.draft(reference, provider.id())
            .about("Hostile input home care", "Home care", null)
            .running("2026-04-01", "2029-03-31", "100000", "300000", 12));
    plausiblePath.put("reference", reference);
    plausiblePath.put("contractReference", reference);
    plausiblePath.put("providerId", Long.toString(provider.id()));
    plausiblePath.put("year", "2027");
    plausiblePath.put("nextYear", "2028");
    plausiblePath.put("quarter", "2027-Q1");
    plausiblePath.put("code", "HOSTILE");
    plausiblePath.put("sourceType", "incident");
    browser = new HttpTestClient(port);
    assertThat(browser.signIn(USER, TestUsers.password(USER)).status()).isEqualTo(302);
    csrfToken = HttpTestClient.csrfTokenIn(browser.get("/reports/performance-returns"));
  }

  /** Sends the endpoint its hostile inputs; returns how many. */
  private int attack(Endpoint endpoint, Random random) {
    boolean hasInput =
        endpoint.body() != null
            || !endpoint.parameters().isEmpty()
            || endpoint.freeFormFields()
            || !endpoint.pathVariables().isEmpty();
    int count = endpoint.body() != null ? BODY_ATTEMPTS : hasInput ? OTHER_ATTEMPTS : 2;
    boolean reads = endpoint.method().equals("GET");
    RowCounts beforeAll = RowCounts.of(dataSource);
    for (int i = 0; i < count; i++) {
      Attempt attempt = attempt(endpoint, random);
      RowCounts before = reads ? null : RowCounts.of(dataSource);
      Response response;
      try {
        response = send(endpoint, attempt);
      } catch (RuntimeException e) {
        fail(endpoint, attempt, "no answer: " + e, "no answer");
        continue;
      }
      check(endpoint, attempt, response);
      if (!reads && response.status() >= 400) {
        List<String> written = RowCounts.of(dataSource).changedSince(before);
        if (!written.isEmpty()) {
          fail(
              endpoint,
              attempt,
              "refused with " + response.status() + " but wrote " + written,
              "wrote on refusal");
        }
      }
    }
    if (reads) {
      List<String> written = RowCounts.of(dataSource).changedSince(beforeAll);
      if (!written.isEmpty()) {
        failures.add(endpoint + ": reading wrote " + written);
        failureKinds.add("a read wrote");
      }
    }
    return count;
  }

  /** One request: where it goes, what it carries, and which of its parts is hostile. */
  private record Attempt(
      String description,
      String path,
      String contentType,
      String body,
      boolean hostileUrl,
      boolean notJson) {}

  private Attempt attempt(Endpoint endpoint, Random random) {
    List<String> hostile = new ArrayList<>();
    boolean hostileUrl = false;
    String path = endpoint.pattern();
    for (String variable : endpoint.pathVariables()) {
      String plausible = plausiblePath.get(variable);
      String value;
      if (plausible != null && endpoint.body() != null && random.nextInt(3) > 0) {
        value = plausible;
      } else {
        value = draw(HostileValues.text(), random);
        hostile.add(variable + "=" + abbreviated(value));
        hostileUrl = true;
      }
      path =
          path.replace("{*" + variable + "}", encode(value))
              .replace("{" + variable + "}", encode(value));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String parameter : endpoint.parameters()) {
      if (random.nextInt(3) > 0) {
        String value = draw(HostileValues.text(), random);
        fields.put(parameter, value);
        hostile.add(parameter + "=" + abbreviated(value));
      }
    }
    if (endpoint.freeFormFields()) {
      for (int i = random.nextInt(4); i >= 0; i--) {
        String name =
            random.nextBoolean() ? "risk" + random.nextInt(40) : draw(HostileValues.text(), random);
        String value = draw(HostileValues.text(), random);
        fields.put(name, value);
        hostile.add(abbreviated(name) + "=" + abbreviated(value));
      }
    }
    boolean formBody =
        endpoint.body() == null && !endpoint.method().equals("GET") && !fields.isEmpty();
    if (!formBody && !fields.isEmpty()) {
      path += "?" + urlEncoded(fields);
      hostileUrl = true;
    }
    if (endpoint.body() == null) {
      return new Attempt(
          String.join(", ", hostile),
          path,
          formBody ? "application/x-www-form-urlencoded" : null,
          formBody ? urlEncoded(withCsrf(endpoint, fields)) : null,
          hostileUrl,
          false);
    }
    if ("text/csv".equals(endpoint.consumes())) {
      String csv = draw(csv(), random);
      hostile.add("CSV " + abbreviated(csv));
      return new Attempt(String.join(", ", hostile), path, "text/csv", csv, hostileUrl, true);
    }
    Body body = body(endpoint.body(), random);
    hostile.add(body.description());
    return new Attempt(
        String.join(", ", hostile),
        path,
        "application/json",
        body.json(),
        hostileUrl,
        body.notJson());
  }

  private record Body(String description, String json, boolean notJson) {}

  private Body body(Type type, Random random) {
    Class<?> raw = HostileValues.rawClass(type);
    Map<String, Type> fields = HostileValues.isObject(raw) ? HostileValues.fieldsOf(raw) : Map.of();
    int kind = random.nextInt(10);
    if (kind < 2 || fields.isEmpty()) {
      String json = draw(HostileValues.malformedJson(), random);
      return new Body("body " + abbreviated(json), json, true);
    }
    List<String> names = HostileValues.sortedNames(fields);
    if (kind == 2) {
      Map<String, String> values = new LinkedHashMap<>();
      fields.forEach((name, fieldType) -> values.put(name, HostileValues.plausible(fieldType)));
      String extra = random.nextBoolean() ? "unexpectedField" : draw(HostileValues.text(), random);
      values.put(extra, draw(HostileValues.jsonFor(String.class), random));
      // A name past the JSON reader's own length limit makes the body unreadable as a whole.
      return new Body(
          "extra field " + abbreviated(extra),
          HostileValues.object(values),
          extra.length() > 50_000);
    }
    if (kind == 3) {
      Map<String, String> values = new LinkedHashMap<>();
      fields.forEach(
          (name, fieldType) -> values.put(name, draw(HostileValues.jsonFor(fieldType), random)));
      return new Body(
          "every field hostile " + abbreviated(HostileValues.object(values)),
          HostileValues.object(values),
          false);
    }
    String name = names.get(random.nextInt(names.size()));
    if (kind == 4) {
      return new Body("without " + name, HostileValues.objectWith(fields, name, null), false);
    }
    String value = draw(HostileValues.jsonFor(fields.get(name)), random);
    return new Body(
        name + "=" + abbreviated(value), HostileValues.objectWith(fields, name, value), false);
  }

  private static Generator<String> csv() {
    return Generator.oneOf(
        HostileValues.text(),
        Generator.listOf(HostileValues.text(), 0, 5).map(cells -> String.join(",", cells)),
        Generator.listOf(HostileValues.text(), 0, 4)
            .map(cells -> "kpi,value\n" + String.join(",", cells) + "\n\"unterminated"));
  }

  private Map<String, String> withCsrf(Endpoint endpoint, Map<String, String> fields) {
    if (endpoint.pattern().startsWith("/api/")) {
      return fields;
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrfToken);
    return all;
  }

  private Response send(Endpoint endpoint, Attempt attempt) {
    boolean api = endpoint.pattern().startsWith("/api/");
    List<String> headers = new ArrayList<>();
    if (api) {
      headers.addAll(List.of(TestUsers.as(USER)));
    }
    if (attempt.contentType() != null) {
      headers.add("Content-Type");
      headers.add(attempt.contentType());
    }
    headers.add("Accept");
    headers.add(api ? "application/json, application/problem+json, */*" : "text/html, */*");
    HttpTestClient client = api ? http : browser;
    String path = attempt.path();
    if (!api && !endpoint.method().equals("GET") && attempt.body() == null) {
      path += (path.contains("?") ? "&" : "?") + "_csrf=" + encode(csrfToken);
    }
    return client.send(endpoint.method(), path, attempt.body(), headers.toArray(String[]::new));
  }

  private void check(Endpoint endpoint, Attempt attempt, Response response) {
    int status = response.status();
    if (status >= 500) {
      fail(
          endpoint,
          attempt,
          "answered " + status + ": " + abbreviated(response.text()),
          "server error " + status);
      return;
    }
    if (status != 400 || endpoint.page() && !endpoint.pattern().startsWith("/api/")) {
      return;
    }
    String type = String.valueOf(response.contentType());
    if (!type.startsWith("application/problem+json")) {
      if (!attempt.hostileUrl()) {
        fail(
            endpoint,
            attempt,
            "refused without a problem document: " + type,
            "400 without a problem document");
      }
      return;
    }
    JsonNode problem = answer(response, 400);
    JsonNode errors = problem.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      for (JsonNode error : errors) {
        if (error.path("field").asText("").isBlank()
            || error.path("message").asText("").isBlank()) {
          fail(
              endpoint,
              attempt,
              "a refusal without its field or message: " + problem,
              "refusal without a field");
        }
      }
    } else if (!attempt.notJson() || problem.path("detail").asText("").isBlank()) {
      fail(
          endpoint,
          attempt,
          "refused naming no field: " + abbreviated(problem.toString()),
          "refusal naming no field");
    }
  }

  private void fail(Endpoint endpoint, Attempt attempt, String what, String kind) {
    failures.add(endpoint + " [" + endpoint.handler() + "] " + attempt.description() + ": " + what);
    failureKinds.add(kind);
  }

  private static String urlEncoded(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String abbreviated(String text) {
    String shown = text == null ? "null" : text;
    shown =
        shown
            .codePoints()
            .mapToObj(
                c -> c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c))
            .collect(Collectors.joining());
    return shown.length() > 80 ? shown.substring(0, 80) + "…(" + shown.length() + ")" : shown;
  }
}
