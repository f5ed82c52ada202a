package uk.gov.council.commissioning.calendar;

/** The bank-holiday jurisdictions of the United Kingdom, as GOV.UK divides them. */
public enum Nation {
  ENGLAND_AND_WALES("england-and-wales"),
  SCOTLAND("scotland"),
  NORTHERN_IRELAND("northern-ireland");

  private final String division;

  Nation(String division) {
    this.division = division;
  }

  /** The key of this nation in GOV.UK's bank-holidays.json. */
  public String division() {
    return division;
  }
}
