package uk.gov.council.commissioning.decisions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.DeadlineRule;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The checks and records of the key-decision sub-process ({@code key-decision.bpmn}), called from
 * its task listeners: scrutiny, the decision, its publication and a call-in. A refused completion
 * writes nothing.
 */
@Component("keyDecisionSteps")
@RequiredArgsConstructor
public class KeyDecisionSteps {

  /** The deadline kind of the call-in period. */
  public static final String CALL_IN = "CALL_IN";

  static final String CALL_IN_SEED_SECTION = "000 front sheet (Call-in)";
  static final Set<String> DECISIONS = Set.of("APPROVE", "REFUSE");

  private final Clock clock;
  private final WorkingDayCalendar calendar;
  private final DecisionProperties properties;
  private final Deadlines deadlines;

  /**
   * Seed 000 front sheet and §2.1: the PDS committee's scrutiny, recorded by democratic services.
   */
  public void scrutiny(DelegateTask task) {
    FormChecks.asDeclared("Pre-decision scrutiny", "pre-decision-scrutiny", task);
    FormChecks checks = new FormChecks("Pre-decision scrutiny", task);
    LocalDate held = checks.date("scrutinyDate");
    if (held != null && held.isAfter(today())) {
      checks.problem("scrutinyDate", "cannot be in the future");
    }
    checks.throwIfAny();
  }

  /**
   * The decision, recorded only by the route's decision maker (or democratic services for the
   * Executive): anyone else is refused as unauthorised, with nothing written.
   */
  public void decision(DelegateTask task) {
    String group = String.valueOf(task.getVariable("decisionMakerGroup"));
    Authentication signedIn = signedIn(task);
    if (signedIn != null
        && signedIn.getUserId() != null
        && (signedIn.getGroupIds() == null || !signedIn.getGroupIds().contains(group))) {
      throw new AuthorizationException(
          signedIn.getUserId()
              + " is not the decision maker on this route ("
              + DecisionMaker.titleOf(task.getVariable("decisionMaker"))
              + "): only group "
              + group
              + " records this decision");
    }
    FormChecks checks = new FormChecks("Decision", task).againstForm("key-decision-record");
    String decision = checks.oneOf("approvalDecision", DECISIONS);
    checks.textIf("REFUSE".equals(decision), "approvalComments", "give the reasons for refusing");
    checks.throwIfAny();
    // A decision called in comes back for reconsideration, which must not open already decided.
    TaskAnswers.decided(task, "approvalDecision", List.of("approvalComments", "decisionReference"));
    TaskAnswers.passOn(task, List.of("decisionReference", "approvalComments"));
    task.getExecution().getProcessInstance().setVariable("decisionDate", today().toString());
  }

  /**
   * Publication: not before the decision, not in the future. Where call-in applies, the period of
   * the configured working days from the day of publication begins, and the timer reads its end.
   */
  public void publication(DelegateTask task) {
    FormChecks checks = new FormChecks("Publication", task).againstForm("publish-decision");
    LocalDate published = checks.date("publicationDate");
    if (published != null && published.isAfter(today())) {
      checks.problem("publicationDate", "cannot be in the future");
    }
    Object decided = task.getVariable("decisionDate");
    if (published != null
        && decided != null
        && published.isBefore(LocalDate.parse(decided.toString()))) {
      checks.problem("publicationDate", "cannot be before the decision (" + decided + ")");
    }
    checks.throwIfAny();
    task.getExecution().getProcessInstance().setVariable("publishedOn", published.toString());
    if (Boolean.TRUE.equals(task.getVariable("callIn"))
        && !Boolean.TRUE.equals(task.getVariable("callInReceived"))) {
      task.getExecution()
          .getProcessInstance()
          .setVariable("callInLastDay", callInLastDay(published).toString());
      deadlines.schedule(
          CaseRef.of(String.valueOf(task.getVariable("caseType")), task.getExecution()),
          CALL_IN,
          callInRule(),
          published.atStartOfDay(WorkingDayCalendar.UK).toInstant());
    }
  }

  /** A call-in, accepted only within the period: afterwards the decision has taken effect. */
  public void callIn(DelegateTask task) {
    FormChecks checks = new FormChecks("Call-in", task).againstForm("record-call-in");
    if (!checks.flag("callInReceived")) {
      checks.problem("callInReceived", "complete this task only when a call-in was received");
    }
    Object lastDay = task.getVariable("callInLastDay");
    if (lastDay != null && today().isAfter(LocalDate.parse(lastDay.toString()))) {
      checks.problem(
          "callInReceived", "the call-in period ended on " + lastDay + ": the decision stands");
    }
    checks.throwIfAny();
  }

  /** Before the sub-process starts: the decision's facts it needs are there. */
  public void started(DelegateExecution execution) {
    for (String name : List.of("caseType", "decisionMaker", "decisionMakerGroup")) {
      if (execution.getVariable(name) == null) {
        throw new IllegalStateException("key-decision called without " + name);
      }
    }
    if (execution.getProcessBusinessKey() == null) {
      throw new IllegalStateException("key-decision called without the case's business key");
    }
    execution.setVariable("callInReceived", Boolean.FALSE);
  }

  /** The call-in period: the configured working days after the day of publication. */
  public DeadlineRule callInRule() {
    return DeadlineRule.workingDays(properties.callInWorkingDays(), CALL_IN_SEED_SECTION);
  }

  /** The last working day on which a published decision can be called in. */
  public LocalDate callInLastDay(LocalDate publication) {
    return calendar.addWorkingDays(publication, properties.callInWorkingDays());
  }

  /** The call-in period ends when the last call-in day is over. */
  public java.time.Instant callInEnds(LocalDate publication) {
    return callInRule()
        .dueFrom(calendar.startOfDayAfter(publication.minusDays(1)).toInstant(), calendar);
  }

  private static Authentication signedIn(DelegateTask task) {
    return task.getProcessEngineServices() == null
        ? null
        : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }
}
