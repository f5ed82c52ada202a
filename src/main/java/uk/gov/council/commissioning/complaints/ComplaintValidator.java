package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.security.Actor;

/**
 * The rules a new complaint must meet, the same for the Tasklist start form (checked by the first
 * step of the process, so a refusal creates nothing) and for the REST API (checked before
 * starting).
 */
@Component
@RequiredArgsConstructor
class ComplaintValidator {

  /** A complaint that passed the checks, its values read and normalised. */
  public record Registration(
      Instant receivedAt,
      String route,
      Optional<Contract> contract,
      boolean safeguardingConcern,
      String safeguardingSummary) {}

  private final ContractService contracts;
  private final Clock clock;

  /**
   * Checks a new complaint.
   *
   * @throws uk.gov.council.commissioning.forms.TaskFormException naming every field at fault
   */
  public Registration check(VariableScope values, Actor recorder) {
    FormChecks checks = new FormChecks("The complaint form", values).againstForm("complaint-start");
    Instant received = checks.dateTime(RECEIVED_AT);
    if (received != null && received.isAfter(clock.instant())) {
      checks.problem(RECEIVED_AT, "cannot be in the future");
    }
    checks.oneOf(COMPLAINANT_RELATIONSHIP, Set.copyOf(RELATIONSHIPS));
    checks.oneOf(HOW_RECEIVED, Set.copyOf(CHANNELS));

    String route = route(checks, values, recorder);
    Optional<Contract> contract = contract(checks, values, recorder, route);

    boolean safeguarding = checks.flag(SAFEGUARDING_CONCERN);
    checks.textIf(
        safeguarding, SAFEGUARDING_SUMMARY, "say what the concern is, for the safeguarding team");
    checks.throwIfAny();
    Object summary = values.getVariable(SAFEGUARDING_SUMMARY);
    return new Registration(
        received, route, contract, safeguarding, safeguarding ? summary.toString().trim() : null);
  }

  /**
   * A provider records only the complaints it handles itself; council staff choose. A provider that
   * leaves the route out means its own.
   */
  private static String route(FormChecks checks, VariableScope values, Actor recorder) {
    Object given = values.getVariable(ROUTE);
    if (recorder.provider()) {
      if (given == null
          || given.toString().isBlank()
          || Complaint.PROVIDER.equals(given.toString())) {
        return Complaint.PROVIDER;
      }
      checks.problem(
          ROUTE,
          "a provider records the complaints it handles itself (PROVIDER); a complaint to the"
              + " council is recorded by council staff");
      return null;
    }
    return checks.oneOf(ROUTE, Set.copyOf(ROUTES));
  }

  /**
   * The contract the complaint is about: required when the provider handles it, optional for a
   * complaint to the council. A provider may name only its own organisation's contracts; another
   * provider's contract is reported exactly like one that does not exist.
   */
  private Optional<Contract> contract(
      FormChecks checks, VariableScope values, Actor recorder, String route) {
    Object given = values.getVariable(CONTRACT_REFERENCE);
    if (given == null || given.toString().isBlank()) {
      if (Complaint.PROVIDER.equals(route)) {
        checks.problem(CONTRACT_REFERENCE, "is required for a complaint the provider handles");
      }
      return Optional.empty();
    }
    String reference = given.toString().trim().toUpperCase(Locale.ROOT);
    Optional<Contract> contract = contracts.findByReference(reference, recorder);
    if (contract.isEmpty()) {
      checks.problem(
          CONTRACT_REFERENCE,
          recorder.provider()
              ? "no contract " + reference + " of your organisation"
              : "no contract " + reference + " in the register");
    }
    return contract;
  }
}
