package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * Server-side checks of the serious-incident forms, called from task listeners in the BPMN (e.g.
 * {@code ${incidentFormChecks.review(task)}}): what each form declares, read from the form, and
 * answers that depend on each other, on the register or on the clock.
 */
@Component("incidentFormChecks")
@RequiredArgsConstructor
public class IncidentFormChecks {

  static final Set<String> REVIEW_DECISIONS = Set.of("CLOSE", "MORE_INFORMATION", "ESCALATE");
  static final Set<String> ESCALATION_ROUTES =
      Set.of("SAFEGUARDING_ENQUIRY", "HEAD_OF_SERVICE", "REGULATOR", "CONTRACT_DEFAULT");
  static final Set<String> CHASE_DECISIONS = Set.of(CHASED, RECEIVED_ANOTHER_WAY);
  static final Set<String> CONTRACT_DEFAULT_DECISIONS =
      Set.of("DEFAULT_NOTICE", "REMEDIAL_ACTION_PLAN", "NO_CONTRACT_ACTION");

  /** The answers of the council's own tasks, which the provider must not read (see keepOnTask). */
  static final Map<String, List<String>> COUNCIL_ANSWERS =
      Map.of(
          "Task_ReviewIncident",
              List.of(
                  REVIEW_DECISION,
                  ESCALATION_ROUTE,
                  REVIEW_NOTES,
                  INFORMATION_REQUESTED,
                  OUTCOME,
                  LESSONS_LEARNED),
          "Task_HeadOfServiceReview", List.of(HEAD_OF_SERVICE_RESPONSE),
          "Task_RecordRegulatorNotification", List.of(CQC_NOTIFICATION_REFERENCE, CQC_NOTIFIED_ON),
          "Task_ConsiderContractDefault",
              List.of(CONTRACT_DEFAULT_DECISION, CONTRACT_DEFAULT_REASONS));

  private final IncidentReportValidator validator;
  private final IncidentSteps steps;
  private final Clock clock;

  /** Seed 002 §12.4, on a case the council logged. */
  public void initialReport(DelegateTask task) {
    validator.validateInitialReport(task, occurredAt(task));
  }

  /** Seed 002 §12.5: "as much information as is known", and what the provider learns from it. */
  public void reportingForm(DelegateTask task) {
    FormChecks.asDeclared(
        "Serious incident reporting form", "serious-incident-reporting-form", task);
  }

  /**
   * Seed 002 §12.4: an initial report that reached the council by email or phone, entered for the
   * provider.
   */
  public void initialReportReceivedOtherwise(DelegateTask task) {
    validator.validateInitialReportReceivedOtherwise(task, occurredAt(task));
  }

  /**
   * Seed 002 §12.5: the reporting form "sent by email to the Council", entered for the provider.
   */
  public void reportingFormReceivedOtherwise(DelegateTask task) {
    validator.validateReportingFormReceivedOtherwise(task, occurredAt(task));
  }

  /**
   * The quality assurance team chased the initial report, or it had reached the council by email or
   * phone.
   */
  public void chaseInitialReport(DelegateTask task) {
    chase(
        task,
        "Chase the initial report",
        "serious-incident-initial-report-received",
        checks -> validator.initialReportReceivedOtherwise(checks, task, occurredAt(task)));
  }

  /**
   * The quality assurance team chased the reporting form, or it had reached the council by email or
   * phone.
   */
  public void chaseReportingForm(DelegateTask task) {
    chase(
        task,
        "Chase the reporting form",
        "serious-incident-reporting-form-received",
        checks -> validator.reportingFormReceivedOtherwise(checks, task, occurredAt(task)));
  }

  /** Chased, with what was done; or received another way, checked as {@code enteredOtherwise}. */
  private static void chase(
      DelegateTask task, String name, String formId, Consumer<FormChecks> enteredOtherwise) {
    // Off the case, onto this chase's path, where the gateway after the task reads them.
    TaskAnswers.keepOnPath(task, List.of(CHASE_DECISION, ESCALATION_ACTION));
    FormChecks checks = new FormChecks(name, task).againstForm(formId);
    String decision = checks.oneOf(CHASE_DECISION, CHASE_DECISIONS);
    if (CHASED.equals(decision)) {
      checks.text(ESCALATION_ACTION);
    } else if (RECEIVED_ANOTHER_WAY.equals(decision)) {
      enteredOtherwise.accept(checks);
    }
    checks.throwIfAny();
  }

  /**
   * From the register: a variable sent with the form cannot move the incident to make a date
   * acceptable.
   */
  private Instant occurredAt(DelegateTask task) {
    return steps.incident(task.getExecution()).occurredAt();
  }

  /**
   * Seed 002 §12.5: "regular updates on the status of the serious incident and how it is being
   * handled".
   */
  public void update(DelegateTask task) {
    FormChecks checks = new FormChecks("Update", task).againstForm("serious-incident-update");
    String summary = checks.text(UPDATE_SUMMARY);
    checks.flag(UPDATE_FINAL);
    checks.throwIfAny();
    Object received = task.getVariable(UPDATES_RECEIVED);
    task.setVariable(UPDATES_RECEIVED, (received instanceof Number n ? n.intValue() : 0) + 1);
    task.setVariable(LAST_UPDATE, summary);
    task.setVariable(LAST_UPDATE_AT, clock.instant().toString());
    steps.updateReceived(task.getExecution());
    // An unticked box can arrive as nothing at all; the loop's gateway needs a yes or no.
    task.setVariable(UPDATE_FINAL, Boolean.TRUE.equals(task.getVariable(UPDATE_FINAL)));
  }

  public void furtherInformation(DelegateTask task) {
    FormChecks.asDeclared("Further information", "serious-incident-further-information", task);
  }

  /** Seed 002 §12.5: enough information "to either close or escalate the serious incident". */
  public void review(DelegateTask task) {
    keepOnTask(task);
    FormChecks checks = new FormChecks("Review", task).againstForm("serious-incident-review");
    String decision = checks.oneOf(REVIEW_DECISION, REVIEW_DECISIONS);
    if ("ESCALATE".equals(decision)) {
      checks.oneOf(ESCALATION_ROUTE, ESCALATION_ROUTES);
    }
    checks.textIf(
        "MORE_INFORMATION".equals(decision),
        INFORMATION_REQUESTED,
        "say what the provider must send");
    if ("CLOSE".equals(decision)) {
      checks.text(OUTCOME);
      checks.text(LESSONS_LEARNED);
    }
    checks.throwIfAny();
    // The review's answers are the task's own (see councilAnswers); the case gets what routes it,
    // what the
    // provider is asked, and on closure what the register and the closure record.
    DelegateExecution execution = task.getExecution();
    execution.setVariable(REVIEW_DECISION, decision);
    execution.setVariable(
        ESCALATION_ROUTE, "ESCALATE".equals(decision) ? task.getVariable(ESCALATION_ROUTE) : null);
    execution.setVariable(
        INFORMATION_REQUESTED,
        "MORE_INFORMATION".equals(decision) ? task.getVariable(INFORMATION_REQUESTED) : null);
    if ("CLOSE".equals(decision)) {
      execution.setVariable(OUTCOME, task.getVariable(OUTCOME));
      execution.setVariable(LESSONS_LEARNED, task.getVariable(LESSONS_LEARNED));
    }
  }

  public void headOfService(DelegateTask task) {
    keepOnTask(task);
    FormChecks.asDeclared("Head of service review", "serious-incident-head-of-service", task);
  }

  /**
   * The regulator (CQC) was notified: its reference and the date, not before the incident nor in
   * the future.
   */
  public void regulator(DelegateTask task) {
    keepOnTask(task);
    FormChecks checks =
        new FormChecks("Regulator notification", task).againstForm("serious-incident-regulator");
    LocalDate notified = checks.date(CQC_NOTIFIED_ON);
    if (notified != null) {
      LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
      Instant occurred = occurredAt(task);
      if (notified.isAfter(today)) {
        checks.problem(CQC_NOTIFIED_ON, "cannot be in the future");
      } else if (occurred != null
          && notified.isBefore(occurred.atZone(WorkingDayCalendar.UK).toLocalDate())) {
        checks.problem(CQC_NOTIFIED_ON, "cannot be before the incident occurred");
      }
    }
    checks.throwIfAny();
  }

  public void contractDefault(DelegateTask task) {
    keepOnTask(task);
    FormChecks checks =
        new FormChecks("Contract default consideration", task)
            .againstForm("serious-incident-contract-default");
    checks.oneOf(CONTRACT_DEFAULT_DECISION, CONTRACT_DEFAULT_DECISIONS);
    checks.throwIfAny();
  }

  /**
   * The contracts managers' action on a report still missing, and whether the council reviews the
   * incident without it: otherwise a case whose report never comes could never be reviewed or
   * closed.
   */
  public void escalation(DelegateTask task) {
    // Off the case, onto this escalation's path, where the gateway after the task reads them; the
    // other report's escalation, open at once, keeps its own.
    TaskAnswers.keepOnPath(
        task, List.of(ESCALATION_ACTION, PROCEED_WITHOUT_REPORT, PROCEED_REASONS));
    FormChecks checks =
        new FormChecks("Escalation", task).againstForm("serious-incident-escalation");
    // An unticked box can arrive as nothing at all; the gateway needs a yes or no.
    boolean proceed = Boolean.TRUE.equals(task.getVariable(PROCEED_WITHOUT_REPORT));
    checks.textIf(proceed, PROCEED_REASONS, "is required to proceed without the report");
    checks.throwIfAny();
    task.getExecution().setVariableLocal(PROCEED_WITHOUT_REPORT, proceed);
  }

  /**
   * Declares a council task's answers on the task itself, each starting empty, so the form opens
   * blank and Tasklist's submission lands on the task.
   */
  public void councilAnswers(DelegateTask task) {
    councilFields(task).forEach(name -> task.setVariableLocal(name, null));
  }

  /**
   * The council task's answers, moved onto the task ({@link TaskAnswers#moveOntoTask}) before they
   * are checked; the complete listener then copies to the case only what the process needs: the
   * council's deliberations stay the council's.
   */
  static void keepOnTask(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, councilFields(task));
  }

  private static List<String> councilFields(DelegateTask task) {
    return COUNCIL_ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of());
  }

  /**
   * Empties the answers of a form that is filled in again and again (review, update), so a new task
   * does not open with the last answer already chosen. History keeps every earlier answer.
   */
  public void fresh(DelegateTask task, String commaSeparatedFields) {
    for (String field : commaSeparatedFields.split(",")) {
      String name = field.trim();
      if (!name.isEmpty() && task.hasVariable(name)) {
        task.setVariable(name, null);
      }
    }
  }
}
