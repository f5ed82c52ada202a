package uk.gov.council.commissioning.procurement;

import lombok.RequiredArgsConstructor;

/** The stages of a procurement, in the order of the seed's indicative timetable (seed 000 §6.5). */
@RequiredArgsConstructor
enum ProcurementStage {
  MARKET_ENGAGEMENT("Market engagement"),
  TENDER_PERIOD("Tender period"),
  EVALUATION("Tender close and evaluation and interviews"),
  AWARD_AUTHORISATION("Award report authorisation"),
  NOTIFICATION_AND_MOBILISATION("Notification and mobilisation"),
  COMMENCEMENT("Commencement of contract");

  private final String label;

  /** The stage as the officer's timetable names it. */
  public String label() {
    return label;
  }
}
