package uk.gov.council.commissioning.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * A node that dies holding timers leaves them locked; the running node runs them once the lock has
 * run out, which with the shipped lock time is a minute after the dead node took them (issue 17:
 * they waited out the engine's 5 minutes). The job executor runs here, on a database of its own,
 * and the clock is moved instead of waiting.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Looks often, so that the test does not wait for the next look.
      "camunda.bpm.job-execution.wait-time-in-millis=100",
      "camunda.bpm.job-execution.max-wait=300"
    })
@ActiveProfiles("test")
@ExtendWith(TestClock.class)
class DeadNodeJobLockTest {

  private static final String PROCESS = "dead-node-lock-test";
  private static final int TIMERS = 3;

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  @Test
  void theShippedLockTimeIsAMinute() {
    assertThat(configuration().getJobExecutor().getLockTimeInMillis()).isEqualTo(60_000);
  }

  @Test
  void timersLockedByADeadNodeRunOnceOnTheLivingNodeAMinuteAfterTheyWereTaken() throws Exception {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .intermediateCatchEvent("Timer_Deadline")
            .timerWithDuration("PT1H")
            .endEvent()
            .done();
    repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
    Instant start = TestClock.now();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < TIMERS; i++) {
      instances.add(runtimeService.startProcessInstanceByKey(PROCESS).getId());
    }
    List<Job> timers = managementService.createJobQuery().processDefinitionKey(PROCESS).list();
    assertThat(timers).hasSize(TIMERS);

    // The other node took the timers when they fell due, as the job executor locks them: for the
    // lock time from then. Then it died.
    Instant taken = start.plus(Duration.ofHours(1)).plusSeconds(1);
    long lockMillis = configuration().getJobExecutor().getLockTimeInMillis();
    jdbc.sql(
            "UPDATE ACT_RU_JOB SET LOCK_OWNER_ = 'dead-node', LOCK_EXP_TIME_ = :expires"
                + " WHERE PROCESS_DEF_KEY_ = :process")
        .param("expires", Timestamp.from(taken.plusMillis(lockMillis)))
        .param("process", PROCESS)
        .update();

    TestClock.set(taken.plusSeconds(50));
    Thread.sleep(2_000);
    assertThat(
            managementService.createJobQuery().processDefinitionKey(PROCESS).list().stream()
                .map(
                    j ->
                        ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j)
                            .getLockOwner())
                .toList())
        .as("still the dead node's within the minute")
        .hasSize(TIMERS)
        .containsOnly("dead-node");

    TestClock.set(taken.plusSeconds(61));
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count() > 0
        && System.nanoTime() < until) {
      Thread.sleep(100);
    }

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count())
        .as("every case went past its timer")
        .isZero();
    for (Job timer : timers) {
      assertThat(
              historyService.createHistoricJobLogQuery().jobId(timer.getId()).successLog().count())
          .as("timer %s fired once", timer.getId())
          .isOne();
      assertThat(
              historyService.createHistoricJobLogQuery().jobId(timer.getId()).failureLog().count())
          .isZero();
    }
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .activityId("Timer_Deadline")
                .finished()
                .list()
                .stream()
                .map(a -> a.getProcessInstanceId())
                .toList())
        .containsExactlyInAnyOrderElementsOf(instances);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
