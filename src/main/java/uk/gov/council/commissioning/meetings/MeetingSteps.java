package uk.gov.council.commissioning.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The checks and records of {@code contract-management-meeting.bpmn} (seed 001 Part 3.1 §3-§4).
 * Each task's complete listener checks its form and hands the answers over ({@link CompletedTask});
 * the service task after it records them. The meeting is read from the register by process
 * instance, never from a variable a task could set. The emails and the letter are {@link
 * MeetingNotices}.
 */
@Component("meetingSteps")
@RequiredArgsConstructor
public class MeetingSteps {

  static final String CASE_TYPE = "CONTRACT_MEETING";
  static final String PREPARATION = "PREPARATION";
  static final String MEETING_LETTER = "MEETING_LETTER";
  static final String PROVIDER_AGENDA_ITEMS = "PROVIDER_AGENDA_ITEMS";
  static final String AGENDA = "AGENDA";
  static final String YES = "YES";
  static final String NO = "NO";

  private static final java.util.regex.Pattern TIME =
      java.util.regex.Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  /** §3.5: the standard items the provider prepares information on. */
  static final String PERFORMANCE_ITEM =
      "Performance over the last twelve months (PIs returned on time, KPIs, QAF)";

  static final String PLAN_ITEM = "The improvement plan: progress since the last meeting";

  static final List<String> STANDARD_ITEMS =
      List.of(
          "Updates on service information (management structure, ownership, proposed mergers)",
          "Feedback on internal complaints and resolution",
          "Added value",
          "Staffing (training and recruitment)",
          "Audits and inspections by external accreditation organisations",
          "Service outcomes",
          PERFORMANCE_ITEM,
          PLAN_ITEM);

  /**
   * The provider's figures for the agenda (§3.5: "quantifiable data on Service Provider
   * performance"), set on the case by the step before it by whichever capability gathers them; the
   * agenda shows them beside its standard items, or the items alone when nothing set them.
   */
  public static final String PERFORMANCE_FIGURES = "agendaPerformanceFigures";

  /** The progress of the provider's improvement plans from earlier meetings, for the agenda. */
  public static final String PLAN_PROGRESS = "agendaPlanProgress";

  private final MeetingCaseRegister register;
  private final MeetingPriorities priorities;
  private final MeetingsProperties levels;
  private final MeetingProcessProperties properties;
  private final MeetingCaseStarts starts;
  private final MeetingFollowUps followUps;
  private final ContractService contracts;
  private final WorkingDayCalendar calendar;
  private final Deadlines deadlines;
  private final Clock clock;

  /** The RED level must be one of the configured levels, or the RED path could never run. */
  @jakarta.annotation.PostConstruct
  void checkRedLevel() {
    if (!levels.isConfigured(properties.redPriority())) {
      throw new IllegalStateException(
          "commissioning.meetings.process.red-priority "
              + properties.redPriority()
              + " is not one of the priority levels "
              + levels.priorityLevels().keySet());
    }
  }

  // --- the case -----------------------------------------------------------------------------

  /** The case takes its meeting and sets the meeting's deadlines from its date. */
  public void open(DelegateExecution execution) {
    long meetingId = ((Number) execution.getVariable(MeetingCaseStarts.MEETING_ID)).longValue();
    MeetingCase meeting =
        register
            .find(meetingId)
            .orElseThrow(() -> new IllegalStateException("No meeting " + meetingId));
    if (CaseStarts.anotherCaseRunning(execution, meeting.processInstanceId())) {
      throw new IllegalStateException(
          "Meeting " + meetingId + " already has case " + meeting.processInstanceId());
    }
    register.attachCase(meetingId, execution.getProcessInstanceId());
    CaseRef ref = CaseRef.of(CASE_TYPE, execution);
    deadlines.scheduleAt(
        ref,
        PREPARATION,
        deadlines.endOf(
            meeting.meetingDate().minusWeeks(properties.preparationWeeks()).minusDays(1)),
        "001 Part 3.1 §3");
    scheduleFromDate(ref, meeting.meetingDate());
  }

  private void scheduleFromDate(CaseRef ref, LocalDate meetingDate) {
    deadlines.scheduleAt(
        ref,
        MEETING_LETTER,
        deadlines.endOf(meetingDate.minusWeeks(properties.letterWeeks())),
        "001 Part 3.1 §3.1");
    deadlines.scheduleAt(
        ref,
        PROVIDER_AGENDA_ITEMS,
        deadlines.endOf(workingDaysBefore(meetingDate, properties.providerItemsWorkingDays())),
        "001 Part 3.1 §3.5");
    deadlines.scheduleAt(
        ref,
        AGENDA,
        deadlines.endOf(meetingDate.minusDays(properties.agendaDays())),
        "001 Part 3.1 §3.5");
  }

  LocalDate workingDaysBefore(LocalDate day, int workingDays) {
    LocalDate date = day;
    int counted = 0;
    while (counted < workingDays) {
      date = date.minusDays(1);
      if (calendar.isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /** The provider organisation whose meeting it is: its group works the provider's task. */
  public String providerGroup(DelegateExecution execution) {
    return meeting(execution).providerGroup();
  }

  /** Due date of the council's tasks that are not a deadline of the meeting. */
  public Date taskDue() {
    return deadlines.taskDue(properties.taskWorkingDays());
  }

  /** What every form of the case shows: the meeting, the agenda so far, the areas of concern. */
  public void show(DelegateTask task) {
    MeetingCase meeting = register.ofProcess(task.getProcessInstanceId());
    task.setVariableLocal("meetingText", describe(meeting));
    task.setVariableLocal(
        "areasText", meeting.areasToEvidence() == null ? "none" : meeting.areasToEvidence());
    task.setVariableLocal(
        "agendaText",
        meeting.agenda() != null
            ? meeting.agenda()
            : agenda(meeting, null, text(task, PERFORMANCE_FIGURES), text(task, PLAN_PROGRESS)));
    task.setVariableLocal("priorityReasonText", meeting.priorityReason());
    Object audit = task.getVariable("auditId");
    task.setVariableLocal("auditIdText", audit == null ? null : audit.toString());
  }

  /** The minutes form also offers the configured priority levels, and shows the current one. */
  public void showPriorities(DelegateTask task) {
    show(task);
    MeetingCase meeting = register.ofProcess(task.getProcessInstanceId());
    List<Map<String, String>> options = new ArrayList<>();
    levels
        .priorityLevels()
        .forEach(
            (level, perYear) ->
                options.add(
                    Map.of("label", level + " (" + perYear + " meetings a year)", "value", level)));
    task.setVariableLocal("priorityOptions", options);
    task.setVariableLocal(
        "priorityText",
        priorities
            .of(contracts.findByReference(meeting.contractReference()).orElseThrow())
            .priority());
  }

  // --- §3.1 set-up --------------------------------------------------------------------------

  public void setUpChecked(DelegateTask task) {
    List<String> fields = List.of("meetingDate", "meetingTime", "venue");
    TaskAnswers.moveOntoTask(task, fields);
    FormChecks form = new FormChecks("meeting-set-up", task).againstForm("meeting-set-up");
    LocalDate date = form.date("meetingDate");
    if (date != null && date.isBefore(today())) {
      form.problem("meetingDate", date + " is in the past: agree a day still to come");
    }
    String time = form.text("meetingTime");
    if (time != null && !TIME.matcher(time).matches()) {
      form.problem("meetingTime", time + " is not a time on the 24-hour clock, e.g. 10:30");
    }
    MeetingCase meeting = register.ofProcess(task.getProcessInstanceId());
    if (date != null && register.otherMeetingOn(meeting.id(), meeting.contractId(), date)) {
      form.problem("meetingDate", "the contract already has another meeting on " + date);
    }
    form.throwIfAny();
    for (String field : fields) {
      Object value = task.getVariableLocal(field);
      CompletedTask.handOver(task, field, value == null ? null : value.toString().strip());
    }
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /** The day agreed replaces the planned one; the letter and agenda deadlines follow it. */
  public void recordSetUp(DelegateExecution execution) {
    MeetingCase meeting = meeting(execution);
    LocalDate date = LocalDate.parse(CompletedTask.get(execution, "meetingDate"));
    String venue = CompletedTask.get(execution, "venue");
    register.agreeDate(
        meeting.id(),
        date,
        CompletedTask.get(execution, "meetingTime"),
        venue == null || venue.isBlank() ? null : venue,
        CompletedTask.get(execution, "by"));
    if (!date.equals(meeting.meetingDate())) {
      scheduleFromDate(CaseRef.of(CASE_TYPE, execution), date);
    }
  }

  // --- §3.2 desk-top audit (the hook the compliance audit replaces) -------------------------

  public void deskTopAuditChecked(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of("deskTopFindings"));
    FormChecks.asDeclared("meeting-desk-top-audit", "meeting-desk-top-audit", task);
  }

  // --- §3.3 compliance audit decision -------------------------------------------------------

  public void auditDecisionChecked(DelegateTask task) {
    List<String> fields =
        List.of(
            "auditNeeded", "consultationLevel", "justification", "auditDate", "areasToEvidence");
    TaskAnswers.moveOntoTask(task, fields);
    FormChecks form =
        new FormChecks("meeting-audit-decision", task).againstForm("meeting-audit-decision");
    String needed = form.oneOf("auditNeeded", Set.of(YES, NO));
    String level =
        form.oneOf(
            "consultationLevel", Set.of("NONE", "QUESTIONNAIRE", "TELEPHONE", "FACE_TO_FACE"));
    String justification = form.optionalText("justification", 2000);
    form.textIf(
        NO.equals(needed) || "NONE".equals(level),
        "justification",
        "say why no compliance audit is held or nobody is consulted");
    LocalDate auditDate = form.optionalDate("auditDate");
    String areas = form.optionalText("areasToEvidence", 4000);
    if (YES.equals(needed)) {
      MeetingCase meeting = register.ofProcess(task.getProcessInstanceId());
      form.textIf(true, "auditDate", "is required with a compliance audit");
      form.textIf(
          true, "areasToEvidence", "is required with a compliance audit: they go to the provider");
      if (auditDate != null && auditDate.isBefore(today())) {
        form.problem("auditDate", auditDate + " is in the past");
      } else if (auditDate != null && !auditDate.isBefore(meeting.meetingDate())) {
        form.problem(
            "auditDate",
            "must be before the meeting on " + meeting.meetingDate() + " (§3.3: in advance)");
      }
    }
    form.throwIfAny();
    CompletedTask.handOver(task, "auditNeeded", needed);
    CompletedTask.handOver(task, "consultationLevel", level);
    CompletedTask.handOver(task, "justification", justification);
    CompletedTask.handOver(task, "auditDate", YES.equals(needed) ? auditDate : null);
    CompletedTask.handOver(task, "areasToEvidence", YES.equals(needed) ? areas : null);
  }

  public void recordAuditDecision(DelegateExecution execution) {
    boolean needed = YES.equals(CompletedTask.get(execution, "auditNeeded"));
    String auditDate = CompletedTask.get(execution, "auditDate");
    register.auditDecision(
        meeting(execution).id(),
        needed,
        CompletedTask.get(execution, "consultationLevel"),
        CompletedTask.get(execution, "justification"),
        auditDate == null ? null : LocalDate.parse(auditDate),
        CompletedTask.get(execution, "areasToEvidence"));
    execution.setVariable("complianceAuditNeeded", needed);
  }

  /**
   * §3.3: the day of the audit with the provider as the decision recorded it (yyyy-mm-dd), for the
   * audits capability's step that records it on the compliance audit.
   */
  public String decidedAuditDate(DelegateExecution execution) {
    LocalDate date = meeting(execution).complianceAuditDate();
    return date == null ? null : date.toString();
  }

  /** §3.3: the areas to be evidenced as the decision recorded them, for the same step. */
  public String decidedAreasToEvidence(DelegateExecution execution) {
    return meeting(execution).areasToEvidence();
  }

  // --- §3.4 after the compliance audit ------------------------------------------------------

  /**
   * The revised risks and the summary are recorded on the audit's page; the task's form only shows
   * the way there, so nothing but its own (display) fields is accepted.
   */
  public void auditOutcomeChecked(DelegateTask task) {
    FormChecks.asDeclared("meeting-audit-outcome", "meeting-audit-outcome", task);
  }

  // --- §3.5 the agenda ----------------------------------------------------------------------

  /** The provider's items: kept on the task it works, recorded by the next step. */
  public void providerItemsChecked(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of("providerAgendaItems"));
    FormChecks form =
        new FormChecks("meeting-provider-agenda-items", task)
            .againstForm("meeting-provider-agenda-items");
    String items = form.optionalText("providerAgendaItems", 4000);
    form.throwIfAny();
    CompletedTask.handOver(task, "providerAgendaItems", items);
  }

  public void recordProviderItems(DelegateExecution execution) {
    register.providerAgendaItems(
        meeting(execution).id(), CompletedTask.get(execution, "providerAgendaItems"));
    deadlines.met(execution, PROVIDER_AGENDA_ITEMS);
  }

  public void agendaChecked(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of("councilAgendaItems"));
    FormChecks form = new FormChecks("meeting-agenda", task).againstForm("meeting-agenda");
    String items = form.optionalText("councilAgendaItems", 4000);
    form.throwIfAny();
    CompletedTask.handOver(task, "councilAgendaItems", items);
  }

  /** The agenda: the standard items, the areas of concern, the provider's and the council's. */
  public void recordAgenda(DelegateExecution execution) {
    MeetingCase meeting = meeting(execution);
    register.agenda(
        meeting.id(),
        agenda(
            meeting,
            CompletedTask.get(execution, "councilAgendaItems"),
            text(execution, PERFORMANCE_FIGURES),
            text(execution, PLAN_PROGRESS)));
  }

  static String agenda(
      MeetingCase meeting, String councilItems, String performance, String planProgress) {
    List<String> items = new ArrayList<>();
    for (String item : STANDARD_ITEMS) {
      String figures =
          item.equals(PERFORMANCE_ITEM)
              ? performance
              : item.equals(PLAN_ITEM) ? planProgress : null;
      items.add(figures == null ? item : item + ": " + oneLine(figures));
    }
    if (meeting.areasToEvidence() != null) {
      items.add("Areas of concern (High and Medium risk): " + oneLine(meeting.areasToEvidence()));
    }
    lines(meeting.providerAgendaItems()).forEach(i -> items.add(i + " (provider)"));
    lines(councilItems).forEach(items::add);
    items.add("Actions, owners and target dates");
    items.add("Any other business");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      text.append(i + 1).append(". ").append(items.get(i)).append('\n');
    }
    return text.toString().strip();
  }

  // --- §4 the minutes -----------------------------------------------------------------------

  public void minutesChecked(DelegateTask task) {
    List<String> fields = List.of("heldOn", "minutes", "actions", "priority", "priorityReason");
    TaskAnswers.moveOntoTask(task, fields);
    FormChecks form = new FormChecks("meeting-minutes", task).againstForm("meeting-minutes");
    LocalDate heldOn = form.date("heldOn");
    if (heldOn != null && heldOn.isAfter(today())) {
      form.problem(
          "heldOn", heldOn + " is still to come: record the minutes once the meeting is held");
    }
    String minutes = form.text("minutes", 8000);
    String actions = form.optionalText("actions", 8000);
    ActionLines.Parsed parsed = ActionLines.parse(actions, heldOn == null ? today() : heldOn);
    form.problems(parsed.problems());
    Object level = task.getVariable("priority");
    if (level == null || level.toString().isBlank()) {
      form.problem(
          "priority", "is required: one of " + String.join(", ", levels.priorityLevels().keySet()));
    } else if (!levels.isConfigured(level.toString())) {
      form.problem(
          "priority",
          level
              + " is not a configured priority level; the levels are "
              + String.join(", ", levels.priorityLevels().keySet()));
    }
    String reason = form.text("priorityReason", MeetingPriorities.MAX_REASON);
    form.throwIfAny();
    CompletedTask.handOver(task, "heldOn", heldOn);
    CompletedTask.handOver(task, "minutes", minutes);
    CompletedTask.handOver(task, "actions", actions);
    CompletedTask.handOver(task, "priority", level.toString());
    CompletedTask.handOver(task, "priorityReason", reason);
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /**
   * Records the minutes, their actions, the meeting as held and the priority level reassigned with
   * its reason; {@code intoRed} tells the gateway whether the provider is now RED.
   */
  public void recordMinutes(DelegateExecution execution) {
    MeetingCase meeting = meeting(execution);
    LocalDate heldOn = LocalDate.parse(CompletedTask.get(execution, "heldOn"));
    String by = CompletedTask.get(execution, "by");
    var contract = contracts.findByReference(meeting.contractReference()).orElseThrow();
    String before = priorities.of(contract).priority();
    String level = CompletedTask.get(execution, "priority");
    String reason = CompletedTask.get(execution, "priorityReason");
    register.minutes(
        meeting.id(), CompletedTask.get(execution, "minutes"), by, heldOn, before, level, reason);
    register.replaceActions(
        meeting.id(),
        ActionLines.parse(CompletedTask.get(execution, "actions"), heldOn).actions(),
        by,
        clock.instant());
    priorities.set(
        contract,
        level,
        "Meeting " + meeting.businessKey() + ": " + reason,
        by == null ? "system" : by);
    boolean red = properties.redPriority().equals(level);
    if (!red) {
      register.endFormalMonitoring(meeting.contractId());
    }
    execution.setVariable("intoRed", red);
  }

  /** §5-§6: the improvement plan and the provider's feedback, where a capability runs them. */
  public void startFollowUps(DelegateExecution execution) {
    long id = meeting(execution).id();
    followUps.startImprovementPlan(id);
    followUps.startFeedbackSurvey(id);
  }

  // --- §4 RED -------------------------------------------------------------------------------

  public void placeUnderFormalMonitoring(DelegateExecution execution) {
    MeetingCase meeting = meeting(execution);
    register.formalMonitoring(
        meeting.contractId(),
        LocalDate.parse(CompletedTask.get(execution, "heldOn")),
        meeting.id());
  }

  /**
   * §4: "further formal Contract Management Meetings planned" at the RED level's frequency for the
   * twelve months after the meeting, each with its case; a date within half an interval of a
   * meeting the contract already has is left out, so a retried step plans nothing twice.
   */
  public void scheduleRedMeetings(DelegateExecution execution) {
    MeetingCase meeting = meeting(execution);
    LocalDate heldOn = LocalDate.parse(CompletedTask.get(execution, "heldOn"));
    var contract = contracts.findByReference(meeting.contractReference()).orElseThrow();
    List<LocalDate> dates =
        RedMeetings.dates(
            heldOn,
            levels.meetingsAYear(properties.redPriority()),
            register.meetingDatesFrom(meeting.contractId(), heldOn.plusDays(1)),
            contract.endDate(),
            calendar::isWorkingDay);
    List<String> keys = new ArrayList<>();
    for (LocalDate date : dates) {
      long id = register.planMeeting(meeting.contractId(), date);
      starts.startCase(id);
      keys.add(MeetingCaseStarts.businessKey(id) + " on " + date);
    }
    execution.setVariable("redMeetingsPlanned", String.join(", ", keys));
  }

  public void unannouncedAuditsChecked(DelegateTask task) {
    List<String> fields = List.of("unannouncedAuditsNeeded", "unannouncedAuditsNotes");
    TaskAnswers.moveOntoTask(task, fields);
    FormChecks form =
        new FormChecks("meeting-unannounced-audits", task)
            .againstForm("meeting-unannounced-audits");
    String needed = form.oneOf("unannouncedAuditsNeeded", Set.of(YES, NO));
    String notes = form.text("unannouncedAuditsNotes", 2000);
    form.throwIfAny();
    CompletedTask.handOver(task, "unannouncedAuditsNeeded", needed);
    CompletedTask.handOver(task, "unannouncedAuditsNotes", notes);
  }

  public void recordUnannouncedAudits(DelegateExecution execution) {
    register.unannouncedAudits(
        meeting(execution).id(),
        YES.equals(CompletedTask.get(execution, "unannouncedAuditsNeeded")),
        CompletedTask.get(execution, "unannouncedAuditsNotes"));
  }

  public void defaultNoticeChecked(DelegateTask task) {
    List<String> fields = List.of("defaultNoticeDecision", "defaultNoticeReasons");
    TaskAnswers.moveOntoTask(task, fields);
    FormChecks form =
        new FormChecks("meeting-default-notice", task).againstForm("meeting-default-notice");
    String decision = form.oneOf("defaultNoticeDecision", Set.of("ISSUE", "NOT_NOW"));
    String reasons = form.text("defaultNoticeReasons", 2000);
    form.throwIfAny();
    CompletedTask.handOver(task, "defaultNoticeDecision", decision);
    CompletedTask.handOver(task, "defaultNoticeReasons", reasons);
  }

  public void recordDefaultNoticeDecision(DelegateExecution execution) {
    register.defaultNoticeDecision(
        meeting(execution).id(),
        CompletedTask.get(execution, "defaultNoticeDecision"),
        CompletedTask.get(execution, "defaultNoticeReasons"));
  }

  // --- helpers ------------------------------------------------------------------------------

  MeetingCase meeting(DelegateExecution execution) {
    return register.ofProcess(execution.getProcessInstanceId());
  }

  static String describe(MeetingCase meeting) {
    return meeting.contractReference()
        + " "
        + meeting.contractTitle()
        + ", "
        + meeting.providerName()
        + ": "
        + DAY.format(meeting.meetingDate())
        + (meeting.meetingTime() == null ? "" : " at " + meeting.meetingTime())
        + (meeting.venue() == null ? "" : ", " + meeting.venue())
        + " ("
        + meeting.businessKey()
        + ")";
  }

  private static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static String oneLine(String text) {
    return String.join("; ", lines(text));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }

  /** For the emails: the meeting's values every template may use. */
  static Map<String, Object> values(MeetingCase meeting) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("reference", meeting.businessKey());
    values.put("contractReference", meeting.contractReference());
    values.put("contractTitle", meeting.contractTitle());
    values.put("providerName", meeting.providerName());
    values.put("meetingDate", DAY.format(meeting.meetingDate()));
    values.put(
        "meetingTime",
        meeting.meetingTime() == null ? "a time to be agreed" : meeting.meetingTime());
    values.put("venue", meeting.venue() == null ? "the venue in the letter" : meeting.venue());
    return values;
  }
}
