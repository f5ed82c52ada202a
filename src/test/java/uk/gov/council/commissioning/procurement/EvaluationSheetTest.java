package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.council.commissioning.testkit.InvalidRequests.assertRefusedWith;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.procurement.EvaluationResult.ExcludedBid;
import uk.gov.council.commissioning.procurement.EvaluationResult.RankedBid;
import uk.gov.council.commissioning.web.FieldProblem;

/** Tender evaluations typed or pasted into the task form's two textareas. */
class EvaluationSheetTest {

  static final BigDecimal SIXTY = BigDecimal.valueOf(60);
  static final BigDecimal FORTY = BigDecimal.valueOf(40);
  static final BigDecimal FIVE = BigDecimal.valueOf(5);

  /**
   * The hand-worked tender of TenderEvaluationTest: tab-separated rows as pasted from a spreadsheet
   * (with a trailing empty column) and typed rows with pipes, £ signs, commas and lower-case
   * results.
   */
  static final String TENDER =
      """
      # Bidder | price | stage 1 | scores
      Acorn Care\t£100,000\tPASS\t3\t3\t3\t3\t3\t3\t3\t3\t3\t3\t

      Birch Homes | £120,000.00 | pass | 5 | 5 | 5 | 4 | 4 | 5 | 4 | 5 | 4 | 5
      Cedar Ltd | 80000 | Fail | No evidence of employer's liability insurance
      Dale Support\t110000\tPASS\t2\t4\t3\t2\t3\t4\t3\t4\t3\t5
      """;

  // --- the happy path ---------------------------------------------------------------------------

  @Test
  void tabsPipesPoundSignsAndCommasAreRead() {
    EvaluationRequest request = parseTender(TENDER);

    assertThat(request.bids())
        .extracting(Bid::bidder)
        .containsExactly("Acorn Care", "Birch Homes", "Cedar Ltd", "Dale Support");
    assertThat(request.bids())
        .extracting(Bid::totalPrice)
        .containsExactly(dec("100000"), dec("120000.00"), dec("80000"), dec("110000"));
    assertThat(request.bids().get(1).stage1()).isEqualTo(Stage1Result.pass());
    assertThat(request.bids().get(1).scores())
        .containsExactly(
            Map.entry("mandatory-finance-question", dec("5")),
            Map.entry("mandatory-gdpr-question", dec("5")),
            Map.entry("service-delivery-and-organisational-structure", dec("5")),
            Map.entry("innovation-and-social-value", dec("4")),
            Map.entry("service-development", dec("4")),
            Map.entry("safeguarding-and-whistleblowing", dec("5")),
            Map.entry("risk-management", dec("4")),
            Map.entry("quality-assurance", dec("5")),
            Map.entry("service-demand", dec("4")),
            Map.entry("conflict-of-interest", dec("5")));
    assertThat(request.bids().get(2).stage1())
        .isEqualTo(Stage1Result.fail("No evidence of employer's liability insurance"));
    assertThat(request.bids().get(2).scores()).isEmpty();
  }

  @Test
  void theTemplateIsTheSeedsQuestionsAndWeights() {
    EvaluationModel model = parseTender(TENDER).model();
    EvaluationModel seed = EvaluationModel.seed000Default();

    assertThat(model.priceWeight()).isEqualByComparingTo("60");
    assertThat(model.qualityWeight()).isEqualByComparingTo("40");
    assertThat(model.questions())
        .extracting(QualityQuestion::title)
        .containsExactlyElementsOf(seed.questions().stream().map(QualityQuestion::title).toList());
    assertThat(model.questions())
        .extracting(QualityQuestion::weight)
        .containsExactlyElementsOf(seed.questions().stream().map(QualityQuestion::weight).toList());
    assertThat(model.questions())
        .allSatisfy(q -> assertThat(q.maxScore()).isEqualByComparingTo("5"));
    assertThat(EvaluationSheet.questionsTemplate())
        .startsWith("#")
        .contains("Service Delivery and Organisational Structure | 15\n");
  }

  /* Figures worked by hand in TenderEvaluationTest: Birch 86.80, Acorn 84.00, Dale 81.35; Cedar out. */
  @Test
  void aPastedTenderScoresAsWorkedByHand() {
    EvaluationResult result =
        TenderEvaluation.evaluate(parseTender(TENDER).model(), parseTender(TENDER).bids());

    assertThat(result.ranking())
        .containsExactly(
            new RankedBid(
                1,
                "Birch Homes",
                dec("36.80"),
                dec("50.00"),
                dec("86.80"),
                dec("120000.00"),
                false),
            new RankedBid(
                2, "Acorn Care", dec("24.00"), dec("60.00"), dec("84.00"), dec("100000"), false),
            new RankedBid(
                3, "Dale Support", dec("26.80"), dec("54.55"), dec("81.35"), dec("110000"), false));
    assertThat(result.excluded())
        .containsExactly(
            new ExcludedBid("Cedar Ltd", "No evidence of employer's liability insurance"));
  }

  @Test
  void weightsMayCarryAPercentSignAndQuestionsAnEditedScale() {
    EvaluationRequest request =
        EvaluationSheet.parse(
            "Method statement\t70%\nSocial value | 30 %\n",
            dec("50"), dec("50"), dec("10"), "Solo | 5,000 | PASS | 7 | 10");

    assertThat(request.model().questions())
        .containsExactly(
            new QualityQuestion("method-statement", "Method statement", dec("70"), dec("10")),
            new QualityQuestion("social-value", "Social value", dec("30"), dec("10")));
    assertThat(request.bids().get(0).totalPrice()).isEqualTo(dec("5000"));
  }

  @Test
  void aFailedBidderMayLeaveItsPriceBlank() {
    EvaluationRequest request = parseTender(TENDER + "Elm Care |  | FAIL | Late\n");
    assertThat(request.bids().get(4))
        .isEqualTo(new Bid("Elm Care", Stage1Result.fail("Late"), Map.of(), null));
  }

  // --- the form of the lines: each problem names its field and line
  // -------------------------------

  @Test
  void tooFewScoresNamesTheLineAndBidder() {
    assertThat(bidProblems("# header\n\nAcme Care | 90000 | PASS | 3 | 3 | 3 | 3\n"))
        .containsExactly(
            "evaluationBids line 3 (Acme Care): 4 scores given, the questions need 10");
  }

  @Test
  void aPriceThatIsNotAnAmountIsNamed() {
    assertThat(bidProblems(acorn() + "\nBad Price | 12,5x | PASS" + threes()))
        .containsExactly("evaluationBids line 2 (Bad Price): price '12,5x' is not an amount");
    // A decimal comma is refused rather than read as a thousands separator.
    assertThat(bidProblems(acorn() + "\nEuro | 12,5 | PASS" + threes()))
        .containsExactly("evaluationBids line 2 (Euro): price '12,5' is not an amount");
  }

  @Test
  void duplicateBidderNamesAreNamedOnTheRepeatedLine() {
    assertThat(bidProblems(acorn() + "\n" + acorn().replace("100000", "90000").toUpperCase()))
        .containsExactly(
            "evaluationBids line 2 (ACORN CARE): bidder 'ACORN CARE' has more than one bid");
  }

  @Test
  void aBidderWhoFailedStage1TakesNoScores() {
    assertThat(bidProblems(acorn() + "\nCedar Ltd | 80000 | FAIL | Late | 3 | 4"))
        .containsExactly(
            "evaluationBids line 2 (Cedar Ltd): failed stage 1, so it takes no stage 2 scores,"
                + " only a reason; found 2 more cell(s) after the reason");
  }

  @Test
  void aFailNeedsItsReason() {
    assertThat(bidProblems(acorn() + "\nCedar Ltd | 80000 | FAIL"))
        .containsExactly(
            "evaluationBids line 2 (Cedar Ltd): FAIL needs the reason in the fourth cell");
    assertThat(bidProblems(acorn() + "\nCedar Ltd | 80000 | FAIL |  "))
        .containsExactly(
            "evaluationBids line 2 (Cedar Ltd): FAIL needs the reason in the fourth cell");
  }

  @Test
  void stage1MustBePassOrFail() {
    assertThat(bidProblems(acorn() + "\nElm | 80000 | maybe" + threes()))
        .containsExactly(
            "evaluationBids line 2 (Elm): stage 1 result 'maybe' must be PASS or FAIL");
  }

  @Test
  void aScoreThatIsNotANumberIsNamedByPosition() {
    assertThat(bidProblems("Elm | 80000 | PASS | 3 | three | 3 | 3 | 3 | 3 | 3 | 3 | 3 | 3"))
        .containsExactly("evaluationBids line 1 (Elm): score 2 ('three') is not a number");
  }

  @Test
  void aLineWithoutPriceAndResultIsNamed() {
    assertThat(bidProblems(acorn() + "\n\tJust a name"))
        .containsExactly(
            "evaluationBids line 2: no bidder name",
            "evaluationBids line 2: 2 cells; a bid line is \"bidder | total price | PASS | scores…\""
                + " or \"bidder | total price | FAIL | reason\"");
  }

  @Test
  void questionLinesNeedATitleAndANumericWeight() {
    assertThat(
            problems(
                "# question | weight\nGood | 40\nWordy | ten\nNo weight\n | 30\nA | 1 | 2\n",
                SIXTY,
                FORTY,
                FIVE,
                "Elm | 1000 | PASS | 1 | 1 | 1 | 1 | 1"))
        .containsExactly(
            "evaluationQuestions line 3 (Wordy): weight 'ten' is not a number",
            "evaluationQuestions line 4 (No weight): no weight: write \"question | weight\"",
            "evaluationQuestions line 5: the question has no title",
            "evaluationQuestions line 6 (A): 3 cells; a question line is \"question | weight\"");
  }

  // --- TenderEvaluation's rules, reported against the sheet
  // ----------------------------------------

  @Test
  void priceAndQualityWeightsMustTotal100() {
    assertThat(problems(EvaluationSheet.questionsTemplate(), SIXTY, dec("30"), FIVE, acorn()))
        .containsExactly(
            "priceWeight: price weight 60% and quality weight 30% must total 100%",
            "qualityWeight: price weight 60% and quality weight 30% must total 100%");
  }

  @Test
  void questionWeightsMustTotal100AndEachBeAPercentage() {
    assertThat(
            problems(
                "Method | 150\nSocial value | 10\n",
                SIXTY,
                FORTY,
                FIVE,
                "Elm | 1000 | PASS | 1 | 1"))
        .containsExactly(
            "evaluationQuestions line 1 (Method): weight must be a percentage between 0 and 100");
    assertThat(
            problems(
                "Method | 80\nSocial value | 10\n",
                SIXTY,
                FORTY,
                FIVE,
                "Elm | 1000 | PASS | 1 | 1"))
        .containsExactly(
            "evaluationQuestions: the question weights total 90%; they must total 100% of the"
                + " quality share");
  }

  @Test
  void twoQuestionsWithTheSameTitleAreNamedOnTheSecond() {
    assertThat(
            problems(
                "Method | 50\n\nmethod | 50\n", SIXTY, FORTY, FIVE, "Elm | 1000 | PASS | 1 | 1"))
        .containsExactly(
            "evaluationQuestions line 3 (method): question id 'method' is used by another question");
  }

  @Test
  void scoresOutOfRangeNameTheQuestion() {
    assertThat(bidProblems("Elm | 80000 | PASS | 3 | 6 | 3 | 3 | 3 | 3 | 3 | 3 | 3 | -1"))
        .containsExactly(
            "evaluationBids line 1 (Elm): score for 'Mandatory GDPR Question' must be between 0 and 5",
            "evaluationBids line 1 (Elm): score for 'Conflict of Interest' must be between 0 and 5");
  }

  @Test
  void pricesMustBePresentAndPositive() {
    assertThat(
            bidProblems(
                "Elm | 0 | PASS"
                    + threes()
                    + "\nOak | | PASS"
                    + threes()
                    + "\nAsh | -£5 | PASS"
                    + threes()))
        .containsExactly(
            "evaluationBids line 1 (Elm): price must be more than 0",
            "evaluationBids line 2 (Oak): price is required",
            "evaluationBids line 3 (Ash): price must be more than 0");
  }

  @Test
  void aBadScaleIsReportedOnceAgainstItsField() {
    // Every score is then also out of range (0 to 0), as TenderEvaluation reports it over HTTP too.
    assertThat(
            problems(EvaluationSheet.questionsTemplate(), SIXTY, FORTY, BigDecimal.ZERO, acorn()))
        .startsWith("maxScore: must be more than 0")
        .contains(
            "evaluationBids line 1 (Acorn Care): score for 'Service Demand' must be between 0 and 0")
        .filteredOn(p -> p.startsWith("maxScore"))
        .hasSize(1);
    assertThat(problems(EvaluationSheet.questionsTemplate(), SIXTY, FORTY, null, acorn()))
        .containsExactly("maxScore: is required");
  }

  @Test
  void emptyTextareasAreNamed() {
    assertThat(problems("# only a comment\n", SIXTY, FORTY, FIVE, "\n\n"))
        .containsExactly(
            "evaluationQuestions: at least one quality question is required",
            "evaluationBids: at least one bid is required");
    assertThat(problems(null, SIXTY, FORTY, FIVE, null)).hasSize(2);
  }

  @Test
  void whenEveryBidderFailedStage1TheSheetIsStillValid() {
    EvaluationRequest request =
        EvaluationSheet.parse(
            EvaluationSheet.questionsTemplate(),
            SIXTY,
            FORTY,
            FIVE,
            "Cedar Ltd | 80000 | FAIL | Late");
    assertThat(request.bids())
        .singleElement()
        .satisfies(
            bid -> {
              assertThat(bid.bidder()).isEqualTo("Cedar Ltd");
              assertThat(bid.stage1()).isEqualTo(Stage1Result.fail("Late"));
            });
  }

  @Test
  void everyProblemIsReportedAtOnceAndABadLineOnlyForItsForm() {
    String bids =
        """
        Acme Care | 90000 | PASS | 3 | 3 | 3 | 3
        Acme Care | £0 | PASS | 3 | 3 | 3 | 3 | 3 | 3 | 3 | 3 | 3 | 3
        Cedar Ltd | 80000 | FAIL
        """;
    assertThatThrownBy(
            () ->
                EvaluationSheet.parse(
                    EvaluationSheet.questionsTemplate(), dec("70"), FORTY, FIVE, bids))
        .isInstanceOfSatisfying(
            EvaluationSheetException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(SheetProblem::toString)
                  .containsExactly(
                      "evaluationBids line 1 (Acme Care): 4 scores given, the questions need 10",
                      "evaluationBids line 3 (Cedar Ltd): FAIL needs the reason in the fourth cell",
                      "priceWeight: price weight 70% and quality weight 40% must total 100%",
                      "qualityWeight: price weight 70% and quality weight 40% must total 100%",
                      "evaluationBids line 2 (Acme Care): bidder 'Acme Care' has more than one bid",
                      "evaluationBids line 2 (Acme Care): price must be more than 0");
              assertThat(e.problems().get(0))
                  .isEqualTo(
                      new SheetProblem(
                          "evaluationBids",
                          1,
                          "Acme Care",
                          "4 scores given, the questions need 10"));
              assertThat(e.describe()).hasLineCount(6);
            });
  }

  @Test
  void overHttpTheProblemsAreFieldsWithTheLineInTheMessage() {
    assertRefusedWith(
        () -> parseTender("Acme Care | 90000 | PASS | 3"),
        new FieldProblem(
            "evaluationBids", "line 1 (Acme Care): 1 scores given, the questions need 10"));
  }

  // --- back to text
  // -------------------------------------------------------------------------------

  @Test
  void aParsedSheetWrittenBackAsTextParsesToTheSameRequest() {
    EvaluationRequest request = parseTender(TENDER);

    String questions = EvaluationSheet.questionsText(request.model());
    String bids = EvaluationSheet.bidsText(request);
    EvaluationRequest again =
        EvaluationSheet.parse(
            questions,
            request.model().priceWeight(),
            request.model().qualityWeight(),
            EvaluationSheet.maxScore(request.model()),
            bids);

    assertThat(again).isEqualTo(request);
    assertThat(bids)
        .contains("Cedar Ltd | 80000 | FAIL | No evidence of employer's liability insurance\n")
        .contains("Birch Homes | 120000.00 | PASS | 5 | 5 | 5 | 4 | 4 | 5 | 4 | 5 | 4 | 5\n");
    assertThat(EvaluationSheet.questionsText(request.model()))
        .isEqualTo(EvaluationSheet.questionsTemplate());
  }

  @Test
  void aModelWithMixedScalesCannotBeWrittenAsOneScale() {
    EvaluationModel mixed =
        new EvaluationModel(
            SIXTY,
            FORTY,
            List.of(
                new QualityQuestion("a", "A", dec("50"), dec("5")),
                new QualityQuestion("b", "B", dec("50"), dec("10"))));
    assertThatThrownBy(() -> EvaluationSheet.maxScore(mixed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void questionIdsFollowTheTitle() {
    assertThat(EvaluationSheet.questionId("  Safeguarding & Whistle-blowing (Café) "))
        .isEqualTo("safeguarding-whistle-blowing-cafe");
    assertThat(EvaluationSheet.formatHelp())
        .contains("| PASS |")
        .contains("| FAIL |")
        .contains("£")
        .contains("#");
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  private static EvaluationRequest parseTender(String bids) {
    return EvaluationSheet.parse(EvaluationSheet.questionsTemplate(), SIXTY, FORTY, FIVE, bids);
  }

  /** Problems of a bids text under the seed's template, as shown to the officer. */
  private static List<String> bidProblems(String bids) {
    return problems(EvaluationSheet.questionsTemplate(), SIXTY, FORTY, FIVE, bids);
  }

  private static List<String> problems(
      String questions, BigDecimal price, BigDecimal quality, BigDecimal max, String bids) {
    try {
      EvaluationSheet.parse(questions, price, quality, max, bids);
    } catch (EvaluationSheetException e) {
      return e.problems().stream().map(SheetProblem::toString).toList();
    }
    throw new AssertionError("expected the sheet to be refused");
  }

  private static String acorn() {
    return "Acorn Care | 100000 | PASS" + threes();
  }

  private static String threes() {
    return " | 3".repeat(10);
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }
}
