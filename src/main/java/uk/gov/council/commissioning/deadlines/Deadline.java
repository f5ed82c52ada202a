package uk.gov.council.commissioning.deadlines;

import java.time.Instant;
import uk.gov.council.commissioning.deadlines.DeadlineRule.Basis;

/**
 * One deadline of a case, as recorded.
 *
 * @param amount as in {@link DeadlineRule#amount()}, ISO-8601; null for {@link Basis#FIXED_DATE}
 * @param calendarRegion the working-day calendar's nation, for {@link Basis#WORKING_DAYS}
 */
public record Deadline(
    CaseRef caseRef,
    String kind,
    Instant dueAt,
    Basis basis,
    String amount,
    String calendarRegion,
    String seedSection,
    State state,
    Instant stateAt) {

  /** Where a deadline stands. */
  public enum State {
    OPEN,
    MET,
    MISSED,
    WAIVED
  }
}
