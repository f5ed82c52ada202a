package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Markdown the procurement forms show: names, reasons and comments people typed appear as
 * typed, never as markup (Tasklist renders a text component's Markdown as HTML, links and images
 * included).
 */
class ProcurementFormTextsTest {

  private static final String MARKUP = "<img src=x onerror=alert(1)> <a href=\"http://x\">link</a>";
  private static final String ESCAPED =
      "\\<img src\\=x onerror\\=alert\\(1\\)\\> \\<a href\\=\"http\\://x\"\\>link\\</a\\>";

  @Test
  void rankingAndExclusionsShowBidderNamesAndReasonsAsTyped() {
    EvaluationResult result =
        evaluate(
            String.join(
                "\n",
                "Acme <b>Care</b> | £100,000 | PASS | 4 | 3",
                "Birch [Support](http://x) | £90,000 | PASS | 3 | 3",
                "Cedar Ltd | £80,000 | FAIL | " + MARKUP));

    assertThat(ProcurementEvaluation.rankingText(result))
        .contains("| Birch \\[Support\\]\\(http\\://x\\) |")
        .contains("| Acme \\<b\\>Care\\</b\\> |")
        .doesNotContain("<b>", "](");
    assertThat(ProcurementEvaluation.excludedText(result))
        .isEqualTo("- Cedar Ltd failed stage 1: " + ESCAPED);
  }

  @Test
  void aTieNamesTheBiddersAsTyped() {
    EvaluationResult result =
        evaluate(
            String.join(
                "\n",
                "Acme **Care** | £90,000 | PASS | 3 | 3",
                "Birch Support | £90,000 | PASS | 3 | 3"));

    assertThat(ProcurementEvaluation.tieText(result))
        .isEqualTo(
            "**The top bidders tie on total and quality score: the panel chooses between"
                + " Acme \\*\\*Care\\*\\* and Birch Support.**");
  }

  @Test
  void aReturnedReportCarriesTheCommentsAsTyped() {
    assertThat(ProcurementEvaluation.returnText("Portfolio Holder", "Add TUPE " + MARKUP))
        .isEqualTo("**Returned by the Portfolio Holder:** Add TUPE " + ESCAPED);
  }

  @Test
  void aChallengeShowsTheChallengerAndGroundsAsTyped() {
    assertThat(
            ProcurementAward.challengeText(
                "Acme\n**Care**", LocalDate.of(2026, 7, 24), "Scoring\n" + MARKUP))
        .isEqualTo(
            "**Acme \\*\\*Care\\*\\***, received Friday 24 July 2026:\n\nScoring\n" + ESCAPED);
  }

  @Test
  void eachSummaryIsABlockThatItsTextCannotLeave() {
    String text =
        ProcurementEvaluation.summariesText(
            List.of(
                new AssessmentSummaries.AssessmentSummary(
                    "Birch <i>Support</i>", true, "Dear Birch\n```\n" + MARKUP)));

    assertThat(text)
        .isEqualTo(
            "#### Birch \\<i\\>Support\\</i\\> (successful)\n\n"
                + "    Dear Birch\n    ```\n    "
                + MARKUP);
  }

  private static EvaluationResult evaluate(String bids) {
    EvaluationRequest request =
        EvaluationSheet.parse(
            "Service delivery | 60\nSocial value | 40",
            new BigDecimal("60"),
            new BigDecimal("40"),
            new BigDecimal("5"),
            bids);
    return TenderEvaluation.evaluate(request.model(), request.bids());
  }
}
