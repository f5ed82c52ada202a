package uk.gov.council.commissioning.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the application's exceptions into RFC 9457 problem responses. Bad input always comes back
 * as 400 with {@code errors: [{field, message}]} so that a form can mark every field at once.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Comparator<FieldProblem> BY_FIELD =
      Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message);

  @ExceptionHandler(InvalidRequestException.class)
  public ResponseEntity<Object> handleInvalidRequest(InvalidRequestException ex) {
    return badRequest(ex.getErrors());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
    return badRequest(
        ex.getConstraintViolations().stream()
            .map(
                v ->
                    new FieldProblem(
                        withoutMethodName(v.getPropertyPath().toString()), v.getMessage()))
            .toList());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
            .toList();
    List<FieldProblem> global =
        ex.getBindingResult().getGlobalErrors().stream()
            .map(e -> new FieldProblem(e.getObjectName(), e.getDefaultMessage()))
            .toList();
    return badRequest(concat(errors, global));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return badRequest(List.of(new FieldProblem(ex.getParameterName(), "is required")));
  }

  /** A query parameter or path segment that cannot be read as the type the endpoint takes. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field =
        ex instanceof MethodArgumentTypeMismatchException argument
            ? argument.getName()
            : ex.getPropertyName();
    return badRequest(
        List.of(
            new FieldProblem(
                field == null ? "request" : field,
                "is not a valid " + describe(ex.getRequiredType()))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // The outermost Jackson exception carries the path; its own cause (e.g. a
    // DateTimeParseException) does not.
    Throwable jackson = ex.getCause();
    while (jackson != null && !(jackson instanceof JsonProcessingException)) {
      jackson = jackson.getCause();
    }
    if (jackson instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return badRequest(List.of(new FieldProblem(path(mapping), unreadableValue(mapping))));
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            jackson instanceof JsonMappingException
                ? "The request body does not have the expected structure"
                : jackson instanceof StreamConstraintsException limit
                    ? "The request body is past a limit: " + limit.getOriginalMessage()
                    : jackson != null
                        ? "The request body is not valid JSON"
                        : "The request body is missing or cannot be read");
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of());
    return ResponseEntity.badRequest().body(problem);
  }

  private static ResponseEntity<Object> badRequest(List<FieldProblem> errors) {
    List<FieldProblem> sorted = errors.stream().sorted(BY_FIELD).toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            sorted.size() == 1
                ? "One field is invalid: " + sorted.get(0).field()
                : sorted.size() + " fields are invalid");
    problem.setTitle("Invalid request");
    problem.setProperty("errors", sorted);
    return ResponseEntity.badRequest().body(problem);
  }

  /** Jackson's path rendered the way bean validation names fields, e.g. options[0].lengthMonths. */
  private static String path(JsonMappingException ex) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : ex.getPath()) {
      if (ref.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static String unreadableValue(JsonMappingException ex) {
    // Jackson's own message names Java classes; say only what the caller can act on.
    if (ex instanceof InvalidFormatException format) {
      return "'" + format.getValue() + "' is not a valid " + describe(format.getTargetType());
    }
    if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "has the wrong type: expected " + describe(mismatch.getTargetType());
    }
    return "cannot be read";
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "value";
    }
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "date (yyyy-mm-dd)";
      case "LocalDateTime", "Instant", "OffsetDateTime" -> "date and time (ISO 8601)";
      case "BigDecimal", "Double", "double", "Float", "float" -> "number";
      case "Long", "long", "Integer", "int", "Short", "short" -> "whole number";
      case "Boolean", "boolean" -> "true or false";
      case "String" -> "text";
      default -> type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "value";
    };
  }

  private static String withoutMethodName(String propertyPath) {
    // Method-parameter violations are reported as "method.argument"; the argument is the field.
    int dot = propertyPath.indexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
