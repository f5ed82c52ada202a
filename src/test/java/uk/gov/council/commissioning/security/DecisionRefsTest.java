package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The decision tables a process's business rule tasks name, as the grants need them. */
class DecisionRefsTest {

  @Test
  void theBusinessRuleTasksOfAProcessNameItsDecisionTables() throws Exception {
    try (InputStream model = new FileInputStream("processes/procurement.bpmn")) {
      assertThat(AccessSetup.decisionRefs(model)).containsOnly("decision-route");
    }
    try (InputStream model = new FileInputStream("processes/serious-incident.bpmn")) {
      assertThat(AccessSetup.decisionRefs(model)).isEmpty();
    }
  }
}
