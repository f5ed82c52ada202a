package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.qaf.QafFields.YES_NO;
import static uk.gov.council.commissioning.qaf.QafFields.text;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * The QAF from issue to its return (seed 001 Part 3.3 §2-§3): issued to the provider, returned,
 * checked for completeness, chased when late. Each task's form is checked on the server when the
 * task is completed (a refusal leaves the task open, every field at fault named) and what it
 * records is written in the same transaction.
 */
@Component("qafReturnSteps")
public class QafReturnSteps {

  static final String RETURN_REQUIREMENT = "QAF_RETURN";
  static final Set<String> NON_RETURN_OUTCOMES = Set.of("KEEP_WAITING", "CLOSE_NOT_RETURNED");

  private final QafRepository repository;
  private final QafSupplementaries supplementaries;
  private final QafEvidenceRule rule;
  private final DeadlineBreaches breaches;
  private final QafNotifications notifications;
  private final Deadlines deadlines;
  private final Clock clock;

  public QafReturnSteps(
      QafRepository repository,
      QafSupplementaries supplementaries,
      QafProperties properties,
      DeadlineBreaches breaches,
      QafNotifications notifications,
      Deadlines deadlines,
      Clock clock) {
    this.repository = repository;
    this.supplementaries = supplementaries;
    this.rule = new QafEvidenceRule(properties.minimumEvidenceCharacters());
    this.breaches = breaches;
    this.notifications = notifications;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** §2: the QAF goes to the provider with the return date and the target Performance Level. */
  public void issue(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    Instant now = clock.instant();
    repository.recordIssued(q.id(), now);
    // §2: the year's supplementary QAF, once the Core Strategy Group has approved it, goes out with
    // every QAF of the year issued from then on.
    supplementaries
        .approvedFor(q.financialYear())
        .ifPresent(
            s -> {
              repository.attachSupplementary(q.id(), s.id());
              execution.setVariable("supplementaryQafText", s.providerText());
            });
    deadlines.met(ref(execution), QafDeadlines.ISSUE, now);
    notifications.issued(execution, q);
  }

  /** The provider's return: grades A to D (other checks come with the completeness check). */
  public void completeQaf(DelegateTask task) {
    QafAssessment q = repository.ofProcess(task.getProcessInstanceId());
    QafTaskVariables.providerFormOnly(task, "QAF return");
    FormChecks checks = new FormChecks("QAF return", task).againstFormLimits("qaf-complete");
    for (QafObjective o : QafObjective.of(q.variant())) {
      Object value = task.getVariable(o.gradeField());
      if (QafEvidenceRule.grade(value) == null) {
        checks.problem(o.gradeField(), o.code() + " grade: " + QafEvidenceRule.gradeProblem(value));
      }
    }
    checks.throwIfAny();
    for (QafObjective o : QafObjective.of(q.variant())) {
      CompletedTask.handOver(
          task, o.gradeField(), QafEvidenceRule.grade(task.getVariable(o.gradeField())));
    }
    Object signedOn = task.getVariable("summaryDate");
    CompletedTask.handOver(task, "summarySignedBy", text(task, "summarySignedBy"));
    CompletedTask.handOver(
        task, "summaryDate", signedOn == null ? null : QafEvidenceRule.parseDate(signedOn));
  }

  /** The grades the provider claims and its summary sheet, as its task checked them. */
  public void recordReturn(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    for (QafObjective o : QafObjective.of(q.variant())) {
      repository.recordClaim(q.id(), o.code(), CompletedTask.get(execution, o.gradeField()));
    }
    String signedOn = CompletedTask.get(execution, "summaryDate");
    repository.recordSummary(
        q.id(),
        CompletedTask.get(execution, "summarySignedBy"),
        signedOn == null ? null : LocalDate.parse(signedOn));
  }

  /**
   * §3: written evidence under every section up to the claimed grade, no ticks, the summary sheet.
   * Incomplete: back to the provider with every reason (the deadline stays). Complete: returned,
   * late if after the deadline.
   */
  public void checkCompleteness(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    List<QafEvidenceRule.Problem> problems =
        new java.util.ArrayList<>(rule.check(q.variant(), execution::getVariable));
    boolean supplementary = repository.supplementaryOf(q.id()).isPresent();
    Object supplementaryEvidence = execution.getVariable("supplementaryEvidence");
    String supplementaryProblem =
        supplementary ? rule.evidenceProblem(supplementaryEvidence) : null;
    if (supplementaryProblem != null) {
      problems.add(
          new QafEvidenceRule.Problem(
              "supplementaryEvidence", "Supplementary QAF: " + supplementaryProblem));
    }
    if (!problems.isEmpty()) {
      repository.sentBack(q.id());
      String reasons =
          problems.stream().map(QafEvidenceRule.Problem::message).collect(Collectors.joining("\n"));
      execution.setVariable("qafComplete", false);
      execution.setVariable("incompleteReasons", reasons);
      execution.setVariable("timesSentBack", q.timesSentBack() + 1);
      notifications.sentBack(execution, q, q.timesSentBack() + 1, reasons);
      return;
    }
    Instant now = clock.instant();
    repository.recordReturned(q.id(), now);
    if (supplementary) {
      repository.recordSupplementaryEvidence(q.id(), supplementaryEvidence.toString().strip());
    }
    CaseRef ref = ref(execution);
    deadlines.met(ref, QafDeadlines.RETURN, now);
    DeadlineRows.waiveIfOpen(deadlines, ref, QafDeadlines.NOT_RETURNED);
    execution.setVariable("qafComplete", true);
    execution.removeVariable("incompleteReasons");
    // An explanation already accepted covers the lateness of the return it explained.
    if (now.isAfter(q.returnDueAt()) && !Boolean.TRUE.equals(q.lateExplanationAccepted())) {
      breaches.record(
          QafAssessment.CASE_TYPE,
          q.number(),
          q.providerId(),
          RETURN_REQUIREMENT,
          Kind.LATE,
          q.returnDueAt(),
          now,
          "QAF returned complete after its deadline of " + QafDeadlines.describe(q.returnDueAt()));
    }
  }

  /**
   * §3: "Failure to do so without appropriate explanation will be noted on the Provider file as a
   * contract compliance issue": the missed deadline is recorded (it stands on the provider's file
   * until an explanation is accepted), the provider reminded, and the reviewing officer asked to
   * judge the explanation.
   */
  public void returnOverdue(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    deadlines.missed(
        ref(execution),
        QafDeadlines.RETURN,
        q.providerId(),
        "QAF not returned by " + QafDeadlines.describe(q.returnDueAt()));
    notifications.returnOverdue(execution, q);
  }

  /**
   * The reviewing officer's judgement of the provider's explanation for the late return, before or
   * after the QAF arrives. An appropriate explanation withdraws the MISSED breach and any LATE one
   * (§3 notes only a failure "without appropriate explanation"); otherwise both stay.
   */
  public void lateExplanation(DelegateTask task) {
    QafTaskVariables.keepOnTask(task);
    FormChecks checks = new FormChecks("Late return", task).againstForm("qaf-late-explanation");
    String given = checks.oneOf("explanationGiven", YES_NO);
    String explanation = null;
    if ("YES".equals(given)) {
      explanation = checks.text("lateExplanation");
    }
    checks.throwIfAny();
    CompletedTask.handOver(task, "explanationGiven", given);
    CompletedTask.handOver(task, "lateExplanation", explanation);
  }

  /**
   * The judgement the task checked: an appropriate explanation withdraws the MISSED and LATE
   * breaches.
   */
  public void recordLateExplanation(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    boolean accepted = "YES".equals(CompletedTask.get(execution, "explanationGiven"));
    repository.recordLateExplanation(
        q.id(), accepted, CompletedTask.get(execution, "lateExplanation"));
    if (accepted) {
      breaches.withdraw(QafAssessment.CASE_TYPE, q.number(), RETURN_REQUIREMENT, Kind.MISSED);
      breaches.withdraw(QafAssessment.CASE_TYPE, q.number(), RETURN_REQUIREMENT, Kind.LATE);
    }
  }

  /**
   * §3: "Non-return of the QAF document is a contract management issue": what the manager did, and
   * whether to keep waiting or close the QAF as not returned (otherwise a QAF never returned would
   * keep the case open for ever).
   */
  public void contractManagementIssue(DelegateTask task) {
    QafTaskVariables.keepOnTask(task);
    FormChecks checks =
        new FormChecks("Contract management issue", task)
            .againstForm("qaf-contract-management-issue");
    String outcome = checks.oneOf("nonReturnOutcome", NON_RETURN_OUTCOMES);
    checks.throwIfAny();
    CompletedTask.handOver(task, "nonReturnOutcome", outcome);
  }

  /**
   * The non-return is on record as a missed deadline; closed as not returned, the QAF is too. The
   * gateway after reads which.
   */
  public void recordNonReturn(DelegateExecution execution) {
    deadlines.missed(ref(execution), QafDeadlines.NOT_RETURNED);
    boolean close = "CLOSE_NOT_RETURNED".equals(CompletedTask.get(execution, "nonReturnOutcome"));
    if (close) {
      repository.closeAsNotReturned(repository.ofProcess(execution.getProcessInstanceId()).id());
    }
    execution.setVariable("closedAsNotReturned", close);
  }

  private static CaseRef ref(DelegateExecution execution) {
    return CaseRef.of(QafAssessment.CASE_TYPE, execution);
  }
}
