package uk.gov.council.commissioning.web;

import java.util.List;

/**
 * Request data that cannot be accepted; answered with 400 and an {@code errors} list naming each
 * field. Thrown from services too, so rules that need the database are reported the same way as
 * annotation-based ones.
 */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> errors;

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public InvalidRequestException(List<FieldProblem> errors) {
    super(describe(errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("An invalid request needs at least one problem");
    }
    this.errors = List.copyOf(errors);
  }

  /**
   * For a body an endpoint declares optional so that a missing one is answered like any other
   * refused field, not with the framework's own error.
   */
  public static void requireBody(Object body, String problem) {
    if (body == null) {
      throw new InvalidRequestException("body", problem);
    }
  }

  public List<FieldProblem> getErrors() {
    return errors;
  }

  private static String describe(List<FieldProblem> errors) {
    StringBuilder text = new StringBuilder("Invalid request:");
    for (FieldProblem e : errors) {
      text.append(' ').append(e.field()).append(' ').append(e.message()).append(';');
    }
    return text.toString();
  }
}
