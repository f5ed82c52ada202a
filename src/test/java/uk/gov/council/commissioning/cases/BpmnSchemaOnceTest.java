package uk.gov.council.commissioning.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/** The engine's BPMN models are still checked against the BPMN schema, now compiled once. */
@ProcessTest
class BpmnSchemaOnceTest extends ProcessTestCase {

  private static final String KEY = "bpmn-schema-probe";

  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfigurationImpl configuration;

  String deploymentId;

  @AfterEach
  void undeploy() {
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void theEngineParsesWithTheCompiledSchema() {
    assertThat(configuration.getBpmnParseFactory())
        .isInstanceOf(BpmnSchemaOnce.OneSchemaParseFactory.class);
  }

  @Test
  void aValidModelDeploys() {
    deploymentId = deploy("<bpmn:startEvent id=\"Start\"/>");

    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .deploymentId(deploymentId)
                .singleResult()
                .getKey())
        .isEqualTo(KEY);
  }

  @Test
  void aModelTheSchemaRefusesDoesNotDeploy() {
    // Well-formed XML that the engine's own parser would pass over: only the schema refuses it.
    assertThatThrownBy(() -> deploymentId = deploy("<bpmn:noSuchElement id=\"Odd\"/>"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("cvc-complex-type");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count())
        .isZero();
  }

  private String deploy(String content) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_Probe" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(KEY, content);
    return repositoryService.createDeployment().addString(KEY + ".bpmn", xml).deploy().getId();
  }
}
