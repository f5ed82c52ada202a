package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.council.commissioning.forms.FormSchema.Field;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * Every field of every form in {@code forms/} is checked by the kind the form declares for it: the
 * value a form sends is accepted, a value of any other kind (an object, a list, bytes, a serialized
 * object, a number for text, text for a number) is refused naming the field, before the engine
 * stores it.
 */
class SubmittedVariablesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> everyField() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList().stream()
          .flatMap(
              file -> {
                FormSchema form = FormSchema.parse(read(file));
                return form.fields().values().stream()
                    .filter(field -> !field.displayOnly())
                    .map(field -> Arguments.of(form.id(), field.key(), form));
              });
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyField")
  void theValueAFormSendsIsAcceptedAndEveryOtherKindIsRefusedNamingTheField(
      String formId, String key, FormSchema form) {
    Field field = form.fields().get(key);

    assertThat(problemsWith(form, key, variable(good(field)))).as("a good value").isEmpty();
    for (JsonNode bad : bad(field)) {
      assertThat(problemsWith(form, key, bad))
          .as("refused: " + bad)
          .extracting(FieldProblem::field)
          .containsExactly(key);
    }
  }

  @Test
  void everyFormHasFieldsAndEveryFieldAKnownKind() throws IOException {
    assertThat(everyField().count()).isGreaterThan(300);
  }

  @Test
  void aDateOutsideTheYears1To9999IsRefused() {
    FormSchema form = FormSchema.ofFile("qaf-start");
    for (String date : List.of("+999999999-12-31", "+10000-01-01", "-0001-01-01", "0000-12-31")) {
      assertThat(problemsWith(form, "meetingDate", variable(JSON.getNodeFactory().textNode(date))))
          .as(date)
          .containsExactly(new FieldProblem("meetingDate", "must be a date (YYYY-MM-DD)"));
    }
    assertThat(
            problemsWith(
                form, "meetingDate", variable(JSON.getNodeFactory().textNode("9999-12-31"))))
        .isEmpty();
  }

  @Test
  void aNumberThatIsNotFiniteIsRefused() {
    FormSchema form = FormSchema.ofFile("performance-year-contract-page");
    for (double notFinite : new double[] {Double.POSITIVE_INFINITY, Double.NaN}) {
      ObjectNode variable = variable(JSON.getNodeFactory().numberNode(notFinite));
      variable.put("type", "Long");

      assertThat(problemsWith(form, "otherStaffHours", variable))
          .containsExactly(new FieldProblem("otherStaffHours", "must be a number"));
    }
  }

  @Test
  void aFieldTheFormDoesNotHaveIsRefused() {
    FormSchema form = contractExtensionStart();
    ObjectNode variables = JSON.createObjectNode();
    variables.set("contractReference", variable(JSON.getNodeFactory().textNode("DPSP-2017-01")));
    variables.set("initiator", variable(JSON.getNodeFactory().textNode("director")));

    assertThat(SubmittedVariables.againstForm(form, variables))
        .containsExactly(new FieldProblem("initiator", "is not a field of this form"));
  }

  @Test
  void aRequiredFieldLeftOutOrEmptyIsRefusedAndAPatternIsKept() {
    FormSchema form = contractExtensionStart();

    assertThat(SubmittedVariables.againstForm(form, JSON.createObjectNode()))
        .containsExactly(new FieldProblem("contractReference", "is required"));
    ObjectNode lowerCase = JSON.createObjectNode();
    lowerCase.set("contractReference", variable(JSON.getNodeFactory().textNode("dpsp 2017")));
    assertThat(SubmittedVariables.againstForm(form, lowerCase))
        .containsExactly(
            new FieldProblem("contractReference", "is not in the form the field asks for"));
  }

  @Test
  void aDisplayOnlyFieldIsDroppedSoTheCaseKeepsItsValue() throws IOException {
    FormSchema form =
        FormSchema.parse(
            JSON.readTree(
                """
        {"id": "f", "components": [
          {"type": "textarea", "key": "description", "label": "What happened", "readonly": true},
          {"type": "textarea", "key": "comments", "label": "Comments"}]}"""));
    ObjectNode variables = JSON.createObjectNode();
    variables.set(
        "description", variable(JSON.getNodeFactory().textNode("changed by the reviewer")));
    variables.set("comments", variable(JSON.getNodeFactory().textNode("seen")));

    assertThat(SubmittedVariables.againstForm(form, variables)).isEmpty();
    assertThat(variables.has("description")).isFalse();
    assertThat(variables.has("comments")).isTrue();
  }

  @Test
  void outsideFormsOnlyPlainValuesAreAccepted() throws IOException {
    JsonNode variables =
        JSON.readTree(
            """
        {"text": {"value": "a"}, "number": {"value": 1, "type": "Integer"}, "flag": {"value": true},
         "date": {"value": "2026-12-05T10:00:00.000+0000", "type": "Date"}, "empty": {"value": null},
         "object": {"value": {"a": 1}}, "list": {"value": [1]},
         "json": {"value": "{}", "type": "Json"},
         "bytes": {"value": "AAE=", "type": "Bytes"},
         "serialized": {"value": "rO0ABXQAAWE=", "type": "Object",
             "valueInfo": {"objectTypeName": "java.lang.String",
                           "serializationDataFormat": "application/x-java-serialized-object"}},
         "string with info": {"value": "a", "type": "String", "valueInfo": {"transient": true}},
         "bare": "not wrapped"}""");

    assertThat(SubmittedVariables.plainValues(variables))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder(
            "object", "list", "json", "bytes", "serialized", "string with info", "bare");
  }

  // --- values -------------------------------------------------------------------------------

  private static JsonNode good(Field field) {
    var nodes = JSON.getNodeFactory();
    return switch (field.kind()) {
      case TEXT ->
          nodes.textNode(
              field.pattern() != null
                  ? "ABC-123"
                  : "x".repeat(Math.max(1, field.minLength() == null ? 1 : field.minLength())));
      case CHOICE ->
          nodes.textNode(field.values() == null ? "any" : field.values().iterator().next());
      case NUMBER -> nodes.numberNode(field.min() == null ? 1.0 : field.min());
      case CHECKBOX -> nodes.booleanNode(true);
      case DATE -> nodes.textNode("2026-12-05");
      case DATE_TIME -> nodes.textNode("2026-12-05T10:30");
    };
  }

  private static List<JsonNode> bad(Field field) {
    var nodes = JSON.getNodeFactory();
    ObjectNode object = JSON.createObjectNode().put("a", 1);
    List<JsonNode> always =
        List.of(
            variable(object),
            variable(JSON.createArrayNode().add("x")),
            typed(nodes.textNode("AAE="), "Bytes"),
            typed(nodes.textNode("{}"), "Json"),
            typedObject());
    List<JsonNode> ofKind =
        switch (field.kind()) {
          case TEXT ->
              field.maxLength() == null
                  ? List.of(variable(nodes.numberNode(7)), variable(nodes.booleanNode(true)))
                  : List.of(
                      variable(nodes.numberNode(7)),
                      variable(nodes.textNode("x".repeat(field.maxLength() + 1))));
          case CHOICE ->
              field.values() == null
                  ? List.of(variable(nodes.numberNode(7)))
                  : List.of(
                      variable(nodes.numberNode(7)), variable(nodes.textNode("NOT_A_CHOICE")));
          case NUMBER ->
              field.min() == null
                  ? List.of(variable(nodes.textNode("850,000")))
                  : List.of(
                      variable(nodes.textNode("850,000")),
                      variable(nodes.numberNode(field.min() - 1)));
          case CHECKBOX -> List.of(variable(nodes.textNode("yes")), variable(nodes.numberNode(1)));
          case DATE ->
              List.of(variable(nodes.textNode("05/12/2026")), variable(nodes.numberNode(20261205)));
          case DATE_TIME ->
              List.of(variable(nodes.textNode("tomorrow")), variable(nodes.booleanNode(false)));
        };
    return Stream.concat(always.stream(), ofKind.stream()).toList();
  }

  private static ObjectNode variable(JsonNode value) {
    ObjectNode variable = JSON.createObjectNode();
    variable.set("value", value);
    return variable;
  }

  private static ObjectNode typed(JsonNode value, String type) {
    return variable(value).put("type", type);
  }

  private static ObjectNode typedObject() {
    ObjectNode variable = typed(JSON.getNodeFactory().textNode("rO0ABXQAAWE="), "Object");
    variable
        .putObject("valueInfo")
        .put("objectTypeName", "java.lang.String")
        .put("serializationDataFormat", "application/x-java-serialized-object");
    return variable;
  }

  /**
   * The problems of a submission carrying every required field well and this one field as given.
   */
  private static List<FieldProblem> problemsWith(FormSchema form, String key, JsonNode value) {
    ObjectNode variables = JSON.createObjectNode();
    for (Field other : form.fields().values()) {
      if (other.required() && !other.displayOnly()) {
        variables.set(other.key(), variable(good(other)));
      }
    }
    variables.set(key, value);
    return SubmittedVariables.againstForm(form, variables);
  }

  private static FormSchema contractExtensionStart() {
    return FormSchema.parse(read(Path.of("forms/contract-extension-start.form")));
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
