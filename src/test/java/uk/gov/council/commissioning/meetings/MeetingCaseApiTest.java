package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.LEAD;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * A meeting's case over HTTP (seed 001 Part 3.1 §3-§4): started by council staff only, once, never
 * for a meeting in the past; its actions read by the provider whose meeting it is and by nobody
 * else's provider; the provider's task worked only by its own organisation.
 */
@ProcessTest
class MeetingCaseApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("mcapi", OFFICER, LEAD, MANAGER)
          .withProviders("MCAPI Alpha Care", "MCAPI Beta Support");

  static final LocalDate MEETING = LocalDate.of(2058, 9, 17);

  Contract alpha;
  Contract beta;
  long alphaMeeting;
  long betaMeeting;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    TestClock.set(LocalDateTime.of(2058, 3, 2, 9, 0));
    alpha = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("MCAPI-A-"));
    beta = TestMeetings.contract(contracts, TEAM.beta(), uniqueReference("MCAPI-B-"));
    alphaMeeting = TestMeetings.meeting(jdbc, alpha, MEETING);
    betaMeeting = TestMeetings.meeting(jdbc, beta, MEETING);
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    assertThat(http.postJson(casePath(alphaMeeting), "{}").status()).isEqualTo(401);
    assertThat(http.get("/api/meetings/" + alphaMeeting + "/actions").status()).isEqualTo(401);
  }

  @Test
  void staffStartAMeetingsCaseOnceAndAProviderNever() {
    assertThat(http.postJson(casePath(alphaMeeting), "{}", as(TEAM.alphaUser())).status())
        .isEqualTo(403);
    assertThat(http.postJson(casePath(betaMeeting), "{}", as(TEAM.alphaUser())).status())
        .isEqualTo(403);
    assertThat(runningCases(MeetingCaseStarts.PROCESS_KEY, "CMM-" + alphaMeeting)).isZero();

    JsonNode started =
        answer(http.postJson(casePath(alphaMeeting), "{}", as(TEAM.user(LEAD))), 201);

    assertThat(started.get("businessKey").asText()).isEqualTo("CMM-" + alphaMeeting);
    assertThat(runningCases(MeetingCaseStarts.PROCESS_KEY, "CMM-" + alphaMeeting)).isEqualTo(1);
    assertThat(http.postJson(casePath(alphaMeeting), "{}", as(TEAM.user(MANAGER))).status())
        .isEqualTo(409);
    assertThat(runningCases(MeetingCaseStarts.PROCESS_KEY, "CMM-" + alphaMeeting)).isEqualTo(1);
  }

  @Test
  void aStartSentAgainWithItsIdempotencyKeyGetsTheFirstAnswerNotA409() {
    String[] withKey = java.util.Arrays.copyOf(as(TEAM.user(LEAD)), 4);
    withKey[2] = "Idempotency-Key";
    withKey[3] = "meeting-case-" + alphaMeeting;

    Response first = http.postJson(casePath(alphaMeeting), "{}", withKey);
    Response repeat = http.postJson(casePath(alphaMeeting), "{}", withKey);

    answer(first, 201);
    assertThat(repeat.status()).isEqualTo(201);
    assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeat.text()).isEqualTo(first.text());
    assertThat(runningCases(MeetingCaseStarts.PROCESS_KEY, "CMM-" + alphaMeeting)).isEqualTo(1);
  }

  @Test
  void aMeetingInThePastOrUnknownIsRefusedAndNothingStarts() {
    long past = TestMeetings.meeting(jdbc, alpha, LocalDate.of(2058, 2, 1));

    JsonNode refused = problem(http.postJson(casePath(past), "{}", as(TEAM.user(LEAD))), 400);

    assertThat(refused.findValuesAsText("field")).containsExactly("meetingDate");
    assertThat(runningCases(MeetingCaseStarts.PROCESS_KEY, "CMM-" + past)).isZero();
    assertThat(http.postJson(casePath(999_999_999L), "{}", as(TEAM.user(LEAD))).status())
        .isEqualTo(404);
    assertThat(
            problem(http.postJson("/api/meetings/x/case", "{}", as(TEAM.user(LEAD))), 400)
                .findValuesAsText("field"))
        .containsExactly("id");
  }

  @Test
  void aProviderReadsItsOwnMeetingsActionsAndNotAnothersAndCannotWorkAnothersTask() {
    ProcessInstance instance = startAlpha();
    toTheAgenda(instance);
    Task items = taskAt(instance, "Task_AddProviderAgendaItems");

    Response foreign =
        http.postJson(
            "/engine-rest/task/" + items.getId() + "/complete",
            "{\"variables\":{\"providerAgendaItems\":{\"value\":\"Not ours\"}}}",
            as(TEAM.betaUser()));
    assertThat(foreign.status()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(items.getId()).count()).isEqualTo(1);

    Response own =
        http.postJson(
            "/engine-rest/task/" + items.getId() + "/complete",
            "{\"variables\":{\"providerAgendaItems\":{\"value\":\"Our new rota\"}}}",
            as(TEAM.alphaUser()));
    assertThat(own.status()).isEqualTo(204);
    completeAs(TEAM.user(OFFICER), instance, "Task_PrepareAgenda", Map.of());
    TestClock.set(MEETING.atTime(16, 0));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_RecordMinutes",
        Map.of(
            "heldOn", MEETING.toString(),
            "minutes", "Reviewed.",
            "actions", "Val; 2058-10-31; Send the rota",
            "priority", "GREEN",
            "priorityReason", "Good performance"));

    JsonNode actions =
        answer(http.get("/api/meetings/" + alphaMeeting + "/actions", as(TEAM.alphaUser())), 200);
    assertThat(actions.findValuesAsText("owner")).containsExactly("Val");
    assertThat(actions.findValuesAsText("targetDate")).containsExactly("2058-10-31");
    assertThat(http.get("/api/meetings/" + alphaMeeting + "/actions", as(TEAM.betaUser())).status())
        .isEqualTo(404);
    assertThat(
            answer(http.get("/api/meetings/" + alphaMeeting + "/actions", as(TEAM.user(LEAD))), 200)
                .size())
        .isEqualTo(1);
  }

  @Test
  void minutesWithAnActionWithoutOwnerAre400NamingTheFieldThroughTheEngineApi() {
    ProcessInstance instance = startAlpha();
    toTheAgenda(instance);
    completeAs(TEAM.alphaUser(), instance, "Task_AddProviderAgendaItems", Map.of());
    completeAs(TEAM.user(OFFICER), instance, "Task_PrepareAgenda", Map.of());
    TestClock.set(MEETING.atTime(16, 0));
    Task minutes = taskAt(instance, "Task_RecordMinutes");

    Response refused =
        http.postJson(
            "/engine-rest/task/" + minutes.getId() + "/complete",
            "{\"variables\":{"
                + "\"heldOn\":{\"value\":\""
                + MEETING
                + "\"},\"minutes\":{\"value\":\"Reviewed.\"},"
                + "\"actions\":{\"value\":\"; 2058-10-31; Send the rota\"},"
                + "\"priority\":{\"value\":\"GREEN\"},"
                + "\"priorityReason\":{\"value\":\"Good\"}}}",
            as(TEAM.user(OFFICER)));

    JsonNode body = answer(refused, 400);
    assertThat(body.findValuesAsText("field")).as(refused.text()).contains("actions");
    assertThat(refused.text()).contains("line 1 has no owner");
    assertThat(taskService.createTaskQuery().taskId(minutes.getId()).count()).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM meeting_action WHERE meeting_id = :m")
                .param("m", alphaMeeting)
                .query(Long.class)
                .single())
        .isZero();
  }

  private ProcessInstance startAlpha() {
    JsonNode started =
        answer(http.postJson(casePath(alphaMeeting), "{}", as(TEAM.user(LEAD))), 201);
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceId(started.get("processInstanceId").asText())
        .singleResult();
  }

  /** Set up, letter sent, desk-top audit done, no compliance audit: the agenda is next. */
  private void toTheAgenda(ProcessInstance instance) {
    fire(timer(instance, "Timer_PreparationStarts"));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_SetUpMeeting",
        Map.of("meetingDate", MEETING.toString(), "meetingTime", "10:00"));
    executeDueJobs(instance);
    completeAs(
        TEAM.user(OFFICER), instance, "Task_DeskTopAudit", Map.of("deskTopFindings", "None"));
    completeAs(
        TEAM.user(OFFICER),
        instance,
        "Task_DecideComplianceAudit",
        Map.of("auditNeeded", "NO", "consultationLevel", "NONE", "justification", "Low risk"));
  }

  private static String casePath(long meeting) {
    return "/api/meetings/" + meeting + "/case";
  }
}
