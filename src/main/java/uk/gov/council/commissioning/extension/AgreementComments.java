package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.forms.MarkdownText;

/**
 * Puts the agreers' comments where the officer sees them on the next draft of the report (Markdown
 * in the gateway report form: the comments as typed, escaped).
 */
@Component("agreementComments")
public class AgreementComments {

  public void collect(DelegateExecution execution) {
    List<String> lines = new ArrayList<>();
    // The agreers' answers stay on their tasks; what they decided and said reaches the case as
    // <field>Made.
    add(
        lines,
        "Chief Officer",
        execution.getVariable("chiefOfficerDecisionMade"),
        execution.getVariable("chiefOfficerCommentsMade"));
    add(
        lines,
        "Assistant Director Governance & Contracts",
        execution.getVariable("governanceDecisionMade"),
        execution.getVariable("governanceCommentsMade"));
    execution.setVariable(RETURN_COMMENTS, String.join("\n\n", lines));
    Object draft = execution.getVariable(DRAFT_NUMBER);
    execution.setVariable(DRAFT_NUMBER, (draft instanceof Number n ? n.intValue() : 1) + 1);
  }

  private static void add(List<String> lines, String who, Object decision, Object comments) {
    String text = comments == null ? "" : comments.toString().trim();
    if (!text.isEmpty()) {
      lines.add(who + " (" + decision + "): " + MarkdownText.literal(text));
    }
  }
}
