package uk.gov.council.commissioning.incidents;

/**
 * Names of the serious-incident process's variables, shared by the BPMN, the forms and the code.
 */
final class IncidentVariables {

  static final String PROCESS_KEY = "serious-incident";

  // The report (start form, REST, and again the provider's initial report): seed 002 §12.3-12.4.
  static final String CONTRACT_REFERENCE = "contractReference";
  static final String CATEGORY = "category";
  static final String OCCURRED_AT = "occurredAt";
  static final String PROVIDER_AWARE_AT = "providerAwareAt";
  static final String DESCRIPTION = "description";
  static final String PARTIES_INVOLVED = "partiesInvolved";
  static final String EMERGENCY_SERVICES = "emergencyServices";
  static final String IMMEDIATE_ACTION = "immediateAction";
  static final String FURTHER_ACTION = "furtherAction";
  static final String SERVICE_USER_GROUP = "serviceUserGroup";
  static final String SERVICE_USER_NAME = "serviceUserName";
  static final String SERVICE_USER_LBB_ID = "serviceUserLbbId";
  static final String SAFEGUARDING_SUSPECTED = "safeguardingSuspected";
  static final String RIDDOR_REPORTABLE = "riddorReportable";
  static final String HOW_COUNCIL_LEARNT = "howCouncilLearnt";
  // Seed 002 §12.3: set only on an incident opened from a complaint's safeguarding alert.
  static final String SOURCE_COMPLAINT = "sourceComplaintNumber";
  static final String SOURCE_COMPLAINT_ALERT = "sourceComplaintAlertProcessInstanceId";

  /** The start event's initiator: the signed-in user who reported or logged the incident. */
  static final String REPORTED_BY = "reportedBy";

  // Set when the case is registered: only what the model, the forms and the case's pages read. The
  // provider, the source and the deadlines are in the register.
  static final String INCIDENT_NUMBER = "incidentNumber";
  static final String CONTRACT_TITLE = "contractTitle";
  static final String PROVIDER_NAME = "providerName";
  static final String INITIAL_REPORT_RECEIVED = "initialReportReceived";
  static final String CATEGORY_LABEL = "categoryLabel";
  static final String OCCURRED_AT_TEXT = "occurredAtText";
  static final String INITIAL_REPORT_DUE_TEXT = "initialReportDueText";
  static final String REPORTING_FORM_DUE_TEXT = "reportingFormDueText";
  static final String SAFEGUARDING_ALERT_RAISED = "safeguardingAlertRaised";
  static final String SAFEGUARDING_ALERT_INSTANCE = "safeguardingAlertProcessInstanceId";
  static final String UPDATES_RECEIVED = "updatesReceived";

  // The serious incident reporting form: seed 002 §12.5.
  static final String INCIDENT_CHRONOLOGY = "incidentChronology";
  static final String CURRENT_POSITION = "currentPosition";
  static final String CONTRIBUTORY_FACTORS = "contributoryFactors";
  static final String LESSONS_AND_ACTIONS = "lessonsAndActions";
  static final String OTHERS_INFORMED = "othersInformed";

  // A report that reached the council by email or phone, entered by the quality assurance team for
  // the provider (seed 002 §12.4-12.5): when it arrived, how, and for the form its text as
  // received.
  static final String INITIAL_REPORT_RECEIVED_AT = "initialReportReceivedAt";
  static final String INITIAL_REPORT_CHANNEL = "initialReportChannel";
  static final String REPORTING_FORM_RECEIVED_AT = "reportingFormReceivedAt";
  static final String REPORTING_FORM_CHANNEL = "reportingFormChannel";
  static final String REPORTING_FORM_TEXT = "reportingFormText";

  // Regular updates and further information.
  static final String UPDATE_SUMMARY = "updateSummary";
  static final String UPDATE_FINAL = "updateFinal";
  static final String LAST_UPDATE = "lastUpdate";
  static final String LAST_UPDATE_AT = "lastUpdateAt";
  static final String INFORMATION_REQUESTED = "informationRequested";
  static final String FURTHER_INFORMATION = "furtherInformation";

  // The council's review.
  static final String REVIEW_DECISION = "reviewDecision";
  static final String ESCALATION_ROUTE = "escalationRoute";
  static final String REVIEW_NOTES = "reviewNotes";
  static final String OUTCOME = "outcome";
  static final String LESSONS_LEARNED = "lessonsLearned";

  // Follow-ups of an escalation.
  static final String HEAD_OF_SERVICE_RESPONSE = "headOfServiceResponse";
  static final String CQC_NOTIFICATION_REFERENCE = "cqcNotificationReference";
  static final String CQC_NOTIFIED_ON = "cqcNotifiedOn";
  static final String CONTRACT_DEFAULT_DECISION = "contractDefaultDecision";
  static final String CONTRACT_DEFAULT_REASONS = "contractDefaultReasons";

  // The answer of an escalation task, local to the escalation's path; the message it shows is set
  // by the escalation kit.
  static final String ESCALATION_ACTION = "escalationAction";

  /**
   * The chase task's answer: CHASED, or RECEIVED_ANOTHER_WAY when the report came by email or
   * phone.
   */
  static final String CHASE_DECISION = "chaseDecision";

  static final String CHASED = "CHASED";
  static final String RECEIVED_ANOTHER_WAY = "RECEIVED_ANOTHER_WAY";

  /**
   * The contracts managers' answer to a report still missing after both escalations: the council
   * reviews the incident without it (true), with their reasons; otherwise the case keeps waiting.
   */
  static final String PROCEED_WITHOUT_REPORT = "proceedWithoutReport";

  static final String PROCEED_REASONS = "proceedReasons";

  static final String SOURCE_PROVIDER_REPORT = "PROVIDER_REPORT";
  static final String SOURCE_COUNCIL_LOGGED = "COUNCIL_LOGGED";

  /**
   * The case type, and the kinds of its deadlines, which are also the requirements under which
   * their breaches are recorded.
   */
  static final String CASE_TYPE = "SERIOUS_INCIDENT";

  static final String INITIAL_REPORT = "INITIAL_REPORT";
  static final String REPORTING_FORM = "REPORTING_FORM";
  static final String NEXT_UPDATE = "NEXT_UPDATE";

  private IncidentVariables() {}
}
