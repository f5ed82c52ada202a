package uk.gov.council.commissioning.procurement;

import java.util.ArrayList;
import java.util.List;
import uk.gov.council.commissioning.procurement.ProcurementRegime.RuleBasis;

/**
 * A procedure a regime allows and the minimum tender period it sets, from the tender notice to the
 * tender deadline.
 *
 * @param id short id, e.g. OPEN
 * @param name the procedure in messages, e.g. "open procedure"
 * @param participation a period for requests to participate that the tender period must also hold
 *     (two-stage procedures); null when there is none to add
 * @param minimum the minimum when no reduction applies; null when the law sets none (light touch),
 *     in which case the council's policy minimum applies
 * @param electronicSubmission the minimum when tenders are submitted electronically; null when that
 *     changes nothing
 * @param plannedNotice the minimum after a timely planned procurement notice or prior information
 *     notice
 * @param note advice shown whenever this procedure is planned
 */
record TenderingProcedure(
    String id,
    String name,
    MinimumPeriod participation,
    MinimumPeriod minimum,
    MinimumPeriod electronicSubmission,
    PlannedNoticeReduction plannedNotice,
    String note) {

  /** A minimum number of calendar days and where it comes from. */
  public record MinimumPeriod(Integer days, RuleBasis basis, String source) {}

  /**
   * A shorter minimum for a procurement announced in advance: the notice must have been published
   * at least {@code publishedAtLeastDaysBefore} days and at most {@code
   * publishedAtMostMonthsBefore} months before the tender notice.
   */
  public record PlannedNoticeReduction(
      String notice,
      Integer days,
      Integer publishedAtLeastDaysBefore,
      Integer publishedAtMostMonthsBefore,
      RuleBasis basis,
      String source) {}

  /** Whether the law sets a minimum tender period for this procedure. */
  public boolean hasStatutoryMinimum() {
    return minimum != null;
  }

  List<String> inconsistencies(String regime) {
    List<String> found = new ArrayList<>();
    String where = regime + ", procedure " + (ProcurementRegime.blank(id) ? "(no id)" : id);
    ProcurementRegime.requireText(found, where, "name", name);
    checkPeriod(found, where, "participation", participation);
    checkPeriod(found, where, "minimum", minimum);
    checkPeriod(found, where, "electronicSubmission", electronicSubmission);
    if (minimum == null && (electronicSubmission != null || plannedNotice != null)) {
      found.add(
          where
              + ": electronicSubmission and plannedNotice reduce a minimum, so minimum is required with them");
    }
    if (minimum != null
        && electronicSubmission != null
        && positive(minimum.days())
        && positive(electronicSubmission.days())
        && electronicSubmission.days() > minimum.days()) {
      found.add(where + ": electronicSubmission.days must not be longer than minimum.days");
    }
    if (plannedNotice != null) {
      ProcurementRegime.requireText(found, where, "plannedNotice.notice", plannedNotice.notice());
      ProcurementRegime.requireText(found, where, "plannedNotice.source", plannedNotice.source());
      if (!positive(plannedNotice.days())
          || !positive(plannedNotice.publishedAtLeastDaysBefore())
          || !positive(plannedNotice.publishedAtMostMonthsBefore())
          || plannedNotice.basis() == null) {
        found.add(
            where
                + ": plannedNotice needs positive days, publishedAtLeastDaysBefore and"
                + " publishedAtMostMonthsBefore, and a basis");
      }
    }
    return found;
  }

  private static void checkPeriod(
      List<String> found, String where, String field, MinimumPeriod period) {
    if (period == null) {
      return;
    }
    if (!positive(period.days()) || period.basis() == null) {
      found.add(where + ": " + field + " needs a positive number of days and a basis");
    }
    ProcurementRegime.requireText(found, where, field + ".source", period.source());
  }

  private static boolean positive(Integer value) {
    return value != null && value > 0;
  }
}
