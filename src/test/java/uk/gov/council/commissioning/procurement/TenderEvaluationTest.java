package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.council.commissioning.procurement.EvaluationResult.ExcludedBid;
import uk.gov.council.commissioning.procurement.EvaluationResult.RankedBid;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/** Scoring and ranking of tenders under seed 000 §6.8 (price 60%, quality 40%, two stages). */
class TenderEvaluationTest {

  static final EvaluationModel SEED = EvaluationModel.seed000Default();

  /*
   * The small tender, worked by hand with the seed's weights (0-5 scale). Question weights in
   * seed order: finance 5, GDPR 10, service delivery 15, innovation 10, development 10,
   * safeguarding 10, risk 10, quality assurance 10, demand 10, conflict of interest 10.
   *
   * Weighted % = Σ score/5 × weight;  quality = weighted % × 40/100;  price = 100,000/price × 60.
   *
   * Acorn Care  PASS  all 3                    weighted 60            quality 24.00
   *                   price 100,000 (lowest compliant)                 price  60.00   total 84.00
   * Birch Homes PASS  5,5,5,4,4,5,4,5,4,5      5+10+15+8+8+10+8+10+8+10 = 92
   *                                                                    quality 36.80
   *                   price 120,000: 100/120 × 60 = 50                 price  50.00   total 86.80
   * Cedar Ltd   FAIL  no employer's liability insurance; price 80,000 is lower but does not set
   *                   the benchmark (only compliant prices do)
   * Dale Support PASS 2,4,3,2,3,4,3,4,3,5      2+8+9+4+6+8+6+8+6+10 = 67
   *                                                                    quality 26.80
   *                   price 110,000: 100/110 × 60 = 54.5454… → 54.55   price  54.55   total 81.35
   *
   * Ranking: 1 Birch 86.80, 2 Acorn 84.00, 3 Dale 81.35; Cedar excluded.
   */
  @Test
  void theHandWorkedTenderComesOutExactly() {
    EvaluationResult result =
        evaluateWithTheSeed(
            passed("Acorn Care", "100000", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
            passed("Birch Homes", "120000", 5, 5, 5, 4, 4, 5, 4, 5, 4, 5),
            failed("Cedar Ltd", "80000", "No evidence of employer's liability insurance"),
            passed("Dale Support", "110000", 2, 4, 3, 2, 3, 4, 3, 4, 3, 5));

    assertThat(result.lowestCompliantPrice()).isEqualByComparingTo("100000");
    assertThat(result.ranking())
        .containsExactly(
            ranked(1, "Birch Homes", "36.80", "50.00", "86.80", "120000", false),
            ranked(2, "Acorn Care", "24.00", "60.00", "84.00", "100000", false),
            ranked(3, "Dale Support", "26.80", "54.55", "81.35", "110000", false));
    assertThat(result.excluded())
        .containsExactly(
            new ExcludedBid("Cedar Ltd", "No evidence of employer's liability insurance"));
    assertThat(result.panelDecisionNeeded()).isFalse();
    assertThat(result.model()).isEqualTo(SEED);
  }

  @Test
  void theOrderOfTheBidsDoesNotChangeTheResult() {
    List<Bid> bids =
        new ArrayList<>(
            List.of(
                passed("Acorn Care", "100000", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
                passed("Birch Homes", "120000", 5, 5, 5, 4, 4, 5, 4, 5, 4, 5),
                failed("Cedar Ltd", "80000", "Late")));
    EvaluationResult forwards = TenderEvaluation.evaluate(SEED, bids);
    java.util.Collections.reverse(bids);

    assertThat(TenderEvaluation.evaluate(SEED, bids)).isEqualTo(forwards);
  }

  @Test
  void theSeedTemplateIsSixtyFortyWithTenQuestionsOnAFivePointScale() {
    assertThat(SEED.priceWeight()).isEqualByComparingTo("60");
    assertThat(SEED.qualityWeight()).isEqualByComparingTo("40");
    assertThat(SEED.questions())
        .extracting(QualityQuestion::title)
        .containsExactly(
            "Mandatory Finance Question",
            "Mandatory GDPR Question",
            "Service Delivery and Organisational Structure",
            "Innovation and Social Value",
            "Service Development",
            "Safeguarding and Whistleblowing",
            "Risk Management",
            "Quality Assurance",
            "Service Demand",
            "Conflict of Interest");
    assertThat(SEED.questions())
        .extracting(q -> q.weight().intValue())
        .containsExactly(5, 10, 15, 10, 10, 10, 10, 10, 10, 10);
    assertThat(SEED.questions())
        .allSatisfy(q -> assertThat(q.maxScore()).isEqualByComparingTo("5"));
  }

  /*
   * Equal totals: Xenon 100,000 all 3 -> quality 24.00, price 60.00, total 84.00.
   * Yarrow 120,000, all 5 but service delivery 2 (15 × 2/5 = 6) and innovation 2 (10 × 2/5 = 4):
   * 5+10+6+4+10+10+10+10+10+10 = 85 -> quality 34.00, price 50.00, total 84.00.
   * Yarrow ranks first on its higher quality score.
   *
   * Equal total and quality: Zeta and Alpha both 100,000, all 4: quality 32.00, price 60.00,
   * total 92.00 -> both rank 1, flagged for the panel, listed by name. Mid 200,000, all 4:
   * price 30.00, total 62.00 -> rank 3.
   */
  static Stream<Arguments> ties() {
    return Stream.of(
        arguments(
            "on equal totals the higher quality score ranks first",
            List.of(
                passed("Xenon", "100000", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
                passed("Yarrow", "120000", 5, 5, 2, 2, 5, 5, 5, 5, 5, 5)),
            List.of(
                ranked(1, "Yarrow", "34.00", "50.00", "84.00", "120000", false),
                ranked(2, "Xenon", "24.00", "60.00", "84.00", "100000", false)),
            false),
        arguments(
            "equal total and quality share the rank and go to the panel",
            List.of(
                passed("Zeta", "100000", 4, 4, 4, 4, 4, 4, 4, 4, 4, 4),
                passed("Mid", "200000", 4, 4, 4, 4, 4, 4, 4, 4, 4, 4),
                passed("Alpha", "100000", 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)),
            List.of(
                ranked(1, "Alpha", "32.00", "60.00", "92.00", "100000", true),
                ranked(1, "Zeta", "32.00", "60.00", "92.00", "100000", true),
                ranked(3, "Mid", "32.00", "30.00", "62.00", "200000", false)),
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ties")
  void tiesAreBrokenOnQualityAndOtherwiseGoToThePanel(
      String tie, List<Bid> bids, List<RankedBid> ranking, boolean panelDecisionNeeded) {
    EvaluationResult result = TenderEvaluation.evaluate(SEED, bids);

    assertThat(result.ranking()).containsExactlyElementsOf(ranking);
    assertThat(result.panelDecisionNeeded()).isEqualTo(panelDecisionNeeded);
    assertThat(result.tieRule()).contains("higher quality score").contains("panel");
  }

  /* 100 / 48,000 × 60 = 0.125 exactly: half up gives 0.13 (half even would give 0.12). */
  @Test
  void scoresAreRoundedHalfUpToTwoPlaces() {
    EvaluationResult result =
        evaluateWithTheSeed(
            passed("Cheap", "100", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            passed("Dear", "48000", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

    assertThat(result.ranking().get(1).priceScore()).isEqualTo(dec("0.13"));
    assertThat(result.ranking().get(1).totalScore()).isEqualTo(dec("0.13"));
  }

  /* A 0-10 scale, one question 100%: 7/10 × 100 × 50/100 = 35.00; price 50.00. */
  @Test
  void anEditedModelWithATenPointScaleIsUsed() {
    EvaluationModel model =
        new EvaluationModel(
            dec("50"),
            dec("50"),
            List.of(new QualityQuestion("method", "Method statement", dec("100"), dec("10"))));

    EvaluationResult result =
        TenderEvaluation.evaluate(
            model,
            List.of(new Bid("Solo", Stage1Result.pass(), Map.of("method", dec("7")), dec("5000"))));

    assertThat(result.ranking())
        .containsExactly(ranked(1, "Solo", "35.00", "50.00", "85.00", "5000", false));
  }

  // --- validation: each rule names its field ----------------------------------------------------

  @Test
  void priceAndQualityWeightsMustTotal100() {
    EvaluationModel model = new EvaluationModel(dec("60"), dec("30"), SEED.questions());
    assertThat(problems(model, List.of(acorn())))
        .containsExactlyInAnyOrder("model.priceWeight", "model.qualityWeight");
  }

  @Test
  void questionWeightsMustTotal100() {
    List<QualityQuestion> questions = new ArrayList<>(SEED.questions());
    questions.set(
        0, new QualityQuestion("finance", "Mandatory Finance Question", dec("10"), dec("5")));
    EvaluationModel model = new EvaluationModel(dec("60"), dec("40"), questions);
    assertThat(problems(model, List.of(acorn()))).containsExactly("model.questions");
  }

  @Test
  void aMissingOrOutOfRangeScoreIsNamed() {
    Map<String, BigDecimal> scores = new LinkedHashMap<>(acorn().scores());
    scores.remove("gdpr");
    scores.put("risk-management", dec("6"));
    scores.put("service-demand", dec("-1"));
    Bid bid = new Bid("Acorn Care", Stage1Result.pass(), scores, dec("100000"));
    assertThat(problems(SEED, List.of(bid)))
        .containsExactlyInAnyOrder(
            "bids[0].scores.gdpr",
            "bids[0].scores.risk-management",
            "bids[0].scores.service-demand");
  }

  @Test
  void aScoreForAQuestionNotInTheModelIsNamed() {
    Map<String, BigDecimal> scores = new LinkedHashMap<>(acorn().scores());
    scores.put("pricing-strategy", dec("3"));
    Bid bid = new Bid("Acorn Care", Stage1Result.pass(), scores, dec("100000"));
    assertThat(problems(SEED, List.of(bid))).containsExactly("bids[0].scores.pricing-strategy");
  }

  @Test
  void pricesMustBePresentAndPositive() {
    Bid zero = new Bid("Zero", Stage1Result.pass(), acorn().scores(), dec("0"));
    Bid missing = new Bid("Missing", Stage1Result.pass(), acorn().scores(), null);
    Bid negative = new Bid("Negative", Stage1Result.pass(), acorn().scores(), dec("-5"));
    assertThat(problems(SEED, List.of(zero, missing, negative)))
        .containsExactly("bids[0].totalPrice", "bids[1].totalPrice", "bids[2].totalPrice");
  }

  @Test
  void aBidderWhoFailedStage1MustHaveNoStage2ScoresAndAReason() {
    Bid scored = new Bid("Cedar Ltd", Stage1Result.fail("Late"), acorn().scores(), dec("80000"));
    Bid noReason = new Bid("Elm", Stage1Result.fail(" "), Map.of(), dec("80000"));
    assertThat(problems(SEED, List.of(acorn(), scored, noReason)))
        .containsExactly("bids[1].scores", "bids[2].stage1.reason");
  }

  @Test
  void duplicateBidderNamesAreNamed() {
    Bid again = new Bid("acorn care ", Stage1Result.pass(), acorn().scores(), dec("90000"));
    assertThat(problems(SEED, List.of(acorn(), again))).containsExactly("bids[1].bidder");
  }

  @Test
  void thereMustBeBids() {
    assertThat(problems(SEED, List.of())).containsExactly("bids");
    assertThat(problems(SEED, null)).containsExactly("bids");
  }

  @Test
  void whenEveryBidderFailedStage1NothingIsRankedAndEveryBidIsListedWithItsReason() {
    EvaluationResult result =
        evaluateWithTheSeed(
            failed("Cedar Ltd", "80000", "Late"), failed("Alder Care", "95000", "No insurance"));
    assertThat(result.ranking()).isEmpty();
    assertThat(result.lowestCompliantPrice()).isNull();
    assertThat(result.panelDecisionNeeded()).isFalse();
    assertThat(result.excluded())
        .extracting(EvaluationResult.ExcludedBid::bidder, EvaluationResult.ExcludedBid::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Alder Care", "No insurance"),
            org.assertj.core.groups.Tuple.tuple("Cedar Ltd", "Late"));
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    EvaluationModel model =
        new EvaluationModel(
            null, dec("40"), List.of(new QualityQuestion("q", "Q", dec("100"), dec("0"))));
    Bid noStage1 = new Bid("", null, Map.of(), dec("1"));
    assertThat(problems(model, List.of(noStage1)))
        .containsExactlyInAnyOrder(
            "model.priceWeight",
            "model.questions[0].maxScore",
            "bids[0].bidder",
            "bids[0].stage1.outcome");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static List<String> problems(EvaluationModel model, List<Bid> bids) {
    try {
      TenderEvaluation.evaluate(model, bids);
    } catch (InvalidRequestException e) {
      return e.getErrors().stream().map(FieldProblem::field).toList();
    }
    throw new AssertionError("expected the request to be refused");
  }

  private static Bid acorn() {
    return passed("Acorn Care", "100000", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
  }

  /** Scores in the seed's question order. */
  static Bid passed(String bidder, String price, int... scores) {
    Map<String, BigDecimal> byQuestion = new LinkedHashMap<>();
    for (int i = 0; i < scores.length; i++) {
      byQuestion.put(SEED.questions().get(i).id(), BigDecimal.valueOf(scores[i]));
    }
    return new Bid(bidder, Stage1Result.pass(), byQuestion, dec(price));
  }

  static Bid failed(String bidder, String price, String reason) {
    return new Bid(bidder, Stage1Result.fail(reason), Map.of(), dec(price));
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  private static EvaluationResult evaluateWithTheSeed(Bid... bids) {
    return TenderEvaluation.evaluate(SEED, List.of(bids));
  }

  /** A bid's place in the ranking, its scores as written in the worked examples. */
  private static RankedBid ranked(
      int rank,
      String bidder,
      String quality,
      String price,
      String total,
      String bidPrice,
      boolean panelDecision) {
    return new RankedBid(
        rank, bidder, dec(quality), dec(price), dec(total), dec(bidPrice), panelDecision);
  }
}
