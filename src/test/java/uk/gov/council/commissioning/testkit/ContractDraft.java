package uk.gov.council.commissioning.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.contracts.ExtensionOption;
import uk.gov.council.commissioning.contracts.NewContract;
import uk.gov.council.commissioning.contracts.Provider;

/**
 * A {@link NewContract} for test data in three short steps: whose it is ({@link #draft}), what it
 * is ({@link #about}), and its term, values and options ({@link #running}).
 */
public final class ContractDraft {

  private final String reference;
  private final Long providerId;
  private String title;
  private String serviceArea;
  private String budgetHead;

  private ContractDraft(String reference, Long providerId) {
    this.reference = reference;
    this.providerId = providerId;
  }

  /** The contract's reference and provider. */
  public static ContractDraft draft(String reference, Long providerId) {
    return new ContractDraft(reference, providerId);
  }

  /** The contract's title, service area and budget head (may be null). */
  public ContractDraft about(String title, String serviceArea, String budgetHead) {
    this.title = title;
    this.serviceArea = serviceArea;
    this.budgetHead = budgetHead;
    return this;
  }

  /** Dates as {@code yyyy-MM-dd}, values as decimal text, one option of each length in months. */
  public NewContract running(
      String start, String end, String annualValue, String wholeLifeValue, int... optionMonths) {
    return running(
        LocalDate.parse(start), LocalDate.parse(end), annualValue, wholeLifeValue, optionMonths);
  }

  public NewContract running(
      LocalDate start,
      LocalDate end,
      String annualValue,
      String wholeLifeValue,
      int... optionMonths) {
    return new NewContract(
        reference,
        title,
        providerId,
        serviceArea,
        start,
        end,
        new BigDecimal(annualValue),
        new BigDecimal(wholeLifeValue),
        budgetHead,
        Arrays.stream(optionMonths).mapToObj(NewContract.Option::new).toList());
  }

  /**
   * The contract as the register returns it once created, for unit tests that stand in for the
   * register: its row id, provider, status, creation time and extension options as they stand.
   */
  public static Contract registered(
      long id,
      Provider provider,
      NewContract draft,
      ContractStatus status,
      Instant createdAt,
      ExtensionOption... options) {
    return new Contract(
        id,
        draft.reference(),
        draft.title(),
        provider,
        draft.serviceArea(),
        draft.startDate(),
        draft.endDate(),
        draft.annualValue(),
        draft.wholeLifeValue(),
        draft.budgetHead(),
        status,
        createdAt,
        List.of(options),
        draft.contractOfficer(),
        null,
        null,
        null);
  }
}
