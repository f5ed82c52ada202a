package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.qaf.QafReportTestData.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * qaf-moderation (seed 001 3.3 §3.2, "the Contracts Manager will review 2 QAFs per Purchasing
 * Officer per annum"): which QAFs are put forward, the contracts manager's moderation recorded
 * once, the officer told, and the form's checks. The QAFs are written straight into the register.
 * The clock stands at Wednesday 10 June 2026 09:00 (BST), in financial year 2026/27.
 */
@ProcessTest
class QafModerationProcessTest extends ProcessTestCase {

  private static final String MANAGER = "qm-manager";
  private static final String OTHER_MANAGER = "qm-manager-2";

  @Autowired QafModeration moderation;

  final List<String> users = new ArrayList<>();
  String officer;
  long contractId;
  Provider provider;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    officer = unique("qm-officer-");
    testUser(officer, Roles.COMMISSIONING_OFFICERS);
    testUser(MANAGER, Roles.CONTRACTS_MANAGERS);
    testUser(OTHER_MANAGER, Roles.CONTRACTS_MANAGERS, Roles.COMMISSIONING_OFFICERS);
    provider = provider(contracts, access, "QM Support Ltd", "provider-qm-support");
    contractId = contract(contracts, provider, unique("QM-"));
    setClock(LocalDateTime.of(2026, 6, 10, 9, 0));
  }

  /**
   * The users go again: other test classes share this database and email whole groups, expecting
   * only their own members.
   */
  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    users.forEach(identityService::deleteUser);
    users.clear();
  }

  @Test
  void theFirstTwoQafsOfAnOfficerInAYearArePutForwardNotTheThirdNorOneTwice() {
    long first = agreedQaf(2026, officer);
    long second = agreedQaf(2026, officer);
    long third = agreedQaf(2026, officer);

    Optional<String> one = moderation.consider(first);
    Optional<String> again = moderation.consider(first);
    Optional<String> two = moderation.consider(second);
    Optional<String> three = moderation.consider(third);

    assertThat(one).isPresent();
    assertThat(again).isEmpty();
    assertThat(two).isPresent();
    assertThat(three).isEmpty();
    assertThat(moderationRows(first)).isEqualTo(1);
    assertThat(moderationRows(third)).isZero();
    ProcessInstance instance = instance(one.get());
    assertThat(instance).hasBusinessKey(number(jdbc, first)).isWaitingAt("Task_ModerateQaf");
    assertThat(
            jdbc.sql("SELECT process_instance_id FROM qaf_moderation WHERE assessment_id = :id")
                .param("id", first)
                .query(String.class)
                .single())
        .isEqualTo(one.get());
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(QafModeration.PROCESS_KEY)
                .processInstanceBusinessKey(number(jdbc, third))
                .count())
        .isZero();

    // A different officer's quota, and the next financial year, start afresh.
    String colleague = unique("qm-officer-");
    testUser(colleague, Roles.COMMISSIONING_OFFICERS);
    assertThat(moderation.consider(agreedQaf(2026, colleague))).isPresent();
    assertThat(moderation.consider(agreedQaf(2027, officer))).isPresent();
    // Without a reviewing officer there is no one's quota to count.
    assertThat(moderation.consider(agreedQaf(2026, null))).isEmpty();
  }

  @Test
  void theTaskGoesToContractsManagersDueInTenWorkingDaysShowingTheGradesFromTheRegister() {
    long qaf = agreedQaf(2026, officer);
    grade(jdbc, qaf, "C1.1", "B", "C", "C");
    grade(jdbc, qaf, "C1.2", "A", "A", "A");
    grade(jdbc, qaf, "C1.3", "C", "D", "D");

    ProcessInstance instance = instance(moderation.consider(qaf).orElseThrow());
    // A variable of the same name cannot change what the contracts manager is shown.
    runtimeService.setVariable(instance.getId(), QafModerationSteps.GRADES, "all A");
    Task task = task(instance);

    assertThat(task).hasCandidateGroup(Roles.CONTRACTS_MANAGERS);
    // Wed 10 June 2026: 10 working days end with Wed 24 June (BST).
    assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-06-24T23:00:00Z")));
    Map<String, Object> local = taskService.getVariablesLocal(task.getId());
    assertThat((String) local.get(QafModerationSteps.GRADES))
        .contains("| C1.1 | B | C | C |")
        .contains("| C1.2 | A | A | A |")
        .contains("| C1.3 | C | D | D |");
    assertThat(local)
        .containsEntry("providerName", "QM Support Ltd")
        .containsEntry("variant", "FULL");
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("reviewingOfficer", officer)
        .containsEntry("financialYear", 2026);
  }

  @Test
  void aConfirmedModerationIsRecordedOnceAndTheOfficerIsTold() {
    long qaf = agreedQaf(2026, officer);
    ProcessInstance instance = instance(moderation.consider(qaf).orElseThrow());
    setClock(LocalDateTime.of(2026, 6, 12, 14, 30));

    completeAs(MANAGER, task(instance), Map.of("moderationOutcome", "CONFIRMED"));

    assertThat(instance).isEnded().hasPassed("Task_TellReviewingOfficer");
    Map<String, Object> row = moderationRow(qaf);
    assertThat(row.get("moderated_by")).isEqualTo(MANAGER);
    assertThat(row.get("outcome")).isEqualTo("CONFIRMED");
    assertThat(row.get("findings")).isNull();
    assertThat(row.get("moderated_at")).isEqualTo(Instant.parse("2026-06-12T13:30:00Z"));
    String[] mail = outboxEmail("qaf-moderation:" + instance.getId() + ":findings");
    assertThat(mail[0]).isEqualTo(officer + "@council.example");
    assertThat(mail[1]).contains("confirmed");
    assertThat(mail[2])
        .contains(number(jdbc, qaf))
        .contains("confirmed your grading")
        .contains(MANAGER);
    // Once: the QAF is not put forward again.
    assertThat(moderation.consider(qaf)).isEmpty();
    assertThat(moderationRows(qaf)).isEqualTo(1);
  }

  @Test
  void anAdjustedModerationRecordsTheFindingsAndEmailsThemToTheOfficer() {
    long qaf = agreedQaf(2026, officer);
    ProcessInstance instance = instance(moderation.consider(qaf).orElseThrow());
    String findings =
        "C1.3 was graded D without reading the support plans supplied; check every attachment.";

    completeAs(
        MANAGER,
        task(instance),
        Map.of("moderationOutcome", "ADJUSTED", "moderationFindings", "  " + findings + " "));

    assertThat(instance).isEnded();
    Map<String, Object> row = moderationRow(qaf);
    assertThat(row.get("outcome")).isEqualTo("ADJUSTED");
    assertThat(row.get("findings")).isEqualTo(findings);
    assertThat(row.get("moderated_by")).isEqualTo(MANAGER);
    String[] mail = outboxEmail("qaf-moderation:" + instance.getId() + ":findings");
    assertThat(mail[0]).isEqualTo(officer + "@council.example");
    assertThat(mail[2]).contains("adjusted your grading").contains(findings);
  }

  @Test
  void badFormsAreRefusedNamingEachFieldAndTheTaskStaysOpen() {
    long qaf = agreedQaf(2026, officer);
    ProcessInstance instance = instance(moderation.consider(qaf).orElseThrow());
    Task task = task(instance);

    assertRefused(MANAGER, task, Map.of(), "moderationOutcome: must be one of ADJUSTED, CONFIRMED");
    assertRefused(
        MANAGER, task, Map.of("moderationOutcome", "MAYBE"), "moderationOutcome: must be one of");
    assertRefused(
        MANAGER,
        task,
        Map.of("moderationOutcome", "ADJUSTED"),
        "moderationFindings: is required when the grades are adjusted");
    assertRefused(
        MANAGER,
        task,
        Map.of("moderationOutcome", "ADJUSTED", "moderationFindings", "   "),
        "moderationFindings: is required when the grades are adjusted");
    assertRefused(
        MANAGER,
        task,
        Map.of("moderationOutcome", "ADJUSTED", "moderationFindings", "x".repeat(2001)),
        "moderationFindings: at most 2000 characters");
    // Only contracts managers may: the engine refuses anyone else the task.
    assertThatThrownBy(() -> completeAs(officer, task, Map.of("moderationOutcome", "CONFIRMED")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertRefused(
        null,
        task,
        Map.of("moderationOutcome", "CONFIRMED"),
        "moderatedBy: the signed-in user is unknown");

    assertThat(instance).isWaitingAt("Task_ModerateQaf");
    assertThat(moderationRow(qaf).get("moderated_at")).isNull();
  }

  @Test
  void aContractsManagerWhoWasTheReviewingOfficerCannotModerateTheirOwnQaf() {
    long qaf = agreedQaf(2026, OTHER_MANAGER);
    ProcessInstance instance = instance(moderation.consider(qaf).orElseThrow());

    assertRefused(
        OTHER_MANAGER,
        task(instance),
        Map.of("moderationOutcome", "CONFIRMED"),
        "moderatedBy: the reviewing officer cannot moderate their own QAF");
    completeAs(MANAGER, task(instance), Map.of("moderationOutcome", "CONFIRMED"));
    assertThat(instance).isEnded();
  }

  // --- helpers ----------------------------------------------------------------------------------

  private void testUser(String id, String... groups) {
    user(access, id, groups);
    users.add(id);
  }

  private long agreedQaf(int year, String reviewingOfficer) {
    return insert(jdbc, Qaf.agreed(contractId, provider.id(), year, reviewingOfficer));
  }

  private ProcessInstance instance(String id) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private Task task(ProcessInstance instance) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey("Task_ModerateQaf")
        .singleResult();
  }

  private void assertRefused(
      String user, Task task, Map<String, Object> variables, String message) {
    // A task listener's refusal reaches the caller wrapped by the engine; Tasklist shows its
    // message.
    assertRefusedAs(user, task, variables, "Moderation cannot be completed", message);
  }

  private long moderationRows(long assessmentId) {
    return jdbc.sql("SELECT COUNT(*) FROM qaf_moderation WHERE assessment_id = :id")
        .param("id", assessmentId)
        .query(Long.class)
        .single();
  }

  private Map<String, Object> moderationRow(long assessmentId) {
    return jdbc.sql(
            "SELECT moderated_by, moderated_at, outcome, findings FROM qaf_moderation WHERE assessment_id = :id")
        .param("id", assessmentId)
        .query(
            (rs, n) -> {
              Map<String, Object> row = new HashMap<>();
              row.put("moderated_by", rs.getString(1));
              OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
              row.put("moderated_at", at == null ? null : at.toInstant());
              row.put("outcome", rs.getString(3));
              row.put("findings", rs.getString(4));
              return row;
            })
        .single();
  }

  private String[] outboxEmail(String key) {
    return jdbc.sql(
            "SELECT recipients, subject, body FROM notification_outbox WHERE idempotency_key = :key")
        .param("key", key)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .single();
  }
}
