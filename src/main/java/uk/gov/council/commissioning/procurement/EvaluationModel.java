package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;
import java.util.List;

/**
 * How bids are scored: the price/quality split in percent (together 100) and the stage 2 questions.
 * A council edits it per tender; {@link #seed000Default()} is the seed's template.
 */
record EvaluationModel(
    BigDecimal priceWeight, BigDecimal qualityWeight, List<QualityQuestion> questions) {

  /** The marking scale of the default model: each answer scored 0 to 5. */
  public static final BigDecimal SEED_MAX_SCORE = BigDecimal.valueOf(5);

  /**
   * Seed 000 §6.8: price 60%, quality 40% (§6.8.1); the indicative stage 2 questions and weights
   * (§6.8.2). The seed gives no marking scale; 0-5 is the common one for council tenders.
   */
  public static EvaluationModel seed000Default() {
    return new EvaluationModel(
        BigDecimal.valueOf(60),
        BigDecimal.valueOf(40),
        List.of(
            question("finance", "Mandatory Finance Question", 5),
            question("gdpr", "Mandatory GDPR Question", 10),
            question("service-delivery", "Service Delivery and Organisational Structure", 15),
            question("innovation-social-value", "Innovation and Social Value", 10),
            question("service-development", "Service Development", 10),
            question("safeguarding-whistleblowing", "Safeguarding and Whistleblowing", 10),
            question("risk-management", "Risk Management", 10),
            question("quality-assurance", "Quality Assurance", 10),
            question("service-demand", "Service Demand", 10),
            question("conflict-of-interest", "Conflict of Interest", 10)));
  }

  private static QualityQuestion question(String id, String title, int weight) {
    return new QualityQuestion(id, title, BigDecimal.valueOf(weight), SEED_MAX_SCORE);
  }
}
