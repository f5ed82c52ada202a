package uk.gov.council.commissioning.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a deployed Camunda Form accepts, read from the form itself so that the server and the form
 * cannot disagree: each input field's key, label, kind, and the limits the form declares (required,
 * length, pattern, range, the values of a select or radio group).
 */
record FormSchema(String id, Map<String, Field> fields) {

  /** Input components; display components (text, groups' headings) have no value to submit. */
  public enum Kind {
    TEXT,
    NUMBER,
    CHECKBOX,
    DATE,
    DATE_TIME,
    CHOICE;

    static Optional<Kind> of(JsonNode component) {
      return switch (component.path("type").asText()) {
        case "textfield", "textarea" -> Optional.of(TEXT);
        case "number" -> Optional.of(NUMBER);
        case "checkbox" -> Optional.of(CHECKBOX);
        case "select", "radio" -> Optional.of(CHOICE);
        case "datetime" ->
            Optional.of("date".equals(component.path("subtype").asText()) ? DATE : DATE_TIME);
        default -> Optional.empty();
      };
    }
  }

  /**
   * One input field.
   *
   * @param conditional whether the form may hide it (then "required" holds only while it is shown,
   *     which the process's own checks decide)
   * @param values the allowed values of a select or radio group; null when they come from a
   *     variable
   * @param displayOnly a read-only or disabled field: it shows a value, the person cannot change it
   */
  public record Field(
      String key,
      String label,
      Kind kind,
      boolean required,
      boolean conditional,
      Integer minLength,
      Integer maxLength,
      Pattern pattern,
      Double min,
      Double max,
      Set<String> values,
      boolean displayOnly) {}

  public Optional<Field> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /** The label the officer sees for a key, or the key itself when the form has no such field. */
  public String label(String key) {
    Field field = fields.get(key);
    return field == null || field.label().isBlank() ? key : field.label();
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, FormSchema> FILES = new ConcurrentHashMap<>();

  /**
   * The form with this id as the application deploys it with its processes: {@code forms/<id>.form}
   * on the class path.
   *
   * @throws IllegalArgumentException when there is no such form, a mistake in the code that names
   *     it
   */
  public static FormSchema ofFile(String formId) {
    return FILES.computeIfAbsent(
        formId,
        id -> {
          try (InputStream in =
              FormSchema.class.getClassLoader().getResourceAsStream("forms/" + id + ".form")) {
            if (in == null) {
              throw new IllegalArgumentException("No form forms/" + id + ".form");
            }
            return parse(JSON.readTree(in));
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the form " + id, e);
          }
        });
  }

  public static FormSchema parse(JsonNode form) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), false, fields);
    return new FormSchema(form.path("id").asText(""), Collections.unmodifiableMap(fields));
  }

  private static void collect(
      JsonNode components, boolean insideConditional, Map<String, Field> fields) {
    for (JsonNode component : components) {
      boolean conditional = insideConditional || component.hasNonNull("conditional");
      String key = component.path("key").asText("");
      Optional<Kind> kind = Kind.of(component);
      if (!key.isEmpty() && kind.isPresent()) {
        fields.put(key, field(component, key, kind.get(), conditional));
      }
      collect(component.path("components"), conditional, fields);
    }
  }

  private static Field field(JsonNode component, String key, Kind kind, boolean conditional) {
    JsonNode validate = component.path("validate");
    String label =
        component.hasNonNull("label")
            ? component.path("label").asText()
            : component.path("dateLabel").asText("");
    Set<String> values = null;
    if (kind == Kind.CHOICE && component.has("values")) {
      values = new LinkedHashSet<>();
      for (JsonNode value : component.path("values")) {
        values.add(value.path("value").asText());
      }
    }
    boolean displayOnly =
        component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
    return new Field(
        key,
        label,
        kind,
        validate.path("required").asBoolean(false),
        conditional,
        integer(validate, "minLength"),
        integer(validate, "maxLength"),
        pattern(validate),
        number(validate, "min"),
        number(validate, "max"),
        values == null ? null : Collections.unmodifiableSet(values),
        displayOnly);
  }

  private static Integer integer(JsonNode validate, String name) {
    return validate.path(name).isNumber() ? validate.path(name).intValue() : null;
  }

  private static Double number(JsonNode validate, String name) {
    return validate.path(name).isNumber() ? validate.path(name).doubleValue() : null;
  }

  private static Pattern pattern(JsonNode validate) {
    String pattern = validate.path("pattern").asText("");
    if (pattern.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException notJava) {
      // The form's pattern is for the browser's engine; a pattern Java cannot read is left to the
      // form.
      return null;
    }
  }

  /** Field key to the label the officer sees. */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    fields.values().forEach(f -> labels.put(f.key(), f.label().isBlank() ? f.key() : f.label()));
    return labels;
  }

  /** The keys of every input field, in the form's order. */
  public List<String> keys() {
    return new ArrayList<>(fields.keySet());
  }
}
