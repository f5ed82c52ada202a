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

/**
 * Collects the problems of one submitted form, each naming its field, then throws them together.
 */
@RequiredArgsConstructor
public final class FormChecks {

  private final String form;
  private final VariableScope scope;
  private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999.99");

  private final List<String> problems = new ArrayList<>();

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
      return LocalDate.parse(value.toString().trim());
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
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(WorkingDayCalendar.UK).toInstant();
      } catch (DateTimeParseException notADateTime) {
        return null;
      }
    }
  }

  public void problem(String field, String message) {
    problems.add(field + ": " + message);
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new TaskFormException(form, problems);
    }
  }
}
