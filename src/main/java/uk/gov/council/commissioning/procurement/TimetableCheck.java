package uk.gov.council.commissioning.procurement;

import java.time.LocalDate;
import java.util.List;
import uk.gov.council.commissioning.procurement.ProcurementRegime.RuleBasis;

/**
 * What the timetable checker found. {@code lawful} is true when there are no problems; notes are
 * advice that refuses nothing.
 *
 * @param tenderPeriodDays calendar days from the tender notice to the tender deadline, when both
 *     are planned
 * @param minimumTenderPeriodDays the minimum that applied to this plan (statutory, or the council's
 *     policy where the law sets none)
 * @param standstillApplies whether a standstill period (mandatory, or voluntary and chosen) applies
 * @param standstillEnds the last day of the standstill period
 * @param contractMayBeEnteredInto the first day the contract may be entered into
 * @param contractDetailsNoticeDue when the notice that publishes the signed contract is due
 */
record TimetableCheck(
    String regime,
    String regimeName,
    boolean lawful,
    List<Problem> problems,
    List<Note> notes,
    Long tenderPeriodDays,
    Integer minimumTenderPeriodDays,
    boolean standstillApplies,
    LocalDate standstillEnds,
    LocalDate contractMayBeEnteredInto,
    List<NoticeDue> notices,
    LocalDate contractDetailsNoticeDue) {

  /** Something in the plan that must change: the field at fault, why, and the rule's source. */
  public record Problem(String field, String reason, String source) {}

  /** Advice about the plan; {@code field} is null when it concerns the plan as a whole. */
  public record Note(String field, String advice, String source) {}

  /** A notice the regime requires and the day it is due by (null while the plan lacks the date). */
  public record NoticeDue(
      String code,
      String name,
      LocalDate due,
      String when,
      boolean startsStandstill,
      RuleBasis basis,
      String source) {}
}
