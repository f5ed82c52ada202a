package uk.gov.council.commissioning.returnyear;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.kpis.KpiCatalogue;
import uk.gov.council.commissioning.kpis.KpiCatalogues;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.returns.ReturnDeadlines;
import uk.gov.council.commissioning.returnyear.ContractPages.Amendment;
import uk.gov.council.commissioning.returnyear.ContractPages.PageValues;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The steps of {@code performance-year.bpmn} (seed 001 Part 3.2 §2, §5): the contract page is
 * pre-filled, checked and locked by the purchasing officer, the workbook goes to the provider with
 * the targets and the four quarterly deadlines, the quarters' return cases start, and for the rest
 * of the year each change the provider notifies is assessed (value for money, the contracts
 * manager's guidance when adverse) and locked as the next version.
 */
@Component("performanceYearSteps")
@RequiredArgsConstructor
public class PerformanceYearSteps {

  public static final String PROCESS_KEY = "performance-year";
  public static final String RETURN_PROCESS_KEY = "performance-return";
  public static final String CHANGE_MESSAGE = "ContractPageChangeNotified";
  static final String CASE_TYPE = "PERFORMANCE_YEAR";
  static final String YEAR_END = "YEAR_END";
  static final String SECTION = "001 Part 3.2 §2.1.4";

  static final String CONTRACT_REFERENCE = "contractReference";
  static final String REPORTING_YEAR = "reportingYear";
  static final String PAGE_FORM = "performance-year-contract-page";
  static final String ASSESS_FORM = "performance-year-assess-change";
  static final String GUIDANCE_FORM = "performance-year-manager-guidance";

  /** The transient variable a notified change arrives in. */
  public static final String NOTIFIED_CHANGE = "notifiedChange";

  static final String CHANGE_DESCRIPTION = "changeDescription";
  static final String CHANGE_NOTIFIED_BY = "changeNotifiedBy";
  static final String VFM_ADVERSE = "vfmAdverse";
  static final String MANAGER_PROCEEDS = "managerProceeds";

  static final String UNDER_2_YEARS = "UNDER_2_YEARS";
  static final String OVER_2_YEARS = "OVER_2_YEARS";

  /** The §2.1.2 fields of the page an officer can change, as the forms name them. */
  static final List<String> PAGE_FIELDS =
      List.of(
          "serviceName",
          "primaryClientGroup",
          "serviceType",
          "administeringAuthority",
          "unitNumbers",
          "plannedDuration",
          "outOfHoursCover",
          "contractManager",
          "providerContact",
          "frontLineHours",
          "managementHours",
          "otherStaffHours");

  static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final ContractService contracts;
  private final ContractPages pages;
  private final ReturnDeadlines returnDeadlines;
  private final PerformanceYearProperties properties;
  private final KpiCatalogues catalogues;
  private final CaseStarts caseStarts;
  private final Deadlines deadlines;
  private final CaseMail mail;
  private final RecipientDirectory recipients;
  private final JdbcClient jdbc;
  private final Clock clock;

  /** {@code PY-<contract reference>-<start year>}. */
  public static String businessKey(String contractReference, int startYear) {
    return "PY-" + contractReference + "-" + startYear;
  }

  /** {@code PR-<contract reference>-<start year>-Q<n>}, the business key of a quarter's return. */
  public static String returnBusinessKey(String contractReference, ReportingQuarter quarter) {
    return "PR-" + contractReference + "-" + quarter.year().startYear() + "-Q" + quarter.number();
  }

  /**
   * §2.1.2: the page's fields from the previous year's page where there is one (the staffing hours
   * come only from there), otherwise from the contract register; and the day the year's case ends
   * (§2.1.4: after the last quarter's deadline, or the contract's end if sooner).
   */
  public void prefill(DelegateExecution execution) {
    Contract contract = contract(execution);
    ReportingYear year = year(execution);
    Map<String, Object> values =
        prefilled(contract, year, pages.latestBefore(contract.id(), year.startYear()).orElse(null));
    values.forEach(execution::setVariable);
    LocalDate last = returnDeadlines.lastDueDate(year);
    if (contract.endDate() != null && contract.endDate().isBefore(last)) {
      last = contract.endDate();
    }
    deadlines.scheduleAt(ref(execution), YEAR_END, deadlines.endOf(last), SECTION);
  }

  /** What §2.1.2 puts on the page: from last year's page, or else from the register. */
  static Map<String, Object> prefilled(Contract contract, ReportingYear year, ContractPage last) {
    Map<String, Object> values = new HashMap<>();
    if (last != null) {
      values.put("serviceName", last.serviceName());
      values.put("primaryClientGroup", last.primaryClientGroup());
      values.put("serviceType", last.serviceType());
      values.put("administeringAuthority", last.administeringAuthority());
      values.put("unitNumbers", (long) last.unitNumbers());
      values.put("outOfHoursCover", last.outOfHoursCover());
      values.put("contractManager", last.contractManager());
      values.put("providerContact", last.providerContact());
      values.put("frontLineHours", number(last.frontLineHours()));
      values.put("managementHours", number(last.managementHours()));
      values.put("otherStaffHours", number(last.otherStaffHours()));
    } else {
      values.put("serviceName", contract.title());
      values.put("primaryClientGroup", null);
      values.put("serviceType", contract.serviceArea());
      values.put("administeringAuthority", null);
      values.put("unitNumbers", null);
      values.put("outOfHoursCover", false);
      values.put("contractManager", contract.contractOfficer());
      values.put(
          "providerContact",
          contract.provider().name()
              + (contract.provider().contactEmail() == null
                  ? ""
                  : ", " + contract.provider().contactEmail()));
      values.put("frontLineHours", null);
      values.put("managementHours", null);
      values.put("otherStaffHours", null);
    }
    values.put("plannedDuration", plannedDuration(contract));
    values.put(
        "pageHeading",
        "Service ID "
            + contract.reference()
            + ", provider ID "
            + contract.provider().id()
            + " ("
            + contract.provider().name()
            + "), year "
            + year.label());
    return values;
  }

  /** §2.1.2 "Planned Duration of service (ie under 2 years, over 2 years)", from the contract. */
  static String plannedDuration(Contract contract) {
    if (contract.startDate() == null || contract.endDate() == null) {
      return OVER_2_YEARS;
    }
    return contract.startDate().plusYears(2).isAfter(contract.endDate())
        ? UNDER_2_YEARS
        : OVER_2_YEARS;
  }

  public Date reviewDue() {
    return deadlines.taskDue(properties.reviewWorkingDays());
  }

  public Date assessDue() {
    return deadlines.taskDue(properties.assessWorkingDays());
  }

  public Date guidanceDue() {
    return deadlines.taskDue(properties.guidanceWorkingDays());
  }

  /** The officer's check of the pre-filled page: every field of the form, within its limits. */
  public void pageReviewed(DelegateTask task) {
    FormChecks form = new FormChecks(PAGE_FORM, task).againstForm(PAGE_FORM);
    checkPage(form, task);
    form.throwIfAny();
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /** The page rules beyond what the form declares. */
  static void checkPage(FormChecks form, VariableScope scope) {
    form.text("serviceName", 300);
    form.text("primaryClientGroup", 200);
    form.text("serviceType", 200);
    form.text("administeringAuthority", 200);
    form.text("contractManager", 200);
    form.optionalText("providerContact", 400);
    form.oneOf("plannedDuration", Set.of(UNDER_2_YEARS, OVER_2_YEARS));
    form.flag("outOfHoursCover");
    form.nonNegativeNumber("unitNumbers");
    for (String hours : List.of("frontLineHours", "managementHours", "otherStaffHours")) {
      if (scope.getVariable(hours) != null) {
        form.nonNegativeNumber(hours);
      }
    }
  }

  /**
   * §2.1.3: version 1, locked by the officer who checked it. Written once however often retried.
   */
  public void lockPage(DelegateExecution execution) {
    Contract contract = contract(execution);
    ReportingYear year = year(execution);
    if (pages.hasVersion(contract.id(), year.startYear(), 1)) {
      return;
    }
    String by = CompletedTask.get(execution, "by");
    pages.lockNext(
        values(execution, contract, year),
        Amendment.first(year.firstDay()),
        by == null ? "system" : by,
        clock.instant());
  }

  /**
   * §2.1.4: the workbook to the provider with the locked page, the guidance on targets and the four
   * quarters' submission deadlines.
   */
  public void issueWorkbook(DelegateExecution execution) {
    Contract contract = contract(execution);
    ReportingYear year = year(execution);
    ContractPage page = pages.current(contract.id(), year.startYear()).orElseThrow();
    Map<String, Object> values = mailValues(execution, contract, year, page);
    values.put("targets", targets(contract, year));
    values.put("deadlines", deadlinesText(year));
    mail.send(execution, "performance-year/workbook", providerEmails(contract), values);
  }

  /**
   * Starts each quarter's return case that is not already open, with its issued deadline; a quarter
   * that begins after the contract has ended owes no return.
   */
  public void startQuarterReturns(DelegateExecution execution) {
    Contract contract = contract(execution);
    ReportingYear year = year(execution);
    for (ReportingQuarter quarter : year.quarters()) {
      if (contract.endDate() != null && contract.endDate().isBefore(quarter.firstDay())) {
        continue;
      }
      String key = returnBusinessKey(contract.reference(), quarter);
      if (caseStarts.isOpen(RETURN_PROCESS_KEY, key) || returnRecorded(contract, quarter)) {
        continue;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put("contractReference", contract.reference());
      variables.put("reportingYear", year.startYear());
      variables.put("quarter", quarter.number());
      variables.put("dueDate", ReturnDeadlines.asDate(returnDeadlines.dueDate(quarter)));
      caseStarts.startAsSystem(RETURN_PROCESS_KEY, key, variables);
    }
  }

  /** A return already in the register (its case over) is not started again. */
  private boolean returnRecorded(Contract contract, ReportingQuarter quarter) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM performance_return WHERE contract_id = :c"
                    + " AND reporting_year = :y AND quarter = :q")
            .param("c", contract.id())
            .param("y", quarter.year().startYear())
            .param("q", quarter.number())
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * The notified change, handed over with the message as the transient {@link #NOTIFIED_CHANGE},
   * becomes the variables of this change's own scope: two changes assessed at once each keep their
   * own values, and the case's stay as they were.
   */
  @SuppressWarnings("unchecked")
  public void openChange(DelegateExecution execution) {
    Object change = execution.getVariable(NOTIFIED_CHANGE);
    if (!(change instanceof Map<?, ?> values)) {
      throw new IllegalStateException("A change to the contract page arrived without its values");
    }
    ((Map<String, Object>) values).forEach(execution::setVariableLocal);
  }

  /**
   * The change as the provider notified it, on the page as it stands: the assessing officer sees
   * the current version, the proposal and the quarters already accepted (§5.1.2).
   */
  public void showChange(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    Contract contract = contract(execution);
    ReportingYear year = year(execution);
    ContractPage page = pages.current(contract.id(), year.startYear()).orElseThrow();
    task.setVariableLocal("currentPageText", pageText(page));
    task.setVariableLocal("acceptedQuartersText", acceptedQuarters(contract, year));
    task.setVariableLocal("effectiveFrom", null);
    task.setVariableLocal("vfmEffect", null);
  }

  /** The officer's assessment: value-for-money effect, the effective date, the page's values. */
  public void changeAssessed(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of("vfmEffect", "effectiveFrom"));
    FormChecks form = new FormChecks(ASSESS_FORM, task).againstForm(ASSESS_FORM);
    checkPage(form, task);
    String effect = form.oneOf("vfmEffect", Set.of("ADVERSE", "NONE"));
    LocalDate from = form.date("effectiveFrom");
    ReportingYear year = year(task.getExecution());
    if (from != null && (from.isBefore(year.firstDay()) || from.isAfter(year.lastDay()))) {
      form.problem(
          "effectiveFrom",
          "must be within the reporting year " + year.label() + " (§5.1.2: the start date)");
    }
    form.throwIfAny();
    DelegateExecution scope = task.getExecution();
    scope.setVariableLocal(VFM_ADVERSE, "ADVERSE".equals(effect));
    scope.setVariableLocal("changeEffectiveFrom", from.toString());
    scope.setVariableLocal("assessedBy", CompletedTask.completedBy(task));
  }

  /** The contracts manager's guidance on an adverse change: proceed, or take other action. */
  public void guidanceGiven(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, List.of("managerDecision", "managerGuidance"));
    FormChecks form = new FormChecks(GUIDANCE_FORM, task).againstForm(GUIDANCE_FORM);
    String decision = form.oneOf("managerDecision", Set.of("PROCEED", "ALTERNATIVE"));
    String guidance = form.text("managerGuidance", 2000);
    form.throwIfAny();
    DelegateExecution scope = task.getExecution();
    scope.setVariableLocal(MANAGER_PROCEEDS, "PROCEED".equals(decision));
    scope.setVariableLocal("managerGuidanceGiven", guidance);
  }

  /** §5.1.1: the change as assessed, locked as the next version. */
  public void lockNewVersion(DelegateExecution execution) {
    Contract contract = contract(execution);
    ReportingYear year = year(execution);
    Object adverse = execution.getVariable(VFM_ADVERSE);
    Object guidance = execution.getVariable("managerGuidanceGiven");
    Object by = execution.getVariable("assessedBy");
    ContractPage page =
        pages.lockNext(
            values(execution, contract, year),
            new Amendment(
                LocalDate.parse((String) execution.getVariable("changeEffectiveFrom")),
                (String) execution.getVariable(CHANGE_DESCRIPTION),
                Boolean.TRUE.equals(adverse),
                guidance == null ? null : guidance.toString()),
            by == null ? "system" : by.toString(),
            clock.instant());
    execution.setVariableLocal("newVersion", page.version());
  }

  /** §5.1.1: the new version to the provider, who destroys the previous workbook. */
  public void sendNewVersion(DelegateExecution execution) {
    Contract contract = contract(execution);
    ReportingYear year = year(execution);
    int version = ((Number) execution.getVariable("newVersion")).intValue();
    ContractPage page =
        pages.history(contract.id(), year.startYear()).stream()
            .filter(p -> p.version() == version)
            .findFirst()
            .orElseThrow();
    Map<String, Object> values = mailValues(execution, contract, year, page);
    values.put("effectiveFrom", UK_DATE.format(page.effectiveFrom()));
    values.put("changeDescription", page.changeDescription());
    mail.send(execution, "performance-year/new-version", version, providerEmails(contract), values);
  }

  /** The contracts manager chose another course: the provider is told the page stays as it is. */
  public void changeNotMade(DelegateExecution execution) {
    Contract contract = contract(execution);
    ReportingYear year = year(execution);
    ContractPage page = pages.current(contract.id(), year.startYear()).orElseThrow();
    Map<String, Object> values = mailValues(execution, contract, year, page);
    values.put("changeDescription", execution.getVariable(CHANGE_DESCRIPTION));
    values.put("guidance", execution.getVariable("managerGuidanceGiven"));
    mail.send(
        execution,
        "performance-year/change-not-made",
        changeRound(execution),
        providerEmails(contract),
        values);
  }

  /** Each notified change is its own round of the not-made email. */
  private static int changeRound(DelegateExecution execution) {
    Object round = execution.getVariable("changeNumber");
    return round instanceof Number n ? n.intValue() : 1;
  }

  private PageValues values(DelegateExecution execution, Contract contract, ReportingYear year) {
    return new PageValues(
        contract.id(),
        year.startYear(),
        text(execution, "serviceName"),
        text(execution, "primaryClientGroup"),
        text(execution, "serviceType"),
        text(execution, "administeringAuthority"),
        ((Number) execution.getVariable("unitNumbers")).intValue(),
        text(execution, "plannedDuration"),
        Boolean.TRUE.equals(execution.getVariable("outOfHoursCover")),
        text(execution, "contractManager"),
        text(execution, "providerContact"),
        decimal(execution.getVariable("frontLineHours")),
        decimal(execution.getVariable("managementHours")),
        decimal(execution.getVariable("otherStaffHours")));
  }

  private String targets(Contract contract, ReportingYear year) {
    return targetsText(catalogues.forContract(contract.reference(), year));
  }

  /** §2.1.4 "guidance ... on performance targets": each catalogue's KPIs and their thresholds. */
  static String targetsText(List<KpiCatalogue> found) {
    if (found.isEmpty()) {
      return "The council will send this year's performance targets separately.";
    }
    StringBuilder text = new StringBuilder();
    for (KpiCatalogue catalogue : found) {
      text.append(catalogue.title())
          .append(" (version ")
          .append(catalogue.version())
          .append("):\n");
      catalogue
          .kpis()
          .forEach(
              k -> {
                text.append("- ").append(k.code()).append(" ").append(k.wording());
                if (k.threshold() != null) {
                  text.append(": ").append(k.threshold().text());
                }
                if (k.target() != null) {
                  text.append(" (").append(k.target()).append(")");
                }
                text.append('\n');
              });
    }
    return text.toString().strip();
  }

  /** The four quarters' deadlines in UK date format. */
  String deadlinesText(ReportingYear year) {
    List<String> lines = new ArrayList<>();
    for (ReportingQuarter q : year.quarters()) {
      lines.add(
          "- Quarter "
              + q.number()
              + " ("
              + UK_DATE.format(q.firstDay())
              + " to "
              + UK_DATE.format(q.lastDay())
              + "): by "
              + UK_DATE.format(returnDeadlines.dueDate(q)));
    }
    return String.join("\n", lines);
  }

  private String acceptedQuarters(Contract contract, ReportingYear year) {
    List<Integer> accepted =
        jdbc.sql(
                "SELECT quarter FROM performance_return WHERE contract_id = :c AND reporting_year = :y"
                    + " AND status = 'ACCEPTED' ORDER BY quarter")
            .param("c", contract.id())
            .param("y", year.startYear())
            .query(Integer.class)
            .list();
    if (accepted.isEmpty()) {
      return "No quarter's return has been accepted yet: the change can apply from today.";
    }
    return "Returns already accepted: "
        + String.join(", ", accepted.stream().map(q -> "Q" + q).toList())
        + ". If the change affects them, the new version starts from the first affected quarter"
        + " (§5.1.2).";
  }

  static String pageText(ContractPage page) {
    return String.join(
        "\n",
        "Version " + page.version() + ", from " + UK_DATE.format(page.effectiveFrom()),
        "Service name: " + page.serviceName(),
        "Primary client group: " + page.primaryClientGroup(),
        "Service type: " + page.serviceType(),
        "Administering authority: " + page.administeringAuthority(),
        "Unit numbers: " + page.unitNumbers(),
        "Planned duration: "
            + (UNDER_2_YEARS.equals(page.plannedDuration()) ? "under 2 years" : "over 2 years"),
        "Out of hours cover: " + (page.outOfHoursCover() ? "yes" : "no"),
        "Contract manager: " + page.contractManager(),
        "Provider contact: " + orNone(page.providerContact()),
        "Front line staffing hours: " + orNone(page.frontLineHours()),
        "Management staffing hours: " + orNone(page.managementHours()),
        "Other staff hours: " + orNone(page.otherStaffHours()));
  }

  private Map<String, Object> mailValues(
      DelegateExecution execution, Contract contract, ReportingYear year, ContractPage page) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("caseReference", execution.getProcessBusinessKey());
    values.put("contractReference", contract.reference());
    values.put("contractTitle", contract.title());
    values.put("providerName", contract.provider().name());
    values.put("year", year.label());
    values.put("version", page.version());
    values.put("page", pageText(page));
    return values;
  }

  private List<String> providerEmails(Contract contract) {
    List<String> to =
        new ArrayList<>(recipients.emailsOfGroup(contract.provider().organisationGroup()));
    if (to.isEmpty() && contract.provider().contactEmail() != null) {
      to.add(contract.provider().contactEmail());
    }
    return to;
  }

  private Contract contract(DelegateExecution execution) {
    String reference = (String) execution.getVariable(CONTRACT_REFERENCE);
    return contracts
        .findByReference(reference)
        .orElseThrow(() -> new IllegalStateException("No contract " + reference));
  }

  static ReportingYear year(DelegateExecution execution) {
    return new ReportingYear(((Number) execution.getVariable(REPORTING_YEAR)).intValue());
  }

  private static CaseRef ref(DelegateExecution execution) {
    return CaseRef.of(CASE_TYPE, execution);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof Number n ? new BigDecimal(n.toString()) : null;
  }

  private static Double number(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }

  private static String orNone(Object value) {
    return value == null ? "not given" : value.toString();
  }
}
