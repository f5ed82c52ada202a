package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.qaf.ImprovementPlanTestData.*;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * Starts improvement plans from an agreed QAF and gives the council's answers that take a plan from
 * step to step, each officer signed in; for the improvement plan tests on H2, on PostgreSQL and
 * with changed settings.
 */
abstract class ImprovementPlanTestCase extends ProcessTestCase {

  @Autowired QafImprovementPlans plans;
  @Autowired ImprovementPlanRegister register;

  /** The plan started for the one standard graded D in the QAF, agreed for the contract. */
  ProcessInstance planFor(Contract contract, String qafNumber, String objective) {
    long assessment = agreedQaf(jdbc, contract, qafNumber, objective);
    return instance(plans.startForFinalDGrades(assessment).get(0));
  }

  ProcessInstance instance(String id) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  ImprovementPlan planOf(ProcessInstance instance) {
    return register.findByCaseReference(instance.getBusinessKey()).orElseThrow();
  }

  /** The purchasing officer and the contracts manager each give their review of the plan. */
  void review(ProcessInstance instance, Map<String, Object> officer, Map<String, Object> manager) {
    completeAs(OFFICER, taskAt(instance, "Task_ReviewPlanPurchasingOfficer"), officer);
    completeAs(MANAGER, taskAt(instance, "Task_ReviewPlanContractsManager"), manager);
  }

  void acceptBoth(ProcessInstance instance) {
    review(instance, Map.of("officerDecision", "ACCEPT"), Map.of("managerDecision", "ACCEPT"));
  }

  /** The officer finds at validation that the standard has not improved. */
  void notImproved(ProcessInstance instance, String findings) {
    completeAs(
        OFFICER,
        taskAt(instance, "Task_ValidateImprovement"),
        Map.of("validationOutcome", "NOT_IMPROVED", "validationFindings", findings));
  }

  /** The contracts manager's report to the Core Strategy Group and decision on a default notice. */
  void reportToCoreStrategyGroup(
      ProcessInstance instance, String report, String noticeDecision, String reasons) {
    completeAs(
        MANAGER,
        taskAt(instance, "Task_ReportToCoreStrategyGroup"),
        Map.of(
            "csgReport",
            report,
            "defaultNoticeDecision",
            noticeDecision,
            "defaultNoticeReasons",
            reasons));
  }
}
