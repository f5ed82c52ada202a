package uk.gov.council.commissioning.qaf;

import java.time.Instant;
import java.time.LocalDate;

/** A QAF as held in the register (qaf_assessment), with its contract and provider. */
record QafAssessment(
    long id,
    String number,
    String processInstanceId,
    long contractId,
    String contractReference,
    String contractTitle,
    long providerId,
    String providerName,
    String providerEmail,
    String providerGroup,
    int financialYear,
    String variant,
    LocalDate meetingDate,
    String reviewingOfficer,
    Instant issueAt,
    Instant issuedAt,
    Instant returnDueAt,
    Instant returnedAt,
    int timesSentBack,
    String lateExplanation,
    Boolean lateExplanationAccepted,
    String summarySignedBy,
    LocalDate summarySignedOn,
    Instant deskReviewAt,
    String concernsOverService,
    Boolean procurementReview,
    Integer gradeStepsChanged,
    Boolean validationVisit,
    String validationReasons,
    LocalDate visitDate,
    Boolean supportPlanAudit,
    Instant gradesSentAt,
    String providerResponse,
    Instant gradesAgreedAt,
    String agreement,
    String concernsToCsg,
    String status) {

  /** The QAF's case type in the breach register. */
  static final String CASE_TYPE = "QAF";
}
