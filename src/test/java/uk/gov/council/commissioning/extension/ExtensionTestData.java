package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.testkit.ContractDraft.draft;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;

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
    Contract created =
        contract(
            contracts,
            reference,
            LocalDate.of(2017, 4, 8),
            LocalDate.of(2019, 4, 7),
            "900000",
            List.of(12, 12));
    contracts.applyExtension(
        reference, 1, "Portfolio Holder decision 2018 (first +1 year)", LocalDate.of(2020, 4, 7));
    return contracts.findByReference(created.reference()).orElseThrow();
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
  static Map<String, Object> gatewayReport(boolean keyDecision) {
    Map<String, Object> v = new HashMap<>();
    v.put("reportNumber", "ACH19003");
    v.put("contactOfficer", "Commissioning Officer");
    v.put("ward", "All");
    v.put("keyDecision", keyDecision);
    v.put("impactOnVulnerableAdults", "None");
    v.put("estimatedUsers", 351L);
    v.put("rationale", "The provider is delivering a good service (seed 000 §1.3)");
    v.put("serviceReviews", "Satisfactory in April 2018 and June 2018");
    v.put("qafOutcome", "April 2018: satisfactory");
    v.put("kpiSummary", "Revised KPIs in force from November 2018 and met");
    v.put("satisfaction", "91% very or quite satisfied");
    v.put("priceChange", "None: the 2017 price is retained");
    v.put("option1Description", "Extend the current contract for the permissible 1 year");
    v.put("option1Recommended", true);
    v.put("option1Reasons", "Continuity while pre-payment cards are implemented");
    v.put("option2Description", "Tender as is");
    v.put("option2Recommended", false);
    v.put("option2Reasons", "Would not include the current review; tight timeline");
    v.put("option3Description", "Decommission the service");
    v.put("option3Recommended", false);
    v.put("option3Reasons", "Statutory duty under the Care Act 2014");
    v.put("costOfProposal", 225000.0);
    v.put("ongoingCosts", 0.0);
    v.put("budgetHead", "Direct Payments Support");
    v.put("totalCurrentBudget", 225000.0);
    v.put("sourceOfFunding", "Council's General Fund");
    v.put("legalImplications", "Clause 2.2 allows a further 1 year plus 1 year");
    return v;
  }

  static Map<String, Object> scrutiny() {
    return Map.of(
        "scrutinyCommittee",
        "Adult Care and Health Policy Development and Scrutiny Committee",
        "scrutinyDate",
        "2019-09-17",
        "scrutinyComments",
        "Noted");
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
