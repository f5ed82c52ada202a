package uk.gov.council.commissioning.appraisals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.testkit.DemoProfileTestCase;

/**
 * The demo profile as it starts: the Coventry decision report of seed 003 submitted by the demo
 * officer, its case waiting at the officer's check; a second run adds nothing.
 */
class AppraisalDemoDataTest extends DemoProfileTestCase {

  @Autowired AppraisalDemoData demo;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void theCoventryReportWaitsForTheOfficersCheck() {
    List<String> references = coventry();
    assertThat(references).hasSize(1);
    String reference = references.get(0);
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_CheckReport")
                .count())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM options_appraisal_option o JOIN options_appraisal a"
                        + " ON a.id = o.appraisal_id WHERE a.reference = :ref")
                .param("ref", reference)
                .query(Long.class)
                .single())
        .isEqualTo(3);
    assertThat(runtimeService.getVariables(runningCase(reference)).toString())
        .doesNotContain(CoventryAppraisal.ANNEX);

    demo.submitCoventryReport();
    assertThat(coventry()).hasSize(1);
  }

  private String runningCase(String reference) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(AppraisalSteps.PROCESS_KEY)
        .processInstanceBusinessKey(reference)
        .singleResult()
        .getId();
  }

  private List<String> coventry() {
    return jdbc.sql("SELECT reference FROM options_appraisal WHERE title = :title")
        .param("title", CoventryAppraisal.TITLE)
        .query(String.class)
        .list();
  }
}
