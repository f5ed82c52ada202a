package uk.gov.council.commissioning.returnyear;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.returnyear.PerformanceYearStarts.Started;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The performance year over REST (seed 001 Part 3.2 §2, §5): an officer starts a contract's year;
 * the contract page's versions are read by staff and by the contract's own provider (another
 * provider's answers 404, as a contract that does not exist); a change to the page is notified by
 * the provider (or recorded by an officer who took it by phone) and assessed in the year's case.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequiredArgsConstructor
class PerformanceYearController {

  private final ContractService contracts;
  private final ContractPages pages;
  private final PerformanceYearStarts starts;
  private final CaseStarts caseStarts;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  record StartRequest(Object contract, Object year) {}

  record ChangeRequest(Object description, Map<String, Object> fields) {}

  record PageView(
      String contractReference, String year, ContractPage current, List<ContractPage> history) {}

  record ChangeNotified(String caseReference, String processInstanceId) {}

  private static final Set<String> TEXT_FIELDS =
      Set.of(
          "serviceName",
          "primaryClientGroup",
          "serviceType",
          "administeringAuthority",
          "contractManager",
          "providerContact");

  /** Starts a contract's year; 409 when it has one (running, or its page locked). */
  @PostMapping("/api/performance-years")
  @PreAuthorize("@access.mayStart(authentication, 'performance-year')")
  @ResponseStatus(HttpStatus.CREATED)
  public Started start(@RequestBody(required = false) StartRequest body, Authentication user) {
    List<FieldProblem> problems = new ArrayList<>();
    Contract contract = null;
    if (body == null || !(body.contract() instanceof String ref) || ref.isBlank()) {
      problems.add(new FieldProblem("contract", "the contract reference is required"));
    } else {
      contract = contracts.findByReference(ref.strip()).orElse(null);
      if (contract == null) {
        problems.add(new FieldProblem("contract", "no contract " + ref.strip()));
      }
    }
    ReportingYear year =
        body == null || body.year() == null
            ? null
            : ReportingYear.parse(body.year().toString()).orElse(null);
    if (year == null) {
      problems.add(
          new FieldProblem("year", "a reporting year such as 2026/27 or 2026 is required"));
    }
    if (contract != null && year != null && !PerformanceYearStarts.runsIn(contract, year)) {
      problems.add(
          new FieldProblem("contract", "is not active in the reporting year " + year.label()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (starts.exists(contract, year)) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "The contract already has its performance year "
              + PerformanceYearSteps.businessKey(contract.reference(), year.startYear()));
    }
    return starts.startAs(contract, year, user.getName(), CouncilUser.groups(user));
  }

  /** The version in force and V1, V2, ...; every signed-in user, filtered by provider. */
  @GetMapping("/api/contracts/{reference}/contract-page/{year}")
  public PageView page(
      @PathVariable String reference, @PathVariable String year, Authentication user) {
    Contract contract = visibleContract(reference, user);
    ReportingYear y = year(year);
    List<ContractPage> history = pages.history(contract.id(), y.startYear());
    if (history.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND,
          "No contract page for " + contract.reference() + " in " + y.label());
    }
    return new PageView(contract.reference(), y.label(), history.get(history.size() - 1), history);
  }

  /**
   * §5.1.1: the provider notifies a change to the locked page (the proposed values of the fields
   * that change, and a description); the year's case assesses it.
   */
  @PostMapping("/api/contracts/{reference}/contract-page/{year}/changes")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public ChangeNotified notifyChange(
      @PathVariable String reference,
      @PathVariable String year,
      @RequestBody(required = false) ChangeRequest body,
      Authentication user) {
    Contract contract = visibleContract(reference, user);
    ReportingYear y = year(year);
    Map<String, Object> proposed = checked(body);
    String key = PerformanceYearSteps.businessKey(contract.reference(), y.startYear());
    if (!caseStarts.isOpen(PerformanceYearSteps.PROCESS_KEY, key)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No open performance year " + key);
    }
    ContractPage page =
        pages
            .current(contract.id(), y.startYear())
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "The contract page of "
                            + key
                            + " is not locked yet: the council is still"
                            + " checking it"));
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(PerformanceYearSteps.PROCESS_KEY)
            .processInstanceBusinessKey(key)
            .singleResult()
            .getId();
    Map<String, Object> locals = pageFields(page);
    locals.putAll(proposed);
    locals.put(PerformanceYearSteps.CHANGE_NOTIFIED_BY, user.getName());
    locals.put(
        "changeNumber",
        (int)
                historyService
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instance)
                    .activityId("StartEvent_ContractPageChangeNotified")
                    .count()
            + 1);
    runtimeService
        .createMessageCorrelation(PerformanceYearSteps.CHANGE_MESSAGE)
        .processInstanceId(instance)
        .setVariables(
            Variables.createVariables()
                .putValueTyped(
                    PerformanceYearSteps.NOTIFIED_CHANGE,
                    Variables.objectValue(locals, true).create()))
        .correlateWithResult();
    return new ChangeNotified(key, instance);
  }

  /** The page's fields as the forms name them. */
  static Map<String, Object> pageFields(ContractPage page) {
    Map<String, Object> values = new HashMap<>();
    values.put("serviceName", page.serviceName());
    values.put("primaryClientGroup", page.primaryClientGroup());
    values.put("serviceType", page.serviceType());
    values.put("administeringAuthority", page.administeringAuthority());
    values.put("unitNumbers", (long) page.unitNumbers());
    values.put("plannedDuration", page.plannedDuration());
    values.put("outOfHoursCover", page.outOfHoursCover());
    values.put("contractManager", page.contractManager());
    values.put("providerContact", page.providerContact());
    values.put("frontLineHours", number(page.frontLineHours()));
    values.put("managementHours", number(page.managementHours()));
    values.put("otherStaffHours", number(page.otherStaffHours()));
    return values;
  }

  /** The change's description and proposed values, each checked as the page's form checks it. */
  static Map<String, Object> checked(ChangeRequest body) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> out = new HashMap<>();
    Object description = body == null ? null : body.description();
    if (!(description instanceof String d) || d.isBlank()) {
      problems.add(new FieldProblem("description", "say what changes and why"));
    } else if (d.length() > 2000) {
      problems.add(new FieldProblem("description", "must be at most 2000 characters"));
    } else {
      out.put(PerformanceYearSteps.CHANGE_DESCRIPTION, d.strip());
    }
    Map<String, Object> fields = body == null || body.fields() == null ? Map.of() : body.fields();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      String name = e.getKey();
      Object value = e.getValue();
      String field = "fields." + name;
      if (!PerformanceYearSteps.PAGE_FIELDS.contains(name)) {
        problems.add(new FieldProblem(field, "is not a field of the contract page"));
      } else if (TEXT_FIELDS.contains(name)) {
        int max = "serviceName".equals(name) ? 300 : "providerContact".equals(name) ? 400 : 200;
        if (!(value instanceof String s) || s.isBlank()) {
          problems.add(new FieldProblem(field, "must be a text"));
        } else if (s.length() > max) {
          problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        } else {
          out.put(name, s.strip());
        }
      } else if ("plannedDuration".equals(name)) {
        if (!PerformanceYearSteps.UNDER_2_YEARS.equals(value)
            && !PerformanceYearSteps.OVER_2_YEARS.equals(value)) {
          problems.add(new FieldProblem(field, "must be one of OVER_2_YEARS, UNDER_2_YEARS"));
        } else {
          out.put(name, value);
        }
      } else if ("outOfHoursCover".equals(name)) {
        if (!(value instanceof Boolean)) {
          problems.add(new FieldProblem(field, "must be true or false"));
        } else {
          out.put(name, value);
        }
      } else if ("unitNumbers".equals(name)) {
        if (!(value instanceof Integer || value instanceof Long)
            || ((Number) value).longValue() < 0
            || ((Number) value).longValue() > Integer.MAX_VALUE) {
          problems.add(new FieldProblem(field, "must be a whole number, not negative"));
        } else {
          out.put(name, ((Number) value).longValue());
        }
      } else if (!(value instanceof Number n)
          || new BigDecimal(n.toString()).signum() < 0
          || new BigDecimal(n.toString()).compareTo(new BigDecimal("99999999")) > 0) {
        problems.add(new FieldProblem(field, "must be a number of hours, not negative"));
      } else {
        out.put(name, n.doubleValue());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return out;
  }

  private Contract visibleContract(String reference, Authentication user) {
    return ProviderScope.find(
            user,
            contracts.findByReference(reference),
            (Contract c) -> c.provider().organisationGroup())
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No contract " + reference));
  }

  private static ReportingYear year(String text) {
    return ReportingYear.parse(text)
        .orElseThrow(
            () -> new InvalidRequestException("year", "a reporting year such as 2026/27 or 2026"));
  }

  private static Double number(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }
}
