package uk.gov.council.commissioning.audits;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The audits' part of the monthly Contracts Update to the Core Strategy Group (seed 001 Part 3.1
 * §3.2, §3.4): the Medium and High risks reported to the contracts managers in the month, and the
 * Medium risks an audit with the provider moved to High.
 */
public record ContractsUpdate(YearMonth month, List<Line> risks, List<Line> raisedToHigh) {

  /** One clause of one provider's audit. */
  public record Line(
      long auditId,
      String providerName,
      String contractReference,
      LocalDate meetingDate,
      String section,
      String clause,
      RiskLevel level) {}
}
