package uk.gov.council.commissioning.safeguarding;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/** Names of the safeguarding-alert process variables that Java code reads or writes. */
final class SafeguardingVariables {

  // Set by SafeguardingAlerts.raise(); other processes' tests rely on them.
  static final String SOURCE_TYPE = "sourceType";
  static final String SOURCE_REFERENCE = "sourceReference";
  static final String PROVIDER_GROUP = "providerGroup";
  static final String RAISED_BY = "raisedBy";
  static final String AWARE_AT = "awareAt";
  static final String ALERTED_AT = "alertedAt";
  static final String CONCERN_SUMMARY = "concernSummary";

  // Set when the alert case opens, for the forms and emails.
  static final String PROVIDER_ID = "providerId";
  static final String PROVIDER_NAME = "providerName";
  static final String SOURCE_TEXT = "sourceText";
  static final String AWARE_AT_TEXT = "awareAtText";
  static final String ALERTED_AT_TEXT = "alertedAtText";
  static final String ALERT_TIMELINESS = "alertTimeliness";

  /** The case type of an alert in case_deadline. */
  static final String CASE_TYPE = "SAFEGUARDING_ALERT";

  /** The kind of the screening deadline. */
  static final String SCREENING = "SCREENING";

  static final String SCREENING_DUE_TEXT = "screeningDueText";

  // The screening (seed 002 §10.3).
  static final String SECTION42_ENQUIRY = "section42Enquiry";
  static final String LEAD_ORGANISATION = "leadOrganisation";
  static final String OTHER_AGENCY = "otherAgency";
  static final String SCREENING_REASONS = "screeningReasons";
  static final String IMMEDIATE_PROTECTIVE_ACTIONS = "immediateProtectiveActions";
  static final String CQC_INFORMED = "cqcInformed";
  static final String POLICE_INFORMED = "policeInformed";

  // A provider-led enquiry (§10.3-10.4).
  static final String ENQUIRY_FINDINGS = "enquiryFindings";
  static final String ACTIONS_TAKEN = "actionsTaken";
  static final String REGISTERED_MANAGER_NAME = "registeredManagerName";
  static final String REGISTERED_MANAGER_CONFIRMED = "registeredManagerConfirmed";

  // The council's record of the enquiry's outcome, and the alert's outcome as the register holds
  // it.
  static final String ENQUIRY_OUTCOME = "enquiryOutcome";
  static final String ENQUIRY_ACTIONS = "enquiryActions";
  static final String ALERT_OUTCOME = "alertOutcome";

  static final String YES = "YES";
  static final String NO = "NO";

  private static final DateTimeFormatter UK_TEXT =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK)
          .withZone(WorkingDayCalendar.UK);

  /** A moment as an officer reads it: UK time, e.g. "Mon 6 Jul 2026, 14:05". */
  static String ukText(Instant instant) {
    return instant == null ? "not known" : UK_TEXT.format(instant);
  }

  private SafeguardingVariables() {}
}
