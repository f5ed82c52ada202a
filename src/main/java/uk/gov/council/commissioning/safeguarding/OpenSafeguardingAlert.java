package uk.gov.council.commissioning.safeguarding;

import static uk.gov.council.commissioning.safeguarding.SafeguardingVariables.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.Periods;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.forms.FormChecks;

/**
 * Opens the alert case: what the safeguarding team needs on screen (the provider, the times in UK
 * time, whether the provider alerted in time) and when the screening is due.
 *
 * <p>Runs inside the transaction of the case that raised the alert, so it only reads and sets
 * variables; nothing here may fail that case for want of a detail.
 */
@Component("openSafeguardingAlert")
@RequiredArgsConstructor
public class OpenSafeguardingAlert implements JavaDelegate {

  private final SafeguardingRegister register;
  private final ContractService contracts;
  private final Deadlines deadlines;
  private final SafeguardingProperties properties;
  private final Clock clock;

  @Override
  public void execute(DelegateExecution execution) {
    String sourceType = (String) execution.getVariable(SOURCE_TYPE);
    String sourceReference = (String) execution.getVariable(SOURCE_REFERENCE);
    Provider provider =
        register
            .providerOf(sourceType, sourceReference)
            .flatMap(contracts::findProviderById)
            .orElse(null);
    execution.setVariable(PROVIDER_ID, provider == null ? null : provider.id());
    execution.setVariable(PROVIDER_NAME, provider == null ? "no provider named" : provider.name());
    execution.setVariable(SOURCE_TEXT, describeSource(sourceType, sourceReference));

    Instant awareAt = FormChecks.parseDateTime(execution.getVariable(AWARE_AT));
    Instant alertedAt = FormChecks.parseDateTime(execution.getVariable(ALERTED_AT));
    execution.setVariable(AWARE_AT_TEXT, ukText(awareAt));
    execution.setVariable(ALERTED_AT_TEXT, ukText(alertedAt));
    execution.setVariable(
        ALERT_TIMELINESS,
        timeliness((String) execution.getVariable(RAISED_BY), awareAt, alertedAt));

    // An alert without an arrival time is screened as if it had just arrived.
    Instant arrived = alertedAt != null ? alertedAt : clock.instant();
    Instant due =
        deadlines.schedule(
            SafeguardingRegister.caseRef(execution),
            SCREENING,
            properties.screeningRule(),
            arrived);
    execution.setVariable(SCREENING_DUE_TEXT, ukText(due));
  }

  static String describeSource(String sourceType, String sourceReference) {
    String kind =
        SafeguardingConcern.SERIOUS_INCIDENT.equals(sourceType)
            ? "serious incident"
            : SafeguardingConcern.COMPLAINT.equals(sourceType) ? "complaint" : "case";
    return kind + " " + sourceReference;
  }

  /**
   * Seed 002 App C 5.2: a provider alerts the council within the period set (12 hours) of becoming
   * aware.
   */
  String timeliness(String raisedBy, Instant awareAt, Instant alertedAt) {
    if (!SafeguardingConcern.PROVIDER.equals(raisedBy)) {
      return "Raised by a council officer.";
    }
    if (awareAt == null || alertedAt == null) {
      return "Alerted by the provider.";
    }
    Duration taken = Duration.between(awareAt, alertedAt);
    String hours = taken.toHours() + " h " + taken.toMinutesPart() + " min";
    return taken.compareTo(properties.alertWithin()) <= 0
        ? "Alerted by the provider " + hours + " after becoming aware: in time."
        : "Alerted by the provider "
            + hours
            + " after becoming aware: later than the "
            + Periods.of(properties.alertWithin())
            + " required (App C 5.2); recorded as a late alert.";
  }
}
