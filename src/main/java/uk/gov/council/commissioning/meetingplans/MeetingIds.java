package uk.gov.council.commissioning.meetingplans;

import uk.gov.council.commissioning.web.InvalidRequestException;

/** A meeting number as a request gives it: refused naming {@code meetingId} when unreadable. */
final class MeetingIds {

  static final String FIELD = "meetingId";

  private MeetingIds() {}

  static long parse(String text) {
    try {
      long id = Long.parseLong(text.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidRequestException(FIELD, "must be a meeting number");
  }

  /** A body's meetingId: a number, or text holding one. */
  static long required(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new InvalidRequestException(
          FIELD, "is required: the contract management meeting's number");
    }
    if (value instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue()) {
      return n.longValue();
    }
    return parse(value.toString());
  }
}
