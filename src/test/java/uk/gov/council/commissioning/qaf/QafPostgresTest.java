package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.qaf.QafTestData.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * One QAF from issue to agreed grades with a D on PostgreSQL: the V7 migration, typed NULLs, the
 * late-return breaches, the decision table, the improvement plan and the moderation case.
 */
@PostgresProcessTest
class QafPostgresTest extends ProcessTestCase {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  @Autowired QafRepository qafs;
  @Autowired DeadlineBreaches breaches;
  @Autowired QafRandomDraw randomDraw;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    users(access);
    randomDraw.use(() -> 0.5);
    TestClock.set(Date.from(LocalDateTime.of(2026, 1, 5, 9, 0).atZone(UK).toInstant()));
  }

  @AfterEach
  void reset() {
    randomDraw.use(null);
  }

  @Test
  void aQafFromIssueToAgreedGradesWithAD() {
    String contract = "QAF-PG-" + System.nanoTime() % 100000;
    contract(contracts, alpha(contracts), contract, OFFICER);
    ProcessInstance instance =
        start(Map.of("contractReference", contract, "meetingDate", "2026-05-20"));
    QafAssessment q = qafs.findByProcessInstance(instance.getId()).orElseThrow();
    assertThat(q.number()).matches("QAF-2026-\\d{6}");
    assertThat(q.gradeStepsChanged()).isNull();

    fire(timer(instance, "Timer_IssueQaf"));
    fire(timer(instance, "Timer_QafReturnDue"));
    Map<String, Object> form = qafReturn("FULL", "C");
    form.put("c15EvidenceC", "n/a");
    complete(instance, "Task_CompleteQaf", form);
    assertThat(instance).isWaitingAt("Task_CompleteQaf", "Task_RecordLateExplanation");
    form.put("c15EvidenceC", EVIDENCE);
    complete(instance, "Task_CompleteQaf", form);
    assertThat(breaches.ofCase("QAF", q.number()))
        .extracting(DeadlineBreach::requirement, DeadlineBreach::kind)
        .containsExactly(tuple("QAF_RETURN", Kind.LATE), tuple("QAF_RETURN", Kind.MISSED));

    complete(instance, "Task_DeskTopReview", deskReview("FULL", "C", Map.of("C1.2", "D")));
    complete(instance, "Task_RespondToGrades", Map.of("providerResponse", "AGREE"));
    // The case stays open until the officer has judged the late return's explanation.
    assertThat(instance).isWaitingAtExactly("Task_RecordLateExplanation");
    complete(
        instance,
        "Task_RecordLateExplanation",
        Map.of("explanationGiven", "YES", "lateExplanation", "Registered manager on sick leave"));
    assertThat(breaches.ofCase("QAF", q.number())).isEmpty();

    assertThat(instance).isEnded();
    QafAssessment agreed = qafs.findByNumber(q.number()).orElseThrow();
    assertThat(agreed.status()).isEqualTo("AGREED");
    assertThat(agreed.timesSentBack()).isEqualTo(1);
    assertThat(agreed.validationVisit()).isFalse();
    assertThat(qafs.grades(agreed.id()))
        .filteredOn(g -> "D".equals(g.finalGrade()))
        .extracting(QafGrade::objective)
        .containsExactly("C1.2");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(q.number() + "/C1.2")
                .singleResult())
        .isNotNull()
        .isWaitingAt("Task_SubmitImprovementPlan");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("qaf-moderation")
                .processInstanceBusinessKey(q.number())
                .count())
        .isEqualTo(1);
  }

  private ProcessInstance start(Map<String, Object> form) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(OFFICER).list().stream()
            .map(Group::getId)
            .toList();
    identityService.setAuthentication(OFFICER, groups);
    try {
      return runtimeService.startProcessInstanceByKey("qaf-assessment", new HashMap<>(form));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
