package uk.gov.council.commissioning.audits;

import java.util.List;

/**
 * An officer's entry for one clause: the comments (the evidence, after the audit with the
 * provider), the Appendix 2 criteria that apply, and a level of risk when the officer decides
 * another than the rule suggests, with the reason.
 */
public record RiskEntry(
    Long clauseId, String comments, List<String> criteria, String riskLevel, String reason) {}
