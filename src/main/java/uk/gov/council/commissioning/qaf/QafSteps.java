package uk.gov.council.commissioning.qaf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The QAF's steps (seed 001 Part 3.3 §2-§3.4). Each task's form is checked on the server when the
 * task is completed (a refusal leaves the task open, every field at fault named) and what it
 * records is written in the same transaction. The QAF is read from the register by process
 * instance, so no variable a form sets can move a deadline or reach another provider's QAF.
 */
@Component("qafSteps")
public class QafSteps {

  static final String CASE_TYPE = "QAF";
  static final String RETURN_REQUIREMENT = "QAF_RETURN";

  /** A form's text held only as a case or task variable (the engine's text column). */
  static final int MAX_TEXT = 4000;

  /** Text written to the register: its column's size (migrations V6, V7). */
  static final Map<String, Integer> REGISTER_LIMITS = registerLimits();

  static final Set<String> RESPONSES = Set.of("AGREE", "DISAGREE");
  static final Set<String> YES_NO = Set.of("YES", "NO");
  static final Set<String> NON_RETURN_OUTCOMES = Set.of("KEEP_WAITING", "CLOSE_NOT_RETURNED");

  private final QafRepository repository;
  private final QafEvidenceRule rule;
  private final DeadlineBreaches breaches;
  private final NotificationService notifications;
  private final RecipientDirectory recipients;
  private final QafRandomDraw randomDraw;
  private final QafImprovementPlans improvementPlans;
  private final QafModeration moderation;
  private final java.time.Period auditFeedbackWithin;

  public QafSteps(
      QafRepository repository,
      QafAssessmentProperties properties,
      DeadlineBreaches breaches,
      NotificationService notifications,
      RecipientDirectory recipients,
      QafRandomDraw randomDraw,
      QafImprovementPlans improvementPlans,
      QafModeration moderation) {
    this.repository = repository;
    this.rule = new QafEvidenceRule(properties.minimumEvidenceCharacters());
    this.breaches = breaches;
    this.notifications = notifications;
    this.recipients = recipients;
    this.randomDraw = randomDraw;
    this.improvementPlans = improvementPlans;
    this.moderation = moderation;
    this.auditFeedbackWithin = properties.supportPlanAuditFeedbackWithin();
  }

  /** The provider's organisation group, from the QAF's contract. */
  public String providerGroup(DelegateExecution execution) {
    return qaf(execution).providerGroup();
  }

  /** The reviewing officer (may be none: then any purchasing officer takes the task). */
  public String reviewingOfficer(DelegateExecution execution) {
    return qaf(execution).reviewingOfficer();
  }

  /**
   * Create listener of every council task: its answers are declared on the task (see {@link
   * QafTaskVariables}); the validation visit also shows why it is done, which the provider does not
   * see.
   */
  public void councilAnswers(DelegateTask task) {
    QafTaskVariables.councilAnswers(task);
    if ("Task_ValidationVisit".equals(task.getTaskDefinitionKey())) {
      String reasons = qaf(task.getExecution()).validationReasons();
      task.setVariableLocal(
          "visitReasonsText", reasons == null ? "none" : reasons.replace(",", ", "));
    }
  }

  // --- §2 issue ---------------------------------------------------------------------------------

  /** §2: the QAF goes to the provider with the return date and the target Performance Level. */
  public void issue(DelegateExecution execution) {
    QafAssessment q = qaf(execution);
    repository.recordIssued(q.id(), QafDeadlines.now());
    notifications.send(
        key(execution, "issued"),
        providerAndOfficer(q),
        "Quality Assessment Framework " + q.number() + " for " + q.contractReference(),
        "Please complete the "
            + variantName(q.variant())
            + " self assessment for "
            + q.contractTitle()
            + " ("
            + q.contractReference()
            + ") in the council's Tasklist and return it by "
            + QafDeadlines.describe(q.returnDueAt())
            + ", six weeks before your contract management meeting on "
            + QafDeadlines.describe(q.meetingDate())
            + ".\n\n"
            + "Written evidence is required under every section of each performance level up to the grade you"
            + " claim; ticks are not acceptable. Please complete the summary sheet too.\n\n"
            + "Reminder of this year's target: "
            + execution.getVariable("targetPerformanceLevel")
            + ".");
  }

  // --- §3 return --------------------------------------------------------------------------------

  /** The provider's return: grades A to D (other checks come with the completeness check). */
  public void completeQaf(DelegateTask task) {
    QafAssessment q = qaf(task.getExecution());
    QafTaskVariables.providerFormOnly(task, "QAF return");
    FormChecks checks = new FormChecks("QAF return", task);
    for (QafObjective o : QafObjective.of(q.variant())) {
      Object value = task.getVariable(o.gradeField());
      if (QafEvidenceRule.grade(value) == null) {
        checks.problem(o.gradeField(), o.code() + " grade: " + QafEvidenceRule.gradeProblem(value));
      }
      for (char level : new char[] {'C', 'B', 'A'}) {
        atMost(checks, task, o.evidenceField(level));
      }
    }
    atMost(checks, task, "providerComments");
    atMost(checks, task, "summarySignedBy");
    checks.throwIfAny();
    for (QafObjective o : QafObjective.of(q.variant())) {
      repository.recordClaim(
          q.id(), o.code(), QafEvidenceRule.grade(task.getVariable(o.gradeField())));
    }
    Object signedOn = task.getVariable("summaryDate");
    repository.recordSummary(
        q.id(),
        text(task, "summarySignedBy"),
        signedOn == null ? null : QafEvidenceRule.parseDate(signedOn));
  }

  /**
   * §3: written evidence under every section up to the claimed grade, no ticks, the summary sheet.
   * Incomplete: back to the provider with every reason (the deadline stays). Complete: returned,
   * late if after the deadline.
   */
  public void checkCompleteness(DelegateExecution execution) {
    QafAssessment q = qaf(execution);
    List<QafEvidenceRule.Problem> problems = rule.check(q.variant(), execution::getVariable);
    if (!problems.isEmpty()) {
      repository.sentBack(q.id());
      String reasons =
          problems.stream().map(QafEvidenceRule.Problem::message).collect(Collectors.joining("\n"));
      execution.setVariable("qafComplete", false);
      execution.setVariable("incompleteReasons", reasons);
      execution.setVariable("timesSentBack", q.timesSentBack() + 1);
      notifications.send(
          key(execution, "sent-back-" + (q.timesSentBack() + 1)),
          providerAndOfficer(q),
          "QAF " + q.number() + " returned to you as incomplete",
          "Your QAF for "
              + q.contractReference()
              + " is incomplete (seed 001 Part 3.3 §3):\n"
              + reasons
              + "\n\nPlease complete it in Tasklist by "
              + QafDeadlines.describe(q.returnDueAt())
              + ".");
      return;
    }
    Instant now = QafDeadlines.now();
    repository.recordReturned(q.id(), now);
    execution.setVariable("qafComplete", true);
    execution.removeVariable("incompleteReasons");
    // An explanation already accepted covers the lateness of the return it explained.
    if (now.isAfter(q.returnDueAt()) && !Boolean.TRUE.equals(q.lateExplanationAccepted())) {
      breaches.record(
          CASE_TYPE,
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
    QafAssessment q = qaf(execution);
    breaches.record(
        CASE_TYPE,
        q.number(),
        q.providerId(),
        RETURN_REQUIREMENT,
        Kind.MISSED,
        q.returnDueAt(),
        QafDeadlines.now(),
        "QAF not returned by " + QafDeadlines.describe(q.returnDueAt()));
    notifications.send(
        key(execution, "return-overdue"),
        providerAndOfficer(q),
        "Reminder: QAF " + q.number() + " is overdue",
        "Your QAF for "
            + q.contractReference()
            + " was due back by "
            + QafDeadlines.describe(q.returnDueAt())
            + ". Please return it now. Failure to return it without an appropriate explanation is noted on your"
            + " file as a contract compliance issue; non-return is a contract management issue.");
  }

  /**
   * The reviewing officer's judgement of the provider's explanation for the late return, before or
   * after the QAF arrives. An appropriate explanation withdraws the MISSED breach and any LATE one
   * (§3 notes only a failure "without appropriate explanation"); otherwise both stay.
   */
  public void lateExplanation(DelegateTask task) {
    QafAssessment q = qaf(task.getExecution());
    QafTaskVariables.keepOnTask(task);
    FormChecks checks = new FormChecks("Late return", task);
    String given = checks.oneOf("explanationGiven", YES_NO);
    String explanation = null;
    if ("YES".equals(given)) {
      explanation = checks.text("lateExplanation");
    }
    atMost(checks, task, "lateExplanation");
    checks.throwIfAny();
    boolean accepted = "YES".equals(given);
    repository.recordLateExplanation(q.id(), accepted, explanation);
    if (accepted) {
      breaches.withdraw(CASE_TYPE, q.number(), RETURN_REQUIREMENT, Kind.MISSED);
      breaches.withdraw(CASE_TYPE, q.number(), RETURN_REQUIREMENT, Kind.LATE);
    }
  }

  /**
   * §3: "Non-return of the QAF document is a contract management issue": what the manager did, and
   * whether to keep waiting or close the QAF as not returned (otherwise a QAF never returned would
   * keep the case open for ever).
   */
  public void contractManagementIssue(DelegateTask task) {
    QafTaskVariables.keepOnTask(task);
    FormChecks checks = new FormChecks("Contract management issue", task);
    String outcome = checks.oneOf("nonReturnOutcome", NON_RETURN_OUTCOMES);
    checks.text("actionTaken");
    atMost(checks, task, "actionTaken");
    checks.throwIfAny();
    boolean close = "CLOSE_NOT_RETURNED".equals(outcome);
    if (close) {
      repository.closeAsNotReturned(qaf(task.getExecution()).id());
    }
    task.getExecution().setVariable("closedAsNotReturned", close);
  }

  // --- §3.1 desk-top review, §3.3 validation visit ----------------------------------------------

  /**
   * The QAF Review Form: the officer's grade and comments per objective, an explanation wherever it
   * differs from the claim (§3.4), concerns over the service, a procurement review, and whether the
   * officer chooses to validate key sections anyway (§3.3, discretion).
   */
  public void deskTopReview(DelegateTask task) {
    QafAssessment q = qaf(task.getExecution());
    QafTaskVariables.keepOnTask(task);
    FormChecks checks = new FormChecks("QAF Review Form", task);
    Map<String, String> grades = officerGrades(checks, task, q);
    boolean concerns = checks.flag("concernsOverService");
    if (concerns) {
      checks.textIf(
          true,
          "concernsDetails",
          "say what the concerns are (e.g. complaints, Performance Indicators)");
    }
    atMost(checks, task, "concernsDetails");
    boolean procurement = checks.flag("procurementReview");
    boolean partial = checks.flag("partialValidation");
    if (partial) {
      checks.textIf(
          true, "partialValidationSections", "say which key sections to validate and why");
    }
    atMost(checks, task, "partialValidationSections");
    checks.throwIfAny();
    recordOfficerGrades(task, q, grades);
    repository.recordDeskReview(
        q.id(), QafDeadlines.now(), concerns ? text(task, "concernsDetails") : null, procurement);
    task.getExecution().setVariable("officerDiscretion", partial);
  }

  /**
   * The decision table's inputs, from the register (§3.3): computed here, never taken from a form.
   */
  public void prepareVisitDecision(DelegateExecution execution) {
    QafAssessment q = qaf(execution);
    Map<String, String> claims = new LinkedHashMap<>();
    repository.grades(q.id()).forEach(g -> claims.put(g.objective(), g.providerGrade()));
    Map<String, String> previous = new LinkedHashMap<>();
    repository
        .previousGrades(q.contractId(), q.financialYear())
        .forEach((objective, g) -> previous.put(objective, g.finalGrade()));
    execution.setVariable("gradeStepsChanged", QafEvidenceRule.largestChange(previous, claims));
    execution.setVariable("anyAClaimed", claims.containsValue("A"));
    execution.setVariable("concernsOverService", q.concernsOverService() != null);
    execution.setVariable("procurementReview", Boolean.TRUE.equals(q.procurementReview()));
    execution.setVariable("randomDraw", randomDraw.draw());
  }

  /** The table's reasons, and the officer's own choice; a visit when there is any. */
  public void recordVisitDecision(DelegateExecution execution) {
    QafAssessment q = qaf(execution);
    List<String> reasons = new ArrayList<>();
    Object fromTable = execution.getVariable("visitReasons");
    if (fromTable instanceof List<?> list) {
      list.forEach(r -> reasons.add(r.toString()));
    }
    if (Boolean.TRUE.equals(execution.getVariable("officerDiscretion"))) {
      reasons.add("OFFICER_DISCRETION");
    }
    Object steps = execution.getVariable("gradeStepsChanged");
    repository.recordVisitDecision(
        q.id(),
        steps == null ? null : ((Number) steps).intValue(),
        !reasons.isEmpty(),
        reasons.isEmpty() ? null : String.join(",", reasons));
    execution.setVariable("validationVisit", !reasons.isEmpty());
    // The table's inputs and reasons are the council's: recorded in the register, not left on the
    // case.
    for (String name :
        List.of(
            "visitReasons",
            "officerDiscretion",
            "gradeStepsChanged",
            "anyAClaimed",
            "concernsOverService",
            "procurementReview",
            "randomDraw")) {
      execution.removeVariable(name);
    }
    execution.setVariable("furtherVisitForManager", false);
  }

  /**
   * The validation visit: date, findings, grades as adjusted (explained wherever they differ from
   * the claim), and the support plan audit if one was done (seed 001 Part 3.4 §3.5, §5).
   */
  public void validationVisit(DelegateTask task) {
    QafAssessment q = qaf(task.getExecution());
    QafTaskVariables.keepOnTask(task);
    FormChecks checks = new FormChecks("Validation visit", task);
    LocalDate visit = checks.date("visitDate");
    if (visit != null && visit.isAfter(QafDeadlines.today())) {
      checks.problem("visitDate", "cannot be in the future");
    }
    checks.text("visitFindings");
    atMost(checks, task, "visitFindings");
    Map<String, String> grades = officerGrades(checks, task, q);
    boolean audit = checks.flag("supportPlanAudit");
    if (audit) {
      for (String question :
          List.of(
              "spaSupportPlanInPlace",
              "spaNeedsAssessmentCompleted",
              "spaReviewedInTime",
              "spaServiceUserContributed",
              "spaGoalsFollowedUp",
              "spaMinimumStandardMet")) {
        checks.oneOf(question, YES_NO);
      }
    }
    checks.throwIfAny();
    recordOfficerGrades(task, q, grades);
    repository.recordVisit(q.id(), visit, audit);
    if (audit) {
      // Part 3.4 §5.1: written feedback within 4 weeks of the audit.
      task.getExecution()
          .setVariable("spaFeedbackDueOn", visit.plus(auditFeedbackWithin).toString());
    }
  }

  // --- §3.4 reporting and appeals ---------------------------------------------------------------

  /** §3.4: the agreed grades, with a written explanation wherever adjusted. */
  public void sendGrades(DelegateExecution execution) {
    QafAssessment q = qaf(execution);
    Object sent = execution.getVariable("gradesSent");
    int round = sent instanceof Number n ? n.intValue() + 1 : 1;
    notifications.send(
        key(execution, "grades-" + round),
        providerAndOfficer(q),
        "Your QAF grades: " + q.number(),
        "The reviewing officer's grades for "
            + q.contractTitle()
            + " ("
            + q.contractReference()
            + "):\n\n"
            + gradeLines(repository.grades(q.id()), false)
            + "\nIf you disagree, please say why in Tasklist and add any further evidence; you are welcome to"
            + " discuss the grades with the reviewing officer.");
    repository.recordGradesSent(q.id(), QafDeadlines.now());
    execution.setVariable("gradesSent", round);
    execution.setVariable("gradesSummary", gradeLines(repository.grades(q.id()), false));
  }

  /** The provider agrees, or disagrees with reasons and, where it has some, further evidence. */
  public void respondToGrades(DelegateTask task) {
    QafAssessment q = qaf(task.getExecution());
    QafTaskVariables.providerFormOnly(task, "Response to grades");
    FormChecks checks = new FormChecks("Response to grades", task);
    String response = checks.oneOf("providerResponse", RESPONSES);
    if ("DISAGREE".equals(response)) {
      checks.text("disagreementReasons");
    }
    atMost(checks, task, "disagreementReasons");
    atMost(checks, task, "furtherEvidence");
    checks.throwIfAny();
    repository.recordProviderResponse(q.id(), response);
    task.getExecution().setVariable("providerAgrees", "AGREE".equals(response));
    task.getExecution().setVariable("agreementRoute", "PROVIDER_AGREED");
  }

  /**
   * The reviewing officer discusses the grades with the provider: agreed (perhaps revised) or not.
   */
  public void discussGrades(DelegateTask task) {
    QafAssessment q = qaf(task.getExecution());
    QafTaskVariables.keepOnTask(task);
    FormChecks checks = new FormChecks("Discussion", task);
    String outcome = checks.oneOf("agreementReached", YES_NO);
    checks.text("discussionNotes");
    atMost(checks, task, "discussionNotes");
    Map<String, String> grades = "YES".equals(outcome) ? officerGrades(checks, task, q) : Map.of();
    checks.throwIfAny();
    if ("YES".equals(outcome)) {
      recordOfficerGrades(task, q, grades);
    }
    task.getExecution().setVariable("agreed", "YES".equals(outcome));
    task.getExecution().setVariable("agreementRoute", "AGREED_AFTER_DISCUSSION");
  }

  /**
   * §3.4: without agreement the contracts manager reviews everything, has a visit carried out if
   * necessary, decides the grades and reports the provider's concerns to the Core Strategy Group.
   */
  public void contractsManagerDecision(DelegateTask task) {
    QafAssessment q = qaf(task.getExecution());
    QafTaskVariables.keepOnTask(task);
    FormChecks checks = new FormChecks("Contracts manager's decision", task);
    boolean furtherVisit = checks.flag("furtherVisit");
    Map<String, String> finals = new LinkedHashMap<>();
    if (!furtherVisit) {
      Map<String, String> claims = claims(q);
      Map<String, QafGrade> held = new LinkedHashMap<>();
      repository.grades(q.id()).forEach(g -> held.put(g.objective(), g));
      for (QafObjective o : QafObjective.of(q.variant())) {
        Object value = task.getVariable(o.finalGradeField());
        String grade = QafEvidenceRule.grade(value);
        if (grade == null) {
          checks.problem(
              o.finalGradeField(),
              o.code() + " final grade: " + QafEvidenceRule.gradeProblem(value));
          continue;
        }
        QafGrade officers = held.get(o.code());
        if (text(task, o.explanationField()) == null
            && officers != null
            && grade.equals(officers.officerGrade())
            && officers.explanation() != null) {
          // The officer's explanation of the same grade stands unless the manager rewrites it.
          task.setVariableLocal(o.explanationField(), officers.explanation());
        }
        if (!grade.equals(claims.get(o.code()))) {
          checks.textIf(
              true,
              o.explanationField(),
              o.code()
                  + ": explain why the grade differs from the provider's"
                  + " claim of "
                  + claims.get(o.code()));
        }
        atMost(checks, task, o.explanationField());
        finals.put(o.code(), grade);
      }
      checks.text("concernsToCsg");
      atMost(checks, task, "concernsToCsg");
    }
    checks.throwIfAny();
    task.getExecution().setVariable("furtherVisitForManager", furtherVisit);
    if (!furtherVisit) {
      for (QafObjective o : QafObjective.of(q.variant())) {
        Object explanation = task.getVariable(o.explanationField());
        repository.recordOfficerGrade(
            q.id(),
            o.code(),
            finals.get(o.code()),
            finals.get(o.code()).equals(claims(q).get(o.code())) || explanation == null
                ? null
                : explanation.toString().trim(),
            officerComments(q, o.code()));
      }
      repository.recordConcernsToCsg(q.id(), text(task, "concernsToCsg"));
      task.getExecution().setVariable("agreementRoute", "CONTRACTS_MANAGER_DECIDED");
    }
  }

  /**
   * §3.4 b): the provider's concerns, recorded and sent to the contracts managers as the CSG
   * report.
   */
  public void reportToCsg(DelegateExecution execution) {
    QafAssessment q = qaf(execution);
    String concerns = q.concernsToCsg();
    notifications.send(
        key(execution, "csg-report"),
        recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
        "Core Strategy Group report: QAF " + q.number() + " (" + q.providerName() + ")",
        "No agreement was reached with "
            + q.providerName()
            + " on the QAF grades for "
            + q.contractTitle()
            + " ("
            + q.contractReference()
            + "). The contracts manager decided:\n\n"
            + gradeLines(repository.grades(q.id()), false)
            + "\nThe provider's concerns, for the Core Strategy Group:\n"
            + concerns);
  }

  /** Grades final: the officer's (as agreed or decided) become the final grades. */
  public void finaliseGrades(DelegateExecution execution) {
    QafAssessment q = qaf(execution);
    Map<String, String> finals = new LinkedHashMap<>();
    repository.grades(q.id()).forEach(g -> finals.put(g.objective(), g.officerGrade()));
    Object route = execution.getVariable("agreementRoute");
    repository.agree(
        q.id(), finals, route == null ? "PROVIDER_AGREED" : route.toString(), QafDeadlines.now());
    notifications.send(
        key(execution, "final-grades"),
        providerAndOfficer(q),
        "Final QAF grades: " + q.number(),
        "The final grades for "
            + q.contractTitle()
            + " ("
            + q.contractReference()
            + "):\n\n"
            + gradeLines(repository.grades(q.id()), true)
            + (finals.containsValue("D")
                ? "\nAn improvement plan is expected within two weeks for every standard"
                    + " graded D (seed 001 Part 3.3 §3.4); a task for it is in Tasklist."
                : ""));
  }

  /** §3.4: every final D starts an improvement plan. */
  public void startImprovementPlans(DelegateExecution execution) {
    List<String> started = improvementPlans.startForFinalDGrades(qaf(execution).id());
    execution.setVariable("improvementPlansStarted", started.size());
  }

  /** §3.2: the contracts manager moderates two QAFs per purchasing officer per year. */
  public void considerModeration(DelegateExecution execution) {
    Optional<String> started = moderation.consider(qaf(execution).id());
    execution.setVariable("moderationStarted", started.isPresent());
  }

  // --- helpers ----------------------------------------------------------------------------------

  /**
   * The officer's grade per objective; an explanation required wherever it differs from the claim.
   */
  private Map<String, String> officerGrades(
      FormChecks checks, VariableScope form, QafAssessment q) {
    Map<String, String> claims = claims(q);
    Map<String, String> grades = new LinkedHashMap<>();
    for (QafObjective o : QafObjective.of(q.variant())) {
      Object value = form.getVariable(o.officerGradeField());
      String grade = QafEvidenceRule.grade(value);
      if (grade == null) {
        checks.problem(
            o.officerGradeField(),
            o.code() + " officer's grade: " + QafEvidenceRule.gradeProblem(value));
        continue;
      }
      if (!grade.equals(claims.get(o.code()))) {
        checks.textIf(
            true,
            o.explanationField(),
            o.code()
                + ": explain why the grade differs from the provider's"
                + " claim of "
                + claims.get(o.code())
                + " (seed 001 3.3 §3.4)");
      }
      atMost(checks, form, o.explanationField());
      atMost(checks, form, o.officerCommentsField());
      grades.put(o.code(), grade);
    }
    return grades;
  }

  private void recordOfficerGrades(
      VariableScope form, QafAssessment q, Map<String, String> grades) {
    Map<String, String> claims = claims(q);
    for (QafObjective o : QafObjective.of(q.variant())) {
      String grade = grades.get(o.code());
      Object explanation = form.getVariable(o.explanationField());
      Object comments = form.getVariable(o.officerCommentsField());
      repository.recordOfficerGrade(
          q.id(),
          o.code(),
          grade,
          grade.equals(claims.get(o.code())) || explanation == null
              ? null
              : explanation.toString().trim(),
          comments == null || comments.toString().isBlank() ? null : comments.toString().trim());
    }
  }

  private String officerComments(QafAssessment q, String objective) {
    return repository.grades(q.id()).stream()
        .filter(g -> g.objective().equals(objective))
        .map(QafGrade::officerComments)
        .findFirst()
        .orElse(null);
  }

  private Map<String, String> claims(QafAssessment q) {
    Map<String, String> claims = new LinkedHashMap<>();
    repository.grades(q.id()).forEach(g -> claims.put(g.objective(), g.providerGrade()));
    return claims;
  }

  static String gradeLines(List<QafGrade> grades, boolean finalGrades) {
    StringBuilder lines = new StringBuilder();
    for (QafGrade g : grades) {
      String grade = finalGrades ? g.finalGrade() : g.officerGrade();
      String title = QafObjective.byCode(g.objective()).map(QafObjective::title).orElse("");
      lines
          .append(g.objective())
          .append(' ')
          .append(title)
          .append(": ")
          .append(grade)
          .append(" (you claimed ")
          .append(g.providerGrade())
          .append(')');
      if (g.explanation() != null && grade != null && !grade.equals(g.providerGrade())) {
        lines.append(". Why it was adjusted: ").append(g.explanation());
      }
      lines.append('\n');
    }
    return lines.toString();
  }

  private List<String> providerAndOfficer(QafAssessment q) {
    List<String> to = new ArrayList<>();
    if (q.providerEmail() != null) {
      to.add(q.providerEmail());
    }
    if (q.reviewingOfficer() != null) {
      recipients.emailOfUser(q.reviewingOfficer()).ifPresent(to::add);
    }
    return to;
  }

  private static String key(DelegateExecution execution, String event) {
    return "qaf:" + execution.getProcessInstanceId() + ":" + event;
  }

  private static String variantName(String variant) {
    return switch (variant) {
      case "LITE" -> "QAF LITE";
      case "LITE_ALARM" -> "QAF LITE (alarm service: sections C1.1 and C1.2 are not required)";
      default -> "7 Core QAF";
    };
  }

  private static String text(VariableScope scope, String field) {
    Object value = scope.getVariable(field);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static void atMost(FormChecks checks, VariableScope scope, String field) {
    Object value = scope.getVariable(field);
    int limit = REGISTER_LIMITS.getOrDefault(field, MAX_TEXT);
    if (value != null && value.toString().trim().length() > limit) {
      checks.problem(
          field,
          "at most " + limit + " characters (this has " + value.toString().trim().length() + ")");
    }
  }

  private static Map<String, Integer> registerLimits() {
    Map<String, Integer> limits = new LinkedHashMap<>();
    limits.put("lateExplanation", 2000);
    limits.put("concernsDetails", 2000);
    limits.put("concernsToCsg", 2000);
    limits.put("summarySignedBy", 200);
    for (QafObjective o : QafObjective.values()) {
      limits.put(o.explanationField(), 2000);
      limits.put(o.officerCommentsField(), 4000);
    }
    return Map.copyOf(limits);
  }

  private QafAssessment qaf(DelegateExecution execution) {
    return repository
        .findByProcessInstance(execution.getProcessInstanceId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No QAF for process " + execution.getProcessInstanceId()));
  }
}
