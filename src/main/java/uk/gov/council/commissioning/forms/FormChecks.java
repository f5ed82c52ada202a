package uk.gov.council.commissioning.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.forms.FormSchema.Field;

/**
 * Collects the problems of one submitted form, each naming its field, then throws them together.
 * What the form itself declares (required fields, lengths, ranges, date formats) is read from the
 * form ({@link #againstForm}); the rules written here are those across fields or against the
 * register.
 */
@RequiredArgsConstructor
public final class FormChecks {

  private final String form;
  private final VariableScope scope;
  private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999.99");

  private final List<String> problems = new ArrayList<>();

  /** The form whose own limits apply too, when one is named (see {@link #againstForm}). */
  private FormSchema declared;

  private boolean declaredRequired;

  /**
   * Checks too, when {@link #throwIfAny()} is called, what the form with this id declares ({@link
   * FormSchema#ofFile}): a value in each field it requires and always shows, and each value of its
   * field's kind and within the form's limits (length, range, date format). A field the step's own
   * rules have already refused keeps that, more specific, problem; whether a field the form may
   * hide is required is for those rules to say.
   */
  public FormChecks againstForm(String formId) {
    declared = FormSchema.ofFile(formId);
    declaredRequired = true;
    return this;
  }

  /**
   * The same as {@link #againstForm} but for what the form requires: for a step that accepts an
   * incomplete form and sends it back (a QAF return found incomplete goes back to the provider).
   */
  public FormChecks againstFormLimits(String formId) {
    declared = FormSchema.ofFile(formId);
    declaredRequired = false;
    return this;
  }

  public String text(String field) {
    Object value = required(field);
    if (value == null) {
      return null;
    }
    return value.toString().trim();
  }

  /** A required text of at most {@code max} characters. */
  public String text(String field, int max) {
    String text = text(field);
    if (text != null && text.length() > max) {
      problems.add(field + ": must be at most " + max + " characters");
    }
    return text;
  }

  public void textIf(boolean condition, String field, String why) {
    if (condition && isEmpty(field)) {
      problems.add(field + ": " + why);
    }
  }

  public String oneOf(String field, Set<String> allowed) {
    Object value = scope.getVariable(field);
    if (value == null || !allowed.contains(value.toString())) {
      problems.add(
          field + ": must be one of " + String.join(", ", allowed.stream().sorted().toList()));
      return null;
    }
    return value.toString();
  }

  public Double nonNegativeNumber(String field) {
    Object value = scope.getVariable(field);
    if (!(value instanceof Number number)) {
      problems.add(field + ": must be a number");
      return null;
    }
    double d = number.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d) || d < 0) {
      problems.add(field + ": must not be negative");
      return null;
    }
    return d;
  }

  /**
   * A sum of money above zero and below £1,000,000,000,000, from a number or from text such as
   * "£2,100,000" ({@link Amounts}), to the penny.
   */
  public BigDecimal amount(String field) {
    Object value = required(field);
    if (value == null) {
      return null;
    }
    Optional<BigDecimal> amount =
        value instanceof Number number
            ? Optional.of(new BigDecimal(number.toString()))
            : Amounts.parse(value.toString());
    if (amount.isEmpty()) {
      problems.add(
          field + ": '" + value + "' is not an amount of money (e.g. £2,100,000 or 2100000.00)");
      return null;
    }
    BigDecimal pounds = amount.get().setScale(2, RoundingMode.HALF_UP);
    if (pounds.signum() <= 0 || pounds.compareTo(LARGEST_AMOUNT) > 0) {
      problems.add(field + ": must be more than £0 and less than £1,000,000,000,000");
      return null;
    }
    return pounds;
  }

  public boolean flag(String field) {
    Object value = scope.getVariable(field);
    if (value != null && !(value instanceof Boolean)) {
      problems.add(field + ": must be ticked or not (true/false)");
      return false;
    }
    return Boolean.TRUE.equals(value);
  }

  public LocalDate date(String field) {
    Object value = required(field);
    if (value == null) {
      return null;
    }
    try {
      return calendarDate(value.toString().trim());
    } catch (DateTimeParseException e) {
      problems.add(field + ": must be a date (YYYY-MM-DD)");
      return null;
    }
  }

  /** The same as {@link #date(String)} for a field that may be left empty. */
  public LocalDate optionalDate(String field) {
    return isEmpty(field) ? null : date(field);
  }

  /** A text that may be left empty (null then), at most {@code max} characters. */
  public String optionalText(String field, int max) {
    return isEmpty(field) ? null : text(field, max);
  }

  /**
   * A moment, from a date-and-time field: an ISO date-time with an offset or {@code Z}, or without
   * one, which is read as UK time (Camunda Forms sends either, depending on the field's setting).
   */
  public Instant dateTime(String field) {
    Object value = required(field);
    if (value == null) {
      return null;
    }
    Instant parsed = parseDateTime(value);
    if (parsed == null) {
      problems.add(field + ": must be a date and time (YYYY-MM-DDTHH:MM)");
    }
    return parsed;
  }

  /** The same as {@link #dateTime(String)} for a field that may be left empty. */
  public Instant optionalDateTime(String field) {
    return isEmpty(field) ? null : dateTime(field);
  }

  /** The field's value; null, with the field noted as required, when it was left empty. */
  private Object required(String field) {
    if (isEmpty(field)) {
      problems.add(field + ": is required");
      return null;
    }
    return scope.getVariable(field);
  }

  private boolean isEmpty(String field) {
    Object value = scope.getVariable(field);
    return value == null || value.toString().isBlank();
  }

  /** Reads what a date-and-time field may hold; null when it is not a date and time. */
  public static Instant parseDateTime(Object value) {
    if (value instanceof java.util.Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    try {
      OffsetDateTime withOffset = OffsetDateTime.parse(text);
      return isCalendarYear(withOffset.getYear()) ? withOffset.toInstant() : null;
    } catch (DateTimeParseException withoutOffset) {
      try {
        LocalDateTime local = LocalDateTime.parse(text);
        return isCalendarYear(local.getYear())
            ? local.atZone(WorkingDayCalendar.UK).toInstant()
            : null;
      } catch (DateTimeParseException notADateTime) {
        return null;
      }
    }
  }

  /**
   * Reads a date (YYYY-MM-DD) with a year from 1 to 9999, the bounds the REST API's bodies have
   * (web.CalendarDateLimits). ISO 8601 also allows years such as +999999999, which Java reads, and
   * a deadline counted from one overflows the engine's dates: such a year is refused as not a date.
   */
  static LocalDate calendarDate(String text) {
    LocalDate date = LocalDate.parse(text.trim());
    if (!isCalendarYear(date.getYear())) {
      throw new DateTimeParseException("year outside 1 to 9999", text, 0);
    }
    return date;
  }

  private static boolean isCalendarYear(int year) {
    return year >= 1 && year <= 9999;
  }

  /**
   * Checks a step whose form declares all there is to check ({@link #againstForm}), and refuses it
   * naming every field at fault.
   */
  public static void asDeclared(String name, String formId, VariableScope scope) {
    new FormChecks(name, scope).againstForm(formId).throwIfAny();
  }

  public void problem(String field, String message) {
    problems.add(field + ": " + message);
  }

  /** Problems a parser has already written as "field: message" (a line-by-line field). */
  public void problems(java.util.Collection<String> fieldProblems) {
    problems.addAll(fieldProblems);
  }

  public void throwIfAny() {
    if (declared != null) {
      declaredProblems();
    }
    if (!problems.isEmpty()) {
      throw new TaskFormException(form, problems);
    }
  }

  private void declaredProblems() {
    for (Field field : declared.fields().values()) {
      String key = field.key();
      if (field.displayOnly() || problems.stream().anyMatch(p -> p.startsWith(key + ": "))) {
        continue;
      }
      String problem = declaredProblem(field, declaredRequired, scope.getVariable(key));
      if (problem != null) {
        problems.add(key + ": " + problem);
      }
    }
  }

  /** The wording of {@link SubmittedVariables}, which checks the same limits at the engine API. */
  private static String declaredProblem(Field field, boolean requiredToo, Object value) {
    if (value == null || value.toString().isBlank()) {
      return requiredToo && field.required() && !field.conditional() ? "is required" : null;
    }
    return switch (field.kind()) {
      case TEXT -> lengthProblem(field, value.toString());
      case NUMBER -> rangeProblem(field, value);
      // The step reads a choice itself (oneOf), some normalising it (a grade "b" is B).
      case CHOICE -> null;
      case CHECKBOX -> {
        if (!(value instanceof Boolean ticked)) {
          yield "must be ticked or not (true/false)";
        }
        yield requiredToo && field.required() && !field.conditional() && !ticked
            ? "must be ticked"
            : null;
      }
      case DATE ->
          value instanceof String text && !isDate(text) ? "must be a date (YYYY-MM-DD)" : null;
      case DATE_TIME ->
          parseDateTime(value) == null ? "must be a date and time (YYYY-MM-DDTHH:MM)" : null;
    };
  }

  private static String lengthProblem(Field field, String text) {
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      return "must be at most " + field.maxLength() + " characters";
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      return "must be at least " + field.minLength() + " characters";
    }
    return null;
  }

  private static String rangeProblem(Field field, Object value) {
    if (!(value instanceof Number number)
        || Double.isNaN(number.doubleValue())
        || Double.isInfinite(number.doubleValue())) {
      return "must be a number";
    }
    double d = number.doubleValue();
    if (field.min() != null && d < field.min()) {
      return "must be at least " + SubmittedVariables.plain(field.min());
    }
    if (field.max() != null && d > field.max()) {
      return "must be at most " + SubmittedVariables.plain(field.max());
    }
    return null;
  }

  private static boolean isDate(String text) {
    try {
      calendarDate(text);
      return true;
    } catch (DateTimeParseException notADate) {
      return false;
    }
  }
}
