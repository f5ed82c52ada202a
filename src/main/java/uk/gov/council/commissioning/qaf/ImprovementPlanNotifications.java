package uk.gov.council.commissioning.qaf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.notify.Attachment;
import uk.gov.council.commissioning.notify.RecipientDirectory;

/**
 * The improvement plan's emails; their texts are the templates in {@code mail/qaf-plan/}. Addresses
 * come from the register, not from process variables.
 */
@Component("improvementPlanNotifications")
@RequiredArgsConstructor
class ImprovementPlanNotifications {

  private static final String TEMPLATES = "qaf-plan/";

  private final CaseMail mail;
  private final RecipientDirectory recipients;
  private final ContractService contracts;

  /** The provider learns that a plan is needed and by when. */
  void requested(DelegateExecution execution, ImprovementPlan plan) {
    mail.send(execution, TEMPLATES + "requested", provider(plan), withPlanDue(plan));
  }

  void reminder(DelegateExecution execution, ImprovementPlan plan) {
    mail.send(execution, TEMPLATES + "reminder", provider(plan), withPlanDue(plan));
  }

  /**
   * The plan's deadline passed: the provider and the contract's officer.
   *
   * @return what the contracts managers' chase task says (its template is in {@code tasks/})
   */
  String planMissed(DelegateExecution execution, ImprovementPlan plan) {
    Map<String, Object> values = withPlanDue(plan);
    mail.send(execution, TEMPLATES + "plan-missed", providerAndOfficer(plan), values);
    return mail.taskText(TEMPLATES + "plan-missed", values);
  }

  void sentBack(
      DelegateExecution execution, ImprovementPlan plan, String comments, String dueText) {
    Map<String, Object> values = values(plan);
    values.put("comments", comments);
    values.put("resubmissionDue", dueText);
    mail.send(execution, TEMPLATES + "sent-back", plan.timesSentBack(), provider(plan), values);
  }

  void revisionOverdue(DelegateExecution execution, ImprovementPlan plan) {
    mail.send(
        execution,
        TEMPLATES + "revision-overdue",
        plan.timesSentBack(),
        providerAndOfficer(plan),
        values(plan));
  }

  void accepted(DelegateExecution execution, ImprovementPlan plan) {
    Map<String, Object> values = values(plan);
    values.put("validationDue", ImprovementPlanTimes.text(plan.validationDueAt()));
    mail.send(execution, TEMPLATES + "accepted", provider(plan), values);
  }

  void closed(DelegateExecution execution, ImprovementPlan plan) {
    Map<String, Object> values = values(plan);
    values.put(
        "result",
        ImprovementPlan.IMPROVED.equals(plan.outcome())
            ? "The standard has improved and is now graded " + plan.newGrade() + "."
            : "No improvement was found. The contracts manager has reported this to the Core Strategy Group"
                + (Boolean.TRUE.equals(plan.defaultNotice())
                    ? " and a default notice has been issued."
                    : "; no default notice is issued."));
    mail.send(execution, TEMPLATES + "closed", provider(plan), values);
  }

  void defaultNotice(
      DelegateExecution execution, ImprovementPlan plan, String letterText, Attachment letter) {
    Map<String, Object> values = values(plan);
    values.put("letter", letterText);
    mail.send(execution, TEMPLATES + "default-notice", provider(plan), values, letter);
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
        recipients.officerOrCommissioningOfficers(
            contracts.contractOfficer(plan.contractReference()).orElse(null)));
    return to;
  }

  private static Map<String, Object> withPlanDue(ImprovementPlan plan) {
    Map<String, Object> values = values(plan);
    values.put("planDue", ImprovementPlanTimes.text(plan.planDueAt()));
    return values;
  }

  /** What names the plan at the head of every email. */
  private static Map<String, Object> values(ImprovementPlan plan) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("caseReference", plan.caseReference());
    values.put("qafNumber", plan.qafNumber());
    values.put("objective", plan.objective());
    values.put("contractTitle", plan.contractTitle());
    values.put("contractReference", plan.contractReference());
    values.put("providerName", plan.providerName());
    return values;
  }
}
