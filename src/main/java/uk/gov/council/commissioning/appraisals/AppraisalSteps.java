package uk.gov.council.commissioning.appraisals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.appraisals.AppraisalRegister.Appraisal;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.decisions.DecisionRoutes;
import uk.gov.council.commissioning.extension.ExtensionCaseService;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.procurement.ProcurementStarts;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The steps of {@code options-appraisal.bpmn}. The case's variables carry the appraisal's
 * reference, its public title and summary and the route's flags; the report itself, and above all
 * its confidential annex, are read from the register by reference, so neither Cockpit nor the
 * engine's API can show the annex.
 */
@Component("appraisalSteps")
@RequiredArgsConstructor
public class AppraisalSteps {

  /** The process id, and the case type under which its deadlines (call-in) are recorded. */
  public static final String PROCESS_KEY = "options-appraisal";

  static final String CASE_TYPE = "OPTIONS_APPRAISAL";
  static final Set<String> CHECKED = Set.of("READY", "WITHDRAW");
  static final Set<String> AGREEMENT = Set.of("AGREE", "DECLINE");

  private final AppraisalRegister register;
  private final DecisionRoutes routes;
  private final ProcurementStarts procurements;
  private final ExtensionCaseService extensions;
  private final AppraisalNotices notices;
  private final Clock clock;

  /**
   * The first step, in the starting transaction: the case is the appraisal the officer submitted
   * (written just before by {@link OptionsAppraisals#create}); a start without one is refused.
   */
  public void open(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Appraisal appraisal = reference == null ? null : register.find(reference).orElse(null);
    if (appraisal == null || appraisal.processInstanceId() != null) {
      throw new TaskFormException(
          "Options appraisal",
          List.of("report: submit the report through /api/options-appraisals"));
    }
    register.opened(reference, execution.getProcessInstanceId());
    execution.setVariable("appraisalReference", reference);
    execution.setVariable("caseType", CASE_TYPE);
    execution.setVariable("appraisalTitle", appraisal.title());
    execution.setVariable("appraisalSummary", publicSummary(appraisal));
  }

  /** The officer's check of the report: ready for the decision, or withdrawn. */
  public void checked(DelegateTask task) {
    FormChecks checks = new FormChecks("Report check", task).againstForm("appraisal-check");
    String answer = checks.oneOf("reportCheck", CHECKED);
    checks.textIf("WITHDRAW".equals(answer), "checkNotes", "say why the report is withdrawn");
    checks.throwIfAny();
    TaskAnswers.decided(task, "reportCheck", List.of("checkNotes"));
  }

  /** The Chief Officer's agreement where the route asks for it (decision-route.dmn). */
  public void agreement(DelegateTask task) {
    FormChecks checks =
        new FormChecks("Chief Officer's agreement", task).againstForm("appraisal-agreement");
    String answer = checks.oneOf("chiefOfficerAgreement", AGREEMENT);
    checks.textIf(
        "DECLINE".equals(answer), "agreementComments", "say why the report is not agreed");
    checks.throwIfAny();
    // The officer sees the comments when the report comes back.
    TaskAnswers.passOn(task, List.of("agreementComments"));
    TaskAnswers.decided(task, "chiefOfficerAgreement", List.of("agreementComments"));
  }

  /** Who agrees and decides, from the report as recorded (never from a task's variables). */
  public void route(DelegateExecution execution) {
    Appraisal a = appraisal(execution);
    routes.route(
        execution,
        "OPTIONS_APPRAISAL",
        a.decisionValue(),
        a.keyDecisionByOfficer(),
        a.twoOrMoreWards());
    register.routed(a.reference(), String.valueOf(execution.getVariable("decisionMaker")));
  }

  /** What the decision's forms show: the title (public). */
  public String subject(DelegateExecution execution) {
    return "Options appraisal: " + execution.getVariable("appraisalTitle");
  }

  /** The decision refused: the report's recommendation is not taken. */
  public void refused(DelegateExecution execution) {
    Appraisal a = appraisal(execution);
    register.decided(
        a.reference(),
        "REFUSED",
        text(execution.getVariable("decisionReferenceMade")),
        decisionDate(execution));
  }

  /**
   * The resolution as democratic services minute it: the text, and the date it was published (not
   * before the decision, not in the future: seed 000 §2, §10.2; seed 003 "RESOLVED").
   */
  public void resolution(DelegateTask task) {
    FormChecks checks = new FormChecks("Resolution", task).againstForm("appraisal-resolution");
    String resolution = checks.text("resolution", 4000);
    LocalDate published = checks.date("publicationDate");
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
    if (published != null && published.isAfter(today)) {
      checks.problem("publicationDate", "cannot be in the future");
    }
    Object decided = task.getVariable("decisionDate");
    if (published != null
        && decided != null
        && published.isBefore(LocalDate.parse(decided.toString()))) {
      checks.problem("publicationDate", "cannot be before the decision (" + decided + ")");
    }
    checks.throwIfAny();
    CompletedTask.handOver(task, "resolution", resolution);
    CompletedTask.handOver(task, "publicationDate", published);
    CompletedTask.handOver(task, "resolvedBy", CompletedTask.completedBy(task));
  }

  /** Records the resolution and the decision's facts in the register. */
  public void recordResolution(DelegateExecution execution) {
    Appraisal a = appraisal(execution);
    AppraisalOption preferred = preferred(a);
    register.decided(
        a.reference(),
        "RESOLVED",
        text(execution.getVariable("decisionReferenceMade")),
        decisionDate(execution));
    register.resolved(
        a.reference(),
        CompletedTask.get(execution, "resolution"),
        CompletedTask.get(execution, "resolvedBy"),
        LocalDate.parse(CompletedTask.get(execution, "publicationDate")),
        preferred.effect().name());
    execution.setVariable("resolutionEffect", preferred.effect().name());
  }

  /** Publishes the resolution: the decision notice (public part only) to the report's readers. */
  public void publish(DelegateExecution execution) {
    Appraisal a = appraisal(execution);
    register.setStatus(a.reference(), "PUBLISHED");
    notices.sendResolution(execution, register.require(a.reference()), preferred(a));
  }

  /** A resolution to procure: the procurement starts with the report's facts. */
  public void startProcurement(DelegateExecution execution) {
    Appraisal a = appraisal(execution);
    AppraisalOption chosen = preferred(a);
    String background =
        "Options appraisal "
            + a.reference()
            + " ("
            + a.title()
            + "), option "
            + chosen.number()
            + ": "
            + chosen.description()
            + (a.contractTermMonths() == null
                ? ""
                : " Contract term: " + a.contractTermMonths() + " months.")
            + " Resolution: "
            + a.resolution();
    String procurement =
        procurements.afterDecision(
            new ProcurementStarts.DecidedProcurement(
                a.title(),
                a.serviceArea(),
                a.decisionValue(),
                a.contractReference(),
                a.keyDecisionByOfficer(),
                a.keyDecisionReason(),
                a.decisionReference() == null ? a.reference() : a.decisionReference(),
                a.decisionDate(),
                a.decisionRoute(),
                background));
    register.implemented(a.reference(), procurement, null);
    execution.setVariable("procurementReference", procurement);
  }

  /** A resolution to extend: the extension case of the current contract starts. */
  public void startExtension(DelegateExecution execution) {
    Appraisal a = appraisal(execution);
    String extension = extensions.startAfterDecision(a.contractReference());
    register.implemented(a.reference(), null, extension);
    execution.setVariable("extensionReference", extension);
  }

  /** Any other resolution: recorded, nothing to start. */
  public void recordOutcome(DelegateExecution execution) {
    register.implemented(appraisal(execution).reference(), null, null);
  }

  /** The report withdrawn by the officer before the decision. */
  public void withdrawn(DelegateExecution execution) {
    register.setStatus(appraisal(execution).reference(), "WITHDRAWN");
  }

  private Appraisal appraisal(DelegateExecution execution) {
    return register.require(String.valueOf(execution.getVariable("appraisalReference")));
  }

  private AppraisalOption preferred(Appraisal a) {
    return register.options(a.id()).stream()
        .filter(o -> o.number() == a.preferredOption())
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException(a.reference() + " has no preferred option recorded"));
  }

  /** The report's public part as the forms show it: never the annex. */
  private String publicSummary(Appraisal a) {
    StringBuilder text = new StringBuilder();
    text.append("Report of ").append(a.reportOf()).append(". Decision maker: ");
    text.append(a.decisionMakerNamed()).append(".\n\n");
    for (AppraisalOption o : register.options(a.id())) {
      text.append("Option ")
          .append(o.number())
          .append(o.recommended() ? " (recommended): " : " (not recommended): ")
          .append(o.description())
          .append("\n");
    }
    return uk.gov.council.commissioning.cases.RegisterColumns.truncate(text.toString(), 3900);
  }

  private static LocalDate decisionDate(DelegateExecution execution) {
    Object date = execution.getVariable("decisionDate");
    return date == null ? null : LocalDate.parse(date.toString());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
