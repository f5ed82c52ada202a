package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.security.Actors;
import uk.gov.council.commissioning.security.Roles;

/**
 * Checks a request for a QAF (the start form, the REST API and the automatic start alike): an
 * active contract; the contract management meeting it is for, given (in the future, recorded in the
 * schedule) or the contract's next scheduled one; one QAF per meeting; the variant; and a reviewing
 * officer who is a purchasing officer or contracts manager (seed 001 3.3 §1 "Reviewing Officers").
 */
@Component
@RequiredArgsConstructor
class QafRegistration {

  public static final Set<String> VARIANTS = Set.of("FULL", "LITE", "LITE_ALARM");

  /** What a valid request resolves to. */
  public record Request(
      Contract contract,
      LocalDate meetingDate,
      boolean meetingGiven,
      String variant,
      String reviewingOfficer,
      Instant issueAt,
      Instant returnDueAt) {}

  private final ContractService contracts;
  private final QafRepository repository;
  private final QafDeadlines deadlines;
  private final Actors actors;

  private final Clock clock;

  /**
   * @param starter the signed-in user who asked for it, or null for the automatic start
   * @throws QafDuplicateException when the meeting already has a QAF
   * @throws uk.gov.council.commissioning.forms.TaskFormException naming every other field at fault
   */
  public Request check(VariableScope form, String starter) {
    FormChecks checks = new FormChecks("QAF", form);
    Contract contract = null;
    String reference = checks.text("contractReference");
    if (reference != null) {
      contract = contracts.findByReference(reference.trim()).orElse(null);
      if (contract == null) {
        checks.problem("contractReference", "no contract " + reference);
      } else if (contract.status() != ContractStatus.ACTIVE) {
        checks.problem(
            "contractReference",
            "contract "
                + reference
                + " is "
                + contract.status()
                + ": a QAF is for an active contract");
      }
    }
    Object variantValue = form.getVariable("variant");
    String variant =
        variantValue == null || variantValue.toString().isBlank()
            ? "FULL"
            : variantValue.toString();
    if (!VARIANTS.contains(variant)) {
      checks.problem("variant", "must be one of FULL, LITE, LITE_ALARM");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
    LocalDate meeting = null;
    boolean given =
        form.getVariable("meetingDate") != null
            && !form.getVariable("meetingDate").toString().isBlank();
    if (given) {
      meeting = checks.date("meetingDate");
      if (meeting != null && !meeting.isAfter(today)) {
        checks.problem("meetingDate", "the contract management meeting must be in the future");
        meeting = null;
      }
    } else if (contract != null) {
      meeting = repository.nextUncoveredMeeting(contract.id(), today).orElse(null);
      if (meeting == null) {
        checks.problem(
            "meetingDate",
            "contract "
                + contract.reference()
                + " has no contract management meeting"
                + " scheduled without a QAF: give the meeting date");
      }
    }
    Instant issueAt = null;
    Instant returnDueAt = null;
    if (meeting != null) {
      issueAt = deadlines.issueAt(meeting);
      returnDueAt = deadlines.returnDueAt(meeting);
      if (!returnDueAt.isAfter(clock.instant())) {
        checks.problem(
            "meetingDate",
            "the meeting on "
                + meeting
                + " is too close: the QAF would have been due back by "
                + QafDeadlines.describe(returnDueAt));
      }
    }
    String officer = reviewingOfficer(checks, form, starter, contract);
    checks.throwIfAny();
    Optional<String> existing = repository.numberFor(contract.id(), meeting);
    if (existing.isPresent()) {
      throw new QafDuplicateException(contract.reference(), meeting, existing.get());
    }
    return new Request(contract, meeting, given, variant, officer, issueAt, returnDueAt);
  }

  /** Given, or the starter if a purchasing officer, or the contract's officer. */
  private String reviewingOfficer(
      FormChecks checks, VariableScope form, String starter, Contract contract) {
    Object value = form.getVariable("reviewingOfficer");
    String officer;
    if (value != null && !value.toString().isBlank()) {
      officer = value.toString().trim();
    } else if (starter != null && actors.isMemberOfAny(starter, Roles.COMMISSIONING_OFFICERS)) {
      return starter;
    } else {
      officer = contract == null ? null : contract.contractOfficer();
      if (officer == null) {
        if (contract != null) {
          checks.problem(
              "reviewingOfficer",
              "contract "
                  + contract.reference()
                  + " has no contract officer:"
                  + " name the reviewing officer");
        }
        return null;
      }
    }
    if (!actors.isMemberOfAny(officer, Roles.COMMISSIONING_OFFICERS, Roles.CONTRACTS_MANAGERS)) {
      checks.problem(
          "reviewingOfficer", officer + " is not a purchasing officer or contracts manager");
    }
    return officer;
  }
}
