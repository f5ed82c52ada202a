package uk.gov.council.commissioning.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.cases.DuplicateCaseException;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.DeadlineRule;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.escalation.Escalations;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The steps of {@code performance-return.bpmn} (seed 001 Part 3.2 §4): one contract's return for
 * one quarter, from the deadline to the purchasing officer's check and the §4.1.4 log. The return
 * is read from the register by the case's business key.
 */
@Component("performanceReturnSteps")
@RequiredArgsConstructor
public class PerformanceReturnSteps {

  public static final String PROCESS_KEY = "performance-return";
  static final String CASE_TYPE = "PERFORMANCE_RETURN";
  static final String RETURN = "RETURN";
  static final String CHECK = "CHECK";
  static final String EXPLANATION = "EXPLANATION";
  static final String RESUBMISSION = "RESUBMISSION";

  static final String MESSAGE_SUBMITTED = "ReturnSubmitted";
  static final String MESSAGE_EXTENSION = "ExtensionRequested";
  static final String MESSAGE_EXPLANATIONS = "ExplanationsSubmitted";

  static final String CONTRACT_REFERENCE = "contractReference";
  static final String YEAR = "reportingYear";
  static final String QUARTER = "quarter";
  static final String DUE_DATE = "dueDate";

  static final String CHECK_FORM = "performance-return-check";
  static final String ASSESS_FORM = "performance-return-assess";
  static final String MANAGER_FORM = "performance-return-manager-decision";
  static final String MITIGATION_FORM = "performance-return-mitigation";
  static final String EXTENSION_FORM = "performance-return-extension";
  static final String CONTINUED_FAILURE_FORM = "performance-return-continued-failure";

  static final String MONITOR = "MONITOR";
  static final String CONTRACTS_MANAGER = "CONTRACTS_MANAGER";
  static final String UNSATISFACTORY = "UNSATISFACTORY";
  static final Set<String> MANAGER_ACTIONS =
      Set.of("NONE", "DEFAULT_NOTICE", "MEETING_SCHEDULE", "OTHER");

  private static final String DEADLINE_SECTION = "001 Part 3.2 §2.1.4, §4.1.6";
  private static final String CHECK_SECTION = "001 Part 3.2 §4.1.1";

  private final ReturnRegister register;
  private final ReturnCatalogues catalogues;
  private final ReturnsProperties properties;
  private final ReturnDeadlines returnDeadlines;
  private final ContractService contracts;
  private final Deadlines deadlines;
  private final CaseMail mail;
  private final Escalations escalations;
  private final RecipientDirectory recipients;
  private final ManagementService managementService;
  private final Clock clock;

  /** {@code PR-<contract reference>-<start year>-Q<n>}. */
  public static String businessKey(String contractReference, int year, int quarter) {
    return "PR-" + contractReference + "-" + year + "-Q" + quarter;
  }

  // --- start --------------------------------------------------------------------------------

  /** The start variables as the case needs them; each problem names its field. */
  record Start(Contract contract, ReportingQuarter quarter, LocalDate due) {}

  Start checkStart(Map<String, Object> variables) {
    List<String> problems = new ArrayList<>();
    Object reference = variables.get(CONTRACT_REFERENCE);
    Contract contract = null;
    if (!(reference instanceof String text) || text.isBlank()) {
      problems.add(CONTRACT_REFERENCE + ": is required");
    } else {
      contract = contracts.findByReference(text.strip()).orElse(null);
      if (contract == null) {
        problems.add(CONTRACT_REFERENCE + ": no contract " + text.strip());
      }
    }
    ReportingYear year = null;
    if (variables.get(YEAR) instanceof Number n
        && n.intValue() >= 2000
        && n.intValue() <= 2199
        && n.doubleValue() == n.intValue()) {
      year = new ReportingYear(n.intValue());
    } else {
      problems.add(YEAR + ": must be the year the reporting year starts in, e.g. 2026");
    }
    Integer quarter = null;
    if (variables.get(QUARTER) instanceof Number n
        && n.doubleValue() == n.intValue()
        && n.intValue() >= 1
        && n.intValue() <= 4) {
      quarter = n.intValue();
    } else {
      problems.add(QUARTER + ": must be 1, 2, 3 or 4");
    }
    LocalDate due = null;
    Object dueValue = variables.get(DUE_DATE);
    if (dueValue instanceof Date date) {
      due = LocalDate.ofInstant(date.toInstant(), WorkingDayCalendar.UK);
    } else if (dueValue instanceof LocalDate date) {
      due = date;
    } else if (dueValue != null) {
      problems.add(DUE_DATE + ": must be a date");
    }
    if (!problems.isEmpty()) {
      throw new TaskFormException("Performance return", problems);
    }
    ReportingQuarter q = new ReportingQuarter(year, quarter);
    if (due == null) {
      due = returnDeadlines.dueDate(q);
    }
    if (due.isBefore(q.lastDay())) {
      throw new TaskFormException(
          "Performance return", List.of(DUE_DATE + ": must not be before the quarter ends"));
    }
    register
        .find(contract.id(), q)
        .ifPresent(
            existing -> {
              throw new DuplicateCaseException(
                  "Performance return",
                  QUARTER
                      + ": the contract's return for "
                      + q.label()
                      + " is "
                      + existing.caseReference(),
                  existing.caseReference());
            });
    return new Start(contract, q, due);
  }

  /**
   * The return's register row, once, and its deadline RETURN: the end of the due date issued for
   * the quarter (§2.1.4), or the council's default after the quarter's end.
   */
  public void register(DelegateExecution execution) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String name : List.of(CONTRACT_REFERENCE, YEAR, QUARTER, DUE_DATE)) {
      variables.put(name, execution.getVariable(name));
    }
    // A retried step finds its own row: that one is not a duplicate.
    PerformanceReturn own = register.find(execution.getProcessBusinessKey()).orElse(null);
    if (own != null && execution.getProcessInstanceId().equals(own.processInstanceId())) {
      return;
    }
    Start start;
    try {
      start = checkStart(variables);
    } catch (DuplicateCaseException duplicate) {
      PerformanceReturn existing = register.find(duplicate.existing()).orElseThrow();
      if (!PerformanceReturn.ACCEPTED.equals(existing.status())
          && !CaseStarts.anotherCaseRunning(execution, existing.processInstanceId())
          && existing.caseReference().equals(execution.getProcessBusinessKey())) {
        // Its case was cancelled in Cockpit: this one takes the return over.
        register.takeOver(existing.id(), execution.getProcessInstanceId());
        return;
      }
      throw duplicate;
    }
    String key =
        businessKey(
            start.contract().reference(),
            start.quarter().year().startYear(),
            start.quarter().number());
    if (execution.getProcessBusinessKey() == null
        || !execution.getProcessBusinessKey().equals(key)) {
      execution.setProcessBusinessKey(key);
    }
    boolean inserted =
        register.insert(
            key,
            start.contract().id(),
            start.contract().provider().id(),
            start.quarter(),
            register
                .contractPage(start.contract().id(), start.quarter().year().startYear())
                .orElse(null),
            start.due(),
            execution.getProcessInstanceId());
    if (!inserted) {
      throw new DuplicateCaseException(
          "Performance return", QUARTER + ": the return " + key + " exists already", key);
    }
    execution.setVariable(DUE_DATE, java.sql.Date.valueOf(start.due()));
    deadlines.scheduleAt(ref(execution), RETURN, deadlines.endOf(start.due()), DEADLINE_SECTION);
  }

  public Date returnDue(DelegateExecution execution) {
    return deadlines.timer(execution, RETURN);
  }

  public Date checkDue(DelegateExecution execution) {
    return deadlines.timer(execution, CHECK);
  }

  public Date explanationDue(DelegateExecution execution) {
    return deadlines.timer(execution, EXPLANATION);
  }

  public Date resubmissionDue(DelegateExecution execution) {
    return deadlines.timer(execution, RESUBMISSION);
  }

  public Date taskDue() {
    return deadlines.taskDue(properties.taskWorkingDays());
  }

  // --- late and non-returns (§4.1.6) ---------------------------------------------------------

  /**
   * The deadline passed with no return: the quarter is late (a breach against the provider, once),
   * the run of late quarters counted across years, and the provider reminded so that it can still
   * send the return late.
   */
  public void sendReminder(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    int inRow = LateQuarters.inRow(r.reportingQuarter(), q -> register.lateOf(r.contractId(), q));
    register.recordLate(r.id(), clock.instant(), inRow);
    deadlines.missed(
        ref(execution),
        RETURN,
        r.providerId(),
        "Performance return for "
            + r.reportingQuarter().label()
            + " not received by "
            + r.deadline());
    execution.setVariable("lateQuartersInRow", inRow);
    execution.setVariable("continuedFailure", inRow >= properties.continuedFailureQuarters());
    Map<String, Object> values = values(execution, r);
    values.put("lateQuartersInRow", inRow);
    mail.send(
        execution,
        "performance-return/reminder",
        register.extensions(r.id()).size() + 1,
        providerEmails(r),
        values);
  }

  /** The officer's record of the mitigating circumstances the provider gave (or none). */
  public void mitigationRecorded(DelegateTask task) {
    answers(task, List.of("mitigation"));
    FormChecks form = new FormChecks(MITIGATION_FORM, task).againstForm(MITIGATION_FORM);
    String mitigation = form.text("mitigation", 2000);
    form.throwIfAny();
    CompletedTask.handOver(task, "mitigation", mitigation);
  }

  /** The reason recorded, and the contracts managers advised (§4.1.6). */
  public void adviseContractsManager(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    register.recordMitigation(r.id(), CompletedTask.get(execution, "mitigation"));
    Map<String, Object> values = values(execution, r);
    values.put("mitigation", CompletedTask.get(execution, "mitigation"));
    values.put("lateQuartersInRow", r.lateQuartersInRow() == null ? 1 : r.lateQuartersInRow());
    mail.send(
        execution,
        "performance-return/mitigation",
        register.extensions(r.id()).size() + 1,
        recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
        values);
  }

  /** What the contracts manager did about continued failure to make returns. */
  public void continuedFailureDecided(DelegateTask task) {
    answers(task, List.of("continuedFailureAction"));
    FormChecks form =
        new FormChecks(CONTINUED_FAILURE_FORM, task).againstForm(CONTINUED_FAILURE_FORM);
    String action = form.text("continuedFailureAction", 2000);
    form.throwIfAny();
    register.recordContinuedFailureAction(row(task.getExecution()).id(), action);
  }

  // --- extension (§4.1.6) ----------------------------------------------------------------------

  /** The officer agrees a new date (on or after the one in force) or refuses the extension. */
  public void extensionDecided(DelegateTask task) {
    answers(task, List.of("extensionDecision", "agreedDate"));
    FormChecks form = new FormChecks(EXTENSION_FORM, task).againstForm(EXTENSION_FORM);
    String decision = form.oneOf("extensionDecision", Set.of("AGREE", "REFUSE"));
    LocalDate agreed = form.optionalDate("agreedDate");
    PerformanceReturn r = row(task.getExecution());
    if ("AGREE".equals(decision)) {
      if (agreed == null) {
        form.problem("agreedDate", "the new date is required when the extension is agreed");
      } else if (!agreed.isAfter(r.deadline())) {
        form.problem("agreedDate", "must be after the deadline in force, " + r.deadline());
      }
    }
    form.throwIfAny();
    CompletedTask.handOver(task, "extensionDecision", decision);
    CompletedTask.handOver(task, "agreedDate", agreed == null ? null : agreed.toString());
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /**
   * The decision recorded; an agreed date becomes the deadline RETURN, and the deadline's timer, if
   * it has not fired yet, moves with it.
   */
  public void recordExtensionDecision(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    PerformanceReturn.Extension pending = register.pendingExtension(r.id()).orElse(null);
    if (pending == null) {
      return;
    }
    boolean agreed = "AGREE".equals(CompletedTask.get(execution, "extensionDecision"));
    String date = CompletedTask.get(execution, "agreedDate");
    LocalDate agreedDate = date == null ? null : LocalDate.parse(date);
    register.decideExtension(
        r.id(),
        pending.id(),
        agreed,
        agreedDate,
        CompletedTask.get(execution, "by"),
        clock.instant());
    execution.setVariable("extensionAgreed", agreed);
    if (agreed && r.receivedAt() == null) {
      deadlines.reschedule(ref(execution), RETURN, agreedDate, DEADLINE_SECTION);
      Date due = deadlines.timer(execution, RETURN);
      for (Job job :
          managementService
              .createJobQuery()
              .processInstanceId(execution.getProcessInstanceId())
              .activityId("Timer_ReturnDeadline")
              .timers()
              .list()) {
        managementService.setJobDuedate(job.getId(), due);
      }
    }
  }

  public void sendExtensionDecision(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    List<PerformanceReturn.Extension> all = register.extensions(r.id());
    PerformanceReturn.Extension last = all.get(all.size() - 1);
    Map<String, Object> values = values(execution, r);
    values.put("decision", "AGREED".equals(last.decision()) ? "agreed" : "not agreed");
    values.put("requestedDate", last.requestedDate());
    mail.send(
        execution, "performance-return/extension-decision", all.size(), providerEmails(r), values);
  }

  // --- receipt and check (§4.1.1-§4.1.3) --------------------------------------------------------

  /**
   * The system's checks on the return as received (§4.1.1, §6.1.1): complete, unit numbers, KPIs
   * below trigger and their explanations. The officer has two weeks from receipt (CHECK).
   */
  public void preCheck(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    ReturnPreCheck.Result result = preCheckOf(r);
    Instant received = clock.instant();
    deadlines.met(ref(execution), RETURN, r.receivedAt() == null ? received : r.receivedAt());
    deadlines.met(ref(execution), RESUBMISSION, received);
    deadlines.schedule(
        ref(execution),
        CHECK,
        DeadlineRule.hours(properties.checkWithin(), CHECK_SECTION),
        received);
    int receipts =
        execution.hasVariable("receipts") ? (Integer) execution.getVariable("receipts") : 0;
    execution.setVariable("receipts", receipts + 1);
    execution.setVariable("preCheckComplete", result.complete());
    execution.setVariable("belowTrigger", result.belowTrigger());
  }

  ReturnPreCheck.Result preCheckOf(PerformanceReturn r) {
    List<PerformanceReturn.Value> stored = register.values(r.id());
    Submission submission =
        new Submission(
            r.unitNumbers(),
            r.unitNumbersExplanation(),
            r.providerComments(),
            stored.stream()
                .map(v -> new Submission.Value(v.catalogue(), v.kpi(), v.value(), v.explanation()))
                .toList());
    return ReturnPreCheck.check(
        r.reportingQuarter(),
        catalogues.of(r.contractReference(), r.reportingYear()),
        register.localPisExempt(r.contractId(), r.reportingYear()),
        r.pageUnitNumbers(),
        submission);
  }

  /** What the council's forms show: the return, its values and what the system found. */
  public void showReturn(DelegateTask task) {
    PerformanceReturn r = row(task.getExecution());
    task.setVariableLocal("returnText", returnText(r));
    task.setVariableLocal("valuesText", valuesText(register.values(r.id())));
    ReturnPreCheck.Result result = r.receivedAt() == null ? null : preCheckOf(r);
    task.setVariableLocal(
        "preCheckText", result == null ? "Not yet received." : preCheckText(result));
    if ("Task_CheckReturn".equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal("checkDecision", null);
      task.setVariableLocal(
          "missingItems",
          result == null || result.complete() ? null : String.join("\n", result.missing()));
      task.setVariableLocal("officeComments", null);
    }
    if ("Task_DecideExtension".equals(task.getTaskDefinitionKey())) {
      register
          .pendingExtension(r.id())
          .ifPresent(
              e -> {
                task.setVariableLocal(
                    "extensionText",
                    "Asked by "
                        + e.requestedBy()
                        + " for "
                        + e.requestedDate()
                        + " (deadline in force "
                        + r.deadline()
                        + "): "
                        + e.reason());
                task.setVariableLocal("agreedDate", e.requestedDate().toString());
              });
      task.setVariableLocal("extensionDecision", null);
    }
    if ("Task_ContractsManagerDecides".equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal(
          "outcomeText",
          (UNSATISFACTORY.equals(r.outcome())
                  ? "No response or an unsatisfactory explanation (§4.1.3, third outcome): the"
                      + " contracts manager decides, which can mean a default notice or a change"
                      + " to the contract management meetings."
                  : "The shortfall is likely to continue (§4.1.3, second outcome): the contracts"
                      + " manager decides what action to take and the provider is told.")
              + (r.officeComments() == null ? "" : " Officer's comments: " + r.officeComments()));
      task.setVariableLocal("managerAction", null);
      task.setVariableLocal("managerDecision", null);
    }
  }

  /** §4.1.1-§4.1.2: complete, or back to the provider with what is missing. */
  public void checked(DelegateTask task) {
    answers(task, List.of("checkDecision", "missingItems", "officeComments"));
    FormChecks form = new FormChecks(CHECK_FORM, task).againstForm(CHECK_FORM);
    String decision = form.oneOf("checkDecision", Set.of("COMPLETE", "INCOMPLETE"));
    form.textIf(
        "INCOMPLETE".equals(decision),
        "missingItems",
        "say what is missing, for the provider to add (§4.1.2)");
    String missing = form.optionalText("missingItems", 2000);
    String comments = form.optionalText("officeComments", 2000);
    form.throwIfAny();
    CompletedTask.handOver(task, "checkDecision", decision);
    CompletedTask.handOver(task, "missingItems", "INCOMPLETE".equals(decision) ? missing : null);
    CompletedTask.handOver(task, "officeComments", comments);
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /** Who checked it and the "For Office Use only" comments (§4.1.4); CHECK met. */
  public void recordCheck(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    boolean complete = "COMPLETE".equals(CompletedTask.get(execution, "checkDecision"));
    register.recordCheck(
        r.id(),
        CompletedTask.get(execution, "by"),
        CompletedTask.get(execution, "officeComments"),
        complete ? null : CompletedTask.get(execution, "missingItems"));
    deadlines.met(ref(execution), CHECK, clock.instant());
    execution.setVariable("returnComplete", complete);
    boolean below = preCheckOf(row(execution)).belowTrigger();
    execution.setVariable("belowTrigger", below);
    execution.setVariable(
        "explanationsMissing",
        complete && below && preCheckOf(row(execution)).explanationsMissing());
  }

  /** Two weeks from receipt and not checked: the contracts managers are told, once a receipt. */
  public void escalateCheck(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    deadlines.missed(ref(execution), CHECK);
    escalations.escalate(
        execution,
        "performance-return/check-overdue",
        receipts(execution),
        recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
        values(execution, r));
  }

  /** §4.1.2: the provider is told what is missing; the return is due again. */
  public void sendIncomplete(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    deadlines.schedule(
        ref(execution),
        RESUBMISSION,
        DeadlineRule.workingDays(properties.resubmissionWorkingDays(), "001 Part 3.2 §4.1.2"),
        clock.instant());
    Map<String, Object> values = values(execution, r);
    values.put("missingItems", r.missingItems());
    values.put("resubmissionDue", describe(execution, RESUBMISSION));
    mail.send(
        execution, "performance-return/incomplete", receipts(execution), providerEmails(r), values);
  }

  /** The missing data has not come back: the provider is reminded, once a round. */
  public void sendResubmissionReminder(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    deadlines.missed(ref(execution), RESUBMISSION);
    Map<String, Object> values = values(execution, r);
    values.put("missingItems", r.missingItems());
    mail.send(
        execution,
        "performance-return/resubmission-reminder",
        receipts(execution),
        providerEmails(r),
        values);
  }

  /** §4.1.3: the return goes back for the provider's explanation of each KPI below its trigger. */
  public void requestExplanation(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    register.status(r.id(), PerformanceReturn.EXPLANATION_REQUESTED);
    deadlines.schedule(
        ref(execution),
        EXPLANATION,
        DeadlineRule.workingDays(properties.explanationWorkingDays(), "001 Part 3.2 §4.1.3"),
        clock.instant());
    Map<String, Object> values = values(execution, r);
    values.put("breaches", breachesText(preCheckOf(r)));
    values.put("explanationDue", describe(execution, EXPLANATION));
    mail.send(
        execution,
        "performance-return/explanation-request",
        receipts(execution),
        providerEmails(r),
        values);
  }

  /** The provider failed to respond (§4.1.3 third outcome): to the contracts manager. */
  public void noExplanation(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    deadlines.missed(
        ref(execution),
        EXPLANATION,
        r.providerId(),
        "No explanation of the KPIs below trigger in the return for "
            + r.reportingQuarter().label());
    register.recordOutcome(r.id(), UNSATISFACTORY);
  }

  public void explanationsReceived(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    deadlines.met(ref(execution), EXPLANATION, clock.instant());
    register.status(r.id(), PerformanceReturn.RECEIVED);
  }

  /** §4.1.3: the officer's assessment of the explanation, one of the three outcomes. */
  public void assessed(DelegateTask task) {
    answers(task, List.of("outcome", "assessment"));
    FormChecks form = new FormChecks(ASSESS_FORM, task).againstForm(ASSESS_FORM);
    String outcome = form.oneOf("outcome", Set.of(MONITOR, CONTRACTS_MANAGER, UNSATISFACTORY));
    form.textIf(
        outcome != null && !MONITOR.equals(outcome),
        "assessment",
        "say why, for the contracts manager");
    String assessment = form.optionalText("assessment", 2000);
    form.throwIfAny();
    CompletedTask.handOver(task, "outcome", outcome);
    CompletedTask.handOver(task, "assessment", assessment);
  }

  public void recordOutcome(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    String outcome = CompletedTask.get(execution, "outcome");
    register.recordOutcome(r.id(), outcome);
    execution.setVariable("outcome", outcome);
    String assessment = CompletedTask.get(execution, "assessment");
    if (assessment != null) {
      register.recordCheck(
          r.id(),
          r.checkedBy(),
          r.officeComments() == null ? assessment : r.officeComments() + "\n" + assessment,
          null);
    }
  }

  /**
   * The contracts manager's decision (§4.1.3 second and third outcomes). Under the third it says
   * whether a default notice is served or the meetings change.
   */
  public void managerDecided(DelegateTask task) {
    answers(task, List.of("managerAction", "managerDecision"));
    FormChecks form = new FormChecks(MANAGER_FORM, task).againstForm(MANAGER_FORM);
    String action = form.oneOf("managerAction", MANAGER_ACTIONS);
    String decision = form.text("managerDecision", 2000);
    form.throwIfAny();
    CompletedTask.handOver(task, "managerAction", action);
    CompletedTask.handOver(task, "managerDecision", decision);
  }

  public void recordManagerDecision(DelegateExecution execution) {
    register.recordManagerDecision(
        row(execution).id(),
        CompletedTask.get(execution, "managerAction"),
        CompletedTask.get(execution, "managerDecision"));
  }

  /** "the provider advised accordingly" (§4.1.3). */
  public void sendDecision(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    Map<String, Object> values = values(execution, r);
    values.put("managerDecision", r.managerDecision());
    mail.send(execution, "performance-return/decision", providerEmails(r), values);
  }

  /** §4.1.4: the return is logged as accepted (service, quarter, date returned). */
  public void logAccepted(DelegateExecution execution) {
    PerformanceReturn r = row(execution);
    register.recordAccepted(r.id(), clock.instant());
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  /**
   * The task's answers onto the task. A form opens with some of them filled in on the task; what
   * the user submits lands on the case and stands before that opening value.
   */
  private static void answers(DelegateTask task, List<String> names) {
    for (String name : names) {
      if (task.getExecution().hasVariable(name)) {
        task.setVariableLocal(name, task.getExecution().getVariable(name));
      }
    }
    TaskAnswers.moveOntoTask(task, names);
  }

  PerformanceReturn row(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    return register
        .find(reference)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No performance return " + reference + " in the register"));
  }

  private static int receipts(DelegateExecution execution) {
    Object receipts = execution.getVariable("receipts");
    return receipts == null ? 1 : ((Number) receipts).intValue();
  }

  private List<String> providerEmails(PerformanceReturn r) {
    return recipients.emailsOfGroup(r.providerGroup());
  }

  private String describe(DelegateExecution execution, String kind) {
    return deadlines.find(ref(execution), kind).map(d -> Deadlines.describe(d.dueAt())).orElse("-");
  }

  private Map<String, Object> values(DelegateExecution execution, PerformanceReturn r) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("caseReference", r.caseReference());
    values.put("contractReference", r.contractReference());
    values.put("contractTitle", r.contractTitle());
    values.put("providerName", r.providerName());
    values.put("quarter", r.reportingQuarter().label());
    values.put("deadline", r.deadline());
    return values;
  }

  static String returnText(PerformanceReturn r) {
    return r.contractReference()
        + " "
        + r.contractTitle()
        + " ("
        + r.providerName()
        + "), "
        + r.reportingQuarter().label()
        + "; due "
        + r.deadline()
        + (r.receivedAt() == null ? "; not yet received" : "; received " + r.receivedAt())
        + (r.late() ? " (late)" : "")
        + "; unit numbers "
        + (r.unitNumbers() == null ? "-" : r.unitNumbers())
        + (r.pageUnitNumbers() == null ? "" : " (contract page " + r.pageUnitNumbers() + ")")
        + (r.unitNumbersExplanation() == null ? "" : ": " + r.unitNumbersExplanation())
        + (r.providerComments() == null ? "" : ". Provider's comments: " + r.providerComments());
  }

  static String valuesText(List<PerformanceReturn.Value> values) {
    if (values.isEmpty()) {
      return "(none)";
    }
    StringBuilder text = new StringBuilder();
    for (PerformanceReturn.Value v : values) {
      text.append(v.catalogue())
          .append(' ')
          .append(v.kpi())
          .append(": ")
          .append(v.value().stripTrailingZeros().toPlainString())
          .append(v.belowTrigger() ? " BELOW TRIGGER" : "")
          .append(v.explanation() == null ? "" : " (" + v.explanation() + ")")
          .append('\n');
    }
    return text.toString().strip();
  }

  static String preCheckText(ReturnPreCheck.Result result) {
    List<String> lines = new ArrayList<>();
    lines.add(result.complete() ? "Complete." : "Missing:");
    lines.addAll(result.missing());
    if (result.unitNumbersChanged()) {
      lines.add("Unit numbers differ from the locked contract page.");
    }
    lines.add(
        result.belowTrigger()
            ? "Below trigger: " + breachesText(result)
            : "No KPI below its trigger.");
    return String.join("\n", lines);
  }

  static String breachesText(ReturnPreCheck.Result result) {
    return String.join(
        "; ",
        result.breaches().stream()
            .map(
                b ->
                    b.catalogue()
                        + " "
                        + b.kpi()
                        + " = "
                        + b.value().stripTrailingZeros().toPlainString()
                        + " (trigger "
                        + b.threshold()
                        + (b.explained() ? ", explained" : ", no explanation")
                        + ")")
            .toList());
  }

  static CaseRef ref(DelegateExecution execution) {
    return CaseRef.of(CASE_TYPE, execution);
  }
}
