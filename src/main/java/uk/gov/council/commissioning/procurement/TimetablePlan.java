package uk.gov.council.commissioning.procurement;

import java.time.LocalDate;

/**
 * An officer's planned procurement timetable: calendar days in UK time. Tasklist forms bind fields
 * of the same names, so a name here is also a form field's key.
 *
 * @param regime id of a regime in the regime data, e.g. PA2023
 * @param procedure id of one of that regime's procedures, e.g. OPEN
 * @param marketEngagementStart market engagement begins
 * @param marketEngagementEnd market engagement ends
 * @param tenderNoticeDate the tender notice (PCR 2015: contract notice) is published: the tender
 *     period starts
 * @param tenderCloseDate the deadline for tenders
 * @param evaluationEnd evaluation and interviews finished
 * @param awardAuthorisationEnd the award report is authorised
 * @param awardNoticeDate PA 2023: contract award notice published; PCR 2015: award decision notices
 *     sent. Standstill starts here.
 * @param contractSignatureDate the contract is entered into
 * @param commencementDate the service starts
 * @param plannedProcurementNoticeDate optional: a planned procurement notice (PA 2023) or prior
 *     information notice (PCR 2015) that may shorten the minimum tender period
 * @param voluntaryStandstill observe a standstill even where the regime does not require one
 */
record TimetablePlan(
    String regime,
    String procedure,
    LocalDate marketEngagementStart,
    LocalDate marketEngagementEnd,
    LocalDate tenderNoticeDate,
    LocalDate tenderCloseDate,
    LocalDate evaluationEnd,
    LocalDate awardAuthorisationEnd,
    LocalDate awardNoticeDate,
    LocalDate contractSignatureDate,
    LocalDate commencementDate,
    LocalDate plannedProcurementNoticeDate,
    boolean voluntaryStandstill) {

  /** The day a stage is planned to be finished by; null while the plan lacks that date. */
  public LocalDate plannedEnd(ProcurementStage stage) {
    return window(stage).end();
  }

  /** The day a stage is planned to begin; null while the plan lacks that date. */
  public LocalDate plannedStart(ProcurementStage stage) {
    return window(stage).start();
  }

  private record StageWindow(LocalDate start, LocalDate end) {}

  /**
   * Evaluation begins when tenders close and authorisation when evaluation ends (seed 000 §6.5 lets
   * neighbouring stages share a month); notification begins with the award notice.
   */
  private StageWindow window(ProcurementStage stage) {
    return switch (stage) {
      case MARKET_ENGAGEMENT -> new StageWindow(marketEngagementStart, marketEngagementEnd);
      case TENDER_PERIOD -> new StageWindow(tenderNoticeDate, tenderCloseDate);
      case EVALUATION -> new StageWindow(tenderCloseDate, evaluationEnd);
      case AWARD_AUTHORISATION -> new StageWindow(evaluationEnd, awardAuthorisationEnd);
      // Mobilisation runs up to the day before the service starts.
      case NOTIFICATION_AND_MOBILISATION ->
          new StageWindow(
              awardNoticeDate, commencementDate == null ? null : commencementDate.minusDays(1));
      case COMMENCEMENT -> new StageWindow(commencementDate, commencementDate);
    };
  }
}
