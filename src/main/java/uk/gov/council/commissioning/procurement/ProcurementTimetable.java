package uk.gov.council.commissioning.procurement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The procurement's timetable in the process: the plan as the officer enters it (checked against
 * the regime by {@link TimetableChecker}), each stage's due date, the watch that notices a stage
 * still open after its planned end, and the lead's re-plan.
 */
@Component("procurementTimetable")
@RequiredArgsConstructor
public class ProcurementTimetable {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  /** The plan's date fields, as named on the timetable forms and in {@link TimetablePlan}. */
  static final List<String> DATE_FIELDS =
      List.of(
          "marketEngagementStart",
          "marketEngagementEnd",
          "tenderNoticeDate",
          "tenderCloseDate",
          "evaluationEnd",
          "awardAuthorisationEnd",
          "awardNoticeDate",
          "contractSignatureDate",
          "commencementDate");

  /** Which stage's work each task is, so a re-plan can move the due dates of open tasks. */
  private static final Map<String, Function<TimetablePlan, LocalDate>> TASK_DUE =
      Map.of(
          "Task_MarketEngagement", TimetablePlan::marketEngagementEnd,
          "Task_CloseTenderPeriod", TimetablePlan::tenderCloseDate,
          "Task_EvaluateTenders", TimetablePlan::evaluationEnd,
          "Task_PrepareAwardReport", TimetablePlan::awardAuthorisationEnd,
          "Task_AuthoriseAward", TimetablePlan::awardAuthorisationEnd,
          "Task_SendAssessmentSummaries", TimetablePlan::awardNoticeDate,
          "Task_SignContract", TimetablePlan::contractSignatureDate);

  private final ProcurementRegister register;
  private final TimetableChecker checker;
  private final ProcurementDeadlines deadlines;
  private final ProcurementAlerts alerts;
  private final ObjectMapper json;
  private final ContractService contracts;
  private final ProcurementRegimes regimes;
  private final Deadlines caseDeadlines;

  // --- planning -------------------------------------------------------------------------------

  /** Fills the timetable form with the current plan, or leaves it empty for a first plan. */
  public void offerPlan(DelegateExecution execution) {
    Optional<TimetablePlan> current = plan(execution.getProcessBusinessKey());
    if (current.isEmpty()) {
      execution.setVariable("procedure", "OPEN");
      execution.setVariable("voluntaryStandstill", true);
      return;
    }
    TimetablePlan plan = current.get();
    Map<String, Object> values = new HashMap<>();
    values.put("regime", plan.regime());
    values.put("procedure", plan.procedure());
    values.put("voluntaryStandstill", plan.voluntaryStandstill());
    values.put("plannedProcurementNoticeDate", text(plan.plannedProcurementNoticeDate()));
    for (String field : DATE_FIELDS) {
      values.put(field, text(dateOf(plan, field)));
    }
    values.put("timetableText", describe(plan));
    execution.setVariables(values);
  }

  /**
   * The officer's first plan (or a new one after a failed tender): checked, then it governs every
   * deadline.
   */
  public void planned(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    TimetablePlan plan = readPlan(task);
    List<String> problems = new java.util.ArrayList<>(notInThePast(plan, List.of(), null));
    ProcurementRegister.Procurement procurement = register.require(reference);
    regimes
        .problemFor(
            plan.regime(), procurement.createdAt().atZone(WorkingDayCalendar.UK).toLocalDate())
        .ifPresent(why -> problems.add("regime: " + why));
    problems.addAll(serviceGap(procurement, plan, task));
    problems.addAll(lawProblems(plan));
    if (!problems.isEmpty()) {
      throw new TaskFormException(task.getName(), problems);
    }
    CompletedTask.handOver(task, "timetable", toJson(reference, plan));
  }

  /** Task_RecordTimetable: the plan as the task checked it; the procurement is then under way. */
  public void recordTimetable(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    TimetablePlan plan = fromJson(CompletedTask.get(execution, "timetable"));
    save(reference, plan);
    register.setRegime(reference, plan.regime());
    register.setStatus(reference, "IN_PROGRESS");
    execution.setVariable("regime", plan.regime());
    execution.setVariable("timetableText", describe(plan));
  }

  /**
   * The lead's re-plan of an overrunning stage: the stage gets a new end after today, finished
   * stages keep their dates, and the whole plan must still satisfy the regime.
   */
  public void replanned(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    TimetablePlan before = requirePlan(reference);
    TimetablePlan after = readPlan(task);
    ProcurementStage stage =
        ProcurementStage.valueOf(task.getExecution().getVariable("overrunStage").toString());
    List<ProcurementStage> finished = register.finishedStages(reference);
    List<String> problems = new java.util.ArrayList<>();
    FormChecks reason = new FormChecks(task.getName(), task);
    String why = reason.text("replanReason");
    if (why == null) {
      problems.add("replanReason: say why the stage overran and what is being done");
    } else if (why.length() > 2000) {
      problems.add("replanReason: must be at most 2000 characters");
    }
    if (!after.regime().equals(before.regime())) {
      problems.add("regime: the regime cannot change once the procurement has started");
    }
    problems.addAll(advertisedProcedure(reference, before, after));
    for (String field : DATE_FIELDS) {
      ProcurementStage owner = stageOf(field);
      if (finished.contains(owner)
          && !java.util.Objects.equals(dateOf(before, field), dateOf(after, field))) {
        problems.add(
            field + ": the " + owner.label() + " stage has finished; its dates stay as they were");
      }
    }
    if (!after.plannedEnd(stage).isAfter(deadlines.today())) {
      problems.add(endField(stage) + ": the overrunning stage needs a new end date after today");
    }
    if (register.find(reference).map(p -> p.awardedContractReference() != null).orElse(false)
        && !after.commencementDate().equals(before.commencementDate())) {
      problems.add(
          "commencementDate: the contract is signed with this start date; vary the contract instead");
    }
    problems.addAll(notInThePast(after, finished, before));
    problems.addAll(serviceGap(register.require(reference), after, task));
    problems.addAll(lawProblems(after));
    if (!problems.isEmpty()) {
      throw new TaskFormException(task.getName(), problems);
    }
    CompletedTask.handOver(task, "timetable", toJson(reference, after));
    CompletedTask.handOver(task, "overrunStage", stage);
    CompletedTask.handOver(task, "replanReason", why);
    CompletedTask.handOver(task, "by", ProcurementUsers.userOf(task));
    TaskAnswers.keepOnTask(task, List.of("replanReason"));
  }

  /**
   * Task_RecordReplan: the re-plan as the lead's task checked it; open tasks and the commencement
   * timer move to the new dates.
   */
  public void recordReplan(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    TimetablePlan after = fromJson(CompletedTask.get(execution, "timetable"));
    ProcurementStage stage = ProcurementStage.valueOf(CompletedTask.get(execution, "overrunStage"));
    save(reference, after);
    register.recordReplan(
        reference,
        stage,
        after.plannedEnd(stage),
        CompletedTask.get(execution, "replanReason"),
        CompletedTask.get(execution, "by"),
        deadlines.currentInstant());
    execution.setVariable("timetableText", describe(after));
    moveOpenTasks(execution, after);
  }

  /**
   * Refuses a tender notice published on {@code published} if the tender period it opens, to the
   * planned close or to {@code newClose} if the officer moved it, no longer meets the regime.
   */
  public void checkTenderOpened(
      String form, String reference, LocalDate published, LocalDate newClose) {
    TimetablePlan actual = afterTenderNotice(reference, published, newClose);
    List<String> problems = new java.util.ArrayList<>();
    if (newClose != null && newClose.isBefore(deadlines.today())) {
      problems.add("newTenderCloseDate: " + newClose.format(DAY) + " is in the past");
    }
    problems.addAll(lawProblems(actual));
    if (problems.stream()
        .anyMatch(p -> p.startsWith("tenderCloseDate") || p.startsWith("tenderNoticeDate"))) {
      problems.add(
          "newTenderCloseDate: give a tender closing date that the rules allow from the day the notice"
              + " was published (later stages may need re-planning by the procurement lead)");
    }
    if (!problems.isEmpty()) {
      throw new TaskFormException(form, problems);
    }
  }

  /**
   * The tender notice the task checked went out on {@code published}: the tender period runs from
   * that day, to the planned close or to {@code newClose}.
   */
  public void tenderOpened(DelegateExecution execution, LocalDate published, LocalDate newClose) {
    String reference = execution.getProcessBusinessKey();
    TimetablePlan actual = afterTenderNotice(reference, published, newClose);
    if (!actual.equals(requirePlan(reference))) {
      save(reference, actual);
      execution.setVariable("timetableText", describe(actual));
      moveOpenTasks(execution, actual);
    }
  }

  private TimetablePlan afterTenderNotice(
      String reference, LocalDate published, LocalDate newClose) {
    TimetablePlan plan = requirePlan(reference);
    // Market engagement has finished by now: the day it did counts, not the day it was planned to.
    LocalDate engagementEnd =
        register
            .stageFinishedOn(reference, ProcurementStage.MARKET_ENGAGEMENT)
            .filter(finished -> finished.isBefore(plan.marketEngagementEnd()))
            .orElse(plan.marketEngagementEnd());
    return new TimetablePlan(
        plan.regime(),
        plan.procedure(),
        plan.marketEngagementStart(),
        engagementEnd,
        published,
        newClose == null ? plan.tenderCloseDate() : newClose,
        plan.evaluationEnd(),
        plan.awardAuthorisationEnd(),
        plan.awardNoticeDate(),
        plan.contractSignatureDate(),
        plan.commencementDate(),
        plan.plannedProcurementNoticeDate(),
        plan.voluntaryStandstill());
  }

  // --- due dates and timers -------------------------------------------------------------------

  public Date stageDue(DelegateExecution execution, String stage) {
    return deadlines.endOf(
        requirePlan(execution.getProcessBusinessKey()).plannedEnd(ProcurementStage.valueOf(stage)));
  }

  public Date awardNoticeDue(DelegateExecution execution) {
    return deadlines.endOf(requirePlan(execution.getProcessBusinessKey()).awardNoticeDate());
  }

  public Date signatureDue(DelegateExecution execution) {
    return deadlines.endOf(requirePlan(execution.getProcessBusinessKey()).contractSignatureDate());
  }

  public void stageFinished(DelegateExecution execution, String stage) {
    register.stageFinished(
        execution.getProcessBusinessKey(), ProcurementStage.valueOf(stage), deadlines.today());
  }

  /** Tenders are opened only once the tender period has closed. */
  public void tendersClosed(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    LocalDate close = requirePlan(reference).tenderCloseDate();
    FormChecks checks = new FormChecks(task.getName(), task);
    Double received = checks.nonNegativeNumber("tendersReceived");
    if (received != null && received != Math.floor(received)) {
      checks.problem("tendersReceived", "must be a whole number");
    }
    checks.optionalText("tenderOpeningNotes", 2000);
    if (deadlines.today().isBefore(close)) {
      checks.problem(
          "tendersReceived",
          "the tender period runs until "
              + close.format(DAY)
              + "; tenders are opened only after it closes (from its closing time that day)");
    }
    checks.throwIfAny();
  }

  // --- the timetable watch --------------------------------------------------------------------

  public boolean stageOpen(DelegateExecution execution) {
    return firstOpenStage(execution.getProcessBusinessKey()).isPresent();
  }

  /**
   * The end of the planned last day of the earliest stage still open; remembers which stage it
   * watches.
   */
  public Date nextCheckAt(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    ProcurementStage stage = firstOpenStage(reference).orElseThrow();
    LocalDate plannedEnd = requirePlan(reference).plannedEnd(stage);
    execution.setVariable("watchedStage", stage.name());
    execution.setVariable("watchedPlannedEnd", plannedEnd.toString());
    return deadlines.endOf(plannedEnd);
  }

  /**
   * The watched stage's planned end has passed: if the stage is still open, records the slip and
   * alerts the leads ({@code overrunStage} set); otherwise sets {@code overrunStage} to null, and
   * the watch starts again from the timetable as it now stands. That also covers a timer set before
   * the plan moved (a tender notice published late moves the closing date without a re-plan) or
   * before an earlier stage was opened again (tenders evaluated again after a challenge).
   */
  public void checkOverrun(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    ProcurementStage stage =
        ProcurementStage.valueOf(execution.getVariable("watchedStage").toString());
    LocalDate plannedEnd = LocalDate.parse(execution.getVariable("watchedPlannedEnd").toString());
    boolean stillWatched =
        firstOpenStage(reference).equals(Optional.of(stage))
            && requirePlan(reference).plannedEnd(stage).equals(plannedEnd);
    if (!stillWatched) {
      execution.setVariable("overrunStage", null);
      return;
    }
    register.recordSlip(reference, stage, plannedEnd, deadlines.currentInstant());
    execution.setVariable("overrunStage", stage.name());
    execution.setVariable("overrunStageName", stage.label());
    execution.setVariable("overrunPlannedEnd", plannedEnd.format(DAY));
    alerts.stageOverrun(execution, stage, plannedEnd);
  }

  // --- the plan itself ------------------------------------------------------------------------

  public Optional<TimetablePlan> plan(String reference) {
    return register.find(reference).map(ProcurementRegister.Procurement::plan).map(this::fromJson);
  }

  public TimetablePlan requirePlan(String reference) {
    return plan(reference)
        .orElseThrow(
            () -> new IllegalStateException("Procurement " + reference + " has no timetable"));
  }

  /** The plan as a Markdown table, for the forms. */
  public static String describe(TimetablePlan plan) {
    StringBuilder out = new StringBuilder("| Stage | From | To |\n|---|---|---|\n");
    for (ProcurementStage stage : ProcurementStage.values()) {
      out.append("| ")
          .append(stage.label())
          .append(" | ")
          .append(plan.plannedStart(stage).format(DAY))
          .append(" | ")
          .append(stage == ProcurementStage.COMMENCEMENT ? "" : plan.plannedEnd(stage).format(DAY))
          .append(" |\n");
    }
    return out
        + "\nAward notice (standstill starts): "
        + plan.awardNoticeDate().format(DAY)
        + " · contract signed: "
        + plan.contractSignatureDate().format(DAY);
  }

  /**
   * Seed 000 §10.6(iv): once the advert that opens the tender period is out, the procurement
   * follows the award procedure it advertised, since bidders answer that procedure (PCR 2015 reg
   * 76(4) for light touch contracts; no regime lets the procedure change under bidders' feet).
   */
  private List<String> advertisedProcedure(
      String reference, TimetablePlan before, TimetablePlan after) {
    if (java.util.Objects.equals(after.procedure(), before.procedure())) {
      return List.of();
    }
    ProcurementRegime regime = regimes.require(before.regime());
    return register.notices(reference).stream()
        .filter(n -> regime.notice(n.code()).map(NoticeRule::opensTender).orElse(false))
        .filter(n -> java.util.Objects.equals(n.publishedOn(), before.tenderNoticeDate()))
        .findFirst()
        .map(
            advert ->
                List.of(
                    "procedure: the "
                        + advert.name()
                        + " published on "
                        + advert.publishedOn().format(DAY)
                        + " advertised the "
                        + regime
                            .procedure(before.procedure())
                            .map(TenderingProcedure::name)
                            .orElse(before.procedure())
                        + "; the procurement follows the procedure it advertised (seed 000"
                        + " §10.6(iv))"))
        .orElse(List.of());
  }

  /**
   * A new contract starting after the old one ends leaves a statutory service without a contract
   * (seed 000 §4.8.99): refused unless the officer says the gap is known and covered.
   */
  private List<String> serviceGap(
      ProcurementRegister.Procurement procurement, TimetablePlan plan, DelegateTask task) {
    if (procurement.replacesReference() == null
        || Boolean.TRUE.equals(task.getVariable("serviceGapAccepted"))) {
      return List.of();
    }
    return contracts
        .findByReference(procurement.replacesReference())
        .filter(old -> plan.commencementDate().isAfter(old.endDate().plusDays(1)))
        .map(
            old ->
                List.of(
                    "commencementDate: "
                        + old.reference()
                        + " ends on "
                        + old.endDate().format(DAY)
                        + ", so the service would have no contract from "
                        + old.endDate().plusDays(1).format(DAY)
                        + " until "
                        + plan.commencementDate().format(DAY)
                        + "; commence by "
                        + old.endDate().plusDays(1).format(DAY)
                        + " or tick that the gap is known and covered (serviceGapAccepted)"))
        .orElse(List.of());
  }

  private TimetablePlan readPlan(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String regime = checks.text("regime");
    String procedure = checks.text("procedure");
    Map<String, LocalDate> dates = new HashMap<>();
    for (String field : DATE_FIELDS) {
      dates.put(field, checks.date(field));
    }
    LocalDate planned = checks.optionalDate("plannedProcurementNoticeDate");
    boolean voluntary = checks.flag("voluntaryStandstill");
    checks.throwIfAny();
    return new TimetablePlan(
        regime,
        procedure,
        dates.get("marketEngagementStart"),
        dates.get("marketEngagementEnd"),
        dates.get("tenderNoticeDate"),
        dates.get("tenderCloseDate"),
        dates.get("evaluationEnd"),
        dates.get("awardAuthorisationEnd"),
        dates.get("awardNoticeDate"),
        dates.get("contractSignatureDate"),
        dates.get("commencementDate"),
        planned,
        voluntary);
  }

  private List<String> lawProblems(TimetablePlan plan) {
    TimetableCheck check = checker.check(plan);
    return check.problems().stream()
        .map(p -> p.field() + ": " + p.reason() + " (" + p.source() + ")")
        .toList();
  }

  /**
   * Dates of stages still to finish must not lie in the past (a plan is about what will happen). A
   * re-plan keeps the dates of its current plan that have passed: they are what happened (a tender
   * notice already published opens the overrunning tender period), and the stage order still checks
   * them.
   */
  private List<String> notInThePast(
      TimetablePlan plan, List<ProcurementStage> finished, TimetablePlan current) {
    LocalDate today = deadlines.today();
    return DATE_FIELDS.stream()
        .filter(field -> !"marketEngagementStart".equals(field))
        .filter(field -> !finished.contains(stageOf(field)))
        .filter(
            field ->
                current == null
                    || !java.util.Objects.equals(dateOf(current, field), dateOf(plan, field)))
        .filter(field -> dateOf(plan, field).isBefore(today))
        .map(field -> field + ": " + dateOf(plan, field).format(DAY) + " is in the past")
        .toList();
  }

  private void moveOpenTasks(DelegateExecution execution, TimetablePlan plan) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task open :
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      Function<TimetablePlan, LocalDate> due = TASK_DUE.get(open.getTaskDefinitionKey());
      if (due != null) {
        open.setDueDate(deadlines.endOf(due.apply(plan)));
        tasks.saveTask(open);
      }
    }
    var management = execution.getProcessEngineServices().getManagementService();
    for (Job job :
        management
            .createJobQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .activityId("Timer_Commencement")
            .list()) {
      Instant commences = deadlines.startOfDay(plan.commencementDate());
      caseDeadlines.scheduleAt(
          ProcurementCase.of(execution),
          ProcurementCase.COMMENCEMENT.name(),
          commences,
          ProcurementCase.COMMENCEMENT.seedSection());
      management.setJobDuedate(job.getId(), deadlines.accelerated(commences));
    }
  }

  private Optional<ProcurementStage> firstOpenStage(String reference) {
    List<ProcurementStage> finished = register.finishedStages(reference);
    return Arrays.stream(ProcurementStage.values()).filter(s -> !finished.contains(s)).findFirst();
  }

  private void save(String reference, TimetablePlan plan) {
    register.savePlan(reference, toJson(reference, plan));
  }

  private String toJson(String reference, TimetablePlan plan) {
    try {
      return json.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The timetable of " + reference + " could not be stored", e);
    }
  }

  private TimetablePlan fromJson(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, TimetablePlan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored timetable could not be read", e);
    }
  }

  static ProcurementStage stageOf(String field) {
    return switch (field) {
      case "marketEngagementStart", "marketEngagementEnd" -> ProcurementStage.MARKET_ENGAGEMENT;
      case "tenderNoticeDate", "tenderCloseDate" -> ProcurementStage.TENDER_PERIOD;
      case "evaluationEnd" -> ProcurementStage.EVALUATION;
      case "awardAuthorisationEnd" -> ProcurementStage.AWARD_AUTHORISATION;
      case "awardNoticeDate", "contractSignatureDate" ->
          ProcurementStage.NOTIFICATION_AND_MOBILISATION;
      case "commencementDate" -> ProcurementStage.COMMENCEMENT;
      default -> throw new IllegalArgumentException("Not a timetable date: " + field);
    };
  }

  private static String endField(ProcurementStage stage) {
    return switch (stage) {
      case MARKET_ENGAGEMENT -> "marketEngagementEnd";
      case TENDER_PERIOD -> "tenderCloseDate";
      case EVALUATION -> "evaluationEnd";
      case AWARD_AUTHORISATION -> "awardAuthorisationEnd";
      case NOTIFICATION_AND_MOBILISATION, COMMENCEMENT -> "commencementDate";
    };
  }

  static LocalDate dateOf(TimetablePlan plan, String field) {
    return switch (field) {
      case "marketEngagementStart" -> plan.marketEngagementStart();
      case "marketEngagementEnd" -> plan.marketEngagementEnd();
      case "tenderNoticeDate" -> plan.tenderNoticeDate();
      case "tenderCloseDate" -> plan.tenderCloseDate();
      case "evaluationEnd" -> plan.evaluationEnd();
      case "awardAuthorisationEnd" -> plan.awardAuthorisationEnd();
      case "awardNoticeDate" -> plan.awardNoticeDate();
      case "contractSignatureDate" -> plan.contractSignatureDate();
      case "commencementDate" -> plan.commencementDate();
      default -> throw new IllegalArgumentException("Not a timetable date: " + field);
    };
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
