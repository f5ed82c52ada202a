package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.qaf.QafFields.YES_NO;
import static uk.gov.council.commissioning.qaf.QafFields.text;

import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * Agreeing the grades (seed 001 Part 3.3 §3.4): the provider's response, the discussion with the
 * reviewing officer, and without agreement the contracts manager's decision and the report to the
 * Core Strategy Group.
 */
@Component("qafAgreementSteps")
@RequiredArgsConstructor
public class QafAgreementSteps {

  static final Set<String> RESPONSES = Set.of("AGREE", "DISAGREE");

  private final QafRepository repository;
  private final QafGrading grading;
  private final QafNotifications notifications;

  /** The provider agrees, or disagrees with reasons and, where it has some, further evidence. */
  public void respondToGrades(DelegateTask task) {
    QafTaskVariables.providerFormOnly(task, "Response to grades");
    FormChecks checks = new FormChecks("Response to grades", task).againstForm("qaf-respond");
    String response = checks.oneOf("providerResponse", RESPONSES);
    if ("DISAGREE".equals(response)) {
      checks.text("disagreementReasons");
    }
    checks.throwIfAny();
    CompletedTask.handOver(task, "providerResponse", response);
  }

  /** The provider's response, as its task checked it; the gateway after reads whether it agrees. */
  public void recordProviderResponse(DelegateExecution execution) {
    String response = CompletedTask.get(execution, "providerResponse");
    repository.recordProviderResponse(
        repository.ofProcess(execution.getProcessInstanceId()).id(), response);
    execution.setVariable("providerAgrees", "AGREE".equals(response));
    route(execution, "PROVIDER_AGREED");
  }

  /**
   * The reviewing officer discusses the grades with the provider: agreed (perhaps revised) or not.
   */
  public void discussGrades(DelegateTask task) {
    QafAssessment q = councilTask(task);
    FormChecks checks = new FormChecks("Discussion", task).againstForm("qaf-discuss");
    String outcome = checks.oneOf("agreementReached", YES_NO);
    Map<String, String> grades =
        "YES".equals(outcome) ? grading.officerGrades(checks, task, q) : Map.of();
    checks.throwIfAny();
    if ("YES".equals(outcome)) {
      grading.handOverOfficerGrades(task, q, grades);
    }
    CompletedTask.handOver(task, "agreementReached", outcome);
  }

  /** The discussion the task checked: the grades as agreed, if they were. */
  public void recordDiscussion(DelegateExecution execution) {
    boolean agreed = "YES".equals(CompletedTask.get(execution, "agreementReached"));
    if (agreed) {
      grading.recordGrades(execution, repository.ofProcess(execution.getProcessInstanceId()));
    }
    execution.setVariable("agreed", agreed);
    route(execution, "AGREED_AFTER_DISCUSSION");
  }

  /**
   * §3.4: without agreement the contracts manager reviews everything, has a visit carried out if
   * necessary, decides the grades and reports the provider's concerns to the Core Strategy Group.
   */
  public void contractsManagerDecision(DelegateTask task) {
    QafAssessment q = councilTask(task);
    FormChecks checks =
        new FormChecks("Contracts manager's decision", task)
            .againstForm("qaf-contracts-manager-decision");
    boolean furtherVisit = checks.flag("furtherVisit");
    Map<String, String> finals = Map.of();
    if (!furtherVisit) {
      finals = grading.managerGrades(checks, task, q);
      checks.text("concernsToCsg");
    }
    checks.throwIfAny();
    CompletedTask.handOver(task, "furtherVisit", furtherVisit);
    if (!furtherVisit) {
      grading.handOverManagerGrades(task, q, finals);
      CompletedTask.handOver(task, "concernsToCsg", text(task, "concernsToCsg"));
    }
  }

  /**
   * The decision the task checked: a further visit first, or the final grades and the provider's
   * concerns for the Core Strategy Group.
   */
  public void recordManagerDecision(DelegateExecution execution) {
    boolean furtherVisit = Boolean.parseBoolean(CompletedTask.get(execution, "furtherVisit"));
    execution.setVariable("furtherVisitForManager", furtherVisit);
    if (!furtherVisit) {
      QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
      grading.recordGrades(execution, q);
      repository.recordConcernsToCsg(q.id(), CompletedTask.get(execution, "concernsToCsg"));
      route(execution, "CONTRACTS_MANAGER_DECIDED");
    }
  }

  /** The assessment of a council officer's task, whose answers stay on the task. */
  private QafAssessment councilTask(DelegateTask task) {
    QafAssessment q = repository.ofProcess(task.getProcessInstanceId());
    QafTaskVariables.keepOnTask(task);
    return q;
  }

  /** How the grades came to be agreed, which the final grades are recorded with. */
  private static void route(DelegateExecution execution, String route) {
    execution.setVariable("agreementRoute", route);
  }

  /**
   * §3.4 b): the provider's concerns, recorded and sent to the contracts managers as the CSG
   * report.
   */
  public void reportToCsg(DelegateExecution execution) {
    notifications.csgReport(execution, repository.ofProcess(execution.getProcessInstanceId()));
  }
}
