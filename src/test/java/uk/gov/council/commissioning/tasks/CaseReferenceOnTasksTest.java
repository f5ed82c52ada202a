package uk.gov.council.commissioning.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/** Every user task carries its case's number, and the shared Tasklist filters show it as "Case". */
@ProcessTest
class CaseReferenceOnTasksTest extends ProcessTestCase {

  private static final String PROCESS_KEY = "case-reference-probe";

  @Autowired RepositoryService repositoryService;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;

  String deploymentId;

  @AfterEach
  void undeploy() {
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void aUserTaskGetsItsCaseNumberAsATaskVariable() {
    deploy();
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, "SI-2026-000042");

    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(taskService.getVariableLocal(task.getId(), CaseReferenceOnTasks.VARIABLE))
        .isEqualTo("SI-2026-000042");
  }

  @Test
  void aCaseWithoutANumberLeavesTheTaskAlone() {
    deploy();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY);

    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(taskService.getVariablesLocal(task.getId()))
        .doesNotContainKey(CaseReferenceOnTasks.VARIABLE);
  }

  @Test
  void aNewTaskKeepsEveryVariableItsListenersSetAndOneAuthorizationPerGroup() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Probe")
            .camundaCandidateGroups("probe-team, probe-team")
            .camundaTaskListenerExpression("create", "${task.setVariableLocal('note', 'set')}")
            .endEvent()
            .done();
    deploymentId =
        repositoryService
            .createDeployment()
            .addModelInstance(PROCESS_KEY + ".bpmn", model)
            .deploy()
            .getId();
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, "SI-2026-000043");
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    assertThat(taskService.getVariablesLocal(task.getId()))
        .containsEntry(CaseReferenceOnTasks.VARIABLE, "SI-2026-000043")
        .containsEntry("note", "set");
    assertThat(probeTeamGrants(task)).as("the group named twice in one command").hasSize(1);

    taskService.addCandidateGroup(task.getId(), "probe-team");
    assertThat(probeTeamGrants(task))
        .as("a group added again later, to a task already saved, extends its row")
        .hasSize(1);
  }

  private List<Authorization> probeTeamGrants(Task task) {
    return authorizationService
        .createAuthorizationQuery()
        .resourceType(Resources.TASK)
        .resourceId(task.getId())
        .groupIdIn("probe-team")
        .list();
  }

  @Test
  void theSharedFiltersShowTheCaseFirst() {
    for (String name : List.of("My tasks", "My group tasks")) {
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> columns =
          (List<Map<String, Object>>) filter.getProperties().get("variables");
      assertThat(columns).first().isEqualTo(Map.of("name", "caseReference", "label", "Case"));
    }
  }

  private void deploy() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Probe")
            .endEvent()
            .done();
    deploymentId =
        repositoryService
            .createDeployment()
            .addModelInstance(PROCESS_KEY + ".bpmn", model)
            .deploy()
            .getId();
  }
}
