package uk.gov.council.commissioning.qaf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;

/**
 * The plan's timers: the reminder before the two weeks end, the missed deadline (a MISSED breach,
 * the provider and the contract's officer told, the contracts managers chase), and an overdue
 * revision. Each email and breach is recorded once, so a retried timer job changes nothing.
 */
@Component("improvementPlanEscalations")
public class ImprovementPlanEscalations {

  private final ImprovementPlanSteps steps;
  private final ImprovementPlanNotifications notifications;
  private final DeadlineBreaches breaches;

  public ImprovementPlanEscalations(
      ImprovementPlanSteps steps,
      ImprovementPlanNotifications notifications,
      DeadlineBreaches breaches) {
    this.steps = steps;
    this.notifications = notifications;
    this.breaches = breaches;
  }

  public void remind(DelegateExecution execution) {
    notifications.reminder(execution, steps.plan(execution));
  }

  public void planMissed(DelegateExecution execution) {
    ImprovementPlan plan = steps.plan(execution);
    breaches.record(
        ImprovementPlanSteps.CASE_TYPE,
        plan.caseReference(),
        plan.providerId(),
        ImprovementPlanSteps.REQUIREMENT,
        Kind.MISSED,
        plan.planDueAt(),
        ImprovementPlanDeadlines.now(),
        "No improvement plan by its deadline ("
            + ImprovementPlanTimes.text(plan.planDueAt())
            + ")");
    notifications.planMissed(execution, plan);
    execution.setVariable(
        "escalationMessage",
        "The improvement plan for "
            + plan.caseReference()
            + " was due by "
            + ImprovementPlanTimes.text(plan.planDueAt())
            + " (seed 001 3.3 §3.4: within two weeks) and has not been"
            + " received. Chase the provider; this task closes by itself when the plan arrives.");
  }

  public void revisionOverdue(DelegateExecution execution) {
    notifications.revisionOverdue(execution, steps.plan(execution));
  }
}
