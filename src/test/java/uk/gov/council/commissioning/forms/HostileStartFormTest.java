package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.HostileValues.draw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.Generator;
import uk.gov.council.commissioning.testkit.HostileValues;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.RowCounts;
import uk.gov.council.commissioning.testkit.TestUsers;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * Hostile start forms through the engine REST API ({@code
 * /engine-rest/process-definition/key/<key>/submit-form}), as a client other than Tasklist could
 * send them: fields of the wrong kind, unknown fields, values that are not plain, hostile text,
 * numbers and dates, and bodies that are not the shape the engine takes. Never a server error; a
 * refusal names each field; a refused start leaves no case, instance, task or variable behind.
 */
@ProcessTest
class HostileStartFormTest extends HttpProcessTestCase {

  private static final String USER = "hostile-starter";
  private static final int ATTEMPTS_PER_FORM = 40;
  private static final java.util.regex.Pattern PAST_NAME_LIMIT =
      java.util.regex.Pattern.compile("\"x{50001,}\":");

  @Autowired DeployedForms deployedForms;
  @Autowired DataSource dataSource;

  @Test
  void hostileStartFormsAreRefusedCleanly() {
    long seed = Long.getLong("hostile.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> groups = new ArrayList<>();
    Roles.COUNCIL_GROUPS.forEach(g -> groups.add(g.id()));
    groups.add(Roles.ADMIN);
    TestUsers.user(access, USER, groups.toArray(String[]::new));

    Set<String> keys = new LinkedHashSet<>();
    for (ProcessDefinition definition :
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      if (deployedForms.ofStartByKey(definition.getKey()).isPresent()) {
        keys.add(definition.getKey());
      }
    }
    assertThat(keys).as("processes started with a form").hasSizeGreaterThanOrEqualTo(5);

    List<String> failures = new ArrayList<>();
    int attempts = 0;
    for (String key : keys) {
      FormSchema form = deployedForms.ofStartByKey(key).orElseThrow().schema();
      for (int i = 0; i < ATTEMPTS_PER_FORM; i++) {
        int kind = random.nextInt(10);
        String body = body(form, kind, random);
        RowCounts before = RowCounts.of(dataSource);
        Response response =
            http.postJson(
                "/engine-rest/process-definition/key/" + key + "/submit-form",
                body,
                TestUsers.as(USER));
        attempts++;
        // Kinds 0 and 1 break the body as a whole: the refusal names the body, not a field.
        // A name past the JSON reader's length limit makes the body unreadable as a whole too.
        String problem = problemWith(response, kind > 1 && !PAST_NAME_LIMIT.matcher(body).find());
        if (problem == null && response.status() >= 400) {
          List<String> written = RowCounts.of(dataSource).changedSince(before);
          if (!written.isEmpty()) {
            problem = "refused with " + response.status() + " but wrote " + written;
          }
        }
        if (problem != null) {
          failures.add(key + " " + abbreviated(body) + ": " + problem);
        }
      }
    }
    System.out.printf(
        "Hostile start forms: %d submissions to %d forms, seed %d%n", attempts, keys.size(), seed);
    assertThat(attempts).isGreaterThanOrEqualTo(ATTEMPTS_PER_FORM * keys.size());
    assertThat(failures)
        .as("hostile start forms (seed %d; repeat with -Dhostile.seed=%d)", seed, seed)
        .isEmpty();
  }

  /** What is wrong with the answer, or null. */
  private String problemWith(Response response, boolean fieldsNamed) {
    if (response.status() >= 500) {
      return "answered " + response.status() + ": " + abbreviated(response.text());
    }
    if (response.status() != 400) {
      return null;
    }
    JsonNode refusal;
    try {
      refusal = json.readTree(response.body());
    } catch (java.io.IOException e) {
      return "refused without a JSON body: " + abbreviated(response.text());
    }
    JsonNode errors = refusal.path("errors");
    if (!errors.isArray() || errors.isEmpty()) {
      return refusal.path("message").asText("").isBlank()
          ? "refused naming no field and saying nothing: " + refusal
          : null;
    }
    for (JsonNode error : errors) {
      if (fieldsNamed && !error.path("field").isTextual()
          || error.path("message").asText("").isBlank()) {
        return "a refusal without its field or message: " + refusal;
      }
    }
    return null;
  }

  /** A submission with plausible values but for one to three hostile fields, or a broken body. */
  private String body(FormSchema form, int kind, Random random) {
    if (kind == 0) {
      return draw(HostileValues.malformedJson(), random);
    }
    if (kind == 1) {
      return draw(
          Generator.of(
              "{}",
              "{\"variables\":null}",
              "{\"variables\":[]}",
              "{\"variables\":\"text\"}",
              "{\"variables\":{},\"businessKey\":{\"a\":1}}",
              "{\"variables\":{},\"businessKey\":\"" + HostileValues.HUGE + "\"}",
              "{\"variables\":{},\"caseInstanceId\":\"x\",\"unexpected\":true}"),
          random);
    }
    ObjectNode variables = json.createObjectNode();
    for (FormSchema.Field field : form.fields().values()) {
      if (!field.displayOnly()) {
        variables.set(field.key(), plausible(field));
      }
    }
    List<String> keys = new ArrayList<>(form.fields().keySet());
    for (int hostile = 1 + random.nextInt(3); hostile > 0; hostile--) {
      int pick = random.nextInt(keys.size() + 2);
      String key =
          pick < keys.size()
              ? keys.get(pick)
              : pick == keys.size() ? "unexpectedField" : draw(HostileValues.text(), random);
      if (random.nextInt(6) == 0) {
        variables.remove(key);
      } else {
        variables.set(key, draw(HostileFormValuesTest.variable(), random));
      }
    }
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  private JsonNode plausible(FormSchema.Field field) {
    ObjectNode variable = json.createObjectNode();
    switch (field.kind()) {
      case NUMBER ->
          variable.put("value", field.min() != null ? field.min() : 1).put("type", "Double");
      case CHECKBOX -> variable.put("value", true).put("type", "Boolean");
      case DATE -> variable.put("value", "2027-03-15").put("type", "String");
      case DATE_TIME -> variable.put("value", "2027-03-15T10:00:00Z").put("type", "String");
      case CHOICE ->
          variable
              .put(
                  "value",
                  field.values() == null || field.values().isEmpty()
                      ? "none"
                      : field.values().iterator().next())
              .put("type", "String");
      case TEXT -> variable.put("value", "Hostile input test").put("type", "String");
    }
    return variable;
  }

  private static String abbreviated(String text) {
    String shown = text == null ? "null" : text;
    return shown.length() > 300 ? shown.substring(0, 300) + "…(" + shown.length() + ")" : shown;
  }
}
