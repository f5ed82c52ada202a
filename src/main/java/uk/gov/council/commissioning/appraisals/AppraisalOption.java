package uk.gov.council.commissioning.appraisals;

/**
 * One option of a decision report (seed 003: three options; seed 000 §4.8): what it is, its
 * opportunities and risks, whether the report recommends it and why, and what a resolution for it
 * starts.
 */
public record AppraisalOption(
    int number,
    String description,
    String opportunities,
    String risks,
    boolean recommended,
    String reasons,
    Effect effect) {

  /** What a resolution for the option starts. */
  public enum Effect {
    /** A new contract is procured. */
    PROCURE,
    /** The current contract is extended (its next option). */
    EXTEND,
    /** Nothing to start: the resolution is recorded (e.g. no contract at all). */
    OTHER
  }
}
