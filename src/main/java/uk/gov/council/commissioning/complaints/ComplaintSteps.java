package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;
import uk.gov.council.commissioning.security.Actors;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The complaint's steps: each task's form is checked on the server when the task is completed (a
 * refusal leaves the task open, with every field at fault named) and what it records is written in
 * the same transaction. Called from the BPMN, e.g. {@code ${complaintSteps.acknowledge(task)}}.
 */
@Component("complaintSteps")
@RequiredArgsConstructor
public class ComplaintSteps {

  static final Set<String> RESPONSE_DECISIONS = Set.of("RESPOND", "EXTEND");
  static final Set<String> COMPLAINANT_RESPONSES = Set.of("SATISFIED", "DISSATISFIED", "NO_REPLY");
  static final Set<String> RESOLUTIONS = Set.of("RESOLVED", "UNRESOLVED");

  /** Handed from a task to the step that raises its safeguarding alert: PROVIDER or COUNCIL. */
  private static final String SAFEGUARDING_RAISED_BY = "safeguardingRaisedBy";

  static final Set<String> INVESTIGATION_OUTCOMES = Set.of("UPHELD", "PARTLY_UPHELD", "NOT_UPHELD");

  private final ComplaintService complaints;
  private final Actors actors;
  private final ComplaintDeadlines deadlines;
  private final ComplaintNotifications notifications;
  private final IdentityService identityService;
  private final Clock clock;

  /**
   * Council (App K, 3 working days) or provider (App C 4.2, 24 hours): the complainant was
   * acknowledged.
   */
  public void acknowledge(DelegateTask task) {
    Complaint c = complaint(task);
    FormChecks checks =
        new FormChecks("Acknowledgement", task).againstForm("complaint-acknowledge");
    Instant at = checks.dateTime(ACKNOWLEDGED_AT);
    sinceReceipt(checks, ACKNOWLEDGED_AT, at, c);
    Concern concern = concern(checks, task, c);
    checks.throwIfAny();
    CompletedTask.handOver(task, ACKNOWLEDGED_AT, at);
    handOver(task, concern, c);
  }

  /** Records the acknowledgement the task checked, and any safeguarding concern it named. */
  public void recordAcknowledgement(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.acknowledged(c, instant(execution, ACKNOWLEDGED_AT));
    raise(execution, c);
  }

  /**
   * App K stage 1: the manager of the service replies, or tells the complainant it needs longer.
   */
  public void investigateAndRespond(DelegateTask task) {
    Complaint c = complaint(task);
    FormChecks checks =
        new FormChecks("Investigation and response", task)
            .againstForm("complaint-investigate-respond");
    String decision = checks.oneOf(RESPONSE_DECISION, RESPONSE_DECISIONS);
    Instant respondedAt = null;
    if ("RESPOND".equals(decision)) {
      respondedAt = checks.dateTime(RESPONDED_AT);
      sinceReceipt(checks, RESPONDED_AT, respondedAt, c);
      checks.text(RESPONSE_SUMMARY);
    } else if ("EXTEND".equals(decision)) {
      LocalDate newDay = checks.date(NEW_RESPONSE_DATE);
      LocalDate currentLastDay = deadlines.lastDay(c.respondDueAt());
      if (newDay != null && !newDay.isAfter(currentLastDay)) {
        checks.problem(
            NEW_RESPONSE_DATE, "must be later than the current response date, " + currentLastDay);
      } else if (newDay != null && newDay.isBefore(ComplaintDeadlines.ukDate(clock.instant()))) {
        checks.problem(NEW_RESPONSE_DATE, "cannot be in the past");
      }
      checks.text(EXTENSION_REASON);
      if (!checks.flag(COMPLAINANT_TOLD)) {
        checks.problem(
            COMPLAINANT_TOLD,
            "tell the complainant of the new date first (App K: \"we will let you know"
                + " if we need more time\")");
      }
    }
    Concern concern = concern(checks, task, c);
    checks.throwIfAny();
    CompletedTask.handOver(task, RESPONDED_AT, respondedAt);
    handOver(task, concern, c);
  }

  /** Records the stage 1 reply, if the task gave one, and any safeguarding concern it named. */
  public void recordResponse(DelegateExecution execution) {
    Complaint c = complaint(execution);
    Instant respondedAt = instant(execution, RESPONDED_AT);
    if (respondedAt != null) {
      complaints.responded(c, respondedAt);
    }
    raise(execution, c);
  }

  /** Records the extension the officer gave the complainant and moves the response timer to it. */
  public void recordExtension(DelegateExecution execution) {
    Complaint c = complaint(execution);
    LocalDate newDay = LocalDate.parse(execution.getVariable(NEW_RESPONSE_DATE).toString().trim());
    Instant due = complaints.extendResponse(c, newDay);
    execution.setVariable(RESPOND_DUE_AT, Date.from(due));
    execution.setVariable(RESPOND_DUE, deadlines.describe(due));
    execution.setVariable(EXTENSIONS, c.extensions() + 1);
    // Tasklist fills a form from the variables of the same name: the next round must not arrive
    // with the last extension's answers, least of all "complainant told", already given.
    for (String answer :
        new String[] {RESPONSE_DECISION, NEW_RESPONSE_DATE, EXTENSION_REASON, COMPLAINANT_TOLD}) {
      execution.removeVariable(answer);
    }
  }

  /** After the stage 1 reply: satisfied, dissatisfied (stage 2, App K), or no reply. */
  public void complainantResponse(DelegateTask task) {
    FormChecks checks =
        new FormChecks("Complainant's response", task)
            .againstForm("complaint-complainant-response");
    String response = checks.oneOf(COMPLAINANT_RESPONSE, COMPLAINANT_RESPONSES);
    checks.throwIfAny();
    switch (response) {
      case "SATISFIED" ->
          outcome(
              task, "COMPLAINANT_SATISFIED", "Stage 1 response sent; the complainant is satisfied");
      case "NO_REPLY" ->
          outcome(task, "NO_REPLY", "Stage 1 response sent; the complainant has not replied");
      default -> {}
    }
    CompletedTask.handOver(task, COMPLAINANT_RESPONSE, response);
  }

  /** A complainant still dissatisfied takes the complaint to stage 2 (App K). */
  public void recordComplainantResponse(DelegateExecution execution) {
    if ("DISSATISFIED".equals(CompletedTask.get(execution, COMPLAINANT_RESPONSE))) {
      complaints.stageTwo(complaint(execution));
    }
  }

  /** App K stage 2: the complainant was given the Local Government Ombudsman's details. */
  public void ombudsmanInformation(DelegateTask task) {
    Complaint c = complaint(task);
    FormChecks checks =
        new FormChecks("Ombudsman information", task)
            .againstForm("complaint-ombudsman-information");
    LocalDate sent = checks.date(OMBUDSMAN_INFORMATION_SENT_ON);
    if (sent != null && sent.isAfter(ComplaintDeadlines.ukDate(clock.instant()))) {
      checks.problem(OMBUDSMAN_INFORMATION_SENT_ON, "cannot be in the future");
    } else if (sent != null && sent.isBefore(ComplaintDeadlines.ukDate(c.receivedAt()))) {
      checks.problem(OMBUDSMAN_INFORMATION_SENT_ON, "cannot be before the complaint was received");
    }
    checks.throwIfAny();
    CompletedTask.handOver(task, OMBUDSMAN_INFORMATION_SENT_ON, sent);
    outcome(
        task,
        "OMBUDSMAN_INFORMATION_SENT",
        "Stage 1 response sent; the complainant remained dissatisfied and was given the Local Government"
            + " Ombudsman's details on "
            + sent);
  }

  /** Records the day the Ombudsman's details were sent, as the task checked it. */
  public void recordOmbudsmanInformation(DelegateExecution execution) {
    complaints.ombudsmanInformationSent(
        complaint(execution),
        LocalDate.parse(CompletedTask.get(execution, OMBUDSMAN_INFORMATION_SENT_ON)));
  }

  /** §13.5, App C 4.3: the provider resolved it by discussion, or discussions failed. */
  public void resolve(DelegateTask task) {
    Complaint c = complaint(task);
    FormChecks checks = new FormChecks("Resolution", task).againstForm("complaint-resolve");
    String resolution = checks.oneOf(RESOLUTION, RESOLUTIONS);
    Instant resolvedAt = null;
    if ("RESOLVED".equals(resolution)) {
      resolvedAt = checks.dateTime(RESOLVED_AT);
      sinceReceipt(checks, RESOLVED_AT, resolvedAt, c);
      checks.text(RESOLUTION_OUTCOME);
    } else if ("UNRESOLVED".equals(resolution)) {
      checks.text(DISCUSSIONS_SUMMARY);
    }
    Concern concern = concern(checks, task, c);
    checks.throwIfAny();
    if (resolvedAt != null) {
      outcome(task, "RESOLVED", "Resolved by the provider by discussion with the complainant");
    }
    CompletedTask.handOver(task, RESOLVED_AT, resolvedAt);
    handOver(task, concern, c);
  }

  /**
   * Records the resolution, or that discussions failed and the written report is now due (§13.5),
   * and any safeguarding concern the task named.
   */
  public void recordResolution(DelegateExecution execution) {
    Complaint c = complaint(execution);
    Instant resolvedAt = instant(execution, RESOLVED_AT);
    if (resolvedAt != null) {
      complaints.resolved(c, resolvedAt);
    } else {
      Instant due = complaints.unresolved(c, clock.instant());
      execution.setVariable(WRITTEN_REPORT_DUE_AT, Date.from(due));
      execution.setVariable(WRITTEN_REPORT_DUE, deadlines.describe(due));
    }
    raise(execution, c);
  }

  /** §13.5: the provider's full written report to the council. */
  public void writtenReport(DelegateTask task) {
    Complaint c = complaint(task);
    FormChecks checks =
        new FormChecks("Written report", task).againstForm("complaint-written-report");
    Concern concern = concern(checks, task, c);
    checks.throwIfAny();
    handOver(task, concern, c);
  }

  /** Records that the written report arrived, and any safeguarding concern the task named. */
  public void recordWrittenReport(DelegateExecution execution) {
    Complaint c = complaint(execution);
    complaints.writtenReportReceived(c, clock.instant());
    raise(execution, c);
  }

  /** §13.5: the council designates a representative to investigate: a council officer. */
  public void assignInvestigator(DelegateTask task) {
    FormChecks checks =
        new FormChecks("Investigator", task).againstForm("complaint-assign-investigator");
    String investigator = checks.text(INVESTIGATOR);
    if (investigator != null) {
      if (identityService.createUserQuery().userId(investigator).count() == 0) {
        checks.problem(INVESTIGATOR, "no user " + investigator);
      } else if (!actors.isCouncilOfficer(investigator)) {
        checks.problem(
            INVESTIGATOR,
            investigator
                + " is not a council officer: the council's representative"
                + " investigates (seed 002 §13.5)");
      }
    }
    checks.throwIfAny();
    task.setVariable(INVESTIGATOR, investigator);
    CompletedTask.handOver(task, INVESTIGATOR, investigator);
  }

  /** Records the investigator the task checked and emails them. */
  public void recordInvestigator(DelegateExecution execution) {
    Complaint c = complaint(execution);
    String investigator = CompletedTask.get(execution, INVESTIGATOR);
    complaints.investigatorAssigned(c, investigator);
    notifications.investigatorAssigned(execution, c, investigator);
  }

  /** The council's investigation of an unresolved provider complaint ends with its findings. */
  public void investigate(DelegateTask task) {
    Complaint c = complaint(task);
    FormChecks checks = new FormChecks("Investigation", task).againstForm("complaint-investigate");
    String result = checks.oneOf(INVESTIGATION_OUTCOME, INVESTIGATION_OUTCOMES);
    Concern concern = concern(checks, task, c);
    checks.throwIfAny();
    outcome(
        task,
        result,
        "Investigated by the council's representative after the provider could not resolve it: "
            + result.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    handOver(task, concern, c);
  }

  /** Raises the safeguarding alert for a concern the investigation found, if any. */
  public void recordInvestigation(DelegateExecution execution) {
    raise(execution, complaint(execution));
  }

  /**
   * The provider organisation's group, for its tasks' candidate group: from the complaint's
   * contract, so that no form can hand the case to another organisation.
   */
  public String providerGroup(DelegateExecution execution) {
    return complaint(execution).providerGroup();
  }

  /** Every escalation task asks what was done about it. */
  public void escalation(DelegateTask task) {
    // Off the case, onto this escalation's path: case-wide, the provider's tasks would read it.
    TaskAnswers.keepOnPath(task, List.of(ESCALATION_ACTION));
    FormChecks.asDeclared("Escalation", "complaint-escalation", task);
  }

  /** The complaint is closed with the outcome its last step recorded. */
  public void close(DelegateExecution execution) {
    Complaint c = complaint(execution);
    Object code = execution.getVariable(OUTCOME_CODE);
    Object outcome = execution.getVariable(OUTCOME);
    complaints.close(
        c, code == null ? null : code.toString(), outcome == null ? null : outcome.toString());
  }

  // --- safeguarding, at any step that asks ----------------------------------------------------

  /**
   * A safeguarding concern the step recorded: what it is and when whoever recorded it became aware.
   */
  private record Concern(String summary, Instant awareAt) {}

  /** Once a concern is raised the forms no longer ask; the alert is one per complaint. */
  private Concern concern(FormChecks checks, DelegateTask task, Complaint c) {
    if (c.safeguardingRaised() || !checks.flag(SAFEGUARDING_CONCERN)) {
      return null;
    }
    String summary = null;
    Object given = task.getVariable(SAFEGUARDING_SUMMARY);
    if (given == null || given.toString().isBlank()) {
      checks.problem(SAFEGUARDING_SUMMARY, "say what the concern is, for the safeguarding team");
    } else {
      summary = given.toString().trim();
    }
    Instant aware = checks.dateTime(SAFEGUARDING_AWARE_AT);
    if (aware != null && aware.isAfter(clock.instant())) {
      checks.problem(SAFEGUARDING_AWARE_AT, "cannot be in the future");
      aware = null;
    }
    return new Concern(summary, aware);
  }

  /**
   * Hands the concern to the step that records it, with who raises it: the provider's own steps
   * raise the alert as the provider (its 12-hour alert figure, App C 5.2), the council's steps as
   * the council.
   */
  private static void handOver(DelegateTask task, Concern concern, Complaint c) {
    CompletedTask.handOver(task, SAFEGUARDING_SUMMARY, concern == null ? null : concern.summary());
    CompletedTask.handOver(task, SAFEGUARDING_AWARE_AT, concern == null ? null : concern.awareAt());
    boolean providerStep = c.providerRoute() && isProviderStep(task.getTaskDefinitionKey());
    CompletedTask.handOver(
        task,
        SAFEGUARDING_RAISED_BY,
        providerStep ? SafeguardingConcern.PROVIDER : SafeguardingConcern.COUNCIL);
    CompletedTask.handOver(task, SAFEGUARDING_CONCERN, concern != null);
  }

  private void raise(DelegateExecution execution, Complaint c) {
    if (!Boolean.parseBoolean(CompletedTask.get(execution, SAFEGUARDING_CONCERN))) {
      return;
    }
    String alert =
        complaints.raiseSafeguarding(
            c,
            CompletedTask.get(execution, SAFEGUARDING_RAISED_BY),
            instant(execution, SAFEGUARDING_AWARE_AT),
            CompletedTask.get(execution, SAFEGUARDING_SUMMARY));
    execution.setVariable(SAFEGUARDING_RAISED, true);
    execution.setVariable(SAFEGUARDING_ALERT_ID, alert);
  }

  private static Instant instant(DelegateExecution execution, String name) {
    String value = CompletedTask.get(execution, name);
    return value == null ? null : Instant.parse(value);
  }

  private static boolean isProviderStep(String taskDefinitionKey) {
    return Set.of(
            "Task_ProviderAcknowledgeComplaint",
            "Task_ResolveComplaint",
            "Task_SubmitWrittenReport")
        .contains(taskDefinitionKey);
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** An event's time must lie between the complaint's receipt and now. */
  private void sinceReceipt(FormChecks checks, String field, Instant at, Complaint c) {
    if (at == null) {
      return;
    }
    if (at.isAfter(clock.instant())) {
      checks.problem(field, "cannot be in the future");
    } else if (at.isBefore(c.receivedAt())) {
      checks.problem(field, "cannot be before the complaint was received");
    }
  }

  private static void outcome(VariableScope scope, String code, String description) {
    scope.setVariable(OUTCOME_CODE, code);
    scope.setVariable(OUTCOME, description);
  }

  /** By the process instance, not by a number in a variable that a task's form could change. */
  private Complaint complaint(DelegateTask task) {
    return complaints.ofProcessInstance(task.getProcessInstanceId());
  }

  private Complaint complaint(DelegateExecution execution) {
    return complaints.ofProcessInstance(execution.getProcessInstanceId());
  }
}
