package uk.gov.council.commissioning.safeguarding;

import static uk.gov.council.commissioning.safeguarding.SafeguardingVariables.*;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * Server-side checks of the safeguarding-alert forms, called from complete listeners in the BPMN
 * (e.g. {@code ${safeguardingFormChecks.screening(task)}}). A failed check leaves the task open and
 * names every field at fault.
 */
@Component("safeguardingFormChecks")
@RequiredArgsConstructor
public class SafeguardingFormChecks {

  private final SafeguardingRegister register;

  static final Set<String> YES_NO = Set.of(YES, NO);
  static final Set<String> LEADS =
      Arrays.stream(LeadOrganisation.values())
          .map(Enum::name)
          .collect(Collectors.toUnmodifiableSet());
  // Reasons and outcomes go, with a short prefix, into the register's 2000-character column; the
  // other
  // texts get the same limit so that no field of the record is cut short.
  static final int MAX_TEXT = 1950;

  /**
   * Seed 002 §10.3: the council decides in screening whether there is an enquiry and who leads it.
   */
  public void screening(DelegateTask task) {
    FormChecks checks = new FormChecks("Safeguarding screening", task);
    String section42 = checks.oneOf(SECTION42_ENQUIRY, YES_NO);
    Object leadGiven = task.getVariable(LEAD_ORGANISATION);
    String lead = null;
    if (YES.equals(section42)) {
      lead = checks.oneOf(LEAD_ORGANISATION, LEADS);
    } else if (NO.equals(section42) && leadGiven != null && !leadGiven.toString().isBlank()) {
      checks.problem(
          LEAD_ORGANISATION, "only a section 42 enquiry has a lead organisation: leave it empty");
    }
    if (LeadOrganisation.PROVIDER.name().equals(lead)
        && register.providerOfAlert(task.getProcessInstanceId()).isEmpty()) {
      checks.problem(
          LEAD_ORGANISATION,
          "no provider is linked to this alert, so the provider cannot lead the enquiry");
    }
    checks.textIf(
        LeadOrganisation.OTHER_AGENCY.name().equals(lead),
        OTHER_AGENCY,
        "name the agency that leads");
    bounded(checks, SCREENING_REASONS, checks.text(SCREENING_REASONS));
    bounded(checks, IMMEDIATE_PROTECTIVE_ACTIONS, checks.text(IMMEDIATE_PROTECTIVE_ACTIONS));
    checks.flag(CQC_INFORMED);
    boolean policeInformed = checks.flag(POLICE_INFORMED);
    if (LeadOrganisation.POLICE.name().equals(lead) && !policeInformed) {
      checks.problem(
          POLICE_INFORMED, "the police lead the enquiry, so they must have been informed");
    }
    checks.throwIfAny();
  }

  /**
   * Seed 002 §10.4: the record shows the registered manager checked the necessary action was taken.
   */
  public void providerEnquiry(DelegateTask task) {
    FormChecks checks = new FormChecks("Safeguarding enquiry", task);
    bounded(checks, ENQUIRY_FINDINGS, checks.text(ENQUIRY_FINDINGS));
    bounded(checks, ACTIONS_TAKEN, checks.text(ACTIONS_TAKEN));
    checks.text(REGISTERED_MANAGER_NAME);
    if (!checks.flag(REGISTERED_MANAGER_CONFIRMED)) {
      checks.problem(
          REGISTERED_MANAGER_CONFIRMED,
          "the registered manager must confirm that the necessary action has been taken (seed 002 §10.4)");
    }
    checks.throwIfAny();
  }

  public void enquiryOutcome(DelegateTask task) {
    FormChecks checks = new FormChecks("Enquiry outcome", task);
    bounded(checks, ENQUIRY_OUTCOME, checks.text(ENQUIRY_OUTCOME));
    bounded(checks, ENQUIRY_ACTIONS, checks.text(ENQUIRY_ACTIONS));
    checks.throwIfAny();
  }

  private static void bounded(FormChecks checks, String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      checks.problem(field, "at most " + MAX_TEXT + " characters");
    }
  }
}
