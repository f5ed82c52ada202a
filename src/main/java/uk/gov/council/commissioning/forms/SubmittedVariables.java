package uk.gov.council.commissioning.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.gov.council.commissioning.forms.FormSchema.Field;
import uk.gov.council.commissioning.forms.FormSchema.Kind;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * Checks the variables of an engine API request (the {@code variables} of a form submission, a
 * start or a completion, as the engine REST API writes them: {@code {"name": {"value": ..., "type":
 * ...}}}) before the engine stores any of them.
 *
 * <p>Only plain values are accepted anywhere: text, numbers, true/false, dates. A JSON object,
 * bytes, a file or a serialized Java object would be stored as such, and every later reader that
 * expects the text the form collects would fail on it. Against a form, a submission may carry only
 * that form's fields, each of the kind the form declares and within its limits.
 */
public final class SubmittedVariables {

  /** Engine variable types that hold something other than a plain value. */
  private static final Set<String> NOT_PLAIN = Set.of("object", "json", "xml", "bytes", "file");

  private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "short", "double");

  private SubmittedVariables() {}

  /** Problems with any variable that is not a plain value; the names are the variables' own. */
  public static List<FieldProblem> plainValues(JsonNode variables) {
    List<FieldProblem> problems = new ArrayList<>();
    if (variables == null || variables.isNull() || variables.isMissingNode()) {
      return problems;
    }
    if (!variables.isObject()) {
      problems.add(new FieldProblem("variables", "must be an object of named values"));
      return problems;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String problem = plainValueProblem(variable.getValue());
      if (problem != null) {
        problems.add(new FieldProblem(variable.getKey(), problem));
      }
    }
    return problems;
  }

  /** Why a variable in the engine REST API's form is not a plain value, or null when it is one. */
  static String plainValueProblem(JsonNode variable) {
    if (variable == null || !variable.isObject()) {
      return "must be given as {\"value\": ...}";
    }
    String type = variable.path("type").asText("").toLowerCase(Locale.ROOT);
    if (NOT_PLAIN.contains(type)) {
      return "must be a plain value (text, number, true/false or date): "
          + variable.path("type").asText()
          + " values are not accepted";
    }
    JsonNode value = variable.path("value");
    if (value.isContainerNode()) {
      return "must be a plain value (text, number, true/false or date), not a list or an object";
    }
    if (variable.has("valueInfo")
        && !variable.path("valueInfo").isEmpty()
        && !"date".equals(type)) {
      return "must be a plain value: serialization details (valueInfo) are not accepted";
    }
    return null;
  }

  /**
   * Problems with a submission against its form: fields the form does not have, values of another
   * kind than the field's, and the limits the form declares. Display-only fields are removed from
   * {@code variables} (the case keeps the value it has), so that nobody can change through a later
   * form what somebody else wrote.
   *
   * @param variables the request's variables, changed in place when display-only fields are removed
   */
  public static List<FieldProblem> againstForm(FormSchema form, ObjectNode variables) {
    List<FieldProblem> problems = new ArrayList<>();
    List<String> displayOnly = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String key = variable.getKey();
      Field field = form.fields().get(key);
      if (field == null) {
        problems.add(new FieldProblem(key, "is not a field of this form"));
        continue;
      }
      if (field.displayOnly()) {
        displayOnly.add(key);
        continue;
      }
      String problem = plainValueProblem(variable.getValue());
      if (problem == null) {
        problem = valueProblem(field, variable.getValue());
      }
      if (problem != null) {
        problems.add(new FieldProblem(key, problem));
      }
    }
    displayOnly.forEach(variables::remove);
    for (Field field : form.fields().values()) {
      if (!field.required() || field.conditional() || field.displayOnly()) {
        continue;
      }
      JsonNode value = variables.path(field.key()).path("value");
      if (isEmpty(value)) {
        problems.add(new FieldProblem(field.key(), "is required"));
      } else if (field.kind() == Kind.CHECKBOX && value.isBoolean() && !value.booleanValue()) {
        problems.add(new FieldProblem(field.key(), "must be ticked"));
      }
    }
    return problems;
  }

  private static String valueProblem(Field field, JsonNode variable) {
    JsonNode value = variable.path("value");
    String type = variable.path("type").asText("").toLowerCase(Locale.ROOT);
    if (value.isNull() || value.isMissingNode()) {
      return null;
    }
    return switch (field.kind()) {
      case TEXT -> text(field, value, type);
      case CHOICE -> choice(field, value, type);
      case NUMBER -> number(field, value, type);
      case CHECKBOX ->
          value.isBoolean() && (type.isEmpty() || type.equals("boolean"))
              ? null
              : "must be ticked or not (true or false)";
      case DATE -> date(value, type);
      case DATE_TIME -> dateTime(value, type);
    };
  }

  private static String text(Field field, JsonNode value, String type) {
    if (!value.isTextual() || !(type.isEmpty() || type.equals("string"))) {
      return "must be text";
    }
    String text = value.asText();
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      return "must be at most " + field.maxLength() + " characters";
    }
    if (text.isEmpty()) {
      return null;
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      return "must be at least " + field.minLength() + " characters";
    }
    if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
      return "is not in the form the field asks for";
    }
    return null;
  }

  private static String choice(Field field, JsonNode value, String type) {
    if (!value.isTextual() || !(type.isEmpty() || type.equals("string"))) {
      return "must be one of the choices offered";
    }
    String chosen = value.asText();
    if (chosen.isEmpty() || field.values() == null || field.values().contains(chosen)) {
      return null;
    }
    return "must be one of " + String.join(", ", field.values());
  }

  private static String number(Field field, JsonNode value, String type) {
    if (!value.isNumber()
        || !(type.isEmpty() || NUMBER_TYPES.contains(type))
        || !Double.isFinite(value.doubleValue())) {
      return "must be a number";
    }
    double number = value.doubleValue();
    if (field.min() != null && number < field.min()) {
      return "must be at least " + plain(field.min());
    }
    if (field.max() != null && number > field.max()) {
      return "must be at most " + plain(field.max());
    }
    return null;
  }

  private static String date(JsonNode value, String type) {
    if (value.isTextual() && (type.isEmpty() || type.equals("string"))) {
      if (value.asText().isEmpty()) {
        return null;
      }
      try {
        FormChecks.calendarDate(value.asText());
        return null;
      } catch (DateTimeParseException notADate) {
        return "must be a date (YYYY-MM-DD)";
      }
    }
    return "must be a date (YYYY-MM-DD)";
  }

  private static String dateTime(JsonNode value, String type) {
    if (value.isTextual() && (type.isEmpty() || type.equals("string") || type.equals("date"))) {
      if (value.asText().isEmpty() || FormChecks.parseDateTime(value.asText()) != null) {
        return null;
      }
      if (type.equals("date") && parsesAsEngineDate(value.asText())) {
        return null;
      }
    }
    return "must be a date and time (YYYY-MM-DDTHH:MM)";
  }

  /** The engine REST API writes dates as 2026-12-05T10:00:00.000+0000 (no colon in the offset). */
  private static boolean parsesAsEngineDate(String text) {
    return text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?[+-]\\d{4}")
        && FormChecks.parseDateTime(
                text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2))
            != null;
  }

  private static boolean isEmpty(JsonNode value) {
    return value.isMissingNode()
        || value.isNull()
        || (value.isTextual() && value.asText().isBlank());
  }

  static String plain(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }
}
