package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import uk.gov.council.commissioning.procurement.EvaluationResult.ExcludedBid;
import uk.gov.council.commissioning.procurement.EvaluationResult.RankedBid;

/**
 * One plain-text summary a bidder of an evaluated tender, for an officer to paste into the
 * council's e-procurement system, through which all tender communications go (seed 000 §10.8).
 *
 * <p>Procurement Act 2023: before the contract award notice, each supplier whose tender was
 * assessed for the most advantageous tender gets an assessment summary of its own tender and of the
 * most advantageous one (s50(3)–(4)). A tender that failed stage 1 was never assessed against the
 * award criteria, so is not an "assessed tender" (s50(5)) and no summary is due by law; Cabinet
 * Office guidance still expects the supplier to be told in writing, so it gets its reason. The
 * content comes from the Procurement Regulations 2024 reg 31: the award criteria (titles, relative
 * importance, how scored and the scores available, or a summary and where the full version is), the
 * score for each criterion with an explanation by reference to the tender, the total and any
 * sub-totals, and for an unsuccessful supplier any further reason it is not being awarded the
 * contract. A direct comparison with the winner is not required, but the most advantageous tender's
 * scores are part of s50(4)(b).
 *
 * <p>Public Contracts Regulations 2015 reg 86(2): the notice to a tenderer gives the award
 * criteria, the reasons for the decision including the characteristics and relative advantages of
 * the successful tender, the score of the tenderer and of the successful tender, the successful
 * tenderer's name, and when standstill ends.
 *
 * <p>What only people can supply (the panel's reason for each score, the supplier's address and
 * unique identifier, the standstill date) is listed at the end of each text, in brackets, to be
 * completed before sending.
 *
 * <p>Sources: Procurement Act 2023 s50 (legislation.gov.uk/ukpga/2023/54/section/50); Procurement
 * Regulations 2024 reg 31 (legislation.gov.uk/ukdsi/2024/9780348259728/regulation/31); Cabinet
 * Office, "Guidance: Assessment Summaries" (gov.uk,
 * procurement-act-2023-guidance-documents-procure-phase); Public Contracts Regulations 2015 reg 86
 * (legislation.gov.uk/uksi/2015/102/part/3/chapter/5/made).
 */
final class AssessmentSummaries {

  /** The law the procurement runs under, which decides what the summary is called and must say. */
  public enum Regime {
    PROCUREMENT_ACT_2023,
    PCR_2015
  }

  /** One bidder's summary; {@code successful} only for the bidder to be awarded the contract. */
  public record AssessmentSummary(String bidder, boolean successful, String text) {}

  private AssessmentSummaries() {}

  /**
   * The bidder ranked first, or "" when no one is: bids tied at the top wait for the panel, and a
   * result without a compliant bid has no one to award to.
   */
  public static String winnerOf(EvaluationResult result) {
    List<RankedBid> ranking = result.ranking();
    if (ranking.isEmpty() || ranking.get(0).tied()) {
      return "";
    }
    return ranking.get(0).bidder();
  }

  /**
   * The summaries with the winner as ranked ({@link #winnerOf}); none is named when the top is
   * tied.
   */
  public static List<AssessmentSummary> of(
      Regime regime, EvaluationRequest request, EvaluationResult result) {
    return of(regime, request, result, null);
  }

  /**
   * The summaries, ranked bidders first in rank order, then those that failed stage 1. {@code
   * winner} is the panel's choice among bids tied at the top (null or blank: as ranked); it must be
   * a bidder ranked first.
   */
  public static List<AssessmentSummary> of(
      Regime regime, EvaluationRequest request, EvaluationResult result, String winner) {
    Tender tender = new Tender(regime, request, result, decideWinner(result, winner));
    List<AssessmentSummary> summaries = new ArrayList<>();
    for (RankedBid bid : result.ranking()) {
      summaries.add(
          new AssessmentSummary(
              bid.bidder(), bid.bidder().equals(tender.winner()), tender.assessed(bid)));
    }
    for (ExcludedBid bid : result.excluded()) {
      summaries.add(new AssessmentSummary(bid.bidder(), false, tender.failedStage1(bid)));
    }
    return List.copyOf(summaries);
  }

  private static String decideWinner(EvaluationResult result, String chosen) {
    if (chosen == null || chosen.isBlank()) {
      return winnerOf(result);
    }
    List<String> top = topBidders(result);
    if (!top.contains(chosen)) {
      throw new IllegalArgumentException(
          "'"
              + chosen
              + "' is not ranked first; the contract can go only to one of "
              + String.join(", ", top));
    }
    return chosen;
  }

  private static List<String> topBidders(EvaluationResult result) {
    return result.ranking().stream().filter(b -> b.rank() == 1).map(RankedBid::bidder).toList();
  }

  /** One tender's figures and the words they are told in. */
  private record Tender(
      Regime regime, EvaluationRequest request, EvaluationResult result, String winner) {

    String assessed(RankedBid bid) {
      boolean isWinner = bid.bidder().equals(winner);
      StringBuilder text = new StringBuilder(heading(bid.bidder()));
      text.append(outcome(bid.bidder())).append("\n\n");
      text.append(criteria()).append('\n');
      text.append(scores(bid, isWinner ? null : winningBid())).append('\n');
      if (!isWinner && winningBid() != null) {
        text.append(advantages(bid, winningBid())).append('\n');
      }
      text.append(toComplete(true));
      return text.toString();
    }

    String failedStage1(ExcludedBid bid) {
      return heading(bid.bidder())
          + "Outcome: your tender did not pass stage 1 (selection), so it was not scored against the award"
          + " criteria.\nReason: "
          + bid.reason()
          + "\n\n"
          + award()
          + "\n"
          + (toComplete(false).isEmpty() ? "" : "\n" + toComplete(false));
    }

    private String heading(String bidder) {
      String title =
          regime == Regime.PCR_2015
              ? "Notice of the decision to award the contract (Public Contracts Regulations 2015, regulation 86)"
              : "Assessment summary (Procurement Act 2023, section 50)";
      return title + "\nTo: " + bidder + "\n\n";
    }

    private String outcome(String bidder) {
      if (winner.isEmpty()) {
        return "Outcome: not yet decided. " + award();
      }
      String outcome =
          bidder.equals(winner)
              ? "Outcome: your tender is the "
                  + mostAdvantageous()
                  + ". The council intends to award the contract"
                  + " to you."
              : "Outcome: your tender was not successful. The council intends to award the contract to "
                  + winner
                  + ".";
      return outcome + panelChoice();
    }

    /** Who gets the contract, with the winner's figures, or whom the panel is choosing between. */
    private String award() {
      if (winner.isEmpty()) {
        return "The tenders of "
            + String.join(" and ", topBidders(result))
            + " have the same total and"
            + " quality scores; the award awaits the evaluation panel's decision between them.";
      }
      RankedBid w = winningBid();
      return "The council intends to award the contract to "
          + winner
          + ", whose tender scored "
          + w.qualityScore()
          + " for quality, "
          + w.priceScore()
          + " for price and "
          + w.totalScore()
          + " in total out of 100."
          + panelChoice();
    }

    private String panelChoice() {
      List<String> top = topBidders(result);
      return top.size() > 1 && !winner.isEmpty()
          ? " The tenders of "
              + String.join(" and ", top)
              + " had the same total and quality scores; the"
              + " evaluation panel chose "
              + winner
              + "."
          : "";
    }

    private String criteria() {
      EvaluationModel model = result.model();
      StringBuilder text =
          new StringBuilder(
              "Award criteria (the full criteria and scoring method are in the"
                  + " tender documents):\n");
      text.append("- Price, ")
          .append(pct(model.priceWeight()))
          .append(": the lowest price among tenders that" + " passed stage 1 scores ")
          .append(plain(model.priceWeight()))
          .append("; any other price scores ")
          .append(plain(model.priceWeight()))
          .append(" x lowest price / its price.\n");
      text.append("- Quality, ")
          .append(pct(model.qualityWeight()))
          .append(
              ": the questions below, each"
                  + " scored from 0 to its maximum and weighted as shown (in % of the quality score).\n");
      text.append("Stage 1 (selection) was pass/fail; only tenders that passed were scored.\n");
      return text.toString();
    }

    /**
     * This bid's scores, with the winning bid's beside them when there is one and it is another.
     */
    private String scores(RankedBid bid, RankedBid other) {
      EvaluationModel model = result.model();
      Map<String, BigDecimal> mine = scoresOf(bid.bidder());
      Map<String, BigDecimal> theirs = other == null ? Map.of() : scoresOf(other.bidder());
      StringBuilder text =
          new StringBuilder(
              other == null
                  ? "Your scores:\n"
                  : "Your scores (the successful tender's, "
                      + other.bidder()
                      + ", in brackets):\n");
      for (QualityQuestion q : model.questions()) {
        text.append("- ")
            .append(q.title())
            .append(" (")
            .append(pct(q.weight()))
            .append("): ")
            .append(plain(mine.get(q.id())))
            .append(" out of ")
            .append(plain(q.maxScore()))
            .append(beside(other, o -> plain(theirs.get(q.id()))))
            .append('\n');
      }
      text.append("Quality score: ")
          .append(bid.qualityScore())
          .append(" out of ")
          .append(plain(model.qualityWeight()))
          .append(beside(other, o -> o.qualityScore().toPlainString()))
          .append('\n');
      text.append("Price score: ")
          .append(bid.priceScore())
          .append(" out of ")
          .append(plain(model.priceWeight()))
          .append(", for a total price of ")
          .append(money(bid.totalPrice()))
          .append(beside(other, o -> o.priceScore() + ", " + money(o.totalPrice())))
          .append('\n');
      text.append("Total score: ")
          .append(bid.totalScore())
          .append(" out of 100")
          .append(beside(other, o -> o.totalScore().toPlainString()))
          .append('\n');
      text.append("Rank: ")
          .append(bid.rank())
          .append(" of ")
          .append(result.ranking().size())
          .append(" tenders scored")
          .append(bid.tied() ? " (shared)" : "")
          .append('\n');
      return text.toString();
    }

    /** Where the winning tender did better: the relative advantages reg 86 asks for, in figures. */
    private String advantages(RankedBid bid, RankedBid w) {
      Map<String, BigDecimal> mine = scoresOf(bid.bidder());
      Map<String, BigDecimal> theirs = scoresOf(w.bidder());
      List<String> better =
          result.model().questions().stream()
              .filter(q -> theirs.get(q.id()).compareTo(mine.get(q.id())) > 0)
              .map(
                  q ->
                      q.title()
                          + " ("
                          + plain(theirs.get(q.id()))
                          + " against your "
                          + plain(mine.get(q.id()))
                          + ")")
              .toList();
      StringBuilder text =
          new StringBuilder("Relative advantages of the successful tender: ").append(lead(bid, w));
      if (w.totalPrice().compareTo(bid.totalPrice()) < 0) {
        text.append("; a lower price (")
            .append(money(w.totalPrice()))
            .append(" against your ")
            .append(money(bid.totalPrice()))
            .append(')');
      }
      text.append(better.isEmpty() ? "." : "; higher scores on " + String.join(", ", better) + ".");
      return text.append('\n').toString();
    }

    private static String lead(RankedBid bid, RankedBid w) {
      if (w.totalScore().compareTo(bid.totalScore()) != 0) {
        return "a total score " + w.totalScore().subtract(bid.totalScore()) + " higher";
      }
      if (w.qualityScore().compareTo(bid.qualityScore()) != 0) {
        return "the same total score, and a quality score "
            + w.qualityScore().subtract(bid.qualityScore())
            + " higher";
      }
      return "the same total and quality scores; the evaluation panel chose between the tenders";
    }

    private String toComplete(boolean assessed) {
      List<String> items = new ArrayList<>();
      if (assessed) {
        items.add("the reason for each score, by reference to what the tender said");
      }
      if (regime == Regime.PCR_2015) {
        if (!winner.isEmpty()) {
          items.add(
              "the characteristics and relative advantages of the successful tender, in words");
        }
        items.add("when the standstill period ends");
      } else if (assessed) {
        items.add("the supplier's contact address, email address and unique identifier");
      }
      return items.isEmpty()
          ? ""
          : "[To complete before sending: " + String.join("; ", items) + ".]\n";
    }

    private String mostAdvantageous() {
      return regime == Regime.PCR_2015
          ? "most economically advantageous tender"
          : "most advantageous tender";
    }

    private RankedBid winningBid() {
      return result.ranking().stream()
          .filter(b -> b.bidder().equals(winner))
          .findFirst()
          .orElse(null);
    }

    private Map<String, BigDecimal> scoresOf(String bidder) {
      return request.bids().stream()
          .filter(b -> b.bidder().equals(bidder))
          .findFirst()
          .map(Bid::scores)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "The result ranks "
                          + bidder
                          + ", who has no bid in the request it is said to come from"));
    }
  }

  private static String beside(RankedBid other, Function<RankedBid, String> figure) {
    return other == null ? "" : " (" + figure.apply(other) + ")";
  }

  private static String pct(BigDecimal value) {
    return plain(value) + "%";
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String money(BigDecimal amount) {
    return new DecimalFormat("£#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK))
        .format(amount);
  }
}
