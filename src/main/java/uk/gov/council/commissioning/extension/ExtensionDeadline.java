package uk.gov.council.commissioning.extension;

/**
 * The deadlines of an extension case, each with the seed section it comes from. ESCALATION: the
 * contracts managers are alerted before the contract ends; LAPSE: the contract's last day begins
 * with the case undecided; CALL_IN: the call-in period of a published key decision ends.
 */
enum ExtensionDeadline {
  ESCALATION("000 §4.9"),
  LAPSE("000 §12.1"),
  CALL_IN("000 front sheet (Call-in)");

  private final String seedSection;

  ExtensionDeadline(String seedSection) {
    this.seedSection = seedSection;
  }

  String seedSection() {
    return seedSection;
  }
}
