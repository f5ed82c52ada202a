package uk.gov.council.commissioning.procurement;

import static java.time.LocalDate.of;

import java.time.LocalDate;

/**
 * The indicative timetable of seed 000 §6.5 as concrete dates, with one change at a time for the
 * tests.
 *
 * <p>The seed gives months. Read as: a stage "from" a month starts on the month's first day, and a
 * notice or deadline falls on a working day (the tender notice on Monday 2 March 2020, tenders
 * close on Friday 29 May 2020); a stage "to" a month ends on that month's last day unless the next
 * stage starts in the same month, when it ends on the first working day of it (award authorisation
 * "to September 2020" ends Tuesday 1 September, notification "from September 2020" starts with the
 * award notice on Wednesday 2 September). "End 2019" is 1 December 2019. The contract is signed on
 * 1 October 2020, within "Notification and Mobilisation", and the service starts on 8 April 2021
 * (§6.4, §6.8). The regime is the seed's: the light touch regime of PCR 2015 (regs 74-76), whose
 * obligations §10.6 lists, by open tender (§4.8.7).
 */
final class SeedTimetable {

  String regime = "PCR2015_LIGHT_TOUCH";
  String procedure = "OPEN";
  LocalDate marketEngagementStart = of(2019, 12, 1);
  LocalDate marketEngagementEnd = of(2020, 2, 29);
  LocalDate tenderNoticeDate = of(2020, 3, 2);
  LocalDate tenderCloseDate = of(2020, 5, 29);
  LocalDate evaluationEnd = of(2020, 7, 31);
  LocalDate awardAuthorisationEnd = of(2020, 9, 1);
  LocalDate awardNoticeDate = of(2020, 9, 2);
  LocalDate contractSignatureDate = of(2020, 10, 1);
  LocalDate commencementDate = of(2021, 4, 8);
  LocalDate plannedProcurementNoticeDate;
  boolean voluntaryStandstill;

  static SeedTimetable seed() {
    return new SeedTimetable();
  }

  SeedTimetable under(String regime) {
    this.regime = regime;
    return this;
  }

  TimetablePlan plan() {
    return new TimetablePlan(
        regime,
        procedure,
        marketEngagementStart,
        marketEngagementEnd,
        tenderNoticeDate,
        tenderCloseDate,
        evaluationEnd,
        awardAuthorisationEnd,
        awardNoticeDate,
        contractSignatureDate,
        commencementDate,
        plannedProcurementNoticeDate,
        voluntaryStandstill);
  }
}
