package uk.gov.council.commissioning.extension;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Collects the problems of one submitted form, each naming its field, then throws them together. */
final class FormChecks {

  private final String form;
  private final VariableScope scope;
  private final List<String> problems = new ArrayList<>();

  FormChecks(String form, VariableScope scope) {
    this.form = form;
    this.scope = scope;
  }

  String text(String field) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      problems.add(field + ": is required");
      return null;
    }
    return value.toString().trim();
  }

  void textIf(boolean condition, String field, String why) {
    Object value = scope.getVariable(field);
    if (condition && (value == null || value.toString().isBlank())) {
      problems.add(field + ": " + why);
    }
  }

  String oneOf(String field, Set<String> allowed) {
    Object value = scope.getVariable(field);
    if (value == null || !allowed.contains(value.toString())) {
      problems.add(field + ": must be one of " + String.join(", ", allowed.stream().sorted().toList()));
      return null;
    }
    return value.toString();
  }

  Double nonNegativeNumber(String field) {
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

  boolean flag(String field) {
    Object value = scope.getVariable(field);
    if (value != null && !(value instanceof Boolean)) {
      problems.add(field + ": must be ticked or not (true/false)");
      return false;
    }
    return Boolean.TRUE.equals(value);
  }

  LocalDate date(String field) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      problems.add(field + ": is required");
      return null;
    }
    try {
      return LocalDate.parse(value.toString().trim());
    } catch (DateTimeParseException e) {
      problems.add(field + ": must be a date (YYYY-MM-DD)");
      return null;
    }
  }

  void problem(String field, String message) {
    problems.add(field + ": " + message);
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new TaskFormException(form, problems);
    }
  }
}
