package uk.gov.council.commissioning.qaf;

import java.time.Instant;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadline;
import uk.gov.council.commissioning.deadlines.Deadlines;

/** How the QAF processes record their {@code case_deadline} rows. */
final class DeadlineRows {

  private DeadlineRows() {}

  /**
   * Waives the deadline if it is still open: one already met or missed keeps its outcome, which a
   * plain waive would overwrite.
   */
  static void waiveIfOpen(Deadlines deadlines, CaseRef ref, String kind) {
    if (deadlines.find(ref, kind).filter(d -> d.state() == Deadline.State.OPEN).isPresent()) {
      deadlines.waive(ref, kind);
    }
  }

  /**
   * Records a deadline that falls at a fixed UK midnight (a date computed from the meeting or the
   * register), as the end of the day before it.
   */
  static void fixedAt(
      Deadlines deadlines, CaseRef ref, String kind, Instant midnight, String seedSection) {
    deadlines.reschedule(ref, kind, Deadlines.lastDay(midnight), seedSection);
  }
}
