package uk.gov.council.commissioning.procurement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.forms.MarkdownText;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.tasks.TaskAnswers;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The evaluation in the process (seed 000 §6.8): the sheet the officer fills in, scored by {@link
 * TenderEvaluation}; the award report and its authorisation; the assessment summaries. Inputs and
 * result are stored together, so the ranking can be recomputed from the record.
 */
@Component("procurementEvaluation")
@RequiredArgsConstructor
public class ProcurementEvaluation {

  private final ProcurementRegister register;
  private final ObjectMapper json;
  private final ProcurementApproval approval;
  private final ProcurementRegimes regimes;

  private final ProcurementDeadlines deadlines;

  /**
   * The seed's template and weights for a first evaluation; an evaluation done again keeps its
   * sheet.
   */
  public void offerSheet(DelegateExecution execution) {
    if (execution.getVariable("evaluationQuestions") == null) {
      EvaluationModel seed = EvaluationModel.seed000Default();
      execution.setVariable("evaluationQuestions", EvaluationSheet.questionsTemplate());
      execution.setVariable("priceWeight", seed.priceWeight().doubleValue());
      execution.setVariable("qualityWeight", seed.qualityWeight().doubleValue());
      execution.setVariable("maxScore", EvaluationModel.SEED_MAX_SCORE.doubleValue());
    }
    execution.setVariable("evaluationFormatHelp", EvaluationSheet.formatHelp());
  }

  /** The task's sheet: refused, line by line, before the task completes. */
  public void evaluated(DelegateTask task) {
    evaluate(task.getName(), task);
  }

  /**
   * Stores the stage 1 and stage 2 results of the sheet the completed task checked, and puts the
   * ranking on the case for the award report.
   */
  public void recordEvaluation(DelegateExecution execution) {
    Evaluation evaluation = evaluate(EVALUATION_TASK, execution);
    String reference = execution.getProcessBusinessKey();
    register.saveEvaluation(reference, write(evaluation.request()), write(evaluation.result()));
    register.stageFinished(reference, ProcurementStage.EVALUATION, deadlines.today());
    EvaluationResult result = evaluation.result();
    execution.setVariable("compliantTender", !result.ranking().isEmpty());
    execution.setVariable("rankingText", rankingText(result));
    execution.setVariable("excludedText", excludedText(result));
    execution.setVariable("tieText", tieText(result));
    String winner = AssessmentSummaries.winnerOf(result);
    execution.setVariable("winningBidder", winner.isEmpty() ? null : winner);
    execution.setVariable("returnComments", "");
  }

  /** The task the sheet is entered on, named in a refusal. */
  private static final String EVALUATION_TASK = "Evaluate the tenders";

  private record Evaluation(EvaluationRequest request, EvaluationResult result) {}

  private static Evaluation evaluate(String form, VariableScope sheet) {
    FormChecks checks = new FormChecks(form, sheet);
    Double price = checks.nonNegativeNumber("priceWeight");
    Double quality = checks.nonNegativeNumber("qualityWeight");
    Double maxScore = checks.nonNegativeNumber("maxScore");
    String questions = checks.text("evaluationQuestions");
    String bids = checks.text("evaluationBids");
    checks.optionalText("interviewNotes", 4000);
    checks.throwIfAny();
    try {
      EvaluationRequest request =
          EvaluationSheet.parse(
              questions, decimal(price), decimal(quality), decimal(maxScore), bids);
      return new Evaluation(request, TenderEvaluation.evaluate(request.model(), request.bids()));
    } catch (EvaluationSheetException e) {
      throw new TaskFormException(form, e.problems().stream().map(SheetProblem::toString).toList());
    } catch (InvalidRequestException e) {
      throw new TaskFormException(
          form, e.getErrors().stream().map(p -> p.field() + ": " + p.message()).toList());
    }
  }

  /**
   * The recommended bidder must be the most advantageous tender, or one of those tied at the top.
   */
  public void awardReportPrepared(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    EvaluationResult result = storedResult(reference);
    FormChecks checks = new FormChecks(task.getName(), task);
    String winner = checks.text("winningBidder");
    String summary = checks.text("awardReportSummary", 4000);
    List<String> eligible = tiedAtTop(result);
    if (winner != null && !eligible.contains(winner)) {
      checks.problem(
          "winningBidder",
          eligible.size() == 1
              ? "the most advantageous tender is " + eligible.get(0) + "'s"
              : "must be one of the bidders tied at the top: " + String.join(", ", eligible));
    }
    checks.throwIfAny();
  }

  /** The bidder the award report recommends, as the completed task checked it. */
  public void recordRecommendedBidder(DelegateExecution execution) {
    register.recordWinner(
        execution.getProcessBusinessKey(),
        new FormChecks(AWARD_REPORT_TASK, execution).text("winningBidder"));
  }

  private static final String AWARD_REPORT_TASK = "Prepare the award report";

  public void awardDecided(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String decision = checks.oneOf("awardDecision", Set.of("AUTHORISE", "RETURN"));
    checks.textIf("RETURN".equals(decision), "awardDecisionComments", "say what the report needs");
    String comments = checks.optionalText("awardDecisionComments", 2000);
    if ("AUTHORISE".equals(decision) && approval.isExecutive(task.getExecution())) {
      // The Executive's authorisation is minuted; a report sent back for redrafting is not yet a
      // decision.
      checks.text("decisionReference");
    }
    checks.throwIfAny();
    TaskAnswers.decided(
        task,
        "awardDecision",
        List.of("awardDecisionComments", "decisionReference", "decisionDate"));
    DelegateExecution execution = task.getExecution();
    if ("AUTHORISE".equals(decision)) {
      execution.setVariable("returnComments", "");
    } else {
      execution.setVariable(
          "returnComments", returnText(approval.decisionMakerTitle(execution), comments));
    }
  }

  public void offerSummaries(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    ProcurementRegister.Procurement procurement = register.require(reference);
    AssessmentSummaries.Regime law =
        regimes.find(procurement.regime()).orElseThrow().summariesLaw();
    execution.setVariable(
        "assessmentSummariesText",
        summariesText(
            AssessmentSummaries.of(
                law,
                storedInputs(reference),
                storedResult(reference),
                procurement.winningBidder())));
  }

  /**
   * For the summaries form (Markdown): each as plain text in a block, exactly what is pasted into
   * the e-procurement system.
   */
  static String summariesText(List<AssessmentSummaries.AssessmentSummary> summaries) {
    return summaries.stream()
        .map(
            s ->
                "#### "
                    + MarkdownText.inline(s.bidder())
                    + (s.successful() ? " (successful)" : "")
                    + "\n\n"
                    + MarkdownText.codeBlock(s.text()))
        .collect(Collectors.joining("\n\n"));
  }

  /**
   * For the award report form (Markdown): what the decision maker said the report needs, as typed.
   */
  static String returnText(String decisionMakerTitle, String comments) {
    return "**Returned by the " + decisionMakerTitle + ":** " + MarkdownText.literal(comments);
  }

  /** For the award forms (Markdown): the bidders the panel must choose between, or "". */
  static String tieText(EvaluationResult result) {
    return result.panelDecisionNeeded()
        ? "**The top bidders tie on total and quality score: the panel chooses between "
            + tiedAtTop(result).stream()
                .map(MarkdownText::inline)
                .collect(Collectors.joining(" and "))
            + ".**"
        : "";
  }

  public void summariesSent(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    if (!checks.flag("summariesSent")) {
      checks.problem("summariesSent", "tick once every bidder has been sent its summary");
    }
    LocalDate sentOn = checks.date("summariesSentOn");
    if (sentOn != null && sentOn.isAfter(deadlines.today())) {
      checks.problem("summariesSentOn", "cannot be in the future");
    }
    checks.throwIfAny();
    // After a challenge the tenders are scored again and new summaries are due: not confirmed by
    // last round's tick.
    TaskAnswers.keepOnTask(task, List.of("summariesSent", "summariesSentOn"));
  }

  EvaluationResult storedResult(String reference) {
    return read(reference, register.require(reference).evaluationResult(), EvaluationResult.class);
  }

  EvaluationRequest storedInputs(String reference) {
    return read(reference, register.require(reference).evaluationInputs(), EvaluationRequest.class);
  }

  private <T> T read(String reference, String stored, Class<T> type) {
    if (stored == null) {
      throw new IllegalStateException("Procurement " + reference + " has no evaluation");
    }
    try {
      return json.readValue(stored, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The evaluation of " + reference + " could not be read", e);
    }
  }

  /** The bidders the award may go to: rank 1, or every bid tied with it. */
  static List<String> tiedAtTop(EvaluationResult result) {
    return result.ranking().stream()
        .filter(b -> b.rank() == 1)
        .map(EvaluationResult.RankedBid::bidder)
        .toList();
  }

  static String rankingText(EvaluationResult result) {
    if (result.ranking().isEmpty()) {
      return "No bid passed stage 1.";
    }
    StringBuilder out =
        new StringBuilder(
            "| Rank | Bidder | Quality (of "
                + result.model().qualityWeight().stripTrailingZeros().toPlainString()
                + ") | Price score (of "
                + result.model().priceWeight().stripTrailingZeros().toPlainString()
                + ") | Total (of 100) | Price bid |\n|---|---|---|---|---|---|\n");
    for (EvaluationResult.RankedBid bid : result.ranking()) {
      out.append("| ")
          .append(bid.rank())
          .append(bid.tied() ? " (tied)" : "")
          .append(" | ")
          .append(MarkdownText.inline(bid.bidder()))
          .append(" | ")
          .append(bid.qualityScore())
          .append(" | ")
          .append(bid.priceScore())
          .append(" | ")
          .append(bid.totalScore())
          .append(" | ")
          .append(RegisterProcurement.pounds(bid.totalPrice()))
          .append(" |\n");
    }
    String excluded = excludedText(result);
    return excluded.isEmpty() ? out.toString() : out + "\n" + excluded;
  }

  static String excludedText(EvaluationResult result) {
    return result.excluded().stream()
        .map(
            e ->
                "- "
                    + MarkdownText.inline(e.bidder())
                    + " failed stage 1: "
                    + MarkdownText.inline(e.reason()))
        .collect(Collectors.joining("\n"));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The evaluation could not be stored", e);
    }
  }

  private static BigDecimal decimal(Double value) {
    return BigDecimal.valueOf(value);
  }
}
