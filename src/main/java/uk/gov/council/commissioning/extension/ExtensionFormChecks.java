package uk.gov.council.commissioning.extension;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * Server-side checks of the extension process's smaller forms, called from task listeners in the
 * BPMN (e.g. {@code ${extensionFormChecks.agreement(task, 'chiefOfficerDecision', ...)}}).
 */
@Component("extensionFormChecks")
@RequiredArgsConstructor
public class ExtensionFormChecks {

  static final Set<String> AGREEMENT = Set.of("AGREE", "RETURN", "REFUSE");
  static final Set<String> APPROVAL = Set.of("APPROVE", "REFUSE");
  static final Set<String> NEXT_STEPS = Set.of("PROCURE", "DECOMMISSION");

  private final Clock clock;

  public void scrutiny(DelegateTask task) {
    FormChecks.asDeclared("Pre-decision scrutiny", "pre-decision-scrutiny", task);
  }

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

  public void approval(DelegateTask task) {
    // The register records the decision reference against the option it used, in a bounded column
    // whose size the form's limit keeps to.
    FormChecks checks = new FormChecks("Decision", task).againstForm("extension-decision");
    String decision = checks.oneOf("approvalDecision", APPROVAL);
    checks.textIf("REFUSE".equals(decision), "approvalComments", "give the reasons for refusing");
    checks.throwIfAny();
    // A decision called in comes back for reconsideration, which must not open already decided.
    TaskAnswers.decided(task, "approvalDecision", List.of("approvalComments", "decisionReference"));
    TaskAnswers.passOn(task, List.of("decisionReference"));
  }

  public void publication(DelegateTask task) {
    FormChecks checks = new FormChecks("Publication", task).againstForm("publish-decision");
    LocalDate published = checks.date("publicationDate");
    if (published != null && published.isAfter(today())) {
      checks.problem("publicationDate", "cannot be in the future");
    }
    checks.throwIfAny();
  }

  public void callIn(DelegateTask task) {
    FormChecks checks = new FormChecks("Call-in", task).againstForm("record-call-in");
    if (!checks.flag("callInReceived")) {
      checks.problem("callInReceived", "complete this task only when a call-in was received");
    }
    checks.throwIfAny();
  }

  public void nextStep(DelegateTask task) {
    FormChecks checks = new FormChecks("Next step", task).againstForm("act-on-refusal");
    checks.oneOf("nextStep", NEXT_STEPS);
    checks.throwIfAny();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }
}
