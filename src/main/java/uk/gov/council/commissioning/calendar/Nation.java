package uk.gov.council.commissioning.calendar;

import lombok.RequiredArgsConstructor;

/** The bank-holiday jurisdictions of the United Kingdom, as GOV.UK divides them. */
@RequiredArgsConstructor
public enum Nation {
  ENGLAND_AND_WALES("england-and-wales"),
  SCOTLAND("scotland"),
  NORTHERN_IRELAND("northern-ireland");

  private final String division;

  /** The key of this nation in GOV.UK's bank-holidays.json. */
  public String division() {
    return division;
  }
}
