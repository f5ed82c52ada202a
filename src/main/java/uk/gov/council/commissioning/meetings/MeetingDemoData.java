package uk.gov.council.commissioning.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.qaf.QafCaseService;

/**
 * Demo only: a year of contract management meetings for the demo providers, driven through the real
 * processes as officers would work them in Tasklist, so Tasklist and Cockpit show real cases. The
 * current year's schedule (and next year's from October) is drafted, left as drafted by the lead
 * purchasing officer and approved by the Core Strategy Group, which starts a waiting case per
 * meeting. Five meetings close to today are planned and worked to a state each: two held today with
 * minutes and actions (Brightpath's home care reassigned AMBER; Oakleaf's day services moved into
 * RED, its default notice decision open and its improvement plan with the provider), one with the
 * agenda being prepared, one at the desk-top audit and one at set-up. No compliance audit with the
 * provider is held in any of them. Runs once: when the current year's schedule exists, nothing is
 * added. It runs on its own thread after start-up, alongside the job executor, which runs the
 * processes' own asynchronous steps and timers meanwhile.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
class MeetingDemoData {

  private static final Logger log = LoggerFactory.getLogger(MeetingDemoData.class);

  static final String HELD_AMBER = "HC-2022-03";
  static final String HELD_RED = "DO-2023-02";
  static final String AGENDA = "ADV-2020-01";
  static final String DESK_TOP = "RB-2024-05";
  static final String SET_UP = "HC-2022-03";

  private static final String LEAD = "lead";
  private static final String CSG = "csg";
  private static final String OFFICER = "officer";

  /** The timers run here when no job executor runs: the ones the demo's meetings wait for. */
  private static final List<String> TIMERS =
      List.of("Timer_PreparationStarts", "Timer_ProviderItemsDue");

  private static final long WAIT_MILLIS = 120_000;

  private final MeetingRegister register;
  private final MeetingCaseRegister cases;
  private final RuntimeService runtime;
  private final MeetingScheduleStarts schedules;
  private final MeetingCaseStarts caseStarts;
  private final QafCaseService qaf;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final WorkingDayCalendar calendar;
  private final ProcessEngineConfigurationImpl configuration;
  private final Clock clock;

  private volatile CompletableFuture<Boolean> seeded = CompletableFuture.completedFuture(false);

  @EventListener(ApplicationReadyEvent.class)
  @Order(6)
  public void onReady() {
    // Off the start-up thread: working the cases takes a few seconds (more on a busy machine), and
    // the application is usable meanwhile.
    seeded =
        CompletableFuture.supplyAsync(
            this::seedOrLog,
            work -> {
              Thread thread = new Thread(work, "demo-meetings");
              thread.setDaemon(true);
              thread.start();
            });
  }

  /** Whether the last start added the demo meetings, once it has finished. */
  CompletableFuture<Boolean> seeded() {
    return seeded;
  }

  private boolean seedOrLog() {
    try {
      return seed();
    } catch (RuntimeException e) {
      // The demo still runs; its meeting cases stay where they stopped, visible in Cockpit.
      log.error("Demo contract management meetings not completed", e);
      return false;
    }
  }

  /**
   * Adds the demo meetings unless the current year's schedule exists.
   *
   * @return whether anything was added
   */
  boolean seed() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
    Year year = Year.from(today);
    if (register.schedule(year).isPresent()) {
      return false;
    }
    // Planned ahead of the schedule, as a purchasing officer plans a meeting through the QAF API;
    // the held ones are planned for tomorrow and brought forward to today at set-up.
    long heldAmber = plan(HELD_AMBER, today.plusDays(1));
    long heldRed = plan(HELD_RED, today.plusDays(1));
    long desk = plan(DESK_TOP, workingDayFrom(today.plusWeeks(5)));
    long agenda = plan(AGENDA, workingDayFrom(today.plusWeeks(6)));
    long setUp = plan(SET_UP, workingDayFrom(today.plusWeeks(7)));

    approveSchedule(year);
    if (today.getMonthValue() >= 10) {
      approveSchedule(year.plusYears(1));
    }

    String amberCase = caseFor(heldAmber);
    String redCase = caseFor(heldRed);
    String deskCase = caseFor(desk);
    String agendaCase = caseFor(agenda);
    String setUpCase = caseFor(setUp);

    setUp(amberCase, today);
    setUp(redCase, today);
    setUp(deskCase, cases.find(desk).orElseThrow().meetingDate());
    setUp(agendaCase, cases.find(agenda).orElseThrow().meetingDate());
    await(setUpCase, "Task_SetUpMeeting");

    for (String instance : List.of(amberCase, redCase, agendaCase)) {
      complete(
          OFFICER,
          await(instance, "Task_DeskTopAudit"),
          Map.of("deskTopFindings", "QAF grades, complaints and returns reviewed: Low risk"));
      complete(
          OFFICER,
          await(instance, "Task_DecideComplianceAudit"),
          Map.of(
              "auditNeeded", "NO",
              "consultationLevel", "QUESTIONNAIRE",
              "justification", "Low risk on every clause; the standard questionnaire is enough"));
    }
    // The meetings held today had no time for the provider's items: their timer closes that task.
    providerItems(agendaCase);
    await(deskCase, "Task_DeskTopAudit");
    await(agendaCase, "Task_PrepareAgenda");

    for (String instance : List.of(amberCase, redCase)) {
      complete(
          OFFICER,
          await(instance, "Task_PrepareAgenda"),
          Map.of("councilAgendaItems", "Fee uplift for next year"));
    }
    complete(
        OFFICER,
        await(amberCase, "Task_RecordMinutes"),
        minutes(
            today,
            "Two complaints upheld this year; staffing stable; training matrix out of date.",
            "Ben (provider); "
                + today.plusMonths(1)
                + "; Send the updated training matrix\n"
                + "Olivia (council); "
                + today.plusMonths(2)
                + "; Review the complaints log with the provider",
            "AMBER",
            "Two complaints upheld: met half-yearly until they are resolved"));
    complete(
        OFFICER,
        await(redCase, "Task_RecordMinutes"),
        minutes(
            today,
            "Missed visits, late returns and a safeguarding alert upheld since the last meeting.",
            "Olu (provider); "
                + today.plusWeeks(4)
                + "; Staffing recovery plan for the day centre\n"
                + "Olu (provider); "
                + today.plusWeeks(6)
                + "; Safeguarding training for every member of staff\n"
                + "Olivia (council); "
                + today.plusWeeks(8)
                + "; Unannounced visit to the day centre",
            "RED",
            "Service failing: formal monitoring and quarterly meetings"));
    complete(
        OFFICER,
        await(redCase, "Task_RecordUnannouncedAudits"),
        Map.of(
            "unannouncedAuditsNeeded",
            "YES",
            "unannouncedAuditsNotes",
            "Two unannounced visits to the day centre in the next quarter"));
    await(redCase, "Task_DecideDefaultNotice");
    settle();
    log.info("Demo contract management meetings added");
    return true;
  }

  private LocalDate workingDayFrom(LocalDate day) {
    return ScheduleDraft.workingDayFrom(day, calendar::isWorkingDay);
  }

  /** Plans the meeting unless the contract has one that day; its id either way. */
  private long plan(String reference, LocalDate date) {
    qaf.scheduleMeeting(reference, date);
    return register.meetingsBetween(date, date).stream()
        .filter(m -> reference.equals(m.contractReference()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** The year's schedule: drafted, left as drafted by the lead, approved by the CSG. */
  private void approveSchedule(Year year) {
    Optional<String> started = schedules.startFor(year);
    if (started.isEmpty()) {
      return;
    }
    String instance = started.get();
    complete(LEAD, await(instance, "Task_AdjustSchedule"), Map.of("adjustments", ""));
    complete(CSG, await(instance, "Task_ApproveSchedule"), Map.of("csgDecision", "APPROVE"));
    settle();
  }

  /** The meeting's case: the one running, or one started as an officer would start it. */
  private String caseFor(long meetingId) {
    return Optional.ofNullable(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(MeetingCaseStarts.PROCESS_KEY)
                .processInstanceBusinessKey(MeetingCaseStarts.businessKey(meetingId))
                .singleResult())
        .map(ProcessInstance::getId)
        .orElseGet(() -> caseStarts.start(meetingId));
  }

  private void setUp(String instance, LocalDate date) {
    complete(
        OFFICER,
        await(instance, "Task_SetUpMeeting"),
        Map.of("meetingDate", date.toString(), "meetingTime", "10:30", "venue", "County Hall"));
  }

  /** The provider's user adds its items to the agenda. */
  private void providerItems(String instance) {
    Task items = await(instance, "Task_AddProviderAgendaItems");
    String user =
        identity.createUserQuery().memberOfGroup(providerGroup(items)).list().stream()
            .findFirst()
            .map(u -> u.getId())
            .orElse(null);
    if (user != null) {
      complete(user, items, Map.of("providerAgendaItems", "Our new staff training programme"));
    }
  }

  private String providerGroup(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(l -> l.getGroupId())
        .filter(g -> g != null && g.startsWith("provider-"))
        .findFirst()
        .orElse("providers");
  }

  private static Map<String, Object> minutes(
      LocalDate heldOn, String minutes, String actions, String priority, String reason) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("heldOn", heldOn.toString());
    answers.put("minutes", minutes);
    answers.put("actions", actions);
    answers.put("priority", priority);
    answers.put("priorityReason", reason);
    return answers;
  }

  private void complete(String user, Task task, Map<String, Object> answers) {
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    for (int attempt = 1; ; attempt++) {
      identity.setAuthentication(user, groups);
      try {
        tasks.complete(task.getId(), answers);
        break;
      } catch (OptimisticLockingException e) {
        // The job executor changed the case at the same moment (a timer on the task, say): again.
        if (attempt == 5) {
          throw e;
        }
      } finally {
        identity.clearAuthentication();
      }
    }
    settle();
  }

  /**
   * Without a job executor running (tests), runs the asynchronous steps of the meeting processes
   * and the due timers the demo's meetings wait for (preparation, the provider's agenda items);
   * with one (the demo), leaves them to it.
   */
  private void settle() {
    JobExecutor executor = configuration.getJobExecutor();
    if (executor != null && executor.isActive()) {
      return;
    }
    List<Job> due = new ArrayList<>();
    for (String key :
        List.of(
            MeetingScheduleSteps.PROCESS_KEY,
            MeetingCaseStarts.PROCESS_KEY,
            "meeting-improvement-plan",
            "meeting-feedback")) {
      due.addAll(management.createJobQuery().processDefinitionKey(key).messages().list());
      due.addAll(
          management
              .createJobQuery()
              .processDefinitionKey(key)
              .timers()
              .duedateLowerThan(java.util.Date.from(clock.instant()))
              .list()
              .stream()
              .filter(j -> TIMERS.contains(activityOf(j)))
              .toList());
    }
    for (Job job : due) {
      if (job.getRetries() == 0) {
        continue;
      }
      try {
        management.executeJob(job.getId());
      } catch (ProcessEngineException e) {
        log.debug(
            "Demo job {} taken by the job executor or failed: {}", job.getId(), e.getMessage());
      }
    }
  }

  private String activityOf(Job job) {
    return management
        .createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId())
        .singleResult()
        .getActivityId();
  }

  /** The instance's open task at the activity, once the steps before it have run. */
  private Task await(String instance, String activityId) {
    // Elapsed time of this wait, not the time of day: the application's clock is not for this.
    long until = System.nanoTime() + WAIT_MILLIS * 1_000_000;
    while (true) {
      Task task =
          tasks
              .createTaskQuery()
              .processInstanceId(instance)
              .taskDefinitionKey(activityId)
              .singleResult();
      if (task != null) {
        return task;
      }
      if (System.nanoTime() - until > 0) {
        throw new IllegalStateException("Demo case " + instance + " did not reach " + activityId);
      }
      settle();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
