package uk.gov.council.commissioning.procurement;

import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.procurement.ProcurementRegime.WorkingDayDefinition;
import uk.gov.council.commissioning.procurement.StandstillRule.CountFrom;
import uk.gov.council.commissioning.procurement.StandstillRule.DayUnit;
import uk.gov.council.commissioning.procurement.StandstillRule.LastDayRule;

/** A regime's date arithmetic: its working days, its standstill and its notice deadlines. */
@RequiredArgsConstructor
final class RegimeDates {

  private final ProcurementRegime regime;
  private final WorkingDayCalendar calendar;

  boolean isWorkingDay(LocalDate date) {
    return ukWide() ? calendar.isWorkingDayThroughoutUk(date) : calendar.isWorkingDay(date);
  }

  private LocalDate addWorkingDays(LocalDate start, int workingDays) {
    return ukWide()
        ? calendar.addWorkingDaysThroughoutUk(start, workingDays)
        : calendar.addWorkingDays(start, workingDays);
  }

  private boolean ukWide() {
    return regime.workingDays().definition() == WorkingDayDefinition.UK_WIDE;
  }

  /**
   * The last day of the standstill period that starts with {@code event}; the contract may follow
   * the next day.
   */
  LocalDate standstillLastDay(LocalDate event) {
    StandstillRule rule = regime.standstill();
    LocalDate last =
        rule.unit() == DayUnit.WORKING_DAYS
            ? lastWorkingDay(event, rule.length(), rule.countFrom())
            : lastCalendarDay(event, rule.length(), rule.countFrom());
    if (rule.ifLastDayNotWorkingDay() == LastDayRule.EXTEND_TO_NEXT_WORKING_DAY) {
      last = addWorkingDays(last, 0);
    }
    return last;
  }

  private LocalDate lastWorkingDay(LocalDate event, int length, CountFrom countFrom) {
    // "Beginning with" a day that is not a working day: the first working day after it is day one.
    boolean eventIsDayOne = countFrom == CountFrom.EVENT_DAY && isWorkingDay(event);
    return addWorkingDays(event, eventIsDayOne ? length - 1 : length);
  }

  static LocalDate lastCalendarDay(LocalDate event, int length, CountFrom countFrom) {
    return countFrom == CountFrom.EVENT_DAY ? event.plusDays(length - 1L) : event.plusDays(length);
  }

  /** The day a notice is due by, given the timetable date it hangs on. */
  static LocalDate noticeDue(NoticeRule notice, LocalDate anchorDate) {
    return switch (notice.timing()) {
      case ON, ON_OR_BEFORE -> anchorDate;
      case WITHIN_AFTER -> lastCalendarDay(anchorDate, notice.days(), notice.countFrom());
    };
  }
}
