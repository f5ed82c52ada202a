package uk.gov.council.commissioning.complaints;

import java.util.List;

/** Names of the complaint process's variables that Java code reads or writes, and their values. */
final class ComplaintVariables {
  public static final String PROCESS_KEY = "complaint";
  public static final String CASE_TYPE = "COMPLAINT";

  // Start form (seed 002 §13.6, App K "report your complaint")
  public static final String RECEIVED_AT = "receivedAt";
  public static final String COMPLAINANT_NAME = "complainantName";
  public static final String COMPLAINANT_RELATIONSHIP = "complainantRelationship";
  public static final String COMPLAINANT_CONTACT = "complainantContact";
  public static final String SERVICE_USER_NAME = "serviceUserName";
  public static final String HOW_RECEIVED = "howReceived";
  public static final String SUMMARY = "summary";
  public static final String ROUTE = "route";
  public static final String CONTRACT_REFERENCE = "contractReference";
  public static final String SAFEGUARDING_CONCERN = "safeguardingConcern";
  public static final String SAFEGUARDING_SUMMARY = "safeguardingSummary";
  public static final String SAFEGUARDING_AWARE_AT = "safeguardingAwareAt";
  public static final String RECORDED_BY = "recordedBy";

  // Set when the complaint is registered
  public static final String COMPLAINT_NUMBER = "complaintNumber";
  public static final String RECORDED_BY_PROVIDER = "recordedByProvider";
  public static final String PROVIDER_ID = "providerId";
  public static final String PROVIDER_NAME = "providerName";
  public static final String PROVIDER_GROUP = "providerGroup";
  public static final String CONTRACT_TITLE = "contractTitle";
  public static final String RECEIVED = "received";
  public static final String ACKNOWLEDGE_DUE_AT = "acknowledgeDueAt";
  public static final String ACKNOWLEDGE_DUE = "acknowledgeDue";
  public static final String RESPOND_DUE_AT = "respondDueAt";
  public static final String RESPOND_DUE = "respondDue";
  public static final String WRITTEN_REPORT_DUE_AT = "writtenReportDueAt";
  public static final String WRITTEN_REPORT_DUE = "writtenReportDue";
  public static final String SAFEGUARDING_RAISED = "safeguardingRaised";
  public static final String SAFEGUARDING_ALERT_ID = "safeguardingAlertProcessInstanceId";
  public static final String EXTENSIONS = "extensions";

  // Task forms
  public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
  public static final String RESPONSE_DECISION = "responseDecision";
  public static final String RESPONDED_AT = "respondedAt";
  public static final String RESPONSE_SUMMARY = "responseSummary";
  public static final String NEW_RESPONSE_DATE = "newResponseDate";
  public static final String EXTENSION_REASON = "extensionReason";
  public static final String COMPLAINANT_TOLD = "complainantTold";
  public static final String COMPLAINANT_RESPONSE = "complainantResponse";
  public static final String OMBUDSMAN_INFORMATION_SENT_ON = "ombudsmanInformationSentOn";
  public static final String RESOLUTION = "resolution";
  public static final String RESOLVED_AT = "resolvedAt";
  public static final String RESOLUTION_OUTCOME = "resolutionOutcome";
  public static final String DISCUSSIONS_SUMMARY = "discussionsSummary";
  public static final String WRITTEN_REPORT = "writtenReport";
  public static final String INVESTIGATOR = "investigator";
  public static final String INVESTIGATION_OUTCOME = "investigationOutcome";
  public static final String FINDINGS = "findings";
  public static final String ESCALATION_ACTION = "escalationAction";
  public static final String OUTCOME_CODE = "outcomeCode";
  public static final String OUTCOME = "outcome";

  public static final List<String> ROUTES = List.of(Complaint.COUNCIL, Complaint.PROVIDER);
  public static final List<String> RELATIONSHIPS =
      List.of("SERVICE_USER", "REPRESENTATIVE", "OTHER");
  public static final List<String> CHANNELS =
      List.of("ONLINE_FORM", "EMAIL", "TELEPHONE", "LETTER", "IN_PERSON", "OTHER");

  private ComplaintVariables() {}
}
