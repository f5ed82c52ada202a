package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * Checks a serious incident report (seed 002 §12.3-12.4) before a case exists: from the start form,
 * in the first step of the process, and from REST before the process is started. Also checks the
 * provider's initial report on a case the council logged. Every problem names its field.
 */
@Component("incidentReportValidator")
public class IncidentReportValidator {

  /** Longer text does not fit a process variable of type string. */
  static final int MAX_TEXT = 4000;

  /** Seed 002 §12.4: what an initial report records, besides the dates. */
  static final List<String> REPORT_ITEMS = List.of(DESCRIPTION, PARTIES_INVOLVED, EMERGENCY_SERVICES,
      IMMEDIATE_ACTION, FURTHER_ACTION, SERVICE_USER_NAME, SERVICE_USER_LBB_ID);

  /** Seed 002 §12.4 "Service User group, e.g. Learning Disability, Mental Health". */
  static final Set<String> SERVICE_USER_GROUPS = Set.of("LEARNING_DISABILITY", "MENTAL_HEALTH", "OLDER_PEOPLE",
      "PHYSICAL_DISABILITY", "SENSORY_IMPAIRMENT", "CHILDREN", "OTHER");

  private final ContractService contracts;

  public IncidentReportValidator(ContractService contracts) {
    this.contracts = contracts;
  }

  /**
   * Checks the report of a new incident by {@code reporter}. A provider's user reports for its own
   * organisation's contract with every §12.4 item; council staff log an incident learnt elsewhere
   * and say how they learnt of it, the §12.4 items coming later with the provider's initial report.
   *
   * @throws uk.gov.council.commissioning.forms.TaskFormException naming every field at fault
   */
  public IncidentReport validateStart(VariableScope scope, Reporter reporter) {
    FormChecks checks = new FormChecks("Serious incident report", scope);
    Contract contract = contract(checks, scope, reporter);
    IncidentCategory category = IncidentCategory.of(checks.oneOf(CATEGORY, IncidentCategory.NAMES)).orElse(null);
    Instant now = IncidentDeadlines.now();
    Instant occurredAt = notInFuture(checks, OCCURRED_AT, checks.dateTime(OCCURRED_AT), now);
    Instant awareAt = reporter.provider() ? checks.dateTime(PROVIDER_AWARE_AT) : checks.optionalDateTime(PROVIDER_AWARE_AT);
    awareAt = awareness(checks, occurredAt, awareAt, now);
    if (reporter.provider()) {
      REPORT_ITEMS.forEach(checks::text);
      checks.oneOf(SERVICE_USER_GROUP, SERVICE_USER_GROUPS);
    } else {
      checks.text(HOW_COUNCIL_LEARNT);
      optionalOneOf(checks, scope, SERVICE_USER_GROUP, SERVICE_USER_GROUPS);
    }
    boolean safeguarding = yesNo(checks, scope, SAFEGUARDING_SUSPECTED);
    boolean answeredNo = Boolean.FALSE.equals(scope.getVariable(SAFEGUARDING_SUSPECTED));
    if (category == IncidentCategory.SAFEGUARDING_ALERT_RAISED && answeredNo) {
      checks.problem(SAFEGUARDING_SUSPECTED, "must be ticked for an incident that leads to a safeguarding alert"
          + " (seed 002 §12.3): the council's safeguarding team is alerted through this case");
    }
    boolean riddor = yesNo(checks, scope, RIDDOR_REPORTABLE);
    maxLength(checks, scope, REPORT_ITEMS);
    maxLength(checks, scope, List.of(HOW_COUNCIL_LEARNT));
    checks.throwIfAny();
    return new IncidentReport(contract, category, occurredAt, awareAt,
        reporter.provider() ? SOURCE_PROVIDER_REPORT : SOURCE_COUNCIL_LOGGED, safeguarding, riddor);
  }

  /**
   * Checks the provider's initial report on a case the council logged: every §12.4 item, when the
   * provider became aware (not before the incident, not in the future), safeguarding and RIDDOR.
   */
  public InitialReport validateInitialReport(VariableScope scope) {
    FormChecks checks = new FormChecks("Initial report", scope);
    Instant occurredAt = FormChecks.parseDateTime(scope.getVariable(OCCURRED_AT));
    Instant awareAt = awareness(checks, occurredAt, checks.dateTime(PROVIDER_AWARE_AT), IncidentDeadlines.now());
    REPORT_ITEMS.forEach(checks::text);
    checks.oneOf(SERVICE_USER_GROUP, SERVICE_USER_GROUPS);
    boolean safeguarding = yesNo(checks, scope, SAFEGUARDING_SUSPECTED);
    boolean riddor = yesNo(checks, scope, RIDDOR_REPORTABLE);
    maxLength(checks, scope, REPORT_ITEMS);
    checks.throwIfAny();
    return new InitialReport(awareAt, safeguarding, riddor);
  }

  /** What the register records of a provider's initial report. */
  public record InitialReport(Instant providerAwareAt, boolean safeguardingSuspected, boolean riddorReportable) {}

  private Contract contract(FormChecks checks, VariableScope scope, Reporter reporter) {
    Object given = scope.getVariable(CONTRACT_REFERENCE);
    if (given == null || given.toString().isBlank()) {
      checks.problem(CONTRACT_REFERENCE, "is required");
      return null;
    }
    String reference = given.toString().trim().toUpperCase(Locale.ROOT);
    Optional<Contract> found = contracts.findByReference(reference);
    if (reporter.provider()) {
      // The same answer whether the contract is unknown or another provider's, so a provider cannot
      // find out which references exist.
      found = found.filter(c -> reporter.actsFor(c.provider().organisationGroup()));
      if (found.isEmpty()) {
        checks.problem(CONTRACT_REFERENCE, "no contract " + reference + " of your organisation in the register");
        return null;
      }
    } else if (found.isEmpty()) {
      checks.problem(CONTRACT_REFERENCE, "no contract " + reference + " in the register");
      return null;
    }
    Contract contract = found.get();
    if (contract.status() != ContractStatus.ACTIVE) {
      checks.problem(CONTRACT_REFERENCE, "contract " + reference + " is " + contract.status()
          + ": serious incidents are reported against an active contract");
      return null;
    }
    return contract;
  }

  private static Instant notInFuture(FormChecks checks, String field, Instant value, Instant now) {
    if (value != null && value.isAfter(now)) {
      checks.problem(field, "cannot be in the future");
      return null;
    }
    return value;
  }

  private static Instant awareness(FormChecks checks, Instant occurredAt, Instant awareAt, Instant now) {
    if (awareAt == null) {
      return null;
    }
    if (occurredAt != null && awareAt.isBefore(occurredAt)) {
      checks.problem(PROVIDER_AWARE_AT, "cannot be before the incident occurred");
      return null;
    }
    return notInFuture(checks, PROVIDER_AWARE_AT, awareAt, now);
  }

  /** A question that must be answered either way: a missing answer is not taken as "no". */
  private static boolean yesNo(FormChecks checks, VariableScope scope, String field) {
    if (!(scope.getVariable(field) instanceof Boolean)) {
      checks.problem(field, "answer yes or no");
      return false;
    }
    return checks.flag(field);
  }

  private static void optionalOneOf(FormChecks checks, VariableScope scope, String field, Set<String> allowed) {
    Object value = scope.getVariable(field);
    if (value != null && !value.toString().isBlank()) {
      checks.oneOf(field, allowed);
    }
  }

  static void maxLength(FormChecks checks, VariableScope scope, List<String> fields) {
    for (String field : fields) {
      Object value = scope.getVariable(field);
      if (value != null && value.toString().length() > MAX_TEXT) {
        checks.problem(field, "at most " + MAX_TEXT + " characters");
      }
    }
  }
}
