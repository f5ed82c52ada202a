package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * The start form a start is checked against is the latest version's, also when a new version is
 * deployed after the form of an earlier one was read (forms are kept per process definition). The
 * latest version is read with the application's own query, so it runs on both databases.
 */
abstract class DeployedFormsContract extends ProcessTestCase {

  private static final String PROCESS_KEY = "deployed-forms-probe";

  @Autowired RepositoryService repositoryService;
  @Autowired DeployedForms forms;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void aNewVersionDeployedLaterIsCheckedAgainstItsOwnForm() {
    ProcessDefinition first = deploy("Probe one", "firstField");
    assertThat(forms.ofStartByKey(PROCESS_KEY).orElseThrow().schema().keys())
        .containsExactly("firstField");

    ProcessDefinition second = deploy("Probe two", "secondField");
    DeployedForms.StepForm latest = forms.ofStartByKey(PROCESS_KEY).orElseThrow();
    assertThat(latest.schema().keys()).containsExactly("secondField");
    assertThat(latest.stepName()).isEqualTo("Probe two");

    assertThat(forms.ofStartById(first.getId()).orElseThrow().schema().keys())
        .containsExactly("firstField");
    assertThat(forms.ofStartById(second.getId()).orElseThrow().schema().keys())
        .containsExactly("secondField");
    assertThat(forms.processKeyOf(first.getId())).contains(PROCESS_KEY);
  }

  @Test
  void nothingIsFoundForAProcessOrDefinitionThatDoesNotExist() {
    assertThat(forms.ofStartByKey("no-such-process")).isEmpty();
    assertThat(forms.ofStartById("no-such-process:1:0")).isEmpty();
    assertThat(forms.processKeyOf("no-such-process:1:0")).isEmpty();
  }

  @Test
  void aDefinitionDeletedAfterItsFormWasReadIsNoLongerTheLatest() {
    deploy("Probe one", "firstField");
    ProcessDefinition second = deploy("Probe two", "secondField");
    assertThat(forms.ofStartByKey(PROCESS_KEY).orElseThrow().schema().keys())
        .containsExactly("secondField");

    repositoryService.deleteDeployment(second.getDeploymentId(), true);
    deployments.remove(second.getDeploymentId());

    assertThat(forms.ofStartByKey(PROCESS_KEY).orElseThrow().schema().keys())
        .containsExactly("firstField");
  }

  private ProcessDefinition deploy(String name, String field) {
    String formId = PROCESS_KEY + "-start";
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS_KEY)
            .name(name)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .camundaFormRef(formId)
            .camundaFormRefBinding("deployment")
            .userTask("Task_Probe")
            .endEvent()
            .done();
    String form =
        """
        {"id": "%s", "type": "default", "components": [
          {"type": "textfield", "key": "%s", "label": "A field"}]}
        """
            .formatted(formId, field);
    String deploymentId =
        repositoryService
            .createDeployment()
            .addModelInstance(PROCESS_KEY + ".bpmn", model)
            .addString(formId + ".form", form)
            .deploy()
            .getId();
    deployments.add(deploymentId);
    return repositoryService
        .createProcessDefinitionQuery()
        .deploymentId(deploymentId)
        .singleResult();
  }
}
