package uk.gov.council.commissioning.procurement;

/**
 * One thing wrong with an evaluation entered as text: the form field, the line of the textarea as
 * the officer sees it (counting blank and comment lines; 0 when the problem is not on one line),
 * what the line is about (a bidder's name or a question's title, or null) and what is wrong.
 */
record SheetProblem(String field, int line, String subject, String message) {

  /** A problem with a whole field, such as the price weight or the question weights' total. */
  public static SheetProblem ofField(String field, String message) {
    return new SheetProblem(field, 0, null, message);
  }

  /** Where in the field: "line 3 (Acme Care)", "line 2", or "" for the whole field. */
  public String where() {
    StringBuilder where = new StringBuilder();
    if (line > 0) {
      where.append("line ").append(line);
    }
    if (subject != null && !subject.isBlank()) {
      where.append(where.isEmpty() ? "" : " ").append('(').append(subject).append(')');
    }
    return where.toString();
  }

  /** The problem as told within its field: "line 3 (Acme Care): 4 scores given, …". */
  public String messageInField() {
    String where = where();
    return where.isEmpty() ? message : where + ": " + message;
  }

  @Override
  public String toString() {
    String where = where();
    return field + (where.isEmpty() ? "" : " " + where) + ": " + message;
  }
}
