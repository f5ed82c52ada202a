package uk.gov.council.commissioning.extension;

/** Names of the contract-extension process variables that Java code reads or writes. */
final class ExtensionVariables {
  static final String PROCESS_KEY = "contract-extension";

  /** The case type of the case's deadlines. */
  static final String CASE_TYPE = "CONTRACT_EXTENSION";

  static final String CONTRACT_REFERENCE = "contractReference";
  static final String CONTRACT_TITLE = "contractTitle";
  static final String PROVIDER_NAME = "providerName";
  static final String PROVIDER_GROUP = "providerGroup";
  static final String PROVIDER_EMAIL = "providerEmail";
  static final String CURRENT_END_DATE = "currentEndDate";
  static final String OPTION_ORDER = "optionOrder";
  static final String EXTENSION_START = "extensionStart";
  static final String EXTENSION_END = "extensionEnd";
  static final String ANNUAL_VALUE = "annualValue";
  static final String WHOLE_LIFE_VALUE = "wholeLifeValue";
  static final String KEY_DECISION = "keyDecision";

  /** The gateway report's key-decision box: the officer's own judgement, given with a reason. */
  static final String KEY_DECISION_BY_OFFICER = "keyDecisionByOfficer";

  static final String TWO_OR_MORE_WARDS = "twoOrMoreWards";

  /** The value of the extension (the report's cost of the proposal) as its check recorded it. */
  static final String EXTENSION_VALUE = "extensionValue";

  static final String ESCALATION_DATE = "escalationDate";
  static final String CALL_IN_RECEIVED = "callInReceived";
  static final String RETURN_COMMENTS = "returnComments";
  static final String DRAFT_NUMBER = "draftNumber";
  static final String APPROVAL_ROUTE = "approvalRoute";

  /**
   * The decision maker's reference as the register and the letter read it (see TaskAnswers.passOn).
   */
  static final String DECISION_REFERENCE_MADE = "decisionReferenceMade";

  static final String EXTENSION_OUTCOME = "extensionOutcome";
  static final String OUTCOME = "outcome";
  static final String EXTENSION_LETTER = "extensionLetter";

  private ExtensionVariables() {}
}
