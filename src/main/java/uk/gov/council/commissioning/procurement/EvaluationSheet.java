package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.gov.council.commissioning.forms.Amounts;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * A tender evaluation entered as text, for a task form that has textareas but no repeating table
 * (Camunda Forms). An officer can type the lines or paste them from a spreadsheet.
 *
 * <p>{@code evaluationQuestions}, one stage 2 question a line: {@code title | weight}. The weight
 * is a percentage of the quality share ({@code 10} or {@code 10%}); together they make 100. A
 * question's id is derived from its title ({@link #questionId}), so retitling a question makes it a
 * different question. The price/quality split ({@code priceWeight}, {@code qualityWeight}) and the
 * marking scale ({@code maxScore}, the same for every question) are separate form fields.
 *
 * <p>{@code evaluationBids}, one bidder a line: {@code bidder | total price | PASS | score …
 * score}, the scores in the order of the questions; or {@code bidder | total price | FAIL |
 * reason}: a bidder that failed stage 1 has its reason and no scores, and its price may be left
 * blank.
 *
 * <p>In both: cells are separated by a tab (as pasted from a spreadsheet) or by {@code |}; spaces
 * around cells and empty cells at the end of a line are ignored; blank lines and lines starting
 * with {@code #} are skipped. Prices may have a £ sign and thousands commas ({@code
 * £1,234,567.50}); PASS and FAIL may be in any case. A name or reason cannot contain a tab or
 * {@code |}.
 *
 * <p>Only the form of the lines is checked here; what makes a tender scoreable (weights totalling
 * 100, scores in range, positive prices, one bid a bidder…) is {@link TenderEvaluation}'s rule,
 * applied to the parsed request and reported against the line it came from.
 */
final class EvaluationSheet {

  public static final String QUESTIONS = "evaluationQuestions";
  public static final String BIDS = "evaluationBids";
  public static final String PRICE_WEIGHT = "priceWeight";
  public static final String QUALITY_WEIGHT = "qualityWeight";
  public static final String MAX_SCORE = "maxScore";

  private static final Pattern CELL_SEPARATOR = Pattern.compile("[\t|]");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  // A comma is taken only as a thousands separator: "12,5" is refused rather than read as 125.
  private static final Pattern QUESTION_RULE =
      Pattern.compile("model\\.questions\\[(\\d+)]\\.?(.*)");
  private static final Pattern BID_RULE = Pattern.compile("bids\\[(\\d+)]\\.?(.*)");

  private EvaluationSheet() {}

  /**
   * The request the texts describe, ready for {@link TenderEvaluation#evaluate}; throws {@link
   * EvaluationSheetException} with every problem found, each naming its field and line.
   */
  public static EvaluationRequest parse(
      String questionsText,
      BigDecimal priceWeight,
      BigDecimal qualityWeight,
      BigDecimal maxScore,
      String bidsText) {
    List<SheetProblem> problems = new ArrayList<>();
    List<Line<QualityQuestion>> questions = parseQuestions(questionsText, maxScore, problems);
    List<QualityQuestion> questionList = questions.stream().map(Line::value).toList();
    List<Line<Bid>> bids = parseBids(bidsText, questionList, problems);

    EvaluationModel evaluationModel = new EvaluationModel(priceWeight, qualityWeight, questionList);
    List<Bid> bidList = bids.stream().map(Line::value).toList();
    problems.addAll(
        ruleProblems(
            TenderEvaluation.problems(evaluationModel, bidList), questions, bids, problems));
    if (!problems.isEmpty()) {
      throw new EvaluationSheetException(problems);
    }
    return new EvaluationRequest(evaluationModel, bidList);
  }

  /** The seed's stage 2 questions and weights (seed 000 §6.8.2), as the form's starting text. */
  public static String questionsTemplate() {
    return questionsText(EvaluationModel.seed000Default());
  }

  /**
   * The model's questions as {@code evaluationQuestions} text; ids are not written (they follow the
   * titles).
   */
  public static String questionsText(EvaluationModel model) {
    StringBuilder text =
        new StringBuilder("# Stage 2 question | weight (% of the quality score)\n");
    for (QualityQuestion q : model.questions()) {
      text.append(q.title()).append(" | ").append(q.weight().toPlainString()).append('\n');
    }
    return text.toString();
  }

  /**
   * The bids as {@code evaluationBids} text, scores in the model's question order, under a header
   * comment.
   */
  public static String bidsText(EvaluationRequest request) {
    List<QualityQuestion> questions = request.model().questions();
    StringBuilder text =
        new StringBuilder("# Bidder | total price | stage 1 | ")
            .append(
                questions.stream().map(QualityQuestion::title).collect(Collectors.joining(" | ")))
            .append('\n');
    for (Bid bid : request.bids()) {
      List<String> cells = new ArrayList<>();
      cells.add(bid.bidder());
      cells.add(bid.totalPrice() == null ? "" : bid.totalPrice().toPlainString());
      cells.add(bid.stage1().outcome().name());
      if (bid.stage1().outcome() == Stage1Outcome.FAIL) {
        cells.add(bid.stage1().reason());
      } else {
        questions.forEach(q -> cells.add(bid.scores().get(q.id()).toPlainString()));
      }
      text.append(String.join(" | ", cells)).append('\n');
    }
    return text.toString();
  }

  /**
   * The one marking scale of the model, for the {@code maxScore} field; the text form has a single
   * scale, so a model whose questions differ cannot be shown as text.
   */
  public static BigDecimal maxScore(EvaluationModel model) {
    Set<BigDecimal> scales =
        model.questions().stream()
            .map(q -> q.maxScore().stripTrailingZeros())
            .collect(Collectors.toSet());
    if (scales.size() != 1) {
      throw new IllegalArgumentException(
          "The questions are not all marked on one scale: " + scales);
    }
    return model.questions().get(0).maxScore();
  }

  /** The stable id of a question: its title in lower case, words joined by hyphens. */
  public static String questionId(String title) {
    String plain =
        Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** How to fill in the two textareas, for the form to show beside them. */
  public static String formatHelp() {
    return """
        Questions: one a line, "question | weight", the weights in % of the quality score, together 100.
          Service Delivery and Organisational Structure | 15
        Bids: one bidder a line, "bidder | total price | PASS | scores…" with one score for each question,
        in the order of the questions; a bidder that failed stage 1: "bidder | total price | FAIL | reason",
        with no scores.
          Acorn Care | £100,000 | PASS | 3 | 4 | 3 | 3 | 3 | 3 | 3 | 3 | 3 | 3
          Cedar Ltd | £80,000 | FAIL | No evidence of employer's liability insurance
        Cells may be separated by | or by tabs (paste straight from a spreadsheet). Prices may have a £ sign
        and thousands commas. PASS and FAIL in any case. Blank lines and lines starting with # are ignored.""";
  }

  // --- the form of the lines -------------------------------------------------------------------

  /** A parsed data line and where it stood in its textarea. */
  private record Line<T>(int number, String subject, T value) {}

  private record Row(int number, List<String> cells) {}

  private static List<Line<QualityQuestion>> parseQuestions(
      String text, BigDecimal maxScore, List<SheetProblem> problems) {
    List<Line<QualityQuestion>> questions = new ArrayList<>();
    for (Row row : rows(text)) {
      String title = row.cells().get(0);
      Problems here = new Problems(problems, QUESTIONS, row.number(), title);
      if (title.isEmpty()) {
        here.add("the question has no title");
      }
      BigDecimal weight = null;
      if (row.cells().size() < 2) {
        here.add("no weight: write \"question | weight\"");
      } else if (row.cells().size() > 2) {
        here.add(row.cells().size() + " cells; a question line is \"question | weight\"");
      } else {
        weight = number(row.cells().get(1).replaceFirst("\\s*%$", ""));
        if (weight == null) {
          here.add("weight '" + row.cells().get(1) + "' is not a number");
        }
      }
      String id =
          questionId(title).isEmpty() ? "question-" + (questions.size() + 1) : questionId(title);
      questions.add(
          new Line<>(row.number(), title, new QualityQuestion(id, title, weight, maxScore)));
    }
    return questions;
  }

  private static List<Line<Bid>> parseBids(
      String text, List<QualityQuestion> questions, List<SheetProblem> problems) {
    List<Line<Bid>> bids = new ArrayList<>();
    for (Row row : rows(text)) {
      List<String> cells = row.cells();
      String bidder = cells.get(0);
      Problems here = new Problems(problems, BIDS, row.number(), bidder);
      if (bidder.isEmpty()) {
        here.add("no bidder name");
      }
      if (cells.size() < 3) {
        here.add(
            cells.size()
                + " cells; a bid line is \"bidder | total price | PASS | scores…\""
                + " or \"bidder | total price | FAIL | reason\"");
        bids.add(new Line<>(row.number(), bidder, new Bid(bidder, null, Map.of(), null)));
        continue;
      }
      BigDecimal price = amount(cells.get(1), here);
      Stage1Outcome outcome = outcome(cells.get(2), here);
      Bid bid;
      if (outcome == Stage1Outcome.FAIL) {
        bid = new Bid(bidder, Stage1Result.fail(failReason(cells, here)), Map.of(), price);
      } else {
        Stage1Result stage1 = outcome == null ? null : Stage1Result.pass();
        bid =
            new Bid(bidder, stage1, scores(cells.subList(3, cells.size()), questions, here), price);
      }
      bids.add(new Line<>(row.number(), bidder, bid));
    }
    return bids;
  }

  private static BigDecimal amount(String cell, Problems here) {
    if (cell.isEmpty()) {
      return null;
    }
    Optional<BigDecimal> amount = Amounts.parse(cell);
    if (amount.isEmpty()) {
      here.add("price '" + cell + "' is not an amount");
      return null;
    }
    return amount.get();
  }

  private static Stage1Outcome outcome(String cell, Problems here) {
    for (Stage1Outcome outcome : Stage1Outcome.values()) {
      if (outcome.name().equalsIgnoreCase(cell)) {
        return outcome;
      }
    }
    here.add("stage 1 result '" + cell + "' must be PASS or FAIL");
    return null;
  }

  private static String failReason(List<String> cells, Problems here) {
    String reason = cells.size() > 3 ? cells.get(3) : "";
    if (reason.isEmpty()) {
      here.add("FAIL needs the reason in the fourth cell");
    }
    if (cells.size() > 4) {
      here.add(
          "failed stage 1, so it takes no stage 2 scores, only a reason; found "
              + (cells.size() - 4)
              + " more cell(s) after the reason");
    }
    return reason;
  }

  /** Scores by question id; left empty when they do not match the questions one for one. */
  private static Map<String, BigDecimal> scores(
      List<String> cells, List<QualityQuestion> questions, Problems here) {
    if (questions.isEmpty()) {
      return Map.of(); // nothing to score against; the missing questions are reported on their own
    }
    if (cells.size() != questions.size()) {
      here.add(cells.size() + " scores given, the questions need " + questions.size());
      return Map.of();
    }
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      BigDecimal score = number(cells.get(i));
      if (score == null) {
        here.add("score " + (i + 1) + " ('" + cells.get(i) + "') is not a number");
      } else {
        scores.put(questions.get(i).id(), score);
      }
    }
    return scores;
  }

  private static BigDecimal number(String cell) {
    return NUMBER.matcher(cell).matches() ? new BigDecimal(cell) : null;
  }

  /** The data lines, numbered as the officer sees them, each split into stripped cells. */
  private static List<Row> rows(String text) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      // Split before stripping: a leading tab is an empty first column, not indentation.
      List<String> cells =
          new ArrayList<>(CELL_SEPARATOR.splitAsStream(line).map(String::strip).toList());
      // A row pasted from a spreadsheet often ends in empty columns.
      while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
        cells.remove(cells.size() - 1);
      }
      rows.add(new Row(i + 1, cells));
    }
    return rows;
  }

  /** Records problems against one line. */
  private record Problems(List<SheetProblem> all, String field, int line, String subject) {
    void add(String message) {
      all.add(new SheetProblem(field, line, subject, message));
    }
  }

  // --- TenderEvaluation's rules, told against the sheet ----------------------------------------

  /**
   * The evaluation's own problems, renamed from request fields to form fields and lines. A line
   * whose form is already wrong is left out: its gaps would only be reported again as missing
   * values.
   */
  private static List<SheetProblem> ruleProblems(
      List<FieldProblem> rules,
      List<Line<QualityQuestion>> questions,
      List<Line<Bid>> bids,
      List<SheetProblem> formProblems) {
    Set<String> badLines =
        formProblems.stream().map(p -> p.field() + ":" + p.line()).collect(Collectors.toSet());
    Set<SheetProblem> found = new LinkedHashSet<>();
    for (FieldProblem rule : rules) {
      SheetProblem problem = onSheet(rule, questions, bids);
      if (problem.line() == 0 || !badLines.contains(problem.field() + ":" + problem.line())) {
        found.add(problem);
      }
    }
    return List.copyOf(found);
  }

  private static SheetProblem onSheet(
      FieldProblem rule, List<Line<QualityQuestion>> questions, List<Line<Bid>> bids) {
    String field = rule.field();
    String message = rule.message();
    Matcher question = QUESTION_RULE.matcher(field);
    Matcher bid = BID_RULE.matcher(field);
    if (question.matches()) {
      Line<QualityQuestion> line = questions.get(Integer.parseInt(question.group(1)));
      String part = question.group(2);
      if (part.equals("maxScore")) {
        // One form field sets every question's scale: report it once, not once a question.
        return SheetProblem.ofField(MAX_SCORE, message);
      }
      return new SheetProblem(
          QUESTIONS, line.number(), line.subject(), questionPart(part) + message);
    }
    if (bid.matches()) {
      Line<Bid> line = bids.get(Integer.parseInt(bid.group(1)));
      return new SheetProblem(
          BIDS, line.number(), line.subject(), bidPart(bid.group(2), questions) + message);
    }
    return SheetProblem.ofField(
        switch (field) {
          case "model.priceWeight" -> PRICE_WEIGHT;
          case "model.qualityWeight" -> QUALITY_WEIGHT;
          case "model.questions" -> QUESTIONS;
          case "bids" -> BIDS;
          default -> field;
        },
        message);
  }

  private static String questionPart(String part) {
    return switch (part) {
      case "id" -> "question id ";
      case "" -> "";
      default -> part + " ";
    };
  }

  private static String bidPart(String part, List<Line<QualityQuestion>> questions) {
    if (part.startsWith("scores.")) {
      String id = part.substring("scores.".length());
      return "score for "
          + questions.stream()
              .filter(q -> q.value().id().equals(id))
              .map(q -> "'" + q.subject() + "'")
              .findFirst()
              .orElse("'" + id + "'")
          + " ";
    }
    return switch (part) {
      case "bidder" -> "bidder ";
      case "totalPrice" -> "price ";
      case "stage1.outcome" -> "stage 1 result ";
      case "stage1.reason" -> "reason ";
      case "scores" -> "stage 2 scores ";
      default -> part.isEmpty() ? "" : part + " ";
    };
  }
}
