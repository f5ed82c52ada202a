package uk.gov.council.commissioning.extension;

/**
 * The deadlines of an extension case, each with the seed section it comes from. ESCALATION: the
 * contracts managers are alerted before the contract ends; LAPSE: the contract's last day begins
 * with the case undecided. The call-in period is the key-decision sub-process's deadline.
 */
enum ExtensionDeadline {
  ESCALATION("000 §4.9"),
  LAPSE("000 §12.1");

  private final String seedSection;

  ExtensionDeadline(String seedSection) {
    this.seedSection = seedSection;
  }

  String seedSection() {
    return seedSection;
  }
}
