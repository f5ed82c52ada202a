package uk.gov.council.commissioning.testkit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Hostile values, as the kit's own {@link Generator}s drawn from a seeded {@link Random} so that a
 * failing run can be repeated: text of every kind (control characters, right-to-left marks, emoji,
 * lone surrogates, NUL, 100,000 characters), numbers at and past their limits, dates out of range
 * or malformed, values of the wrong JSON type, and bodies that are not JSON at all.
 */
public final class HostileValues {

  public static final String HUGE = "x".repeat(100_000);

  private HostileValues() {}

  /** One value drawn from the generator. */
  public static <T> T draw(Generator<T> generator, Random random) {
    return generator.next(random);
  }

  /** Text a person or a script could send. */
  public static Generator<String> text() {
    return Generator.frequencyOf(
        Generator.weighted(4, Generator.strings(30)),
        Generator.weighted(
            6,
            Generator.of(
                "",
                " ",
                "\u0000",
                "a\u0000b",
                "\t\r\n",
                "\u0007\u001b[31m",
                "\u202Eevil\u202C",
                "مرحبا",
                "👩‍⚕️🏥",
                "\uD800",
                "\uFEFF",
                "null",
                "'; drop table contract; --",
                "<script>alert(1)</script>",
                "../../etc/passwd",
                "${jndi:ldap://example.invalid/a}",
                "#{1+1}",
                "%00",
                "%2F",
                "a/b/c")),
        Generator.weighted(1, Generator.just(HUGE)),
        Generator.weighted(3, numberText()),
        Generator.weighted(3, dateText()));
  }

  /** Numbers written as text, at and past their limits. */
  public static Generator<String> numberText() {
    return Generator.oneOf(
        Generator.of(
            "0",
            "-1",
            "-0",
            "1.5",
            "2147483648",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1e309",
            "-1e309",
            "1e-400",
            "NaN",
            "Infinity",
            "0x1F",
            "1_000",
            "9".repeat(400)),
        Generator.longs().map(String::valueOf),
        Generator.doubles().map(String::valueOf));
  }

  /** Dates and times out of range or malformed. */
  public static Generator<String> dateText() {
    return Generator.of(
        "0000-01-01",
        "0001-01-01",
        "9999-12-31",
        "+10000-01-01",
        "-0001-01-01",
        "2027-02-30",
        "2027-13-01",
        "2027-1-1",
        "31/12/2027",
        "2027-01-01T25:00:00Z",
        "2027-01-01T10:00:00+25:00",
        "9999-12-31T23:59:59Z",
        "+999999999-12-31",
        "2027-Q5",
        "2027-W53");
  }

  /** A JSON value (as JSON text) of the wrong type, or at a limit, for a field of {@code type}. */
  public static Generator<String> jsonFor(Type type) {
    Generator<String> wrongType =
        Generator.of(
            "null",
            "true",
            "[]",
            "{}",
            "[1,2]",
            "{\"value\":1}",
            "0",
            "-1",
            "1.5",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1e309",
            "-1e309",
            "1" + "0".repeat(400),
            "\"\"",
            "\" \"");
    return Generator.frequencyOf(
        Generator.weighted(3, wrongType),
        Generator.weighted(5, text().map(HostileValues::quoted)),
        Generator.weighted(2, nested(type)));
  }

  /** For a list or an object field, a list or an object whose own values are hostile. */
  private static Generator<String> nested(Type type) {
    Class<?> raw = rawClass(type);
    if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
      Type element = p.getActualTypeArguments()[0];
      return Generator.oneOf(
          jsonForLeaf(element).map(v -> "[" + v + "]"),
          Generator.just(
              "[" + String.join(",", java.util.Collections.nCopies(2000, "null")) + "]"));
    }
    if (isObject(raw)) {
      Map<String, Type> fields = fieldsOf(raw);
      if (fields.isEmpty()) {
        return Generator.just("{}");
      }
      return Generator.of(new ArrayList<>(fields.keySet()))
          .flatMap(name -> jsonForLeaf(fields.get(name)).map(v -> objectWith(fields, name, v)));
    }
    return text().map(HostileValues::quoted);
  }

  private static Generator<String> jsonForLeaf(Type type) {
    return Generator.oneOf(
        Generator.of("null", "true", "{}", "[]", "1e309", "-1", "9223372036854775808"),
        text().map(HostileValues::quoted),
        Generator.just(plausible(type)));
  }

  /** An object of plausible values with {@code name} set to {@code json} (absent when null). */
  public static String objectWith(Map<String, Type> fields, String name, String json) {
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach((field, type) -> values.put(field, plausible(type)));
    if (json == null) {
      values.remove(name);
    } else {
      values.put(name, json);
    }
    return object(values);
  }

  public static String object(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> quoted(e.getKey()) + ":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** A value of the field's type that would be accepted on its own. */
  public static String plausible(Type type) {
    Class<?> raw = rawClass(type);
    if (raw == String.class || raw == CharSequence.class) {
      return "\"Hostile input test\"";
    }
    if (raw == int.class
        || raw == Integer.class
        || raw == long.class
        || raw == Long.class
        || raw == short.class
        || raw == Short.class) {
      return "1";
    }
    if (raw == double.class
        || raw == Double.class
        || raw == float.class
        || raw == Float.class
        || raw == BigDecimal.class
        || raw == BigInteger.class) {
      return "1.5";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "true";
    }
    if (raw == LocalDate.class) {
      return "\"2027-03-15\"";
    }
    if (raw == LocalDateTime.class) {
      return "\"2027-03-15T10:00:00\"";
    }
    if (raw == Instant.class || raw == OffsetDateTime.class) {
      return "\"2027-03-15T10:00:00Z\"";
    }
    if (raw == LocalTime.class) {
      return "\"10:00\"";
    }
    if (raw == YearMonth.class) {
      return "\"2027-03\"";
    }
    if (raw.isEnum()) {
      return quoted(((Enum<?>) raw.getEnumConstants()[0]).name());
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return type instanceof ParameterizedType p
          ? "[" + plausible(p.getActualTypeArguments()[0]) + "]"
          : "[]";
    }
    if (Map.class.isAssignableFrom(raw)) {
      return "{}";
    }
    if (isObject(raw)) {
      Map<String, String> values = new LinkedHashMap<>();
      fieldsOf(raw).forEach((field, fieldType) -> values.put(field, plausible(fieldType)));
      return object(values);
    }
    return "\"Hostile input test\"";
  }

  /** The JSON properties of a request body class: a record's components or a class's fields. */
  public static Map<String, Type> fieldsOf(Class<?> type) {
    Map<String, Type> fields = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        fields.put(component.getName(), component.getGenericType());
      }
      return fields;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          fields.putIfAbsent(field.getName(), field.getGenericType());
        }
      }
    }
    return fields;
  }

  public static boolean isObject(Class<?> raw) {
    return !raw.isPrimitive()
        && !raw.isEnum()
        && !raw.isArray()
        && raw.getName().startsWith("uk.gov.council.");
  }

  public static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  /** Bodies that are not the JSON object asked for. */
  public static Generator<String> malformedJson() {
    return Generator.of(
        "",
        "{",
        "}",
        "[",
        "{\"a\":}",
        "{\"a\" 1}",
        "{'a': 1}",
        "{\"a\":1,}",
        "nul",
        "null",
        "[]",
        "[{}]",
        "\"text\"",
        "42",
        "true",
        "\uFEFF{}",
        "{\"a\":\"\\u00\"}",
        "{\"a\":NaN}",
        "{\"a\":Infinity}",
        "{\"a\":" + "9".repeat(2000) + "}",
        "[".repeat(5000) + "]".repeat(5000),
        "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
        "{\"a\":1}{\"b\":2}",
        "<xml/>");
  }

  public static String quoted(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  public static List<String> sortedNames(Map<String, Type> fields) {
    return fields.keySet().stream().sorted().toList();
  }
}
