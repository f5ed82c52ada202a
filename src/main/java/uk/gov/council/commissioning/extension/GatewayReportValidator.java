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
    boolean keyDecision = checks.flag("keyDecision");
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
    // An unanswered key-decision box reads as "not key" here, but the approval-route table matches
    // no rule below its threshold without a value, so the answer is recorded as the check read it.
    task.setVariable("keyDecision", keyDecision);
    task.setVariable("recommendedOption", recommendedOption);
  }
}
