package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.procurement.ProcurementTestData.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;

/**
 * One procurement against the local PostgreSQL server, from the request to a live contract (seed
 * 000 §6.4-6.8, §10.4-10.8): approval by the Executive, an overrun re-planned, the tender
 * evaluated, a challenge in standstill resolved, the contract signed and commenced, the old one
 * closed. Each run has a database of its own.
 */
@PostgresProcessTest
class ProcurementPostgresTest extends ProcurementCaseTestCase {

  @Autowired ProcurementRegister register;
  @Autowired HistoryService historyService;

  @Test
  void aProcurementRunsFromTheRequestToALiveContractOnPostgres() {
    Contract old = replacedContract(contracts, "PG-PROC-OLD");

    ProcessInstance instance = approved(request(old.reference(), "PA2023", 2_100_000, true));
    String reference = instance.getBusinessKey();
    assertThat(runtimeService.getVariable(instance.getId(), "approvalRoute"))
        .isEqualTo("EXECUTIVE");
    // A key decision: scrutinised, published and past its call-in period before it is planned.
    String decision =
        historyService
            .createHistoricProcessInstanceQuery()
            .superProcessInstanceId(instance.getId())
            .singleResult()
            .getId();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(decision)
                .finished()
                .list()
                .stream()
                .map(HistoricActivityInstance::getActivityId)
                .toList())
        .contains(
            "Task_RecordScrutiny",
            "Task_RecordDecision",
            "Task_PublishDecision",
            "Timer_CallInPeriodEnds",
            "EndEvent_Approved");
    assertThat(instance).hasPassed("Task_RecordApproval");
    assertThat(runtimeService.getVariable(instance.getId(), "decisionOutcome"))
        .isEqualTo("APPROVED");
    planTimetable(instance, plan("PA2023"));

    // The market engagement overruns its planned end (10 April): the lead re-plans it to 12 April.
    setClock(LocalDateTime.of(2026, 4, 11, 0, 5));
    execute(jobAt(instance, "Timer_StageEnd"));
    Map<String, Object> replan = plan("PA2023");
    replan.put("marketEngagementEnd", "2026-04-12");
    replan.put("replanReason", "Last provider event moved to Sunday 12 April");
    completeAs(LEAD, instance, "Task_ReviewOverrun", replan);
    assertThat(register.slips(reference))
        .singleElement()
        .satisfies(slip -> assertThat(slip.newPlannedEnd()).isEqualTo(LocalDate.of(2026, 4, 12)));

    runTenderToAward(instance);
    challenge(instance, LocalDateTime.of(2026, 7, 22, 16, 0), "Price scoring");
    assertThat(register.require(reference).status()).isEqualTo("AWARD_SUSPENDED");
    setClock(LocalDateTime.of(2026, 8, 5, 10, 0));
    resolveChallenge(instance, "AWARD_STANDS", "Withdrawn after the scoring was explained");

    sign(instance, "PG-PROC-NEW", "2026-08-05");
    assertThat(contracts.findByReference("PG-PROC-NEW").orElseThrow().status())
        .isEqualTo(ContractStatus.SIGNED);
    assertThat(taskAt(instance, "Task_PublishContractNotices").getDueDate())
        .isEqualTo(endOfUkDay(LocalDate.of(2026, 9, 3)));
    setClock(LocalDateTime.of(2026, 8, 12, 10, 0));
    publish(instance, "Task_PublishContractNotices", "UK7-PG", "2026-08-12");

    setClock(LocalDateTime.of(2026, 10, 1, 0, 1));
    execute(jobAt(instance, "Timer_Commencement"));
    execute(jobAt(instance, "Task_MakeContractLive"));

    assertThat(instance)
        .isEnded()
        .hasPassed(
            "Task_RecordTenderNotice",
            "Task_RecordAwardNotice",
            "Task_StartStandstill",
            "Task_RecordSignedContract",
            "Task_RecordContractNotice",
            "EndEvent_ContractLive");
    assertThat(contracts.findByReference("PG-PROC-NEW").orElseThrow().status())
        .isEqualTo(ContractStatus.ACTIVE);
    assertThat(contracts.findByReference("PG-PROC-OLD").orElseThrow().status())
        .isEqualTo(ContractStatus.EXPIRED);
    assertThat(register.require(reference).status()).isEqualTo("CONTRACT_LIVE");
    assertThat(register.notices(reference))
        .extracting(ProcurementRegister.Notice::code)
        .containsExactly("UK2", "UK4", "UK6", "UK7");
    assertThat(register.challenges(reference))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo("AWARD_STANDS"));
  }
}
