package uk.gov.council.commissioning.contracts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract to add to the register. Rules that span fields or need the database (end after start,
 * whole-life not below annual, provider exists, reference unused) are checked by {@link
 * ContractService#create(NewContract)} so that every problem is reported at once.
 *
 * @param options extension options in the order they may be taken; null means none
 * @param contractOfficer user id of the council officer who manages the contract; optional
 */
public record NewContract(
    @NotBlank
        @Pattern(
            regexp = "[A-Z0-9][A-Z0-9/-]{2,39}",
            message =
                "must be 3 to 40 capital letters, digits, '/' or '-', starting with a letter or digit")
        String reference,
    @NotBlank @Size(max = 300) String title,
    @NotNull Long providerId,
    @NotBlank @Size(max = 200) String serviceArea,
    @NotNull LocalDate startDate,
    @NotNull LocalDate endDate,
    @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal annualValue,
    @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal wholeLifeValue,
    @Size(max = 200) String budgetHead,
    @Size(max = 10) List<@NotNull @Valid Option> options,
    @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}", message = "must be a user id")
        String contractOfficer) {

  public NewContract {
    options = options == null ? List.of() : options;
  }

  /** A contract with no officer recorded. */
  public NewContract(
      String reference,
      String title,
      Long providerId,
      String serviceArea,
      LocalDate startDate,
      LocalDate endDate,
      BigDecimal annualValue,
      BigDecimal wholeLifeValue,
      String budgetHead,
      List<Option> options) {
    this(
        reference,
        title,
        providerId,
        serviceArea,
        startDate,
        endDate,
        annualValue,
        wholeLifeValue,
        budgetHead,
        options,
        null);
  }

  /** An extension option of {@code lengthMonths} months. */
  public record Option(@NotNull @Min(1) @Max(60) Integer lengthMonths) {}
}
