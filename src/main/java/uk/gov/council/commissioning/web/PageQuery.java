package uk.gov.council.commissioning.web;

/**
 * Which page of a register list a caller asks for: {@code ?page=} (from 0), {@code ?size=} (1 to
 * {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} when left out) and {@code ?total=true} when the caller
 * also wants the number of entries in the whole list, which costs a count over it and so is given
 * only when asked for.
 */
public record PageQuery(int page, int size, boolean withTotal) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  /** The first page at the default size, without the total. */
  public static final PageQuery FIRST = new PageQuery(0, DEFAULT_SIZE, false);

  public PageQuery {
    if (page < 0) {
      throw new InvalidRequestException("page", "must be a whole number from 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException("size", "must be a whole number from 1 to " + MAX_SIZE);
    }
  }

  /**
   * The page asked for in a request's parameters, each possibly left out; a value that is not
   * accepted is refused with a 400 naming its parameter.
   */
  public static PageQuery of(String page, String size, String total) {
    return new PageQuery(
        number("page", page, 0, "must be a whole number from 0"),
        number("size", size, DEFAULT_SIZE, "must be a whole number from 1 to " + MAX_SIZE),
        flag("total", total));
  }

  /** How many entries come before this page. */
  public long offset() {
    return (long) page * size;
  }

  private static int number(String field, String text, int absent, String rule) {
    if (text == null) {
      return absent;
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()
        || trimmed.length() > 9
        || !trimmed.chars().allMatch(Character::isDigit)) {
      throw new InvalidRequestException(field, rule);
    }
    return Integer.parseInt(trimmed);
  }

  private static boolean flag(String field, String text) {
    if (text == null) {
      return false;
    }
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidRequestException(field, "must be true or false");
    };
  }
}
