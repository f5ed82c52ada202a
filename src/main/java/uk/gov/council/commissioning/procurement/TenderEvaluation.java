package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.council.commissioning.procurement.EvaluationResult.ExcludedBid;
import uk.gov.council.commissioning.procurement.EvaluationResult.RankedBid;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * Scores and ranks tenders under an {@link EvaluationModel} (seed 000 §6.8). Pure: the same model
 * and bids always give the same result, to the penny, whatever order the bids come in.
 *
 * <ul>
 *   <li>Quality score = Σ (score / maxScore × question weight) × quality weight / 100.
 *   <li>Price score = lowest compliant price / bidder's price × price weight: the cheapest bid that
 *       passed stage 1 gets the full price weight. A cheaper bid that failed stage 1 does not set
 *       the benchmark.
 *   <li>Total = quality score + price score, as published.
 * </ul>
 */
final class TenderEvaluation {

  public static final int SCALE = 2;

  /**
   * Each division comes last in its term (score × weight / max, lowest × price weight / price), so
   * a value that terminates is exact and a half is never lost to an earlier truncation; recurring
   * quotients are carried to 34 significant digits. Each score is rounded once, HALF_UP to 2
   * places, at the end of its own calculation. The total is the sum of the two rounded scores, so
   * the published figures add up.
   */
  public static final String ROUNDING =
      "Quality and price scores are calculated to 34 significant digits and each rounded once, half up, to 2"
          + " decimal places; the total is the sum of the two rounded scores. Ranking uses these published figures.";

  public static final String TIE_RULE =
      "Higher total ranks first; on equal totals the higher quality score ranks first; if the quality scores"
          + " are also equal the bids share the rank (the next rank is skipped), are marked tied and listed by"
          + " bidder name, and the evaluation panel decides between them.";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final MathContext PRECISION = MathContext.DECIMAL128;

  private TenderEvaluation() {}

  /**
   * Evaluates the bids; throws {@link InvalidRequestException} naming every bad field (fields are
   * named as in the REST request: {@code model.…}, {@code bids[i].…}) and computes nothing then.
   */
  public static EvaluationResult evaluate(EvaluationModel model, List<Bid> bids) {
    List<FieldProblem> problems = problems(model, bids);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }

    List<Bid> compliant = bids.stream().filter(TenderEvaluation::passed).toList();
    // Every bid failing stage 1 is an outcome of the tender, not bad input: nothing is ranked.
    BigDecimal lowest =
        compliant.stream().map(Bid::totalPrice).min(Comparator.naturalOrder()).orElse(null);

    List<Scored> scored = new ArrayList<>();
    for (Bid bid : compliant) {
      BigDecimal quality = round(qualityScore(model, bid));
      BigDecimal price =
          round(lowest.multiply(model.priceWeight()).divide(bid.totalPrice(), PRECISION));
      scored.add(new Scored(bid, quality, price, quality.add(price)));
    }
    scored.sort(
        Comparator.comparing(Scored::total)
            .reversed()
            .thenComparing(Comparator.comparing(Scored::quality).reversed())
            .thenComparing(s -> s.bid().bidder()));

    List<RankedBid> ranking = new ArrayList<>();
    boolean anyTie = false;
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      int rank = i + 1;
      if (i > 0 && sameFigures(s, scored.get(i - 1))) {
        rank = ranking.get(i - 1).rank();
      }
      boolean tied =
          (i > 0 && sameFigures(s, scored.get(i - 1)))
              || (i + 1 < scored.size() && sameFigures(s, scored.get(i + 1)));
      anyTie |= tied;
      ranking.add(
          new RankedBid(
              rank,
              s.bid().bidder(),
              s.quality(),
              s.price(),
              s.total(),
              s.bid().totalPrice(),
              tied));
    }

    List<ExcludedBid> excluded =
        bids.stream()
            .filter(b -> !passed(b))
            .sorted(Comparator.comparing(Bid::bidder))
            .map(b -> new ExcludedBid(b.bidder(), b.stage1().reason()))
            .toList();

    return new EvaluationResult(
        model, lowest, List.copyOf(ranking), excluded, anyTie, TIE_RULE, ROUNDING);
  }

  private record Scored(Bid bid, BigDecimal quality, BigDecimal price, BigDecimal total) {}

  private static boolean sameFigures(Scored a, Scored b) {
    return a.total().compareTo(b.total()) == 0 && a.quality().compareTo(b.quality()) == 0;
  }

  private static BigDecimal qualityScore(EvaluationModel model, Bid bid) {
    BigDecimal weighted = BigDecimal.ZERO;
    for (QualityQuestion q : model.questions()) {
      weighted =
          weighted.add(
              bid.scores().get(q.id()).multiply(q.weight()).divide(q.maxScore(), PRECISION));
    }
    return weighted.multiply(model.qualityWeight(), PRECISION).divide(HUNDRED, PRECISION);
  }

  private static BigDecimal round(BigDecimal value) {
    return value.setScale(SCALE, RoundingMode.HALF_UP);
  }

  private static boolean passed(Bid bid) {
    return bid.stage1().outcome() == Stage1Outcome.PASS;
  }

  // --- validation ------------------------------------------------------------------------------

  /**
   * Every reason {@link #evaluate} would refuse these inputs, named as in the REST request (empty
   * when they can be scored). Open so that other ways of entering a tender, such as {@link
   * EvaluationSheet}, apply the same rules rather than a copy of them.
   */
  public static List<FieldProblem> problems(EvaluationModel model, List<Bid> bids) {
    List<FieldProblem> problems = new ArrayList<>();
    validateModel(model, problems);
    validateBids(model, bids, problems);
    return problems;
  }

  private static void validateModel(EvaluationModel model, List<FieldProblem> problems) {
    if (model == null) {
      problems.add(new FieldProblem("model", "is required"));
      return;
    }
    boolean priceOk = percentage(model.priceWeight(), "model.priceWeight", problems);
    boolean qualityOk = percentage(model.qualityWeight(), "model.qualityWeight", problems);
    if (priceOk
        && qualityOk
        && model.priceWeight().add(model.qualityWeight()).compareTo(HUNDRED) != 0) {
      String message =
          "price weight "
              + model.priceWeight().toPlainString()
              + "% and quality weight "
              + model.qualityWeight().toPlainString()
              + "% must total 100%";
      problems.add(new FieldProblem("model.priceWeight", message));
      problems.add(new FieldProblem("model.qualityWeight", message));
    }
    if (model.questions() == null || model.questions().isEmpty()) {
      problems.add(
          new FieldProblem("model.questions", "at least one quality question is required"));
      return;
    }
    Set<String> ids = new HashSet<>();
    BigDecimal total = BigDecimal.ZERO;
    boolean weightsOk = true;
    for (int i = 0; i < model.questions().size(); i++) {
      QualityQuestion q = model.questions().get(i);
      String field = "model.questions[" + i + "]";
      if (q == null) {
        problems.add(new FieldProblem(field, "is missing"));
        weightsOk = false;
        continue;
      }
      if (blank(q.id())) {
        problems.add(new FieldProblem(field + ".id", "is required"));
      } else if (!ids.add(q.id())) {
        problems.add(
            new FieldProblem(field + ".id", "'" + q.id() + "' is used by another question"));
      }
      if (blank(q.title())) {
        problems.add(new FieldProblem(field + ".title", "is required"));
      }
      if (percentage(q.weight(), field + ".weight", problems)) {
        total = total.add(q.weight());
      } else {
        weightsOk = false;
      }
      if (q.maxScore() == null) {
        problems.add(new FieldProblem(field + ".maxScore", "is required"));
      } else if (q.maxScore().signum() <= 0) {
        problems.add(new FieldProblem(field + ".maxScore", "must be more than 0"));
      }
    }
    if (weightsOk && total.compareTo(HUNDRED) != 0) {
      problems.add(
          new FieldProblem(
              "model.questions",
              "the question weights total "
                  + total.toPlainString()
                  + "%; they must total 100% of the quality share"));
    }
  }

  private static void validateBids(
      EvaluationModel model, List<Bid> bids, List<FieldProblem> problems) {
    if (bids == null || bids.isEmpty()) {
      problems.add(new FieldProblem("bids", "at least one bid is required"));
      return;
    }
    Map<String, QualityQuestion> questions = new LinkedHashMap<>();
    if (model != null && model.questions() != null) {
      model.questions().stream()
          .filter(q -> q != null && !blank(q.id()))
          .forEach(q -> questions.putIfAbsent(q.id(), q));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < bids.size(); i++) {
      Bid bid = bids.get(i);
      String field = "bids[" + i + "]";
      if (bid == null) {
        problems.add(new FieldProblem(field, "is missing"));
        continue;
      }
      if (blank(bid.bidder())) {
        problems.add(new FieldProblem(field + ".bidder", "is required"));
      } else if (!names.add(bid.bidder().strip().toLowerCase(java.util.Locale.ROOT))) {
        problems.add(
            new FieldProblem(field + ".bidder", "'" + bid.bidder() + "' has more than one bid"));
      }
      Map<String, BigDecimal> scores = bid.scores() == null ? Map.of() : bid.scores();
      if (bid.stage1() == null || bid.stage1().outcome() == null) {
        problems.add(new FieldProblem(field + ".stage1.outcome", "is required: PASS or FAIL"));
        continue;
      }
      if (bid.stage1().outcome() == Stage1Outcome.FAIL) {
        if (blank(bid.stage1().reason())) {
          problems.add(
              new FieldProblem(field + ".stage1.reason", "is required when stage 1 is failed"));
        }
        if (!scores.isEmpty()) {
          problems.add(
              new FieldProblem(
                  field + ".scores",
                  "must be empty: a bidder who failed stage 1 does not go on to stage 2"));
        }
        if (bid.totalPrice() != null && bid.totalPrice().signum() <= 0) {
          problems.add(new FieldProblem(field + ".totalPrice", "must be more than 0"));
        }
        continue;
      }
      if (bid.totalPrice() == null) {
        problems.add(new FieldProblem(field + ".totalPrice", "is required"));
      } else if (bid.totalPrice().signum() <= 0) {
        problems.add(new FieldProblem(field + ".totalPrice", "must be more than 0"));
      }
      for (QualityQuestion q : questions.values()) {
        String scoreField = field + ".scores." + q.id();
        BigDecimal score = scores.get(q.id());
        if (score == null) {
          problems.add(new FieldProblem(scoreField, "is required"));
        } else if (q.maxScore() != null
            && (score.signum() < 0 || score.compareTo(q.maxScore()) > 0)) {
          problems.add(
              new FieldProblem(
                  scoreField, "must be between 0 and " + q.maxScore().toPlainString()));
        }
      }
      for (String id : scores.keySet()) {
        if (!questions.containsKey(id)) {
          problems.add(
              new FieldProblem(
                  field + ".scores." + id, "is not a question of the evaluation model"));
        }
      }
    }
  }

  private static boolean percentage(BigDecimal value, String field, List<FieldProblem> problems) {
    if (value == null) {
      problems.add(new FieldProblem(field, "is required"));
      return false;
    }
    if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
      problems.add(new FieldProblem(field, "must be a percentage between 0 and 100"));
      return false;
    }
    return true;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
