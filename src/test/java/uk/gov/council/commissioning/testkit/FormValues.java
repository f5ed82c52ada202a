package uk.gov.council.commissioning.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Completed forms for tests, kept as data: {@code form-values/<name>.json} on the test classpath
 * holds a form's fixed values, and the test data class adds only what its caller chooses (a
 * reference, a date, a decision). Values come back typed as Tasklist submits them: text,
 * true/false, whole numbers as {@code Long}, decimals as {@code Double}, and null where a field is
 * left empty.
 */
public final class FormValues {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  private FormValues() {}

  /** A new, changeable map of the values in {@code form-values/<name>.json}. */
  public static Map<String, Object> load(String name) {
    String resource = "form-values/" + name + ".json";
    try (InputStream in = FormValues.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No test form " + resource);
      }
      return new HashMap<>(JSON.readValue(in, new TypeReference<Map<String, Object>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }
}
