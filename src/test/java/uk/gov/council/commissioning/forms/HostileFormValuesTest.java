package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.gov.council.commissioning.testkit.Generator;
import uk.gov.council.commissioning.testkit.HostileValues;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * The engine API's edge check of a submitted form ({@link SubmittedVariables}) over every deployed
 * form, with hostile values in the engine REST API's variable shape: it never fails itself, it
 * names only fields that were sent or that the form has, it refuses every field the form does not
 * have and every value that is not plain, and a value it lets through is of the field's kind.
 *
 * <p>The submissions are drawn from a seeded random source; a failure names the seed, and {@code
 * -Dhostile.seed=<seed>} repeats the run.
 */
class HostileFormValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FORMS = formIds();
  private static final int SUBMISSIONS = 600;

  /** A submission to one form: the form and the variables sent. */
  record Submission(String form, ObjectNode variables) {
    @Override
    public String toString() {
      return form + " " + HostileValuesText.abbreviated(variables.toString());
    }
  }

  @TestFactory
  Stream<DynamicTest> theEdgeCheckNamesEveryProblemAndNeverFails() {
    long seed = Long.getLong("hostile.seed", System.nanoTime());
    Random random = new Random(seed);
    Generator<Submission> submissions = submissions();
    return IntStream.rangeClosed(1, SUBMISSIONS)
        .mapToObj(
            n -> {
              Submission submission = submissions.next(random);
              return DynamicTest.dynamicTest(
                  "submission " + n + " of " + SUBMISSIONS + " (seed " + seed + ")",
                  () -> {
                    try {
                      check(submission);
                    } catch (AssertionError e) {
                      throw new AssertionError(
                          "submission %d %s (seed %d; repeat with -Dhostile.seed=%d): %s"
                              .formatted(n, submission, seed, seed, e.getMessage()),
                          e);
                    }
                  });
            });
  }

  private static void check(Submission submission) {
    FormSchema form = FormSchema.ofFile(submission.form());
    ObjectNode variables = submission.variables().deepCopy();
    Set<String> sent = new HashSet<>();
    variables.fieldNames().forEachRemaining(sent::add);

    List<FieldProblem> problems = new ArrayList<>(SubmittedVariables.plainValues(variables));
    problems.addAll(SubmittedVariables.againstForm(form, variables));

    Set<String> named = new HashSet<>();
    for (FieldProblem problem : problems) {
      assertThat(problem.field()).as("field of %s", problem).isNotNull();
      assertThat(problem.message()).as("message of %s", problem).isNotBlank();
      assertThat(sent.contains(problem.field()) || form.fields().containsKey(problem.field()))
          .as("%s names a field sent or on the form", problem)
          .isTrue();
      named.add(problem.field());
    }
    for (String key : sent) {
      JsonNode variable = submission.variables().get(key);
      FormSchema.Field field = form.fields().get(key);
      if (field == null) {
        assertThat(named).as("a field the form does not have: %s", key).contains(key);
      } else if (!field.displayOnly() && !named.contains(key)) {
        assertThat(acceptableFor(field, variable))
            .as("accepted %s for %s (%s)", variable, key, field.kind())
            .isTrue();
      }
    }
  }

  /** What the check may let through for the field: a plain value of the field's kind. */
  private static boolean acceptableFor(FormSchema.Field field, JsonNode variable) {
    JsonNode value = variable.path("value");
    if (!variable.isObject() || value.isContainerNode()) {
      return false;
    }
    if (value.isNull() || value.isMissingNode()) {
      return true;
    }
    return switch (field.kind()) {
      case TEXT, CHOICE, DATE, DATE_TIME -> value.isTextual();
      case NUMBER -> value.isNumber() && Double.isFinite(value.doubleValue());
      case CHECKBOX -> value.isBoolean();
    };
  }

  private static Generator<Submission> submissions() {
    return Generator.of(FORMS)
        .flatMap(
            id -> {
              List<String> keys = new ArrayList<>(FormSchema.ofFile(id).fields().keySet());
              Generator<String> names =
                  keys.isEmpty()
                      ? HostileValues.text()
                      : Generator.frequencyOf(
                          Generator.weighted(8, Generator.of(keys)),
                          Generator.weighted(1, HostileValues.text()),
                          Generator.weighted(1, Generator.just("unexpectedField")));
              Generator<JsonNode> variables = variable();
              Generator<Map.Entry<String, JsonNode>> entries =
                  random -> Map.entry(names.next(random), variables.next(random));
              return Generator.listOf(entries, 1, 6)
                  .map(list -> new Submission(id, objectOf(list)));
            });
  }

  /** A variable as the engine REST API takes it, mostly well formed and sometimes not. */
  static Generator<JsonNode> variable() {
    Generator<String> type =
        Generator.of(
            "", "String", "Integer", "Long", "Double", "Boolean", "Date", "Json", "Object", "Bytes",
            "File", "Null", "string", "xml");
    Generator<String> value = HostileValues.jsonFor(String.class);
    Generator<JsonNode> wellFormed =
        random -> {
          String v = value.next(random);
          String t = type.next(random);
          return json("{\"value\":" + v + (t.isEmpty() ? "" : ",\"type\":\"" + t + "\"") + "}");
        };
    Generator<JsonNode> odd =
        Generator.of(
                "null",
                "\"text\"",
                "42",
                "[]",
                "{}",
                "{\"value\":{\"nested\":1}}",
                "{\"value\":[1,2]}",
                "{\"value\":\"x\",\"valueInfo\":{\"objectTypeName\":\"java.lang.Runtime\"}}",
                "{\"value\":\"2027-01-01T10:00:00.000+0000\",\"type\":\"Date\"}",
                "{\"type\":\"String\"}")
            .map(HostileFormValuesTest::json);
    return Generator.frequencyOf(Generator.weighted(8, wellFormed), Generator.weighted(2, odd));
  }

  private static ObjectNode objectOf(List<Map.Entry<String, JsonNode>> entries) {
    ObjectNode variables = JSON.createObjectNode();
    entries.forEach(e -> variables.set(e.getKey(), e.getValue()));
    return variables;
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(text, e);
    }
  }

  private static List<String> formIds() {
    try {
      Resource[] forms =
          new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
      List<String> ids = new ArrayList<>();
      for (Resource form : forms) {
        String name = form.getFilename();
        ids.add(name.substring(0, name.length() - ".form".length()));
      }
      assertThat(ids).as("deployed forms").hasSizeGreaterThan(50);
      return List.copyOf(ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Short, printable text of a value for a failure message. */
  static final class HostileValuesText {
    private HostileValuesText() {}

    static String abbreviated(String text) {
      return text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + ")" : text;
    }
  }
}
