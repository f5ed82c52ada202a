package uk.gov.council.commissioning.extension;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The answer of the agreers the route asked (seed 000 §10.2): a refusal by any ends the case, a
 * return by any (none refusing) sends the report back, else all agreed. An agreer the route did not
 * ask this round is not read, so an answer from an earlier draft's round does not count.
 */
@Component("extensionAgreement")
public class ExtensionAgreement {

  public String outcome(DelegateExecution execution) {
    List<Object> answers = new ArrayList<>();
    if (Boolean.TRUE.equals(execution.getVariable("agreeChiefOfficer"))) {
      answers.add(execution.getVariable("chiefOfficerDecisionMade"));
    }
    if (Boolean.TRUE.equals(execution.getVariable("agreeGovernance"))) {
      answers.add(execution.getVariable("governanceDecisionMade"));
    }
    if (answers.contains("REFUSE")) {
      return "REFUSED";
    }
    if (answers.contains("RETURN")) {
      return "RETURNED";
    }
    return answers.stream().allMatch("AGREE"::equals) ? "AGREED" : "UNANSWERED";
  }
}
