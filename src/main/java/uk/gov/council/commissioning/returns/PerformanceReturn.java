package uk.gov.council.commissioning.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;

/**
 * One contract's return for one quarter (seed 001 Part 3.2 §4), as the register holds it.
 *
 * @param dueDate the deadline issued for the quarter (§2.1.4)
 * @param extendedTo the new date the officer agreed (§4.1.6); null when none
 * @param late it arrived after its deadline (the extended one where agreed), or had not arrived
 *     when the deadline passed
 */
public record PerformanceReturn(
    long id,
    String caseReference,
    long contractId,
    String contractReference,
    String contractTitle,
    long providerId,
    String providerName,
    String providerGroup,
    int reportingYear,
    int quarter,
    Long contractPageId,
    Integer pageUnitNumbers,
    LocalDate dueDate,
    LocalDate extendedTo,
    String status,
    Instant receivedAt,
    String submittedBy,
    boolean late,
    Instant reminderSentAt,
    Integer unitNumbers,
    String unitNumbersExplanation,
    String providerComments,
    String mitigation,
    String outcome,
    String managerDecision,
    String managerAction,
    String checkedBy,
    String officeComments,
    Instant acceptedAt,
    String missingItems,
    String submissionDigest,
    Integer lateQuartersInRow,
    String processInstanceId) {

  public static final String AWAITED = "AWAITED";
  public static final String RECEIVED = "RECEIVED";
  public static final String INCOMPLETE = "INCOMPLETE";
  public static final String EXPLANATION_REQUESTED = "EXPLANATION_REQUESTED";
  public static final String WITH_CONTRACTS_MANAGER = "WITH_CONTRACTS_MANAGER";
  public static final String ACCEPTED = "ACCEPTED";

  public ReportingQuarter reportingQuarter() {
    return new ReportingQuarter(new ReportingYear(reportingYear), quarter);
  }

  /** The deadline in force: the agreed new date where there is one. */
  public LocalDate deadline() {
    return extendedTo != null ? extendedTo : dueDate;
  }

  /** Whether the provider can send the return now (waiting for it, or for the missing data). */
  public boolean awaitingSubmission() {
    return AWAITED.equals(status) || INCOMPLETE.equals(status);
  }

  /** One KPI's value in the return. */
  public record Value(
      long catalogueId,
      String catalogue,
      String kpi,
      BigDecimal value,
      boolean belowTrigger,
      String explanation) {}

  /** An extension the provider asked for and the officer's decision (§4.1.6). */
  public record Extension(
      long id,
      String requestedBy,
      Instant requestedAt,
      String reason,
      LocalDate requestedDate,
      String decision,
      String decidedBy,
      Instant decidedAt,
      LocalDate agreedDate) {}
}
