package uk.gov.council.commissioning.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.meetings.MeetingRegister.Schedule;
import uk.gov.council.commissioning.meetings.ScheduleDraft.DraftMeeting;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The steps of {@code contract-management-schedule.bpmn} (seed 001 Part 3.1 §1): the draft from the
 * priority levels, the lead purchasing officer's adjustments, the Core Strategy Group's answer and
 * the meetings an approved schedule plans. The schedule is read from the register by process
 * instance, never from a variable a task could set.
 */
@Component("meetingScheduleSteps")
@RequiredArgsConstructor
public class MeetingScheduleSteps {

  public static final String PROCESS_KEY = "contract-management-schedule";
  static final String CASE_TYPE = "MEETING_SCHEDULE";
  static final String APPROVAL = "SCHEDULE_APPROVAL";
  static final String SECTION = "001 Part 3.1 §1";

  static final String ADJUST_FORM = "meeting-schedule-adjust";
  static final String CSG_FORM = "meeting-schedule-csg";
  static final String APPROVE = "APPROVE";
  static final String COMMENT = "COMMENT";

  /** The start variable naming the year to schedule, set by the automatic start. */
  public static final String YEAR = "scheduleYear";

  private final MeetingRegister register;
  private final MeetingsProperties properties;
  private final WorkingDayCalendar calendar;
  private final Deadlines deadlines;
  private final CaseMail mail;
  private final RecipientDirectory recipients;
  private final Clock clock;

  /** The business key of a year's schedule case. */
  public static String businessKey(Year year) {
    return "CMS-" + year;
  }

  /**
   * Drafts the year's meetings from the contracts' priority levels, and sets the deadline for the
   * approval: the schedule is for the year, so it is due approved by the end of the December
   * before.
   */
  public void draft(DelegateExecution execution) {
    Year year = Year.of(((Number) execution.getVariable(YEAR)).intValue());
    register
        .schedule(year)
        .filter(s -> "APPROVED".equals(s.status()) || stillRunning(execution, s))
        .ifPresent(
            s -> {
              // Two nodes starting the same December: the later start fails and leaves nothing.
              throw new IllegalStateException(
                  "The schedule for "
                      + year
                      + " is already "
                      + s.status()
                      + " in case "
                      + s.processInstanceId());
            });
    long id = register.startSchedule(year, execution.getProcessInstanceId(), clock.instant());
    register.addEntries(
        id,
        ScheduleDraft.draft(
            year, today(), register.contractsToMeet(year), properties, calendar::isWorkingDay));
    deadlines.scheduleAt(
        CaseRef.of(CASE_TYPE, execution),
        APPROVAL,
        deadlines.endOf(year.atDay(1).minusDays(1)),
        SECTION);
  }

  /** Due date of the lead purchasing officer's adjustment. */
  public Date leadDue() {
    return deadlines.taskDue(properties.leadWorkingDays());
  }

  /** Due date of the Core Strategy Group's answer. */
  public Date csgDue() {
    return deadlines.taskDue(properties.csgWorkingDays());
  }

  /**
   * What the adjustment and approval forms show, from the register: the year, the draft and the
   * Core Strategy Group's last comments. The answers open empty, whatever the case holds.
   */
  public void showSchedule(DelegateTask task) {
    Schedule schedule = register.scheduleOf(task.getProcessInstanceId());
    List<DraftMeeting> entries = register.entries(schedule.id());
    task.setVariableLocal("scheduleYearText", String.valueOf(schedule.year()));
    task.setVariableLocal("draftText", table(entries));
    task.setVariableLocal("draftSummary", summary(entries));
    task.setVariableLocal("csgCommentsText", schedule.csgComments());
    for (String answer : List.of(ScheduleAdjustments.FIELD, "csgDecision", "csgComments")) {
      task.getExecution().removeVariable(answer);
      task.setVariableLocal(answer, null);
    }
  }

  /** The lead purchasing officer's adjustments, checked before the task completes. */
  public void adjusted(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of(ScheduleAdjustments.FIELD));
    FormChecks form = new FormChecks(ADJUST_FORM, task).againstForm(ADJUST_FORM);
    String text = form.optionalText(ScheduleAdjustments.FIELD, 4000);
    Schedule schedule = register.scheduleOf(task.getProcessInstanceId());
    ScheduleAdjustments.Parsed parsed =
        ScheduleAdjustments.parse(
            text, Year.of(schedule.year()), today(), contractsIn(schedule.id()));
    form.problems(parsed.problems());
    form.throwIfAny();
    CompletedTask.handOver(task, ScheduleAdjustments.FIELD, text == null ? "" : text);
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /** The checked adjustments replace the contracts' drafted dates. */
  public void recordAdjustments(DelegateExecution execution) {
    Schedule schedule = register.scheduleOf(execution.getProcessInstanceId());
    Map<String, DraftMeeting> byReference = new LinkedHashMap<>();
    register.entries(schedule.id()).forEach(e -> byReference.putIfAbsent(e.reference(), e));
    ScheduleAdjustments.Parsed parsed =
        ScheduleAdjustments.parse(
            CompletedTask.get(execution, ScheduleAdjustments.FIELD),
            Year.of(schedule.year()),
            today(),
            byReference.keySet());
    if (!parsed.problems().isEmpty()) {
      // Checked when the task completed; only a change of day in between gets here.
      throw new IllegalStateException(String.join("; ", parsed.problems()));
    }
    parsed
        .dates()
        .forEach(
            (reference, dates) -> {
              DraftMeeting drafted = byReference.get(reference);
              register.replaceEntries(
                  schedule.id(), drafted.contractId(), drafted.priority(), dates);
            });
    register.adjusted(schedule.id(), CompletedTask.get(execution, "by"));
  }

  /** §1: the contracts manager sends the schedule to the CSG; one email per round. */
  public void sendToCsg(DelegateExecution execution) {
    Schedule schedule = register.scheduleOf(execution.getProcessInstanceId());
    int round = register.sentToCsg(schedule.id());
    List<DraftMeeting> entries = register.entries(schedule.id());
    mail.send(
        execution,
        "contract-management-schedule/for-csg",
        round,
        recipients.emailsOfGroups(Roles.CORE_STRATEGY_GROUP, Roles.CONTRACTS_MANAGERS),
        Map.of(
            "year", schedule.year(),
            "round", round,
            "summary", summary(entries),
            "reference", businessKey(Year.of(schedule.year()))));
  }

  /** The Core Strategy Group's answer: approval, or comments (required) for the lead to rework. */
  public void csgAnswered(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of("csgDecision", "csgComments"));
    FormChecks form = new FormChecks(CSG_FORM, task).againstForm(CSG_FORM);
    String decision = form.oneOf("csgDecision", Set.of(APPROVE, COMMENT));
    String comments = form.optionalText("csgComments", 4000);
    form.textIf(
        COMMENT.equals(decision),
        "csgComments",
        "say what the lead purchasing officer should change");
    form.throwIfAny();
    TaskAnswers.passOn(task, List.of("csgDecision"));
    CompletedTask.handOver(task, "csgComments", comments == null ? "" : comments);
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /** Records the answer; an approval meets the approval deadline. */
  public void recordCsgAnswer(DelegateExecution execution) {
    Schedule schedule = register.scheduleOf(execution.getProcessInstanceId());
    if (APPROVE.equals(execution.getVariable("csgDecisionMade"))) {
      register.approved(schedule.id(), CompletedTask.get(execution, "by"), clock.instant());
      deadlines.met(execution, APPROVAL);
    } else {
      register.csgCommented(schedule.id(), CompletedTask.get(execution, "csgComments"));
    }
  }

  /** The lead purchasing officer is told the CSG commented, once per round. */
  public void emailComments(DelegateExecution execution) {
    Schedule schedule = register.scheduleOf(execution.getProcessInstanceId());
    mail.send(
        execution,
        "contract-management-schedule/comments",
        schedule.csgRound(),
        recipients.emailsOfGroup(Roles.CONTRACT_MANAGEMENT_LEADS),
        Map.of(
            "year", schedule.year(),
            "reference", businessKey(Year.of(schedule.year()))));
  }

  /** The approved schedule's meetings become the planned meetings the QAF counts back from. */
  public void planMeetings(DelegateExecution execution) {
    Schedule schedule = register.scheduleOf(execution.getProcessInstanceId());
    int added = register.planMeetings(schedule.id());
    execution.setVariable("meetingsPlanned", added);
  }

  public void emailApproved(DelegateExecution execution) {
    Schedule schedule = register.scheduleOf(execution.getProcessInstanceId());
    mail.send(
        execution,
        "contract-management-schedule/approved",
        recipients.emailsOfGroups(
            Roles.CONTRACT_MANAGEMENT_LEADS,
            Roles.CONTRACTS_MANAGERS,
            Roles.COMMISSIONING_OFFICERS),
        Map.of(
            "year", schedule.year(),
            "summary", summary(register.entries(schedule.id())),
            "reference", businessKey(Year.of(schedule.year()))));
  }

  /** The year is about to start without an approved schedule: the deadline is missed, once. */
  public void approvalOverdue(DelegateExecution execution) {
    Schedule schedule = register.scheduleOf(execution.getProcessInstanceId());
    if (deadlines.missed(execution, APPROVAL)) {
      mail.send(
          execution,
          "contract-management-schedule/overdue",
          recipients.emailsOfGroups(Roles.CONTRACTS_MANAGERS, Roles.CONTRACT_MANAGEMENT_LEADS),
          Map.of(
              "year", schedule.year(),
              "status",
                  schedule.status().equals("WITH_CSG")
                      ? "with the Core Strategy Group"
                      : "with the lead purchasing officer",
              "reference", businessKey(Year.of(schedule.year()))));
    }
  }

  private static boolean stillRunning(DelegateExecution execution, Schedule schedule) {
    return schedule.processInstanceId() != null
        && !schedule.processInstanceId().equals(execution.getProcessInstanceId())
        && execution
                .getProcessEngineServices()
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(schedule.processInstanceId())
                .count()
            > 0;
  }

  private Set<String> contractsIn(long scheduleId) {
    return register.entries(scheduleId).stream()
        .map(DraftMeeting::reference)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** One line per contract: its priority and dates, as the lead writes an adjustment. */
  static String table(List<DraftMeeting> entries) {
    Map<String, List<DraftMeeting>> byContract = new TreeMap<>();
    entries.forEach(e -> byContract.computeIfAbsent(e.reference(), r -> new ArrayList<>()).add(e));
    StringBuilder text = new StringBuilder();
    byContract.forEach(
        (reference, meetings) ->
            text.append(reference)
                .append(" (")
                .append(meetings.get(0).priority())
                .append("): ")
                .append(
                    meetings.stream()
                        .map(m -> m.date().toString())
                        .collect(Collectors.joining(", ")))
                .append('\n'));
    return text.isEmpty() ? "No active contract to meet in the year." : text.toString().strip();
  }

  /** "12 meetings for 7 contracts: GREEN 4, AMBER 2, RED 1 contracts". */
  static String summary(List<DraftMeeting> entries) {
    Map<String, Set<String>> byLevel = new TreeMap<>();
    entries.forEach(
        e -> byLevel.computeIfAbsent(e.priority(), l -> new LinkedHashSet<>()).add(e.reference()));
    long contracts = entries.stream().map(DraftMeeting::reference).distinct().count();
    return entries.size()
        + " meetings for "
        + contracts
        + " contracts"
        + (byLevel.isEmpty()
            ? ""
            : " ("
                + byLevel.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().size())
                    .collect(Collectors.joining(", "))
                + ")");
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }
}
