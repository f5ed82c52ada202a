package uk.gov.council.commissioning.qaf;

import java.time.Instant;

/**
 * An improvement plan for one standard finally graded "D" (seed 001 3.3 §3.4), with what the
 * register knows of its QAF, contract and provider.
 */
record ImprovementPlan(
    long id,
    long assessmentId,
    String qafNumber,
    int financialYear,
    String objective,
    String processInstanceId,
    long providerId,
    String providerName,
    String providerEmail,
    String organisationGroup,
    String contractReference,
    String contractTitle,
    Instant planDueAt,
    Instant submittedAt,
    Instant lastSubmittedAt,
    int timesSentBack,
    String planActions,
    String responsiblePerson,
    String targetDates,
    String evidenceOfImprovement,
    String officerDecision,
    String officerComments,
    String managerDecision,
    String managerComments,
    Instant acceptedAt,
    Instant validationDueAt,
    Instant validatedAt,
    String outcome,
    String newGrade,
    String validationFindings,
    Instant reportedToCsgAt,
    String csgReport,
    Boolean defaultNotice,
    String defaultNoticeReasons,
    String status,
    Instant closedAt,
    Instant resubmissionDueAt) {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";
  public static final String IMPROVED = "IMPROVED";
  public static final String NOT_IMPROVED = "NOT_IMPROVED";

  /** The business key of its case, e.g. QAF-2026-000001/C1.4. */
  public String caseReference() {
    return qafNumber + "/" + objective;
  }
}
