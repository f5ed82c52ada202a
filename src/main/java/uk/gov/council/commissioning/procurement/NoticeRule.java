package uk.gov.council.commissioning.procurement;

import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import uk.gov.council.commissioning.procurement.ProcurementRegime.RuleBasis;
import uk.gov.council.commissioning.procurement.StandstillRule.CountFrom;

/**
 * A notice a regime requires and when it is due, relative to a date in the timetable.
 *
 * @param code the notice's code, e.g. UK4 for Find a Tender notices under the Procurement Act 2023
 * @param name the notice as an officer knows it
 * @param anchor the timetable date the deadline hangs on
 * @param timing on that date, on or before it, or within some days after it
 * @param days with WITHIN_AFTER: how many calendar days
 * @param countFrom with WITHIN_AFTER: whether the anchor day is day one
 * @param startsStandstill whether publishing or sending this notice starts the standstill period
 */
record NoticeRule(
    String code,
    String name,
    Anchor anchor,
    Timing timing,
    Integer days,
    CountFrom countFrom,
    boolean startsStandstill,
    RuleBasis basis,
    String source) {

  /** The timetable dates a notice can be due by. */
  @RequiredArgsConstructor
  public enum Anchor {
    TENDER_NOTICE("the tender notice is published"),
    AWARD_NOTICE("the award is announced"),
    CONTRACT_SIGNATURE("the contract is entered into");

    private final String event;

    public String event() {
      return event;
    }
  }

  public enum Timing {
    ON,
    ON_OR_BEFORE,
    WITHIN_AFTER
  }

  /**
   * Whether this notice is the advert that opens the tender period (published on the tender notice
   * date): bidders answer the conditions it advertises.
   */
  boolean opensTender() {
    return anchor == Anchor.TENDER_NOTICE && timing == Timing.ON;
  }

  List<String> inconsistencies(String regime) {
    List<String> found = new ArrayList<>();
    String where = regime + ", notice " + (ProcurementRegime.blank(code) ? "(no code)" : code);
    ProcurementRegime.requireText(found, where, "name", name);
    ProcurementRegime.requireText(found, where, "source", source);
    if (anchor == null || timing == null || basis == null) {
      found.add(where + ": needs an anchor, a timing and a basis");
    }
    if (timing == Timing.WITHIN_AFTER && (days == null || days <= 0 || countFrom == null)) {
      found.add(where + ": WITHIN_AFTER needs a positive number of days and countFrom");
    }
    if (startsStandstill && anchor != Anchor.AWARD_NOTICE) {
      found.add(where + ": only a notice anchored on AWARD_NOTICE can start the standstill period");
    }
    return found;
  }
}
