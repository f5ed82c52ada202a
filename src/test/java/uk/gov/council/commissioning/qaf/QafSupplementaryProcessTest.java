package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.qaf.QafSupplementaries.Supplementary;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.testkit.TestTeam.Role;

/**
 * Every path of qaf-supplementary.bpmn (seed 001 Part 3.3 §2: "A supplementary QAF may be
 * introduced following the approval of the CSG in any given year"). Each test proposes for a year
 * of its own, far ahead, so that no QAF of other tests carries it.
 */
@ProcessTest
class QafSupplementaryProcessTest extends ProcessTestCase {

  private static final AtomicInteger YEAR = new AtomicInteger(2060);

  @RegisterExtension static final TestTeam TEAM = TestTeam.of("qs", Role.MANAGER, Role.CSG);

  private static final String MANAGER = TEAM.user(Role.MANAGER);
  private static final String CSG = TEAM.user(Role.CSG);

  @Autowired QafSupplementaries supplementaries;

  int year;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    year = YEAR.incrementAndGet();
    TestClock.set(LocalDateTime.of(2026, 3, 10, 9, 0));
  }

  @Test
  void anApprovedSupplementaryQafIsRecordedWithTheMeetingAndMinute() {
    ProcessInstance instance = proposed();
    String reference =
        (String) runtimeService.getVariable(instance.getId(), "supplementaryReference");
    assertThat(reference).matches("QS-" + year + "-\\d{4}");
    assertThat(instance).hasBusinessKey(reference).isWaitingAt("Task_CsgDecision");
    assertThat(taskAt(instance, "Task_CsgDecision")).hasCandidateGroup(Roles.CORE_STRATEGY_GROUP);
    assertThat(supplementaries.find(reference).orElseThrow().status()).isEqualTo("PROPOSED");

    completeAs(CSG, instance, "Task_CsgDecision", decision("APPROVE", "2026-03-09", null));

    assertThat(instance).isEnded().hasPassed("EndEvent_Approved");
    Supplementary s = supplementaries.find(reference).orElseThrow();
    assertThat(s.status()).isEqualTo("APPROVED");
    assertThat(s.csgMeetingDate()).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(s.csgMinuteReference()).isEqualTo("CSG/2026/14");
    assertThat(s.decidedBy()).isEqualTo(CSG);
    assertThat(s.proposedBy()).isEqualTo(MANAGER);
    assertThat(supplementaries.approvedFor(year)).contains(s);
  }

  @Test
  void notApprovedNeedsTheGroupsReasonsAndIsNeverIssued() {
    ProcessInstance instance = proposed();
    String reference =
        (String) runtimeService.getVariable(instance.getId(), "supplementaryReference");

    assertRefusedAs(
        CSG,
        taskAt(instance, "Task_CsgDecision"),
        decision("NOT_APPROVE", "2026-03-09", null),
        "csgComments: say why the group did not approve it");
    assertThat(instance).isWaitingAt("Task_CsgDecision");

    completeAs(
        CSG,
        instance,
        "Task_CsgDecision",
        decision("NOT_APPROVE", "2026-03-09", "Covered by the core objective C1.4 already"));

    assertThat(instance).isEnded().hasPassed("EndEvent_NotApproved");
    Supplementary s = supplementaries.find(reference).orElseThrow();
    assertThat(s.status()).isEqualTo("NOT_APPROVED");
    assertThat(s.csgComments()).isEqualTo("Covered by the core objective C1.4 already");
    assertThat(supplementaries.approvedFor(year)).isEmpty();
    // Not approved leaves the year open for another proposal.
    assertThat(supplementaries.forYear(year)).isEmpty();
  }

  @Test
  void aDecisionWithoutItsMeetingOrWithAMeetingInTheFutureLeavesTheTaskOpen() {
    ProcessInstance instance = proposed();
    Map<String, Object> noMeeting = decision("APPROVE", null, null);
    noMeeting.remove("csgMinuteReference");
    assertRefusedAs(
        CSG,
        taskAt(instance, "Task_CsgDecision"),
        noMeeting,
        "csgMeetingDate",
        "csgMinuteReference");
    assertRefusedAs(
        CSG,
        taskAt(instance, "Task_CsgDecision"),
        decision("APPROVE", "2026-03-11", null),
        "csgMeetingDate: cannot be in the future");
    assertRefusedAs(
        CSG,
        taskAt(instance, "Task_CsgDecision"),
        decision("MAYBE", "2026-03-09", null),
        "csgDecision");
    assertThat(instance).isWaitingAt("Task_CsgDecision");
  }

  @Test
  void aSecondProposalForAYearWithOneIsRefusedAndNothingIsCreated() {
    proposed();
    assertStartRefused(
        MANAGER,
        "qaf-supplementary",
        "qaf_supplementary",
        proposal(year),
        "financialYear: the supplementary QAF QS-" + year);
    assertStartRefused(
        MANAGER,
        "qaf-supplementary",
        "qaf_supplementary",
        Map.of("financialYear", 1999, "title", "", "objectives", "x"),
        "financialYear",
        "title");
  }

  private ProcessInstance proposed() {
    return startSignedIn(MANAGER, "qaf-supplementary", proposal(year));
  }

  static Map<String, Object> proposal(int year) {
    Map<String, Object> v = new HashMap<>();
    v.put("financialYear", year);
    v.put("title", "Medication good practice");
    v.put(
        "objectives",
        "S1.1 Medication: how staff competence is assessed each year, with evidence of the last"
            + " assessment.");
    v.put("proposedBy", MANAGER);
    return v;
  }

  private static Map<String, Object> decision(String decision, String meeting, String comments) {
    Map<String, Object> v = new HashMap<>();
    v.put("csgDecision", decision);
    if (meeting != null) {
      v.put("csgMeetingDate", meeting);
    }
    v.put("csgMinuteReference", "CSG/2026/14");
    if (comments != null) {
      v.put("csgComments", comments);
    }
    return v;
  }
}
