package uk.gov.council.commissioning.extension;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * Checks the gateway report again on the server (Tasklist checks it too, but REST callers skip the
 * form): the sections seed 000 requires and sensible figures, as the form declares them, and
 * exactly one recommended option (§4.8-4.9).
 */
@Component("gatewayReportValidator")
public class GatewayReportValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormChecks checks = new FormChecks("Gateway report", task).againstForm("gateway-report");
    // The officer's own judgement that the decision is key counts only with its reason; the value
    // and wards tests are the decision-route table's (key-decision-test).
    boolean keyByOfficer = checks.flag("keyDecisionByOfficer");
    checks.textIf(keyByOfficer, "keyDecisionReason", "say why the decision is key");
    boolean twoOrMoreWards = checks.flag("twoOrMoreWards");
    int recommended = 0;
    int recommendedOption = 0;
    for (int option = 1; option <= 3; option++) {
      if (checks.flag("option" + option + "Recommended")) {
        recommended++;
        recommendedOption = option;
      }
    }
    if (recommended != 1) {
      checks.problem(
          "option1Recommended", "recommend exactly one option (" + recommended + " recommended)");
    }
    checks.throwIfAny();
    // Recorded as the check read them: an unanswered box reads as "no", and the route table is
    // given the checked amount, never the raw submission.
    task.setVariable("keyDecisionByOfficer", keyByOfficer);
    task.setVariable("twoOrMoreWards", twoOrMoreWards);
    // The form's own limits (required, at least 0) have been checked against its declaration.
    task.setVariable("extensionValue", ((Number) task.getVariable("costOfProposal")).doubleValue());
    task.setVariable("recommendedOption", recommendedOption);
  }
}
