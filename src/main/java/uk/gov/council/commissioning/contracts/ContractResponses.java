package uk.gov.council.commissioning.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the contract API; the domain records stay free to change. */
final class ContractResponses {

  private ContractResponses() {}

  record OptionView(
      int optionOrder, int lengthMonths, boolean used, String usedByDecision, Instant usedAt) {

    static OptionView of(ExtensionOption o) {
      return new OptionView(
          o.optionOrder(), o.lengthMonths(), o.used(), o.usedByDecision(), o.usedAt());
    }
  }

  record ContractSummary(
      String reference,
      String title,
      String providerName,
      String serviceArea,
      LocalDate startDate,
      LocalDate endDate,
      BigDecimal annualValue,
      BigDecimal wholeLifeValue,
      ContractStatus status,
      List<OptionView> options) {

    static ContractSummary of(Contract c) {
      return new ContractSummary(
          c.reference(),
          c.title(),
          c.provider().name(),
          c.serviceArea(),
          c.startDate(),
          c.endDate(),
          c.annualValue(),
          c.wholeLifeValue(),
          c.status(),
          c.options().stream().map(OptionView::of).toList());
    }
  }

  record ProviderView(long id, String name, String contactEmail) {}

  record ContractDetails(
      String reference,
      String title,
      ProviderView provider,
      String serviceArea,
      LocalDate startDate,
      LocalDate endDate,
      BigDecimal annualValue,
      BigDecimal wholeLifeValue,
      String budgetHead,
      ContractStatus status,
      Instant createdAt,
      List<OptionView> options,
      ExtensionPeriod nextExtension,
      String contractOfficer,
      String procurementReference,
      String replacesReference,
      String replacedByReference) {

    static ContractDetails of(Contract c, ExtensionPeriod next) {
      Provider p = c.provider();
      return new ContractDetails(
          c.reference(),
          c.title(),
          new ProviderView(p.id(), p.name(), p.contactEmail()),
          c.serviceArea(),
          c.startDate(),
          c.endDate(),
          c.annualValue(),
          c.wholeLifeValue(),
          c.budgetHead(),
          c.status(),
          c.createdAt(),
          c.options().stream().map(OptionView::of).toList(),
          next,
          c.contractOfficer(),
          c.procurementReference(),
          c.replacesReference(),
          c.replacedByReference());
    }
  }
}
