package uk.gov.council.commissioning.procurement;

/** The stage 1 decision; a failure needs its reason, which is reported back to the bidder. */
record Stage1Result(Stage1Outcome outcome, String reason) {

  public static Stage1Result pass() {
    return new Stage1Result(Stage1Outcome.PASS, null);
  }

  public static Stage1Result fail(String reason) {
    return new Stage1Result(Stage1Outcome.FAIL, reason);
  }
}
