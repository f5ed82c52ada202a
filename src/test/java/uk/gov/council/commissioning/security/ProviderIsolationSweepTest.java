package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.ADMIN;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.LEAD;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.safeguarding.SafeguardingAlerts;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;
import uk.gov.council.commissioning.testkit.FormValues;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.testkit.TestUsers;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The provider isolation sweep (issue 17 point 4; seed 001 Part 1 §4 on who sees a provider's
 * information): provider beta has a case of every process a provider takes part in (a serious
 * incident and its safeguarding alert, a complaint, a QAF, a meeting's case), and provider alpha's
 * user then reads every engine REST resource, acts on beta's work, and calls every application
 * endpoint with beta's references. Alpha sees nothing of beta (ids, references, numbers, beta's
 * name, the service user), changes nothing, and nobody but an administrator deploys or runs a
 * script. The application's endpoints are listed from Spring's own mapping, so an endpoint added
 * later fails the sweep until it is classified here.
 */
@ProcessTest
class ProviderIsolationSweepTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("iso", OFFICER, MANAGER, LEAD, QUALITY, ADMIN)
          .withProviders("ISO Alpha Homecare", "ISO Beta Support");

  private static final String SERVICE_USER = "Winifred Isoleak";
  private static final String LBB_ID = "LBB-917364";
  private static final String SUSPECTED = "Isoleak bruising on the left forearm";

  @Autowired SafeguardingAlerts alerts;
  @Autowired HistoryService historyService;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /** Beta's cases, set up once: the sweep only reads, and what it tries to change is refused. */
  private static BetaCases beta;

  private record BetaCases(
      Contract contract,
      long providerId,
      String incidentNumber,
      String incidentInstance,
      String incidentTask,
      String alertInstance,
      String complaintNumber,
      String complaintInstance,
      String qafNumber,
      String qafInstance,
      long meetingId,
      String meetingInstance,
      String returnReference,
      String returnInstance,
      Map<String, String> markers) {

    /** Everything that would show alpha something of beta's. */
    Set<String> secrets() {
      return new LinkedHashSet<>(markers.values());
    }
  }

  @BeforeEach
  void setUpBetasCasesOnce() throws Exception {
    if (beta != null) {
      return;
    }
    TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("ISO-A-"));
    Contract contract = TestMeetings.contract(contracts, TEAM.beta(), uniqueReference("ISO-B-"));

    Map<String, Object> report = FormValues.load("incidents/report-items");
    report.put("serviceUserName", SERVICE_USER);
    report.put("serviceUserLbbId", LBB_ID);
    report.put("contractReference", contract.reference());
    report.put("category", "EMERGENCY_HOSPITAL_ADMISSION");
    report.put("occurredAt", hoursAgo(3));
    report.put("providerAwareAt", hoursAgo(2));
    report.put("safeguardingSuspected", false);
    report.put("riddorReportable", false);
    JsonNode incident =
        created(
            http.postJson("/api/incidents", json.writeValueAsString(report), as(TEAM.betaUser())));
    String incidentNumber = incident.path("incidentNumber").asText();
    String incidentInstance = incident.path("processInstanceId").asText();
    Task incidentTask = taskAt(incidentNumber, "Task_SubmitReportingForm");

    Instant aware = Instant.now().minus(2, ChronoUnit.HOURS);
    String alert =
        alerts.raise(
            new SafeguardingConcern(
                SafeguardingConcern.SERIOUS_INCIDENT,
                incidentNumber,
                TEAM.beta().id(),
                TEAM.beta().organisationGroup(),
                SafeguardingConcern.PROVIDER,
                aware,
                aware.plus(1, ChronoUnit.HOURS),
                SUSPECTED,
                null));

    Map<String, Object> complaint = FormValues.load("complaints/complaint");
    complaint.put("receivedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
    complaint.put("contractReference", contract.reference());
    JsonNode recorded =
        created(
            http.postJson(
                "/api/complaints", json.writeValueAsString(complaint), as(TEAM.betaUser())));
    String complaintNumber = recorded.path("number").asText();

    long meetingId =
        TestMeetings.meeting(jdbc, contract, LocalDate.now(WorkingDayCalendar.UK).plusYears(2));
    created(http.postJson("/api/meetings/" + meetingId + "/case", "{}", as(TEAM.user(LEAD))));

    JsonNode qaf =
        created(
            http.postJson(
                "/api/qafs",
                "{\"contractReference\":\""
                    + contract.reference()
                    + "\",\"meetingDate\":\""
                    + LocalDate.now(WorkingDayCalendar.UK).plusYears(2)
                    + "\"}",
                as(TEAM.user(OFFICER))));
    String qafNumber = qaf.path("number").asText();

    LocalDate lastQuarter = LocalDate.now(WorkingDayCalendar.UK).minusMonths(3);
    JsonNode performanceReturn =
        created(
            http.postJson(
                "/api/performance-returns",
                "{\"contractReference\":\""
                    + contract.reference()
                    + "\",\"year\":"
                    + lastQuarter.getYear()
                    + ",\"quarter\":"
                    + ((lastQuarter.getMonthValue() - 1) / 3 + 1)
                    + "}",
                as(TEAM.user(OFFICER))));
    String returnReference = performanceReturn.path("caseReference").asText();

    Map<String, String> markers = new LinkedHashMap<>();
    markers.put("beta's name", TEAM.beta().name());
    markers.put("beta's group", TEAM.beta().organisationGroup());
    markers.put("beta's user", TEAM.betaUser());
    markers.put("beta's contract", contract.reference());
    markers.put("the service user", SERVICE_USER);
    markers.put("the service user's LBB id", LBB_ID);
    markers.put("the alert's suspicion", SUSPECTED);
    markers.put("the incident", incidentNumber);
    markers.put("the complaint", complaintNumber);
    markers.put("the QAF", qafNumber);
    markers.put("the performance return", returnReference);
    String complaintInstance = instanceOf(complaintNumber);
    String qafInstance = instanceOf(qafNumber);
    String returnInstance = instanceOf(returnReference);
    String meetingInstance =
        runtimeService
            .createProcessInstanceQuery()
            .variableValueEquals("meetingId", meetingId)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .findFirst()
            .orElse(null);
    List<String> instances = new ArrayList<>();
    for (String id :
        new String[] {
          incidentInstance, alert, complaintInstance, qafInstance, meetingInstance, returnInstance
        }) {
      if (id != null) {
        instances.add(id);
      }
    }
    for (String id : instances) {
      markers.put("instance " + id, id);
      for (Task task : taskService.createTaskQuery().processInstanceId(id).list()) {
        markers.put("task " + task.getId(), task.getId());
      }
      for (Job job : managementService.createJobQuery().processInstanceId(id).list()) {
        markers.put("job " + job.getId(), job.getId());
      }
    }
    beta =
        new BetaCases(
            contract,
            TEAM.beta().id(),
            incidentNumber,
            incidentInstance,
            incidentTask.getId(),
            alert,
            complaintNumber,
            complaintInstance,
            qafNumber,
            qafInstance,
            meetingId,
            meetingInstance,
            returnReference,
            returnInstance,
            markers);
  }

  // --- (1) every engine REST read ----------------------------------------------------------------

  /**
   * The engine REST API's reads (Camunda 7.24), {pi} etc. standing for beta's references: lists and
   * counts unfiltered and filtered on beta's case, and the single resources by beta's ids.
   */
  private List<String> engineReads() {
    List<String> reads = new ArrayList<>();
    List<String> lists =
        List.of(
            "task",
            "task/count",
            "process-instance",
            "process-instance/count",
            "execution",
            "execution/count",
            "variable-instance",
            "variable-instance/count",
            "event-subscription",
            "job",
            "job/count",
            "job-definition",
            "incident",
            "incident/count",
            "external-task",
            "case-instance",
            "case-execution",
            "batch",
            "history/process-instance",
            "history/process-instance/count",
            "history/task",
            "history/task/count",
            "history/variable-instance",
            "history/activity-instance",
            "history/detail",
            "history/incident",
            "history/job-log",
            "history/user-operation",
            "history/identity-link-log",
            "history/decision-instance",
            "history/external-task-log",
            "history/batch",
            "history/case-instance",
            "history/process-definition/cleanable-process-instance-report",
            "history/process-instance/report?reportType=duration&periodUnit=month",
            "history/task/report?reportType=count&groupBy=processDefinition",
            "history/decision-requirements-definition/cleanable-decision-instance-report",
            "deployment",
            "process-definition",
            "process-definition/statistics?incidents=true",
            "decision-definition",
            "decision-requirements-definition",
            "case-definition",
            "filter",
            "authorization",
            "authorization/check?permissionName=READ&resourceName=Process%20Instance&resourceType=8",
            "group",
            "group/count",
            "user",
            "user/count",
            "tenant",
            "identity/groups?userId=" + TEAM.betaUser(),
            "metrics/activity-instance-start/sum",
            "telemetry/data",
            "schema/log",
            "version",
            "engine",
            "deployment/count",
            "process-definition/count",
            "process-definition/key/serious-incident",
            "process-definition/key/serious-incident/xml",
            "process-definition/key/serious-incident/startForm",
            "process-definition/key/serious-incident/form-variables",
            "process-definition/key/serious-incident/statistics",
            "process-definition/key/safeguarding-alert/form-variables",
            "decision-definition/key/decision-route/xml",
            "history/decision-instance/count",
            "history/cleanup/configuration",
            "history/cleanup/jobs",
            "history/job-log/count",
            "history/incident/count",
            "history/activity-instance/count",
            "history/detail/count",
            "external-task/count",
            "event-subscription/count",
            "batch/statistics");
    reads.addAll(lists);
    for (String list :
        List.of(
            "task",
            "process-instance",
            "execution",
            "variable-instance",
            "history/process-instance",
            "history/task",
            "history/variable-instance",
            "history/activity-instance",
            "history/detail",
            "history/incident",
            "history/job-log",
            "history/user-operation",
            "history/identity-link-log",
            "job",
            "incident",
            "event-subscription",
            "external-task")) {
      reads.add(list + "?processInstanceId={pi}");
    }
    reads.addAll(
        List.of(
            "task?processInstanceBusinessKey={incident}",
            "task?candidateGroup={group}",
            "task?assignee={betaUser}",
            "task?involvedUser={betaUser}",
            "process-instance?businessKey={incident}",
            "process-instance?businessKeyLike=%25",
            "process-instance?variables=serviceUserName_eq_" + SERVICE_USER.replace(" ", "%20"),
            "variable-instance?variableValues=serviceUserName_eq_"
                + SERVICE_USER.replace(" ", "%20"),
            "variable-instance?processInstanceIdIn={pi}",
            "variable-instance?processInstanceIdIn={alert}",
            "history/process-instance?processInstanceBusinessKey={incident}",
            "history/variable-instance?variableName=serviceUserName",
            "history/variable-instance?processInstanceId={alert}",
            "history/detail?processInstanceId={alert}",
            "history/task?taskId={task}",
            "history/variable-instance?taskIdIn={task}",
            "task/{task}",
            "task/{task}/variables",
            "task/{task}/variables/serviceUserName",
            "task/{task}/localVariables",
            "task/{task}/form",
            "task/{task}/form-variables",
            "task/{task}/rendered-form",
            "task/{task}/deployed-form",
            "task/{task}/identity-links",
            "task/{task}/comment",
            "task/{task}/attachment",
            "process-instance/{pi}",
            "process-instance/{pi}/variables",
            "process-instance/{pi}/variables/serviceUserName",
            "process-instance/{pi}/activity-instances",
            "process-instance/{pi}/comment",
            "process-instance/{alert}/variables",
            "process-instance/{complaint}/variables",
            "process-instance/{qaf}/variables",
            "process-instance/{meeting}/variables",
            "process-instance/{returnInstance}/variables",
            "process-instance?businessKey={return}",
            "task?processInstanceBusinessKey={return}",
            "history/process-instance?processInstanceBusinessKey={return}",
            "execution/{pi}",
            "execution/{pi}/localVariables",
            "history/process-instance/{pi}",
            "user/{betaUser}/profile",
            "group/{group}"));
    for (Map.Entry<String, String> marker : beta.markers().entrySet()) {
      if (marker.getKey().startsWith("job ")) {
        reads.add("job/" + marker.getValue());
        reads.add("job/" + marker.getValue() + "/stacktrace");
      }
    }
    return reads.stream().map(this::withBetasReferences).toList();
  }

  @Test
  void aProviderReadsNothingOfAnotherProvidersCasesThroughTheEngineApi() throws Exception {
    List<String> seen = new ArrayList<>();
    for (String read : engineReads()) {
      seen.addAll(leaks("GET", "/engine-rest/" + read, TEAM.alphaUser(), null));
    }
    String deployment =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(beta.incidentInstance())
            .singleResult()
            .getProcessDefinitionId();
    String deploymentId =
        engine.getRepositoryService().getProcessDefinition(deployment).getDeploymentId();
    seen.addAll(
        leaks(
            "GET",
            "/engine-rest/deployment/" + deploymentId + "/resources",
            TEAM.alphaUser(),
            null));
    for (String filter : filterIds()) {
      seen.addAll(leaks("GET", "/engine-rest/filter/" + filter, TEAM.alphaUser(), null));
      seen.addAll(leaks("GET", "/engine-rest/filter/" + filter + "/list", TEAM.alphaUser(), null));
      seen.addAll(leaks("GET", "/engine-rest/filter/" + filter + "/count", TEAM.alphaUser(), null));
      seen.addAll(leaks("POST", "/engine-rest/filter/" + filter + "/list", TEAM.alphaUser(), "{}"));
    }
    // Cockpit's and Tasklist's own engine API (the web apps' path) answer the same.
    for (String read :
        List.of(
            "task",
            "process-instance",
            "history/process-instance",
            "variable-instance",
            "history/variable-instance",
            "history/task",
            "user",
            "group",
            "process-instance/{pi}/variables",
            "task/{task}/form-variables")) {
      seen.addAll(
          leaks(
              "GET",
              "/camunda/api/engine/engine/default/" + withBetasReferences(read),
              TEAM.alphaUser(),
              null));
    }
    // Cockpit's own queries, which a provider (no Cockpit) is refused.
    for (String query :
        List.of(
            "process-instance?firstResult=0&maxResults=1000",
            "process-instance/count",
            "incident?firstResult=0&maxResults=1000")) {
      seen.addAll(
          leaks(
              "POST", "/camunda/api/cockpit/plugin/base/default/" + query, TEAM.alphaUser(), "{}"));
    }
    assertThat(seen).as("what alpha's user was shown of beta's").isEmpty();
  }

  /** The sweep would see beta's case: an administrator's same reads show it. */
  @Test
  void theSweepFindsBetasCaseWhereItIsVisible() {
    List<String> seenByAdministrator = new ArrayList<>();
    for (String read :
        List.of(
            "process-instance/{pi}/variables",
            "task?processInstanceBusinessKey={incident}",
            "history/process-instance?processInstanceBusinessKey={return}")) {
      seenByAdministrator.addAll(
          leaks("GET", "/engine-rest/" + withBetasReferences(read), TEAM.user(ADMIN), null));
    }
    seenByAdministrator.addAll(leaks("GET", "/api/incidents", TEAM.betaUser(), null));
    assertThat(seenByAdministrator)
        .anyMatch(found -> found.contains("shows the service user"))
        .anyMatch(found -> found.contains("shows task "))
        .anyMatch(found -> found.contains("shows instance "))
        .anyMatch(found -> found.contains("/api/incidents (200) shows the incident"));
  }

  /** The reads that are queries by POST (as Tasklist and Cockpit send them). */
  @Test
  void aProviderFindsNothingOfAnotherProvidersCasesThroughTheEngineApisPostQueries() {
    List<String> seen = new ArrayList<>();
    String byInstance = withBetasReferences("{\"processInstanceId\":\"{pi}\"}");
    for (String query :
        List.of(
            "task",
            "task/count",
            "process-instance",
            "variable-instance",
            "history/process-instance",
            "history/task",
            "history/variable-instance",
            "history/activity-instance",
            "history/detail",
            "job",
            "external-task")) {
      seen.addAll(leaks("POST", "/engine-rest/" + query, TEAM.alphaUser(), "{}"));
    }
    seen.addAll(
        leaks(
            "POST",
            "/engine-rest/history/process-instance",
            TEAM.alphaUser(),
            withBetasReferences("{\"processInstanceBusinessKey\":\"{incident}\"}")));
    seen.addAll(leaks("POST", "/engine-rest/task", TEAM.alphaUser(), byInstance));
    assertThat(seen).isEmpty();
  }

  // --- (2) acting on beta's work -----------------------------------------------------------------

  @Test
  void aProviderCannotActOnAnotherProvidersCases() throws Exception {
    String alpha = TEAM.alphaUser();
    Map<String, Object> variablesBefore = runtimeService.getVariables(beta.incidentInstance());
    List<String> returnActivitiesBefore = activeActivities(beta.returnInstance());
    long betaTasksBefore =
        taskService.createTaskQuery().processInstanceId(beta.incidentInstance()).count();
    String task = "/engine-rest/task/" + beta.incidentTask();
    String pi = "/engine-rest/process-instance/" + beta.incidentInstance();
    List<String[]> attempts = new ArrayList<>();
    attempts.add(new String[] {"POST", task + "/claim", "{\"userId\":\"" + alpha + "\"}"});
    attempts.add(new String[] {"POST", task + "/assignee", "{\"userId\":\"" + alpha + "\"}"});
    attempts.add(new String[] {"POST", task + "/delegate", "{\"userId\":\"" + alpha + "\"}"});
    attempts.add(new String[] {"POST", task + "/complete", "{\"variables\":{}}"});
    attempts.add(new String[] {"POST", task + "/submit-form", "{\"variables\":{}}"});
    attempts.add(new String[] {"POST", task + "/resolve", "{}"});
    attempts.add(
        new String[] {
          "POST",
          task + "/identity-links",
          "{\"groupId\":\"" + TEAM.alpha().organisationGroup() + "\",\"type\":\"candidate\"}"
        });
    attempts.add(
        new String[] {"PUT", task + "/variables/note", "{\"value\":\"x\",\"type\":\"String\"}"});
    attempts.add(
        new String[] {
          "POST", task + "/variables", "{\"modifications\":{\"note\":{\"value\":\"x\"}}}"
        });
    attempts.add(new String[] {"POST", task + "/comment/create", "{\"message\":\"seen\"}"});
    attempts.add(new String[] {"POST", task + "/bpmnError", "{\"errorCode\":\"x\"}"});
    attempts.add(new String[] {"DELETE", task, null});
    attempts.add(
        new String[] {"PUT", pi + "/variables/note", "{\"value\":\"x\",\"type\":\"String\"}"});
    attempts.add(
        new String[] {
          "POST", pi + "/variables", "{\"modifications\":{\"note\":{\"value\":\"x\"}}}"
        });
    attempts.add(new String[] {"DELETE", pi + "/variables/serviceUserName", null});
    attempts.add(new String[] {"PUT", pi + "/suspended", "{\"suspended\":true}"});
    attempts.add(
        new String[] {
          "POST",
          pi + "/modification",
          "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_SubmitReportingForm\"}]}"
        });
    attempts.add(new String[] {"DELETE", pi, null});
    attempts.add(
        new String[] {
          "POST",
          "/engine-rest/process-instance/delete",
          "{\"processInstanceIds\":[\"" + beta.incidentInstance() + "\"],\"deleteReason\":\"x\"}"
        });
    attempts.add(
        new String[] {
          "PUT",
          "/engine-rest/process-instance/suspended",
          "{\"processInstanceIds\":[\"" + beta.incidentInstance() + "\"],\"suspended\":true}"
        });
    attempts.add(
        new String[] {
          "POST",
          "/engine-rest/message",
          "{\"messageName\":\"anything\",\"processInstanceId\":\"" + beta.incidentInstance() + "\"}"
        });
    for (String message :
        List.of(
            "ReturnSubmitted",
            "ExtensionRequested",
            "ExplanationsSubmitted",
            "ContractPageChangeNotified")) {
      attempts.add(
          new String[] {
            "POST",
            "/engine-rest/message",
            "{\"messageName\":\""
                + message
                + "\",\"businessKey\":\""
                + beta.returnReference()
                + "\",\"all\":true,\"resultEnabled\":true}"
          });
    }
    attempts.add(
        new String[] {
          "POST",
          "/engine-rest/signal",
          "{\"name\":\"anything\",\"executionId\":\"" + beta.incidentInstance() + "\"}"
        });
    attempts.add(
        new String[] {
          "DELETE", "/engine-rest/history/process-instance/" + beta.incidentInstance(), null
        });
    for (Map.Entry<String, String> marker : beta.markers().entrySet()) {
      if (marker.getKey().startsWith("job ")) {
        attempts.add(
            new String[] {
              "PUT", "/engine-rest/job/" + marker.getValue() + "/retries", "{\"retries\":0}"
            });
        attempts.add(
            new String[] {"POST", "/engine-rest/job/" + marker.getValue() + "/execute", ""});
        attempts.add(
            new String[] {
              "PUT", "/engine-rest/job/" + marker.getValue() + "/suspended", "{\"suspended\":true}"
            });
      }
    }
    attempts.add(
        new String[] {
          "PUT",
          "/engine-rest/incident/" + beta.incidentInstance() + "/annotation",
          "{\"annotation\":\"x\"}"
        });
    attempts.add(new String[] {"DELETE", "/engine-rest/incident/" + beta.incidentInstance(), null});
    // Alpha reports an incident on beta's contract through the engine's start form.
    Map<String, Object> onBetasContract = FormValues.load("incidents/report-items");
    onBetasContract.put("contractReference", beta.contract().reference());
    onBetasContract.put("category", "EMERGENCY_HOSPITAL_ADMISSION");
    onBetasContract.put("occurredAt", hoursAgo(3));
    onBetasContract.put("providerAwareAt", hoursAgo(2));
    onBetasContract.put("safeguardingSuspected", false);
    onBetasContract.put("riddorReportable", false);

    List<String> accepted = new ArrayList<>();
    for (String[] attempt : attempts) {
      Response answer = send(attempt[0], attempt[1], attempt[2], alpha);
      // A correlation to every instance waiting for a message answers with those it reached:
      // none is no change (the engine refuses with a 403 when beta's case was waiting for it).
      boolean reachedNothing =
          attempt[1].endsWith("/message") && answer.status() == 200 && "[]".equals(answer.text());
      if ((answer.status() < 400 || answer.status() >= 500) && !reachedNothing) {
        accepted.add(
            attempt[0] + " " + attempt[1] + " -> " + answer.status() + " " + answer.text());
      }
    }
    long incidentsOnBetasContract =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("serious-incident")
            .variableValueEquals("contractReference", beta.contract().reference())
            .count();
    Response formStart =
        http.postJson(
            "/engine-rest/process-definition/key/serious-incident/submit-form",
            "{\"variables\":" + typed(onBetasContract) + "}",
            as(alpha));
    assertThat(formStart.status()).as(formStart.text()).isBetween(400, 499);
    Response apiStart =
        http.postJson("/api/incidents", json.writeValueAsString(onBetasContract), as(alpha));
    assertThat(apiStart.status()).as(apiStart.text()).isBetween(400, 499);
    Map<String, Object> complaint = FormValues.load("complaints/complaint");
    complaint.put("receivedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
    complaint.put("contractReference", beta.contract().reference());
    Response complaintStart =
        http.postJson("/api/complaints", json.writeValueAsString(complaint), as(alpha));
    assertThat(complaintStart.status()).as(complaintStart.text()).isBetween(400, 499);

    assertThat(accepted).as("what alpha's user was allowed to do to beta's case").isEmpty();
    Task after = taskService.createTaskQuery().taskId(beta.incidentTask()).singleResult();
    assertThat(after).as("beta's task is still open").isNotNull();
    assertThat(after.getAssignee()).isNull();
    assertThat(after.getDelegationState()).isNull();
    assertThat(taskService.getIdentityLinksForTask(beta.incidentTask()))
        .noneMatch(link -> TEAM.alpha().organisationGroup().equals(link.getGroupId()));
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(beta.incidentInstance())
            .singleResult();
    assertThat(instance).as("beta's case still runs").isNotNull();
    assertThat(instance.isSuspended()).isFalse();
    assertThat(runtimeService.getVariables(beta.incidentInstance())).isEqualTo(variablesBefore);
    assertThat(taskService.createTaskQuery().processInstanceId(beta.incidentInstance()).count())
        .isEqualTo(betaTasksBefore);
    assertThat(activeActivities(beta.returnInstance()))
        .as("beta's performance return waits where it waited")
        .isNotEmpty()
        .isEqualTo(returnActivitiesBefore);
    for (Map.Entry<String, String> marker : beta.markers().entrySet()) {
      if (marker.getKey().startsWith("job ")) {
        Job job = managementService.createJobQuery().jobId(marker.getValue()).singleResult();
        if (job != null) {
          assertThat(job.getRetries()).as(marker.getKey()).isPositive();
          assertThat(job.isSuspended()).as(marker.getKey()).isFalse();
        }
      }
    }
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("serious-incident")
                .variableValueEquals("contractReference", beta.contract().reference())
                .count())
        .as("no incident started on beta's contract by alpha")
        .isEqualTo(incidentsOnBetasContract);
  }

  // --- (3) every application endpoint ------------------------------------------------------------

  /**
   * Each application endpoint (method and pattern, as Spring maps it) with the request alpha's user
   * sends: the path with beta's references and, for a change, a body naming beta's case. A new
   * endpoint is not in this table, and the sweep fails until it is.
   */
  private Map<String, String[]> applicationEndpoints() {
    String year = Integer.toString(LocalDate.now(WorkingDayCalendar.UK).getYear());
    String quarter = year + "-Q1";
    String contract = beta.contract().reference();
    String onContract = "{\"contractReference\":\"" + contract + "\"}";
    Map<String, String[]> e = new LinkedHashMap<>();
    e.put(
        "GET /api/compliance/providers/{providerId}/quarters/{quarter}",
        get("/api/compliance/providers/{provider}/quarters/" + quarter));
    e.put("GET /api/compliance/quarters/{quarter}", get("/api/compliance/quarters/" + quarter));
    e.put("POST /api/incidents", post("/api/incidents", onContract));
    e.put("GET /api/incidents", get("/api/incidents"));
    e.put("GET /api/incidents/{number}", get("/api/incidents/{incident}"));
    e.put("GET /api/meetings", get("/api/meetings?year=" + year));
    e.put("GET /api/meetings/{id}", get("/api/meetings/{meetingId}"));
    e.put("POST /api/meetings/{id}/held", post("/api/meetings/{meetingId}/held", "{}"));
    e.put("POST /api/meetings/{id}/case", post("/api/meetings/{meetingId}/case", "{}"));
    e.put("GET /api/meetings/{id}/actions", get("/api/meetings/{meetingId}/actions"));
    e.put("GET /api/meetings/compliance", get("/api/meetings/compliance?month=" + year + "-01"));
    e.put("GET /api/meetings/priorities", get("/api/meetings/priorities"));
    e.put(
        "PUT /api/meetings/priorities/{contractReference}",
        put("/api/meetings/priorities/{contract}", "{\"priority\":\"HIGH\"}"));
    e.put("GET /api/meetings/schedules/{year}", get("/api/meetings/schedules/" + year));
    e.put("GET /api/meetings/schedule", get("/api/meetings/schedule?year=" + year));
    e.put("GET /api/meetings/history", get("/api/meetings/history"));
    e.put("GET /api/meetings/history/{providerId}", get("/api/meetings/history/{provider}"));
    e.put("GET /api/meetings/overdue", get("/api/meetings/overdue"));
    e.put("GET /api/qaf-improvement-plans", get("/api/qaf-improvement-plans"));
    e.put(
        "GET /api/qaf-improvement-plans/{id}/default-notice",
        get("/api/qaf-improvement-plans/1/default-notice"));
    e.put("POST /api/qafs", post("/api/qafs", onContract));
    e.put("GET /api/qafs", get("/api/qafs"));
    e.put("GET /api/qafs/{number}", get("/api/qafs/{qafNumber}"));
    e.put(
        "POST /api/qafs/meetings",
        post(
            "/api/qafs/meetings",
            "{\"contractReference\":\"" + contract + "\",\"date\":\"2030-01-01\"}"));
    e.put("GET /api/qafs/meetings", get("/api/qafs/meetings?contract={contract}"));
    e.put(
        "GET /api/qaf/providers/{providerId}/grades", get("/api/qaf/providers/{provider}/grades"));
    e.put("GET /api/qaf/improvement-plans/open", get("/api/qaf/improvement-plans/open"));
    e.put("GET /api/qaf/overdue", get("/api/qaf/overdue"));
    e.put("GET /api/qaf/moderation", get("/api/qaf/moderation"));
    e.put("GET /api/safeguarding-alerts", get("/api/safeguarding-alerts"));
    e.put(
        "GET /api/safeguarding-alerts/{sourceType}/{sourceReference}",
        get("/api/safeguarding-alerts/SERIOUS_INCIDENT/{incident}"));
    e.put("GET /api/meeting-feedback", get("/api/meeting-feedback?year=" + year));
    e.put("GET /api/meeting-feedback/summary", get("/api/meeting-feedback/summary"));
    e.put("GET /api/meeting-feedback/{meetingId}", get("/api/meeting-feedback/{meetingId}"));
    e.put(
        "POST /api/meeting-feedback", post("/api/meeting-feedback", "{\"meetingId\":{meetingId}}"));
    e.put("GET /api/meeting-plans", get("/api/meeting-plans"));
    e.put("GET /api/meeting-plans/{meetingId}", get("/api/meeting-plans/{meetingId}"));
    e.put("POST /api/meeting-plans", post("/api/meeting-plans", "{\"meetingId\":{meetingId}}"));
    e.put(
        "POST /api/procurement/timetable-checks", post("/api/procurement/timetable-checks", "{}"));
    // Options appraisals are the council's own decisions: no provider's case has one.
    e.put("POST /api/options-appraisals", post("/api/options-appraisals", onContract));
    e.put("GET /api/options-appraisals", get("/api/options-appraisals"));
    e.put("GET /api/options-appraisals/{reference}", get("/api/options-appraisals/OA-2000-0001"));
    e.put(
        "GET /api/options-appraisals/{reference}/annex",
        get("/api/options-appraisals/OA-2000-0001/annex"));
    e.put(
        "GET /api/options-appraisals/{reference}/decision-notice",
        get("/api/options-appraisals/OA-2000-0001/decision-notice"));
    e.put("GET /options-appraisals", get("/options-appraisals"));
    e.put("GET /options-appraisals/new", get("/options-appraisals/new"));
    e.put("POST /options-appraisals/new", post("/options-appraisals/new", "{}"));
    e.put("GET /options-appraisals/{reference}", get("/options-appraisals/OA-2000-0001"));
    e.put(
        "GET /options-appraisals/{reference}/decision-notice",
        get("/options-appraisals/OA-2000-0001/decision-notice"));
    // A supplementary QAF is the council's, for every provider's assessment: a provider may not
    // propose one.
    e.put("POST /api/qafs/supplementary", post("/api/qafs/supplementary", onContract));
    e.put("GET /api/qafs/supplementary/{reference}", get("/api/qafs/supplementary/SQ-2000-01"));
    e.put("GET /api/procurements", get("/api/procurements"));
    e.put("GET /api/procurements/{reference}", get("/api/procurements/{contract}"));
    e.put("POST /api/procurement/evaluations", post("/api/procurement/evaluations", "{}"));
    e.put("GET /api/kpi-catalogues", get("/api/kpi-catalogues"));
    e.put("GET /api/kpi-catalogues/{code}/{year}", get("/api/kpi-catalogues/SP/" + year));
    e.put("POST /api/kpi-catalogues", post("/api/kpi-catalogues", "{}"));
    e.put(
        "POST /api/kpi-catalogues/{code}/{year}/copy-to/{nextYear}",
        post("/api/kpi-catalogues/SP/" + year + "/copy-to/" + (Integer.parseInt(year) + 1), "{}"));
    e.put(
        "GET /api/contracts/{reference}/kpi-catalogues/{year}",
        get("/api/contracts/{contract}/kpi-catalogues/" + year));
    e.put(
        "PUT /api/contracts/{reference}/kpi-catalogues/{year}",
        put("/api/contracts/{contract}/kpi-catalogues/" + year, "{\"catalogues\":[]}"));
    e.put("GET /api/audits", get("/api/audits"));
    e.put("GET /api/audits/{id}", get("/api/audits/1"));
    e.put("GET /api/audits/{id}/desk-top", get("/api/audits/1/desk-top"));
    e.put("GET /api/audits/checklist", get("/api/audits/checklist"));
    e.put("POST /api/audits/checklist/clauses", post("/api/audits/checklist/clauses", "{}"));
    e.put("PUT /api/audits/{id}/risks", put("/api/audits/1/risks", "{}"));
    e.put("POST /api/audits/{id}/provider-audit", post("/api/audits/1/provider-audit", "{}"));
    e.put("PUT /api/audits/{id}/revised-risks", put("/api/audits/1/revised-risks", "{}"));
    e.put("GET /api/audits/contracts-update", get("/api/audits/contracts-update"));
    e.put(
        "POST /api/performance-returns",
        post(
            "/api/performance-returns",
            "{\"contractReference\":\"" + contract + "\",\"year\":" + year + ",\"quarter\":1}"));
    e.put("GET /api/performance-returns", get("/api/performance-returns"));
    e.put("GET /api/performance-returns/{caseReference}", get("/api/performance-returns/{return}"));
    e.put(
        "POST /api/performance-returns/{caseReference}/submission",
        post("/api/performance-returns/{return}/submission", "{}"));
    e.put(
        "POST /api/performance-returns/{caseReference}/extension-request",
        post("/api/performance-returns/{return}/extension-request", "{\"reason\":\"x\"}"));
    e.put(
        "POST /api/performance-returns/{caseReference}/explanations",
        post("/api/performance-returns/{return}/explanations", "{}"));
    e.put(
        "POST /api/contracts/{reference}/extension-cases",
        post("/api/contracts/{contract}/extension-cases", "{}"));
    e.put(
        "GET /api/contracts/{reference}/extension-letters",
        get("/api/contracts/{contract}/extension-letters"));
    e.put(
        "GET /api/contracts/{reference}/extension-letters/{caseId}",
        get("/api/contracts/{contract}/extension-letters/{pi}"));
    e.put("GET /api/performance-returns/late", get("/api/performance-returns/late"));
    e.put("GET /api/local-pi-exemptions", get("/api/local-pi-exemptions"));
    e.put("POST /api/local-pi-exemptions", post("/api/local-pi-exemptions", onContract));
    e.put("POST /api/performance-years", post("/api/performance-years", onContract));
    e.put(
        "GET /api/contracts/{reference}/contract-page/{year}",
        get("/api/contracts/{contract}/contract-page/" + year));
    e.put(
        "POST /api/contracts/{reference}/contract-page/{year}/changes",
        post("/api/contracts/{contract}/contract-page/" + year + "/changes", "{}"));
    e.put("POST /api/complaints", post("/api/complaints", onContract));
    e.put("GET /api/complaints", get("/api/complaints"));
    e.put("GET /api/complaints/{number}", get("/api/complaints/{complaintNumber}"));
    e.put("GET /admin/mail", get("/admin/mail"));
    e.put("POST /admin/mail/resend", post("/admin/mail/resend", "{}"));
    e.put("GET /reports", get("/reports"));
    e.put("GET /reports/", get("/reports/"));
    e.put("GET /admin/mail/", get("/admin/mail/"));
    // The server-rendered pages: a form's POST from outside a signed-in browser session has no
    // CSRF token and is refused before any rule, which is still a refusal.
    e.put("GET /audits/contracts-update", get("/audits/contracts-update"));
    e.put("GET /audits/{id}", get("/audits/1"));
    e.put("POST /audits/{id}/revised", post("/audits/1/revised", "{}"));
    e.put("POST /audits/{id}/risks", post("/audits/1/risks", "{}"));
    e.put("GET /kpi-catalogues", get("/kpi-catalogues"));
    e.put("GET /kpi-catalogues/{code}/{year}", get("/kpi-catalogues/SP/" + year));
    e.put("GET /kpi-catalogues/{code}/{year}/edit", get("/kpi-catalogues/SP/" + year + "/edit"));
    e.put(
        "POST /kpi-catalogues/{code}/{year}/edit",
        post("/kpi-catalogues/SP/" + year + "/edit", "{}"));
    e.put("GET /reports/kpi/breaches", get("/reports/kpi/breaches"));
    e.put("GET /reports/kpi/breaches.csv", get("/reports/kpi/breaches.csv"));
    e.put("GET /reports/kpi/contracts/{reference}", get("/reports/kpi/contracts/{contract}"));
    e.put(
        "GET /reports/kpi/contracts/{reference}.csv", get("/reports/kpi/contracts/{contract}.csv"));
    e.put(
        "GET /reports/kpi/contracts/{reference}/rolling.csv",
        get("/reports/kpi/contracts/{contract}/rolling.csv"));
    e.put("GET /reports/kpi/quarters", get("/reports/kpi/quarters?quarter=" + quarter));
    e.put("GET /reports/kpi/quarters.csv", get("/reports/kpi/quarters.csv?quarter=" + quarter));
    e.put("GET /reports/meeting-feedback", get("/reports/meeting-feedback"));
    e.put("GET /reports/meeting-history", get("/reports/meeting-history"));
    e.put("GET /reports/meeting-plans", get("/reports/meeting-plans"));
    e.put("GET /reports/meeting-schedule", get("/reports/meeting-schedule"));
    e.put("GET /reports/meetings-overdue", get("/reports/meetings-overdue"));
    e.put("GET /reports/performance-returns", get("/reports/performance-returns"));
    e.put(
        "POST /reports/performance-returns/local-pi-exemptions",
        post("/reports/performance-returns/local-pi-exemptions", onContract));
    e.put("GET /reports/compliance", get("/reports/compliance"));
    e.put("GET /reports/breaches", get("/reports/breaches"));
    e.put("GET /reports/meetings", get("/reports/meetings"));
    e.put("GET /api/contracts", get("/api/contracts"));
    e.put("GET /api/contracts/{*reference}", get("/api/contracts/{contract}"));
    e.put("POST /api/contracts", post("/api/contracts", "{\"reference\":\"" + contract + "\"}"));
    e.put(
        "GET /api/kpi-reports/contracts/{reference}", get("/api/kpi-reports/contracts/{contract}"));
    e.put(
        "GET /api/kpi-reports/contracts/{reference}.csv",
        get("/api/kpi-reports/contracts/{contract}.csv"));
    e.put(
        "GET /api/kpi-reports/contracts/{reference}/rolling",
        get("/api/kpi-reports/contracts/{contract}/rolling"));
    e.put(
        "GET /api/kpi-reports/contracts/{reference}/rolling.csv",
        get("/api/kpi-reports/contracts/{contract}/rolling.csv"));
    e.put("GET /api/kpi-reports/quarters/{quarter}", get("/api/kpi-reports/quarters/" + quarter));
    e.put(
        "GET /api/kpi-reports/quarters/{quarter}.csv",
        get("/api/kpi-reports/quarters/" + quarter + ".csv"));
    e.put("GET /api/kpi-reports/breaches", get("/api/kpi-reports/breaches"));
    e.put("GET /api/kpi-reports/breaches.csv", get("/api/kpi-reports/breaches.csv"));
    return e;
  }

  /** Spring's own endpoints and pages that hold no case, outside the sweep. */
  private static boolean outsideTheSweep(String pattern) {
    return pattern.startsWith("/error")
        || pattern.startsWith("/login")
        || pattern.startsWith("/logout")
        || pattern.startsWith("/actuator")
        || pattern.startsWith("/v3/api-docs")
        || pattern.startsWith("/swagger-ui")
        || pattern.equals("/");
  }

  @Test
  void everyApplicationEndpointIsInTheSweep() {
    Set<String> mapped = applicationMappings();
    Set<String> unclassified = new TreeSet<>(mapped);
    unclassified.removeAll(applicationEndpoints().keySet());
    assertThat(unclassified)
        .as("endpoints the isolation sweep does not call: add each to applicationEndpoints()")
        .isEmpty();
    Set<String> gone = new TreeSet<>(applicationEndpoints().keySet());
    gone.removeAll(mapped);
    assertThat(gone).as("endpoints in the sweep that no longer exist").isEmpty();
  }

  @Test
  void aProviderGetsNothingOfAnotherProvidersCasesFromAnyApplicationEndpoint() {
    List<String> seen = new ArrayList<>();
    for (Map.Entry<String, String[]> endpoint : applicationEndpoints().entrySet()) {
      String[] request = endpoint.getValue();
      String path = withBetasReferences(request[1]);
      String body = request[2] == null ? null : withBetasReferences(request[2]);
      if (!"GET".equals(request[0])) {
        Response answer = send(request[0], path, body, TEAM.alphaUser());
        if (answer.status() < 400 || answer.status() >= 500) {
          seen.add(
              endpoint.getKey()
                  + " accepted: "
                  + answer.status()
                  + " "
                  + abbreviate(answer.text()));
        }
      }
      seen.addAll(leaks(request[0], path, TEAM.alphaUser(), body));
    }
    assertThat(seen).as("what alpha's user was shown of, or allowed to do to, beta's").isEmpty();
  }

  // --- (4) deployments and scripts ---------------------------------------------------------------

  private static final String SCRIPT_PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          targetNamespace="http://example.org/isolation">
        <process id="isolation-script-%s" isExecutable="true" camunda:historyTimeToLive="1">
          <startEvent id="StartEvent_1"/>
          <sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Script"/>
          <scriptTask id="Task_Script" scriptFormat="javascript">
            <script>execution.setVariable('ran', true)</script>
          </scriptTask>
          <sequenceFlow id="Flow_2" sourceRef="Task_Script" targetRef="EndEvent_1"/>
          <endEvent id="EndEvent_1"/>
        </process>
      </definitions>
      """;

  private Response deploy(String user, String name) {
    String boundary = "isolation" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + name
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"script.bpmn\"; filename=\"script.bpmn\""
            + "\r\nContent-Type: application/octet-stream\r\n\r\n"
            + SCRIPT_PROCESS.formatted(name)
            + "\r\n--"
            + boundary
            + "--\r\n";
    String[] headers = as(user);
    String[] all = Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = "Content-Type";
    all[headers.length + 1] = "multipart/form-data; boundary=" + boundary;
    return http.send("POST", "/engine-rest/deployment/create", body, all);
  }

  @Test
  void onlyAdministratorsDeployOrRunScripts() throws Exception {
    for (String user :
        List.of(
            TEAM.alphaUser(),
            TEAM.user(OFFICER),
            TEAM.user(MANAGER),
            TEAM.user(LEAD),
            TEAM.user(QUALITY))) {
      String name = "iso" + Math.abs(System.nanoTime());
      Response refused = deploy(user, name);
      assertThat(refused.status()).as(user + ": " + refused.text()).isEqualTo(403);
      assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(name).count())
          .as(user + " deployed nothing")
          .isZero();
      // Starting a process that is not started by people, or by id at another activity.
      Response start =
          http.postJson(
              "/engine-rest/process-definition/key/safeguarding-alert/start", "{}", as(user));
      assertThat(start.status()).as(user + " starts a case's process by hand").isEqualTo(403);
      Response startAt =
          http.postJson(
              "/engine-rest/process-definition/key/serious-incident/start",
              "{\"startInstructions\":[{\"type\":\"startBeforeActivity\","
                  + "\"activityId\":\"Task_SubmitReportingForm\"}]}",
              as(user));
      assertThat(startAt.status()).as(user + " starts at another activity").isBetween(400, 403);
      // A decision table's expressions are run by evaluating it: the cases do, people do not.
      for (String decision : List.of("decision-route", "compliance-audit-risk")) {
        Response evaluate =
            http.postJson(
                "/engine-rest/decision-definition/key/" + decision + "/evaluate",
                "{\"variables\":{}}",
                as(user));
        assertThat(evaluate.status()).as(user + " evaluates " + decision).isIn(403, 404);
      }
      Response restart =
          http.postJson(
              "/engine-rest/process-definition/"
                  + runtimeService
                      .createProcessInstanceQuery()
                      .processInstanceId(beta.incidentInstance())
                      .singleResult()
                      .getProcessDefinitionId()
                  + "/restart",
              "{\"processInstanceIds\":[\""
                  + beta.incidentInstance()
                  + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
                  + "\"activityId\":\"Task_SubmitReportingForm\"}]}",
              as(user));
      assertThat(restart.status()).as(user + " restarts a case: " + restart.text()).isEqualTo(403);
      // Moving a running case to another step skips the steps between.
      Response modification =
          http.postJson(
              "/engine-rest/process-instance/" + beta.incidentInstance() + "/modification",
              "{\"instructions\":[{\"type\":\"startBeforeActivity\","
                  + "\"activityId\":\"Task_SubmitReportingForm\"}]}",
              as(user));
      assertThat(modification.status())
          .as(user + " moves a case: " + modification.text())
          .isIn(403, 404);
      Response timeToLive =
          http.putJson(
              "/engine-rest/process-definition/key/serious-incident/history-time-to-live",
              "{\"historyTimeToLive\":1}",
              as(user));
      assertThat(timeToLive.status())
          .as(user + " shortens how long cases are kept: " + timeToLive.text())
          .isIn(403, 404);
      Response redeploy =
          http.postJson(
              "/engine-rest/deployment/" + anyDeploymentId() + "/redeploy", "{}", as(user));
      assertThat(redeploy.status()).as(user + " redeploys").isIn(400, 403, 404);
      Response objectVariable =
          http.putJson(
              "/engine-rest/process-instance/" + beta.incidentInstance() + "/variables/script",
              "{\"value\":\"rO0ABXQAAXg=\",\"type\":\"Object\",\"valueInfo\":{"
                  + "\"objectTypeName\":\"java.lang.String\","
                  + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}",
              as(user));
      assertThat(objectVariable.status())
          .as(user + " sends a serialized object")
          .isIn(400, 403, 404);
      Response expressionFilter =
          http.postJson(
              "/engine-rest/filter/create",
              "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{"
                  + "\"assigneeExpression\":\"${execution.getProcessEngineServices()}\"}}",
              as(user));
      assertThat(expressionFilter.status()).as(user + " stores an expression").isIn(400, 403);
      Response expressionQuery =
          http.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", as(user));
      assertThat(expressionQuery.status()).as(user + " runs an expression").isIn(400, 403);
    }
    String name = "iso" + Math.abs(System.nanoTime());
    Response admin = deploy(TEAM.user(ADMIN), name);
    assertThat(admin.status()).as(admin.text()).isEqualTo(200);
    String deployment = json.readTree(admin.body()).path("id").asText();
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  /**
   * The engine lets anyone who may start a process and read its history restart a closed case at
   * any step; council staff may do both for the processes they start, so the guard keeps restarts
   * to administrators.
   */
  @Test
  void aClosedCaseIsRestartedByAdministratorsOnly() throws Exception {
    Map<String, Object> report = FormValues.load("incidents/report-items");
    report.put("contractReference", beta.contract().reference());
    report.put("category", "EMERGENCY_HOSPITAL_ADMISSION");
    report.put("occurredAt", hoursAgo(3));
    report.put("providerAwareAt", hoursAgo(2));
    report.put("safeguardingSuspected", false);
    report.put("riddorReportable", false);
    JsonNode incident =
        created(
            http.postJson("/api/incidents", json.writeValueAsString(report), as(TEAM.betaUser())));
    String instance = incident.path("processInstanceId").asText();
    String definition =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instance)
            .singleResult()
            .getProcessDefinitionId();
    runtimeService.deleteProcessInstance(instance, "closed for the test");
    String restart =
        "{\"processInstanceIds\":[\""
            + instance
            + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
            + "\"activityId\":\"Task_SubmitReportingForm\"}]}";

    for (String user : List.of(TEAM.user(OFFICER), TEAM.user(MANAGER), TEAM.user(QUALITY))) {
      for (String path : List.of("/restart", "/restart-async")) {
        Response refused =
            http.postJson(
                "/engine-rest/process-definition/" + definition + path, restart, as(user));
        assertThat(refused.status()).as(user + path + ": " + refused.text()).isEqualTo(403);
      }
    }
    String businessKey = incident.path("incidentNumber").asText();
    assertThat(runningCases("serious-incident", businessKey)).as("nothing restarted").isZero();

    // An administrator's restart is accepted (as a batch, run by the job executor).
    Response admin =
        http.postJson(
            "/engine-rest/process-definition/" + definition + "/restart-async",
            restart,
            as(TEAM.user(ADMIN)));
    assertThat(admin.status()).as(admin.text()).isEqualTo(200);
    managementService.deleteBatch(json.readTree(admin.body()).path("id").asText(), true);
  }

  // --- helpers -----------------------------------------------------------------------------------

  private Set<String> applicationMappings() {
    Set<String> mapped = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (outsideTheSweep(pattern)) {
          continue;
        }
        if (methods.isEmpty()) {
          mapped.add("ANY " + pattern);
        }
        for (RequestMethod method : methods) {
          mapped.add(method.name() + " " + pattern);
        }
      }
    }
    return mapped;
  }

  private JsonNode created(Response response) {
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    return answer(response, 201);
  }

  private static String[] get(String path) {
    return new String[] {"GET", path, null};
  }

  private static String[] post(String path, String body) {
    return new String[] {"POST", path, body};
  }

  private static String[] put(String path, String body) {
    return new String[] {"PUT", path, body};
  }

  private String withBetasReferences(String template) {
    return template
        .replace("{pi}", beta.incidentInstance())
        .replace("{task}", beta.incidentTask())
        .replace("{alert}", beta.alertInstance())
        .replace("{complaintNumber}", beta.complaintNumber())
        .replace("{qafNumber}", beta.qafNumber())
        .replace("{complaint}", nonNull(beta.complaintInstance(), beta.complaintNumber()))
        .replace("{qaf}", nonNull(beta.qafInstance(), beta.qafNumber()))
        .replace("{meeting}", nonNull(beta.meetingInstance(), "none"))
        .replace("{incident}", beta.incidentNumber())
        .replace("{return}", beta.returnReference())
        .replace("{returnInstance}", nonNull(beta.returnInstance(), "none"))
        .replace("{contract}", beta.contract().reference())
        .replace("{provider}", Long.toString(beta.providerId()))
        .replace("{meetingId}", Long.toString(beta.meetingId()))
        .replace("{group}", TEAM.beta().organisationGroup())
        .replace("{betaUser}", TEAM.betaUser());
  }

  private static String nonNull(String value, String otherwise) {
    return value == null ? otherwise : value;
  }

  /**
   * What of beta's the answer to alpha's request shows: a 5xx is a finding too. An answer that
   * repeats what alpha sent (the id in a 404's message) shows nothing alpha did not know.
   */
  private List<String> leaks(String method, String path, String user, String body) {
    Response answer = send(method, path, body, user);
    List<String> found = new ArrayList<>();
    if (answer.status() >= 500) {
      found.add(
          method + " " + path + " failed: " + answer.status() + " " + abbreviate(answer.text()));
      return found;
    }
    String text = new String(answer.body(), StandardCharsets.UTF_8);
    String asked = URLDecoder.decode(path, StandardCharsets.UTF_8) + (body == null ? "" : body);
    for (Map.Entry<String, String> marker : beta.markers().entrySet()) {
      if (text.contains(marker.getValue()) && !asked.contains(marker.getValue())) {
        found.add(method + " " + path + " (" + answer.status() + ") shows " + marker.getKey());
      } else if (answer.status() < 300
          && asked.contains(marker.getValue())
          && text.contains(marker.getValue())
          && isPersonal(marker.getKey())) {
        found.add(method + " " + path + " (" + answer.status() + ") shows " + marker.getKey());
      }
    }
    return found;
  }

  /** Markers that are never echoed in an answer, even when they were in the request. */
  private static boolean isPersonal(String marker) {
    return marker.startsWith("the service user") || marker.startsWith("the alert");
  }

  /** Alpha's user signed in with a session, as a browser is: the pages answer only that. */
  private HttpTestClient browser;

  private Response send(String method, String path, String body, String user) {
    if (!path.startsWith("/api/") && !path.startsWith("/engine-rest/")) {
      return inBrowser(method, path, body, user);
    }
    return switch (method) {
      case "GET" -> http.get(path, as(user));
      case "POST" -> http.postJson(path, body == null ? "{}" : body, as(user));
      case "PUT" -> http.putJson(path, body == null ? "{}" : body, as(user));
      case "DELETE" -> http.send("DELETE", path, null, as(user));
      default -> throw new IllegalArgumentException(method);
    };
  }

  /**
   * A page's request from a signed-in browser; a form's POST carries the session's CSRF token and
   * names beta's contract.
   */
  private Response inBrowser(String method, String path, String body, String user) {
    if (browser == null || !user.equals(browserUser)) {
      browser = new HttpTestClient(port);
      assertThat(browser.signIn(user, TestUsers.password(user)).header("Location"))
          .doesNotContain("error");
      browserUser = user;
    }
    if ("GET".equals(method)) {
      return browser.get(path);
    }
    if (path.startsWith("/camunda/api/")) {
      Response any = browser.get("/camunda/api/engine/engine/default/process-definition/count");
      String xsrf = browser.cookie("XSRF-TOKEN").orElseGet(() -> any.header("X-XSRF-TOKEN"));
      return browser.postJson(path, body == null ? "{}" : body, "X-XSRF-TOKEN", xsrf);
    }
    String token = HttpTestClient.csrfTokenIn(browser.get("/login"));
    return browser.postForm(
        path,
        Map.of(
            "_csrf",
            token,
            "contractReference",
            beta.contract().reference(),
            "reason",
            "isolation"));
  }

  private String browserUser;

  private List<String> filterIds() throws Exception {
    Response filters = http.get("/engine-rest/filter", as(TEAM.user(ADMIN)));
    assertThat(filters.status()).isEqualTo(200);
    List<String> ids = json.readTree(filters.body()).findValuesAsText("id");
    assertThat(ids).as("Tasklist's filters").isNotEmpty();
    return ids;
  }

  private List<String> activeActivities(String instance) {
    return runtimeService.getActiveActivityIds(instance).stream().sorted().toList();
  }

  private String anyDeploymentId() {
    return engine.getRepositoryService().createDeploymentQuery().list().get(0).getId();
  }

  private String instanceOf(String businessKey) {
    List<ProcessInstance> found =
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list();
    if (found.isEmpty()) {
      return historyService
          .createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey)
          .list()
          .stream()
          .map(h -> h.getId())
          .findFirst()
          .orElse(null);
    }
    return found.get(0).getId();
  }

  private String typed(Map<String, Object> values) throws Exception {
    Map<String, Object> typed = new HashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return json.writeValueAsString(typed);
  }

  private static String hoursAgo(int hours) {
    return OffsetDateTime.now(WorkingDayCalendar.UK)
        .minusHours(hours)
        .truncatedTo(ChronoUnit.MINUTES)
        .toString();
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
