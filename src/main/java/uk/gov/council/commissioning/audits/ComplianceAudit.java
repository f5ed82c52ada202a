package uk.gov.council.commissioning.audits;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The compliance audit before one contract management meeting (seed 001 Part 3.1 §3.2-§3.4), with
 * its checklist: each clause's risk from the desk-top review and, after an audit with the provider,
 * the revised risk.
 *
 * @param status DESK_TOP, DESK_TOP_DONE, PROVIDER_AUDIT (an audit with the provider planned) or
 *     COMPLETE (reported after that audit)
 */
public record ComplianceAudit(
    long id,
    long meetingId,
    LocalDate meetingDate,
    String contractReference,
    String contractTitle,
    long providerId,
    String providerName,
    @JsonIgnore String providerGroup,
    String status,
    Instant openedAt,
    String deskTopOfficer,
    Instant deskTopDoneAt,
    Instant risksReportedAt,
    LocalDate auditDate,
    String areasToEvidence,
    String auditOfficer,
    String summary,
    Instant auditDoneAt,
    Instant raisedReportedAt,
    List<ClauseRisk> checklist) {

  public static final String DESK_TOP = "DESK_TOP";
  public static final String DESK_TOP_DONE = "DESK_TOP_DONE";
  public static final String PROVIDER_AUDIT = "PROVIDER_AUDIT";
  public static final String COMPLETE = "COMPLETE";

  /**
   * One clause of the checklist in this audit. The levels are null until assessed.
   *
   * @param suggestedLevel what the Appendix 2 rule gave from the criteria
   * @param riskLevel the desk-top level decided (the suggested one unless overridden with a reason)
   * @param revisedLevel the level after the audit with the provider
   */
  public record ClauseRisk(
      long clauseId,
      String section,
      String clause,
      boolean providerSpecific,
      String comments,
      List<RiskCriterion> criteria,
      RiskLevel suggestedLevel,
      RiskLevel riskLevel,
      String overrideReason,
      String assessedBy,
      String evidence,
      RiskLevel revisedLevel,
      String revisedReason,
      String revisedBy) {

    /** The level that stands now: the revised one once there is one. */
    @JsonIgnore
    public RiskLevel currentLevel() {
      return revisedLevel != null ? revisedLevel : riskLevel;
    }

    /** A Medium risk that the audit with the provider found High (§3.4: reported to the CSG). */
    @JsonIgnore
    public boolean raisedToHigh() {
      return riskLevel == RiskLevel.MEDIUM && revisedLevel == RiskLevel.HIGH;
    }
  }

  /** The same audit with its checklist. */
  ComplianceAudit withChecklist(List<ClauseRisk> clauses) {
    return new ComplianceAudit(
        id,
        meetingId,
        meetingDate,
        contractReference,
        contractTitle,
        providerId,
        providerName,
        providerGroup,
        status,
        openedAt,
        deskTopOfficer,
        deskTopDoneAt,
        risksReportedAt,
        auditDate,
        areasToEvidence,
        auditOfficer,
        summary,
        auditDoneAt,
        raisedReportedAt,
        clauses);
  }

  /** The clauses assessed Medium or High in the desk-top review. */
  @JsonIgnore
  public List<ClauseRisk> concerns() {
    return checklist.stream()
        .filter(c -> c.riskLevel() != null && c.riskLevel().concern())
        .toList();
  }

  /** The Medium risks the audit with the provider moved to High. */
  @JsonIgnore
  public List<ClauseRisk> raisedToHigh() {
    return checklist.stream().filter(ClauseRisk::raisedToHigh).toList();
  }
}
