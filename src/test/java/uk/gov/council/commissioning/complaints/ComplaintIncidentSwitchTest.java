package uk.gov.council.commissioning.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.complaints.ComplaintTestData.*;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.incidents.ComplaintIncidents;
import uk.gov.council.commissioning.testkit.ChangedSettingsTest;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * {@code commissioning.complaints.safeguarding-opens-incident: false}: a complaint's safeguarding
 * alert is raised as before (seed 002 §10.3) and no serious incident is opened for it (§12.3).
 */
@ChangedSettingsTest
class ComplaintIncidentSwitchTest extends ComplaintTestCase {

  @Autowired ComplaintIncidents complaintIncidents;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void switchedOffTheAlertIsRaisedAndNoIncidentOpened() {
    BpmnAwareTests.init(engine);
    users(access);
    String contract = "CP-SW-" + System.nanoTime() % 100000;
    contract(contracts, alpha(contracts), contract);
    TestClock.set(LocalDateTime.of(2026, 3, 2, 9, 0));

    ProcessInstance instance =
        startWithSafeguardingConcern(contract, "Bruising noticed by the daughter");
    Complaint c = complaintOf(instance);

    assertThat(runningCases("safeguarding-alert", c.number())).isOne();
    assertThat(complaintIncidents.incidentOf(c.number())).isEmpty();
  }
}
