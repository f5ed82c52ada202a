package uk.gov.council.commissioning.returnyear;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One locked version of a contract's page for a reporting year (seed 001 Part 3.2 §2.1.2-2.1.3):
 * the base data a provider reports against, which only the council changes (§5: version 2, 3, ...).
 *
 * @param plannedDuration UNDER_2_YEARS or OVER_2_YEARS
 * @param effectiveFrom the day this version applies from (§5.1.2)
 * @param vfmAdverse for a later version, whether the change harmed value for money; null for V1
 * @param managerGuidance the contracts manager's guidance on an adverse change; null otherwise
 */
public record ContractPage(
    long id,
    long contractId,
    int reportingYear,
    int version,
    String serviceName,
    String primaryClientGroup,
    String serviceType,
    String administeringAuthority,
    int unitNumbers,
    String plannedDuration,
    boolean outOfHoursCover,
    String contractManager,
    String providerContact,
    BigDecimal frontLineHours,
    BigDecimal managementHours,
    BigDecimal otherStaffHours,
    LocalDate effectiveFrom,
    String changeDescription,
    Boolean vfmAdverse,
    String managerGuidance,
    String lockedBy,
    Instant lockedAt) {}
