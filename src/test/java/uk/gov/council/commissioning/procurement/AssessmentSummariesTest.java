package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.gov.council.commissioning.procurement.AssessmentSummaries.Regime.PCR_2015;
import static uk.gov.council.commissioning.procurement.AssessmentSummaries.Regime.PROCUREMENT_ACT_2023;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.procurement.AssessmentSummaries.AssessmentSummary;

/**
 * Summaries of the hand-worked tender of TenderEvaluationTest (Birch 86.80, Acorn 84.00, Dale
 * 81.35, Cedar failed stage 1) and of its tie (Alpha and Zeta 92.00 with quality 32.00, Mid 62.00).
 */
class AssessmentSummariesTest {

  static final EvaluationRequest TENDER = sheet(EvaluationSheetTest.TENDER);
  static final EvaluationResult RESULT = evaluate(TENDER);

  static final EvaluationRequest TIE =
      sheet(
          """
      Zeta | 100000 | PASS | 4 | 4 | 4 | 4 | 4 | 4 | 4 | 4 | 4 | 4
      Mid | 200000 | PASS | 4 | 4 | 4 | 4 | 4 | 4 | 4 | 4 | 4 | 4
      Alpha | 100000 | PASS | 4 | 4 | 4 | 4 | 4 | 4 | 4 | 4 | 4 | 4
      """);
  static final EvaluationResult TIE_RESULT = evaluate(TIE);

  @Test
  void theWinnerIsTheBidderRankedFirst() {
    assertThat(AssessmentSummaries.winnerOf(RESULT)).isEqualTo("Birch Homes");
    assertThat(AssessmentSummaries.of(PROCUREMENT_ACT_2023, TENDER, RESULT))
        .extracting(AssessmentSummary::bidder, AssessmentSummary::successful)
        .containsExactly(
            tuple("Birch Homes", true),
            tuple("Acorn Care", false),
            tuple("Dale Support", false),
            tuple("Cedar Ltd", false));
  }

  @Test
  void theWinnersSummaryHasItsOwnScoresOnly() {
    String text = summary(PROCUREMENT_ACT_2023, TENDER, RESULT, null, "Birch Homes");

    assertThat(text)
        .startsWith(
            "Assessment summary (Procurement Act 2023, section 50)\nTo: Birch Homes\n\n"
                + "Outcome: your tender is the most advantageous tender. The council intends to award the contract"
                + " to you.\n")
        .contains(
            "- Price, 60%: the lowest price among tenders that passed stage 1 scores 60; any other price"
                + " scores 60 x lowest price / its price.\n")
        .contains("Your scores:\n- Mandatory Finance Question (5%): 5 out of 5\n")
        .contains("- Service Delivery and Organisational Structure (15%): 5 out of 5\n")
        .contains("- Innovation and Social Value (10%): 4 out of 5\n")
        .contains(
            "Quality score: 36.80 out of 40\n"
                + "Price score: 50.00 out of 60, for a total price of £120,000.00\n"
                + "Total score: 86.80 out of 100\n"
                + "Rank: 1 of 3 tenders scored\n")
        .doesNotContain("Relative advantages", "in brackets")
        .endsWith(
            "[To complete before sending: the reason for each score, by reference to what the tender said;"
                + " the supplier's contact address, email address and unique identifier.]\n");
  }

  /* Dale: 2,4,3,2,3,4,3,4,3,5 against Birch's 5,5,5,4,4,5,4,5,4,5; 81.35 against 86.80. */
  @Test
  void aLosersSummaryShowsTheSuccessfulTendersScoresBesideItsOwn() {
    String text = summary(PROCUREMENT_ACT_2023, TENDER, RESULT, null, "Dale Support");

    assertThat(text)
        .contains(
            "Outcome: your tender was not successful. The council intends to award the contract to"
                + " Birch Homes.\n")
        .contains(
            "Your scores (the successful tender's, Birch Homes, in brackets):\n"
                + "- Mandatory Finance Question (5%): 2 out of 5 (5)\n"
                + "- Mandatory GDPR Question (10%): 4 out of 5 (5)\n")
        .contains("- Conflict of Interest (10%): 5 out of 5 (5)\n")
        .contains(
            "Quality score: 26.80 out of 40 (36.80)\n"
                + "Price score: 54.55 out of 60, for a total price of £110,000.00 (50.00, £120,000.00)\n"
                + "Total score: 81.35 out of 100 (86.80)\n"
                + "Rank: 3 of 3 tenders scored\n")
        .contains(
            "Relative advantages of the successful tender: a total score 5.45 higher; higher scores on"
                + " Mandatory Finance Question (5 against your 2), Mandatory GDPR Question (5 against your 4),")
        // Equal on conflict of interest, and Birch was dearer: neither is an advantage of Birch's.
        .doesNotContain("Conflict of Interest (5 against", "a lower price");
  }

  @Test
  void underThePcrTheNoticeNamesRegulation86AndAsksForTheStandstillDate() {
    String text = summary(PCR_2015, TENDER, RESULT, null, "Acorn Care");

    assertThat(text)
        .startsWith(
            "Notice of the decision to award the contract (Public Contracts Regulations 2015, regulation 86)\n"
                + "To: Acorn Care\n")
        .contains("Total score: 84.00 out of 100 (86.80)\n")
        .endsWith(
            "[To complete before sending: the reason for each score, by reference to what the tender said;"
                + " the characteristics and relative advantages of the successful tender, in words; when the"
                + " standstill period ends.]\n");
    assertThat(summary(PCR_2015, TENDER, RESULT, null, "Birch Homes"))
        .contains("your tender is the most economically advantageous tender");
  }

  @Test
  void aBidderThatFailedStage1GetsItsReasonAndNoScores() {
    assertThat(summary(PROCUREMENT_ACT_2023, TENDER, RESULT, null, "Cedar Ltd"))
        .isEqualTo(
            """
        Assessment summary (Procurement Act 2023, section 50)
        To: Cedar Ltd

        Outcome: your tender did not pass stage 1 (selection), so it was not scored against the award criteria.
        Reason: No evidence of employer's liability insurance

        The council intends to award the contract to Birch Homes, whose tender scored 36.80 for quality, \
        50.00 for price and 86.80 in total out of 100.
        """);
    assertThat(summary(PCR_2015, TENDER, RESULT, null, "Cedar Ltd"))
        .contains("Reason: No evidence of employer's liability insurance\n")
        .doesNotContain("out of 5", "Your scores")
        .endsWith(
            "[To complete before sending: the characteristics and relative advantages of the successful"
                + " tender, in words; when the standstill period ends.]\n");
  }

  @Test
  void aTieAtTheTopNamesNoWinnerAndAwaitsThePanel() {
    assertThat(AssessmentSummaries.winnerOf(TIE_RESULT)).isEmpty();
    List<AssessmentSummary> summaries =
        AssessmentSummaries.of(PROCUREMENT_ACT_2023, TIE, TIE_RESULT);

    assertThat(summaries)
        .extracting(AssessmentSummary::bidder)
        .containsExactly("Alpha", "Zeta", "Mid");
    assertThat(summaries).noneMatch(AssessmentSummary::successful);
    assertThat(summaries)
        .allSatisfy(
            s ->
                assertThat(s.text())
                    .contains(
                        "Outcome: not yet decided. The tenders of Alpha and Zeta have the same total and quality scores;"
                            + " the award awaits the evaluation panel's decision between them.\n")
                    .doesNotContain("intends to award", "Relative advantages", "in brackets"));
    assertThat(summaries.get(0).text())
        .contains("Total score: 92.00 out of 100\nRank: 1 of 3 tenders scored (shared)\n");
  }

  @Test
  void thePanelsChoiceBetweenTiedBidsIsTheWinner() {
    List<AssessmentSummary> summaries =
        AssessmentSummaries.of(PROCUREMENT_ACT_2023, TIE, TIE_RESULT, "Zeta");

    assertThat(summaries)
        .filteredOn(AssessmentSummary::successful)
        .extracting(AssessmentSummary::bidder)
        .containsExactly("Zeta");
    assertThat(text(summaries, "Alpha"))
        .contains(
            "The council intends to award the contract to Zeta. The tenders of Alpha and Zeta had the same"
                + " total and quality scores; the evaluation panel chose Zeta.\n")
        .contains(
            "Relative advantages of the successful tender: the same total and quality scores; the"
                + " evaluation panel chose between the tenders.\n");
    assertThat(text(summaries, "Mid"))
        .contains("Total score: 62.00 out of 100 (92.00)\n")
        .contains(
            "Relative advantages of the successful tender: a total score 30.00 higher; a lower price"
                + " (£100,000.00 against your £200,000.00).\n");
  }

  @Test
  void thePanelMayChooseOnlyAmongTheBidsRankedFirst() {
    assertThatThrownBy(() -> AssessmentSummaries.of(PROCUREMENT_ACT_2023, TIE, TIE_RESULT, "Mid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'Mid' is not ranked first; the contract can go only to one of Alpha, Zeta");
    assertThatThrownBy(
            () -> AssessmentSummaries.of(PROCUREMENT_ACT_2023, TENDER, RESULT, "Acorn Care"))
        .hasMessageContaining("Birch Homes");
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  private static String summary(
      AssessmentSummaries.Regime regime,
      EvaluationRequest request,
      EvaluationResult result,
      String winner,
      String bidder) {
    return text(AssessmentSummaries.of(regime, request, result, winner), bidder);
  }

  private static String text(List<AssessmentSummary> summaries, String bidder) {
    return summaries.stream()
        .filter(s -> s.bidder().equals(bidder))
        .findFirst()
        .orElseThrow()
        .text();
  }

  private static EvaluationRequest sheet(String bids) {
    return EvaluationSheet.parse(
        EvaluationSheet.questionsTemplate(),
        BigDecimal.valueOf(60),
        BigDecimal.valueOf(40),
        BigDecimal.valueOf(5),
        bids);
  }

  private static EvaluationResult evaluate(EvaluationRequest request) {
    return TenderEvaluation.evaluate(request.model(), request.bids());
  }
}
