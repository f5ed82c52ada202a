package uk.gov.council.commissioning.extension;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * Server-side checks of the extension process's smaller forms, called from task listeners in the
 * BPMN (e.g. {@code ${extensionFormChecks.agreement(task, 'chiefOfficerDecision', ...)}}).
 */
@Component("extensionFormChecks")
public class ExtensionFormChecks {

  static final Set<String> AGREEMENT = Set.of("AGREE", "RETURN", "REFUSE");
  static final Set<String> NEXT_STEPS = Set.of("PROCURE", "DECOMMISSION");

  public void agreement(DelegateTask task, String decisionField, String commentsField) {
    FormChecks checks = new FormChecks("Agreement", task);
    String decision = checks.oneOf(decisionField, AGREEMENT);
    checks.textIf(
        decision != null && !"AGREE".equals(decision),
        commentsField,
        "say why when returning or refusing");
    checks.throwIfAny();
    // A returned report comes back to both agreers: their next form must not open with this answer.
    // The gateway reads <decision>Made; the officer and the decision maker read <comments>Made.
    TaskAnswers.decided(task, decisionField, List.of(commentsField));
    TaskAnswers.passOn(task, List.of(commentsField));
  }

  public void nextStep(DelegateTask task) {
    FormChecks checks = new FormChecks("Next step", task).againstForm("act-on-refusal");
    checks.oneOf("nextStep", NEXT_STEPS);
    checks.throwIfAny();
  }
}
