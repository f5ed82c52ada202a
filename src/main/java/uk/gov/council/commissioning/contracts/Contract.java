package uk.gov.council.commissioning.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract as held in the register.
 *
 * @param endDate the current end date, including any extensions already used
 * @param options extension options in option order
 * @param contractOfficer user id of the council officer who manages the contract, or null
 * @param procurementReference the procurement that awarded the contract, or null
 * @param replacesReference the contract this one replaces when it commences, or null
 * @param replacedByReference the contract that replaced this one, set when that one commenced
 */
public record Contract(
    long id,
    String reference,
    String title,
    Provider provider,
    String serviceArea,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal annualValue,
    BigDecimal wholeLifeValue,
    String budgetHead,
    ContractStatus status,
    Instant createdAt,
    List<ExtensionOption> options,
    String contractOfficer,
    String procurementReference,
    String replacesReference,
    String replacedByReference) {

  public Contract {
    options = List.copyOf(options);
  }

  /** The same contract with {@code replaced} as its options. */
  Contract withOptions(List<ExtensionOption> replaced) {
    return new Contract(
        id,
        reference,
        title,
        provider,
        serviceArea,
        startDate,
        endDate,
        annualValue,
        wholeLifeValue,
        budgetHead,
        status,
        createdAt,
        replaced,
        contractOfficer,
        procurementReference,
        replacesReference,
        replacedByReference);
  }

  public boolean hasUnusedOption() {
    return options.stream().anyMatch(o -> !o.used());
  }
}
