package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of an evaluation, with the model it used, so the figures can be checked again from
 * what is written here alone.
 */
record EvaluationResult(
    EvaluationModel model,
    BigDecimal lowestCompliantPrice,
    List<RankedBid> ranking,
    List<ExcludedBid> excluded,
    boolean panelDecisionNeeded,
    String tieRule,
    String rounding) {

  /**
   * A compliant bid's scores. {@code tied} marks a bid whose total and quality score both equal
   * another's: the panel decides between them.
   */
  public record RankedBid(
      int rank,
      String bidder,
      BigDecimal qualityScore,
      BigDecimal priceScore,
      BigDecimal totalScore,
      BigDecimal totalPrice,
      boolean tied) {}

  /** A bid that failed stage 1: listed with its reason, never scored or ranked. */
  public record ExcludedBid(String bidder, String reason) {}
}
