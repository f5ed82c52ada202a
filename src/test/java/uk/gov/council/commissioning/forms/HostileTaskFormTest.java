package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.HostileValues.draw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.HostileValues;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.RowCounts;
import uk.gov.council.commissioning.testkit.TestUsers;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * Hostile task forms through the engine REST API ({@code /engine-rest/task/<id>/submit-form}): a
 * case is put at each user task that has a form, and the task is sent hostile values, always with a
 * field the form does not have, so that each submission is one the edge must refuse. Never a server
 * error; each refusal names its fields; nothing is written. The cases are removed after.
 */
@ProcessTest
class HostileTaskFormTest extends HttpProcessTestCase {

  private static final String USER = "hostile-worker";
  private static final int ATTEMPTS_PER_FORM = 4;

  @Autowired DataSource dataSource;

  @Test
  void hostileTaskFormsAreRefusedCleanly() {
    long seed = Long.getLong("hostile.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> groups = new ArrayList<>();
    Roles.COUNCIL_GROUPS.forEach(g -> groups.add(g.id()));
    groups.add(Roles.ADMIN);
    TestUsers.user(access, USER, groups.toArray(String[]::new));

    List<String> failures = new ArrayList<>();
    List<String> instances = new ArrayList<>();
    int forms = 0;
    int attempts = 0;
    try {
      for (ProcessDefinition definition :
          engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
        for (UserTask step :
            engine
                .getRepositoryService()
                .getBpmnModelInstance(definition.getId())
                .getModelElementsByType(UserTask.class)) {
          if (step.getCamundaFormRef() == null) {
            continue;
          }
          Task task = taskAtStep(definition, step, instances);
          if (task == null) {
            continue;
          }
          FormSchema form = FormSchema.ofFile(step.getCamundaFormRef());
          forms++;
          for (int i = 0; i < ATTEMPTS_PER_FORM; i++) {
            String body = body(form, random);
            RowCounts before = RowCounts.of(dataSource);
            Response response =
                http.postJson(
                    "/engine-rest/task/" + task.getId() + "/submit-form", body, TestUsers.as(USER));
            attempts++;
            String problem = problemWith(response);
            if (problem == null) {
              List<String> written = RowCounts.of(dataSource).changedSince(before);
              if (!written.isEmpty()) {
                problem = "refused but wrote " + written;
              }
            }
            if (problem != null) {
              failures.add(step.getCamundaFormRef() + " " + abbreviated(body) + ": " + problem);
            }
          }
        }
      }
    } finally {
      for (String instance : instances) {
        runtimeService.deleteProcessInstance(instance, "hostile input test", true, true);
        engine.getHistoryService().deleteHistoricProcessInstance(instance);
      }
    }
    System.out.printf(
        "Hostile task forms: %d submissions to %d forms, seed %d%n", attempts, forms, seed);
    assertThat(forms).as("task forms reached").isGreaterThan(30);
    assertThat(failures)
        .as("hostile task forms (seed %d; repeat with -Dhostile.seed=%d)", seed, seed)
        .isEmpty();
    assertThat(attempts).isEqualTo(forms * ATTEMPTS_PER_FORM);
  }

  /** A case put straight at the step, without running what comes before it; null if it cannot. */
  private Task taskAtStep(ProcessDefinition definition, UserTask step, List<String> instances) {
    ProcessInstance instance;
    try {
      instance =
          runtimeService
              .createProcessInstanceById(definition.getId())
              .businessKey("HOSTILE-" + step.getId() + "-" + System.nanoTime())
              .startBeforeActivity(step.getId())
              .execute(true, true);
    } catch (RuntimeException cannotBeReachedAlone) {
      return null;
    }
    instances.add(instance.getId());
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(step.getId())
        .singleResult();
  }

  /** The answer must be a refusal naming its fields; what is wrong with it, or null. */
  private String problemWith(Response response) {
    if (response.status() != 400) {
      return "answered " + response.status() + ": " + abbreviated(response.text());
    }
    JsonNode refusal;
    try {
      refusal = json.readTree(response.body());
    } catch (java.io.IOException e) {
      return "refused without a JSON body: " + abbreviated(response.text());
    }
    JsonNode errors = refusal.path("errors");
    if (!errors.isArray() || errors.isEmpty()) {
      return "refused naming no field: " + refusal;
    }
    for (JsonNode error : errors) {
      if (!error.path("field").isTextual() || error.path("message").asText("").isBlank()) {
        return "a refusal without its field or message: " + refusal;
      }
    }
    if (!errors.findValuesAsText("field").contains("unexpectedField")) {
      return "a field the form does not have was not named: " + refusal;
    }
    return null;
  }

  private String body(FormSchema form, Random random) {
    ObjectNode variables = json.createObjectNode();
    List<String> keys = new ArrayList<>(form.fields().keySet());
    for (int hostile = random.nextInt(4); hostile > 0 && !keys.isEmpty(); hostile--) {
      variables.set(
          keys.get(random.nextInt(keys.size())), draw(HostileFormValuesTest.variable(), random));
    }
    variables.set("unexpectedField", draw(HostileFormValuesTest.variable(), random));
    if (random.nextInt(5) == 0) {
      // Kept within the JSON reader's name limit, past which the body as a whole is refused.
      String name = draw(HostileValues.text(), random);
      variables.set(
          name.length() > 1000 ? name.substring(0, 1000) : name,
          draw(HostileFormValuesTest.variable(), random));
    }
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  private static String abbreviated(String text) {
    String shown = text == null ? "null" : text;
    return shown.length() > 300 ? shown.substring(0, 300) + "…(" + shown.length() + ")" : shown;
  }
}
