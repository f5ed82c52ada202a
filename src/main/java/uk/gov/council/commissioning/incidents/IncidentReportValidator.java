package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.security.Actor;

/**
 * Checks a serious incident report (seed 002 §12.3-12.4) before a case exists: from the start form,
 * in the first step of the process, and from REST before the process is started. Also checks the
 * provider's initial report on a case the council logged. Every problem names its field.
 */
@Component("incidentReportValidator")
@RequiredArgsConstructor
class IncidentReportValidator {

  /** Seed 002 §12.4: what an initial report records, besides the dates. */
  static final List<String> REPORT_ITEMS =
      List.of(
          DESCRIPTION,
          PARTIES_INVOLVED,
          EMERGENCY_SERVICES,
          IMMEDIATE_ACTION,
          FURTHER_ACTION,
          SERVICE_USER_NAME,
          SERVICE_USER_LBB_ID);

  /** Seed 002 §12.5: the items of the serious incident reporting form the provider must fill in. */
  static final List<String> REPORTING_FORM_ITEMS =
      List.of(INCIDENT_CHRONOLOGY, CURRENT_POSITION, CONTRIBUTORY_FACTORS, LESSONS_AND_ACTIONS);

  /** How a report can reach the council besides the provider's task (seed 002 §12.4-12.5). */
  static final Set<String> CHANNELS = Set.of("EMAIL", "PHONE");

  /** Seed 002 §12.4 "Service User group, e.g. Learning Disability, Mental Health". */
  static final Set<String> SERVICE_USER_GROUPS =
      Set.of(
          "LEARNING_DISABILITY",
          "MENTAL_HEALTH",
          "OLDER_PEOPLE",
          "PHYSICAL_DISABILITY",
          "SENSORY_IMPAIRMENT",
          "CHILDREN",
          "OTHER");

  /** A step that enters a report: the name its refusals give it, and its form. */
  private record Step(String name, String formId) {}

  private static final Step INITIAL_REPORT =
      new Step("Initial report", "serious-incident-initial-report");
  private static final Step INITIAL_REPORT_RECEIVED =
      new Step(
          "Initial report received by email or phone", "serious-incident-initial-report-received");
  private static final Step REPORTING_FORM_RECEIVED =
      new Step(
          "Reporting form received by email or phone", "serious-incident-reporting-form-received");

  private final ContractService contracts;
  private final Clock clock;

  /**
   * Checks the report of a new incident by {@code reporter}. A provider's user reports for its own
   * organisation's contract with every §12.4 item; council staff log an incident learnt elsewhere
   * and say how they learnt of it, the §12.4 items coming later with the provider's initial report.
   *
   * @throws uk.gov.council.commissioning.forms.TaskFormException naming every field at fault
   */
  public IncidentReport validateStart(VariableScope scope, Actor reporter) {
    FormChecks checks =
        new FormChecks("Serious incident report", scope).againstForm("serious-incident-report");
    Contract contract = contract(checks, scope, reporter);
    IncidentCategory category =
        IncidentCategory.of(checks.oneOf(CATEGORY, IncidentCategory.NAMES)).orElse(null);
    Instant now = clock.instant();
    Instant occurredAt = notInFuture(checks, OCCURRED_AT, checks.dateTime(OCCURRED_AT), now);
    Instant awareAt =
        reporter.provider()
            ? checks.dateTime(PROVIDER_AWARE_AT)
            : checks.optionalDateTime(PROVIDER_AWARE_AT);
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
      checks.problem(
          SAFEGUARDING_SUSPECTED,
          "must be ticked for an incident that leads to a safeguarding alert"
              + " (seed 002 §12.3): the council's safeguarding team is alerted through this case");
    }
    boolean riddor = yesNo(checks, scope, RIDDOR_REPORTABLE);
    checks.throwIfAny();
    return new IncidentReport(
        contract,
        category,
        occurredAt,
        awareAt,
        reporter.provider() ? SOURCE_PROVIDER_REPORT : SOURCE_COUNCIL_LOGGED,
        safeguarding,
        riddor);
  }

  /**
   * Checks the provider's initial report on a case the council logged: every §12.4 item, when the
   * provider became aware (not before the incident, not in the future), safeguarding and RIDDOR.
   *
   * @param occurredAt the register's time of the incident, never a variable a form could change
   */
  public InitialReport validateInitialReport(VariableScope scope, Instant occurredAt) {
    return checked(INITIAL_REPORT, scope, checks -> initialReport(checks, scope, occurredAt));
  }

  /**
   * An initial report that reached the council by email or phone (seed 002 §12.4), entered by the
   * quality assurance team: the same items as the provider's own form, and when it arrived, which
   * is not in the future, not before the incident and not before the provider became aware of it.
   */
  public ReceivedInitialReport validateInitialReportReceivedOtherwise(
      VariableScope scope, Instant occurredAt) {
    return checked(
        INITIAL_REPORT_RECEIVED, scope, c -> initialReportReceivedOtherwise(c, scope, occurredAt));
  }

  ReceivedInitialReport initialReportReceivedOtherwise(
      FormChecks checks, VariableScope scope, Instant occurredAt) {
    InitialReport report = initialReport(checks, scope, occurredAt);
    Instant awareAt = report.providerAwareAt();
    Received received =
        received(checks, INITIAL_REPORT_RECEIVED_AT, INITIAL_REPORT_CHANNEL, occurredAt);
    boolean afterIncident =
        received.at() != null && (occurredAt == null || !received.at().isBefore(occurredAt));
    if (afterIncident && awareAt != null && received.at().isBefore(awareAt)) {
      checks.problem(
          INITIAL_REPORT_RECEIVED_AT, "cannot be before the provider became aware of the incident");
    }
    return new ReceivedInitialReport(report, received);
  }

  /** Seed 002 §12.4, whoever enters it. */
  private InitialReport initialReport(FormChecks checks, VariableScope scope, Instant occurredAt) {
    Instant awareAt =
        awareness(
            checks,
            earliestAwareness(scope, occurredAt),
            checks.dateTime(PROVIDER_AWARE_AT),
            clock.instant());
    REPORT_ITEMS.forEach(checks::text);
    checks.oneOf(SERVICE_USER_GROUP, SERVICE_USER_GROUPS);
    boolean safeguarding = yesNo(checks, scope, SAFEGUARDING_SUSPECTED);
    boolean riddor = yesNo(checks, scope, RIDDOR_REPORTABLE);
    return new InitialReport(awareAt, safeguarding, riddor);
  }

  /**
   * A serious incident reporting form that reached the council by email (seed 002 §12.5: "sent by
   * email to the Council"), entered by the quality assurance team: its text as received, or else
   * every item of the form; and when it arrived, not in the future nor before the incident.
   */
  public Received validateReportingFormReceivedOtherwise(VariableScope scope, Instant occurredAt) {
    return checked(
        REPORTING_FORM_RECEIVED, scope, c -> reportingFormReceivedOtherwise(c, scope, occurredAt));
  }

  /**
   * Checks {@code scope} against the step's form and the rules {@code check} applies, and refuses
   * it naming every field at fault; otherwise returns what {@code check} read.
   */
  private static <T> T checked(Step step, VariableScope scope, Function<FormChecks, T> check) {
    FormChecks checks = new FormChecks(step.name(), scope).againstForm(step.formId());
    T result = check.apply(checks);
    checks.throwIfAny();
    return result;
  }

  Received reportingFormReceivedOtherwise(
      FormChecks checks, VariableScope scope, Instant occurredAt) {
    if (blank(scope, REPORTING_FORM_TEXT)) {
      if (REPORTING_FORM_ITEMS.stream().anyMatch(item -> blank(scope, item))) {
        checks.problem(
            REPORTING_FORM_TEXT, "paste the form as received, or fill in every item of the form");
      }
      REPORTING_FORM_ITEMS.forEach(checks::text);
    }
    return received(checks, REPORTING_FORM_RECEIVED_AT, REPORTING_FORM_CHANNEL, occurredAt);
  }

  /** When and how a report reached the council, from the quality assurance team's entry. */
  private Received received(
      FormChecks checks, String atField, String channelField, Instant occurredAt) {
    String channel = checks.oneOf(channelField, CHANNELS);
    Instant at = checks.dateTime(atField);
    if (at != null && at.isAfter(clock.instant())) {
      checks.problem(atField, "cannot be in the future");
    } else if (at != null && occurredAt != null && at.isBefore(occurredAt)) {
      checks.problem(atField, "cannot be before the incident occurred");
    }
    return new Received(at, channel);
  }

  /** What the register records of a provider's initial report. */
  public record InitialReport(
      Instant providerAwareAt, boolean safeguardingSuspected, boolean riddorReportable) {}

  /** When a report reached the council other than through its task, and how (EMAIL or PHONE). */
  public record Received(Instant at, String channel) {}

  public record ReceivedInitialReport(InitialReport report, Received received) {}

  private Contract contract(FormChecks checks, VariableScope scope, Actor reporter) {
    Object given = scope.getVariable(CONTRACT_REFERENCE);
    if (given == null || given.toString().isBlank()) {
      checks.problem(CONTRACT_REFERENCE, "is required");
      return null;
    }
    String reference = given.toString().trim().toUpperCase(Locale.ROOT);
    Optional<Contract> found = contracts.findByReference(reference, reporter);
    if (found.isEmpty()) {
      checks.problem(
          CONTRACT_REFERENCE,
          "no contract "
              + reference
              + (reporter.provider() ? " of your organisation" : "")
              + " in the register");
      return null;
    }
    Contract contract = found.get();
    if (contract.status() != ContractStatus.ACTIVE) {
      checks.problem(
          CONTRACT_REFERENCE,
          "contract "
              + reference
              + " is "
              + contract.status()
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

  /**
   * The earliest time the provider can have become aware: the incident's occurrence. A case opened
   * from a complaint holds no time of the incident, only when the complaint made the council aware
   * (its {@code occurredAt}), and a provider may have known of the matter before the complaint
   * (seed 002 App C 5.2 counts from the provider "becoming aware"), so no earlier bound applies.
   */
  static Instant earliestAwareness(VariableScope scope, Instant occurredAt) {
    return scope.getVariable(SOURCE_COMPLAINT) != null ? null : occurredAt;
  }

  private static Instant awareness(
      FormChecks checks, Instant occurredAt, Instant awareAt, Instant now) {
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

  private static void optionalOneOf(
      FormChecks checks, VariableScope scope, String field, Set<String> allowed) {
    Object value = scope.getVariable(field);
    if (value != null && !value.toString().isBlank()) {
      checks.oneOf(field, allowed);
    }
  }

  private static boolean blank(VariableScope scope, String field) {
    Object value = scope.getVariable(field);
    return value == null || value.toString().isBlank();
  }
}
