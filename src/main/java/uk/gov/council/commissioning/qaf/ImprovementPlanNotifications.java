package uk.gov.council.commissioning.qaf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.notify.Attachment;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The improvement plan's emails. Each is keyed {@code qaf-plan:<processInstanceId>:<event>}, so a
 * retried job never sends it twice. Addresses come from the register, not from process variables.
 */
@Component("improvementPlanNotifications")
public class ImprovementPlanNotifications {

  private final NotificationService notifications;
  private final RecipientDirectory recipients;
  private final ContractService contracts;

  public ImprovementPlanNotifications(
      NotificationService notifications, RecipientDirectory recipients, ContractService contracts) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.contracts = contracts;
  }

  /** The provider learns that a plan is needed and by when. */
  void requested(DelegateExecution execution, ImprovementPlan plan) {
    notifications.send(
        key(execution, "requested"),
        provider(plan),
        "Improvement plan needed: " + plan.caseReference(),
        describe(plan)
            + "\n\nThis standard was graded D. Submit an improvement plan in Tasklist by "
            + ImprovementPlanTimes.text(plan.planDueAt())
            + " (seed 001 3.3 §3.4: within two weeks).");
  }

  void reminder(DelegateExecution execution, ImprovementPlan plan) {
    notifications.send(
        key(execution, "reminder"),
        provider(plan),
        "Reminder: improvement plan "
            + plan.caseReference()
            + " due "
            + ImprovementPlanTimes.text(plan.planDueAt()),
        describe(plan)
            + "\n\nYour improvement plan is due by "
            + ImprovementPlanTimes.text(plan.planDueAt())
            + ". Submit it in Tasklist.");
  }

  /** The plan's deadline passed: the provider and the contract's officer. */
  void planMissed(DelegateExecution execution, ImprovementPlan plan) {
    notifications.send(
        key(execution, "plan-missed"),
        providerAndOfficer(plan),
        "Overdue: improvement plan " + plan.caseReference(),
        describe(plan)
            + "\n\nThe improvement plan was due by "
            + ImprovementPlanTimes.text(plan.planDueAt())
            + " and has not been received. The missed deadline is recorded against the provider and the"
            + " contracts manager will chase it.");
  }

  void sentBack(
      DelegateExecution execution, ImprovementPlan plan, String comments, String dueText) {
    notifications.send(
        key(execution, "sent-back-" + plan.timesSentBack()),
        provider(plan),
        "Improvement plan " + plan.caseReference() + " sent back",
        describe(plan)
            + "\n\nThe council has reviewed your improvement plan and sent it back.\n\n"
            + comments
            + "\n\nSubmit the revised plan in Tasklist by "
            + dueText
            + ".");
  }

  void revisionOverdue(DelegateExecution execution, ImprovementPlan plan) {
    notifications.send(
        key(execution, "revision-overdue-" + plan.timesSentBack()),
        providerAndOfficer(plan),
        "Overdue: revised improvement plan " + plan.caseReference(),
        describe(plan)
            + "\n\nThe revised improvement plan asked for by the council has not been received.");
  }

  void accepted(DelegateExecution execution, ImprovementPlan plan) {
    notifications.send(
        key(execution, "accepted"),
        provider(plan),
        "Improvement plan " + plan.caseReference() + " accepted",
        describe(plan)
            + "\n\nThe purchasing officer and the contracts manager have accepted your improvement plan."
            + " The council will validate the improvement from "
            + ImprovementPlanTimes.text(plan.validationDueAt())
            + " (seed 001 3.3 §3.4).");
  }

  void closed(DelegateExecution execution, ImprovementPlan plan) {
    String result =
        ImprovementPlan.IMPROVED.equals(plan.outcome())
            ? "The standard has improved and is now graded " + plan.newGrade() + "."
            : "No improvement was found. The contracts manager has reported this to the Core Strategy Group"
                + (Boolean.TRUE.equals(plan.defaultNotice())
                    ? " and a default notice has been issued."
                    : "; no default notice is issued.");
    notifications.send(
        key(execution, "closed"),
        provider(plan),
        "Improvement plan " + plan.caseReference() + " closed",
        describe(plan) + "\n\n" + result);
  }

  void defaultNotice(
      String processInstanceId, ImprovementPlan plan, String body, Attachment letter) {
    notifications.send(
        "qaf-plan:" + processInstanceId + ":default-notice",
        provider(plan),
        "Default notice: contract "
            + plan.contractReference()
            + ", QAF standard "
            + plan.objective(),
        body,
        letter);
  }

  private static List<String> provider(ImprovementPlan plan) {
    return Stream.ofNullable(plan.providerEmail()).toList();
  }

  /**
   * The provider and the contract's officer, or the commissioning officers when none is recorded.
   */
  private List<String> providerAndOfficer(ImprovementPlan plan) {
    List<String> to = new ArrayList<>(provider(plan));
    to.addAll(
        contracts
            .contractOfficer(plan.contractReference())
            .flatMap(recipients::emailOfUser)
            .map(List::of)
            .orElseGet(() -> recipients.emailsOfGroup(Roles.COMMISSIONING_OFFICERS)));
    return to;
  }

  private static String describe(ImprovementPlan plan) {
    return "Improvement plan "
        + plan.caseReference()
        + "\nQAF "
        + plan.qafNumber()
        + ", standard "
        + plan.objective()
        + "\nContract: "
        + plan.contractTitle()
        + " ("
        + plan.contractReference()
        + ") with "
        + plan.providerName();
  }

  private static String key(DelegateExecution execution, String event) {
    return "qaf-plan:" + execution.getProcessInstanceId() + ":" + event;
  }
}
