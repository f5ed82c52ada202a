package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.testkit.ContractDraft.draft;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.FormValues;

/** Contracts and completed forms for extension tests, modelled on seed 000. */
final class ExtensionTestData {

  private static final String TITLE = "Direct Payments Support and Payroll Service";

  private ExtensionTestData() {}

  static Provider vibrance(ContractService contracts) {
    return contracts.createProvider("Vibrance", "contracts@vibrance.example", "provider-vibrance");
  }

  /**
   * Seed 000 §1.2, §4.2: from April 2017 for two years with 1 + 1 year options, the first used (end
   * date now 7 April 2020). Whole-life value puts it in the Portfolio Holder band.
   */
  static Contract seedContract(ContractService contracts, String reference) {
    Contract created = contract(contracts, reference, "2017-04-08", "2019-04-07", "900000", 12, 12);
    contracts.applyExtension(
        reference, 1, "Portfolio Holder decision 2018 (first +1 year)", LocalDate.of(2020, 4, 7));
    return contracts.findByReference(created.reference()).orElseThrow();
  }

  /** A Vibrance contract; dates as {@code yyyy-MM-dd}, one option of each length in months. */
  static Contract contract(
      ContractService contracts,
      String reference,
      String start,
      String end,
      String wholeLifeValue,
      int... optionMonths) {
    return contract(
        contracts,
        reference,
        LocalDate.parse(start),
        LocalDate.parse(end),
        wholeLifeValue,
        Arrays.stream(optionMonths).boxed().toList());
  }

  static Contract contract(
      ContractService contracts,
      String reference,
      LocalDate start,
      LocalDate end,
      String wholeLifeValue,
      List<Integer> optionMonths) {
    return contract(
        contracts, vibrance(contracts), reference, start, end, wholeLifeValue, optionMonths);
  }

  static Contract contract(
      ContractService contracts,
      Provider provider,
      String reference,
      LocalDate start,
      LocalDate end,
      String wholeLifeValue,
      List<Integer> optionMonths) {
    return contracts.create(
        draft(reference, provider.id())
            .about(TITLE, "Direct payments", "Direct Payments Support")
            .running(
                start,
                end,
                new BigDecimal("225000.00").min(new BigDecimal(wholeLifeValue)).toPlainString(),
                wholeLifeValue,
                optionMonths.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** A complete gateway report as the seed's officer would submit it. */
  /**
   * The seed's report (cost of the extension £225,000: one year at the 2017 price, the council's
   * assumption as the seed's front sheet leaves the cost empty); {@code keyDecision}: the officer
   * judges it key, with a reason, which routes it to the Executive with scrutiny and call-in.
   */
  static Map<String, Object> gatewayReport(boolean keyDecision) {
    Map<String, Object> v = FormValues.load("extension/gateway-report");
    v.remove("keyDecision");
    v.put("keyDecisionByOfficer", keyDecision);
    if (keyDecision) {
      v.put(
          "keyDecisionReason",
          "Decided with the approval to tender, a Non-Urgent Executive Key decision");
    }
    return v;
  }

  static Map<String, Object> scrutiny() {
    return FormValues.load("extension/scrutiny");
  }

  static Map<String, Object> chiefOfficer(String decision, String comments) {
    return Map.of("chiefOfficerDecision", decision, "chiefOfficerComments", comments);
  }

  static Map<String, Object> governance(String decision, String comments) {
    return Map.of("governanceDecision", decision, "governanceComments", comments);
  }

  static Map<String, Object> approval(String decision, String comments) {
    return Map.of(
        "approvalDecision",
        decision,
        "decisionReference",
        "PH-2019-117",
        "approvalComments",
        comments);
  }
}
