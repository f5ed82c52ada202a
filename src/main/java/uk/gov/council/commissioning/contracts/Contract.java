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
    String contractOfficer) {

  public Contract {
    options = List.copyOf(options);
  }

  public boolean hasUnusedOption() {
    return options.stream().anyMatch(o -> !o.used());
  }
}
