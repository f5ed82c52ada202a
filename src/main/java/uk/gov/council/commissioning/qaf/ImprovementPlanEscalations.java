package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * The plan's timers: the reminder before the two weeks end, the missed deadline (a MISSED breach,
 * the provider and the contract's officer told, the contracts managers chase), and an overdue
 * revision. Each email and breach is recorded once, so a retried timer job changes nothing.
 */
@Component("improvementPlanEscalations")
@RequiredArgsConstructor
public class ImprovementPlanEscalations {

  private final ImprovementPlanSteps steps;
  private final ImprovementPlanNotifications notifications;
  private final Deadlines deadlines;

  private final Clock clock;

  public void remind(DelegateExecution execution) {
    deadlines.met(
        ImprovementPlanSteps.ref(execution), ImprovementPlanDeadlines.REMINDER, clock.instant());
    notifications.reminder(execution, steps.plan(execution));
  }

  public void planMissed(DelegateExecution execution) {
    ImprovementPlan plan = steps.plan(execution);
    deadlines.missed(
        ImprovementPlanSteps.ref(execution),
        ImprovementPlanDeadlines.PLAN,
        plan.providerId(),
        "No improvement plan by its deadline ("
            + ImprovementPlanTimes.text(plan.planDueAt())
            + ")");
    execution.setVariable("escalationMessage", notifications.planMissed(execution, plan));
  }

  public void revisionOverdue(DelegateExecution execution) {
    deadlines.missed(ImprovementPlanSteps.ref(execution), ImprovementPlanDeadlines.RESUBMISSION);
    notifications.revisionOverdue(execution, steps.plan(execution));
  }
}
