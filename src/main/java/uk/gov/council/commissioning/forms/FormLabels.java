package uk.gov.council.commissioning.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;

/**
 * The labels officers see for the fields of the Camunda Forms in {@code forms/} (a form's id is its
 * file name), so a refusal can name "Estimated whole-life value (£)" rather than {@code
 * estimatedValue}.
 */
@RequiredArgsConstructor
class FormLabels {

  private static final Pattern FIELD_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private final ObjectMapper json;
  private final Map<String, Map<String, String>> byForm = new ConcurrentHashMap<>();

  /** Field key to label for the form with this id; empty for an unknown form. */
  public Map<String, String> of(String formId) {
    if (formId == null || !FIELD_KEY.matcher(formId.replace("-", "")).matches()) {
      return Map.of();
    }
    return byForm.computeIfAbsent(formId, this::read);
  }

  /**
   * The refusal with each problem that starts with a field key ("estimatedValue: ...",
   * "evaluationBids line 3 ...") and each "(key)" naming it by the field's label instead.
   */
  public static String relabel(String refusal, Map<String, String> labels) {
    String marker = " cannot be completed: ";
    int at = refusal.indexOf(marker);
    if (at < 0 || labels.isEmpty()) {
      return refusal;
    }
    String[] problems = refusal.substring(at + marker.length()).split("; ");
    for (int i = 0; i < problems.length; i++) {
      problems[i] = relabelProblem(problems[i], labels);
    }
    return refusal.substring(0, at + marker.length()) + String.join("; ", problems);
  }

  /**
   * One problem ("estimatedValue: ...", "evaluationBids line 3 ...") with its fields named by their
   * labels.
   */
  public static String relabelProblem(String problem, Map<String, String> labels) {
    String text = problem;
    for (Map.Entry<String, String> field : labels.entrySet()) {
      String key = field.getKey();
      if (text.startsWith(key + ":") || text.startsWith(key + " line ")) {
        text = field.getValue() + text.substring(key.length());
      }
      text = text.replace("(" + key + ")", "(\"" + field.getValue() + "\")");
    }
    return text;
  }

  private Map<String, String> read(String formId) {
    Map<String, String> labels = new HashMap<>();
    try (InputStream in =
        FormLabels.class.getClassLoader().getResourceAsStream("forms/" + formId + ".form")) {
      if (in != null) {
        collect(json.readTree(in).path("components"), labels);
      }
    } catch (IOException unreadable) {
      return Map.of();
    }
    return Map.copyOf(labels);
  }

  private static void collect(JsonNode components, Map<String, String> labels) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      String label =
          component.hasNonNull("label")
              ? component.path("label").asText()
              : component.path("dateLabel").asText("");
      if (!key.isEmpty() && !label.isEmpty()) {
        labels.put(key, label);
      }
      collect(component.path("components"), labels);
    }
  }
}
