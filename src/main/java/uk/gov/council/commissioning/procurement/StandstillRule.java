package uk.gov.council.commissioning.procurement;

import java.util.ArrayList;
import java.util.List;
import uk.gov.council.commissioning.procurement.ProcurementRegime.RuleBasis;

/**
 * The wait between announcing the award and entering into the contract, during which a bidder may
 * challenge the decision.
 *
 * @param length how many days
 * @param unit calendar or working days
 * @param mandatory false where the council may choose a voluntary standstill instead
 * @param startsWith the event that starts it, in words
 * @param countFrom whether the day of that event is day one or the day after is
 * @param ifLastDayNotWorkingDay what happens when the last day is not a working day
 */
record StandstillRule(
    Integer length,
    DayUnit unit,
    boolean mandatory,
    String startsWith,
    CountFrom countFrom,
    LastDayRule ifLastDayNotWorkingDay,
    RuleBasis basis,
    String source) {

  public enum DayUnit {
    CALENDAR_DAYS,
    WORKING_DAYS
  }

  /** EVENT_DAY: "beginning with the day" of the event. DAY_AFTER_EVENT: "after" the event. */
  public enum CountFrom {
    EVENT_DAY,
    DAY_AFTER_EVENT
  }

  public enum LastDayRule {
    NO_CHANGE,
    EXTEND_TO_NEXT_WORKING_DAY
  }

  List<String> inconsistencies(String regime) {
    List<String> found = new ArrayList<>();
    String where = regime + ", standstill";
    if (length == null
        || length <= 0
        || unit == null
        || countFrom == null
        || ifLastDayNotWorkingDay == null
        || basis == null) {
      found.add(
          where
              + ": needs a positive length, a unit, countFrom, ifLastDayNotWorkingDay and a basis");
    }
    ProcurementRegime.requireText(found, where, "startsWith", startsWith);
    ProcurementRegime.requireText(found, where, "source", source);
    return found;
  }
}
