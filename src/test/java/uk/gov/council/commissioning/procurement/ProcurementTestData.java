package uk.gov.council.commissioning.procurement;

import static uk.gov.council.commissioning.testkit.ContractDraft.draft;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.AccessSetup;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.FormValues;
import uk.gov.council.commissioning.testkit.TestUsers;

/** Users, the contract being replaced and a lawful timetable for procurement tests. */
final class ProcurementTestData {

  static final String OFFICER = "proc-officer";
  static final String LEAD = "proc-lead";
  static final String GOVERNANCE = "proc-governance";
  static final String CORPORATE = "proc-corporate";
  static final String FINANCE = "proc-finance";
  static final String CLERK = "proc-clerk";
  static final String PORTFOLIO = "proc-portfolio";
  static final String CHIEF = "proc-chief";

  /** Each test user and the one council group it acts in. */
  static final Map<String, String> STAFF =
      Map.of(
          OFFICER, Roles.PROCUREMENT,
          LEAD, Roles.PROCUREMENT_LEADS,
          GOVERNANCE, Roles.GOVERNANCE_CONTRACTS,
          CORPORATE, Roles.CORPORATE_DIRECTORS,
          FINANCE, Roles.FINANCE_DIRECTORS,
          CLERK, Roles.DEMOCRATIC_SERVICES,
          PORTFOLIO, Roles.PORTFOLIO_HOLDERS,
          CHIEF, Roles.CHIEF_OFFICERS);

  private ProcurementTestData() {}

  static void users(AccessSetup access) {
    STAFF.forEach((user, group) -> TestUsers.user(access, user, group));
  }

  /**
   * Takes the test users out of the shared staff groups again: test classes share a Spring context,
   * and other classes count the members of these groups (emails to a group).
   */
  static void removeStaff(IdentityService identity) {
    STAFF.forEach((user, group) -> identity.deleteMembership(user, group));
  }

  static Provider incumbent(ContractService contracts) {
    return contracts.findAllProviders().stream()
        .filter(p -> p.organisationGroup().equals("provider-proc-incumbent"))
        .findFirst()
        .orElseGet(
            () ->
                contracts.createProvider(
                    "Incumbent Payroll Services",
                    "contracts@incumbent.example",
                    "provider-proc-incumbent"));
  }

  /** The contract the procurement replaces: ends on 30 September 2026, its options used up. */
  static Contract replacedContract(ContractService contracts, String reference) {
    String title = "Direct Payments Support and Payroll Service";
    contracts.create(
        draft(reference, incumbent(contracts).id())
            .about(title, "Adult social care", "Direct payments")
            .running("2022-10-01", "2026-09-30", "300000.00", "1200000.00"));
    return contracts.findByReference(reference).orElseThrow();
  }

  /**
   * The contract of seed 000 being re-tendered: Direct Payments Support and Payroll, £225,000 a
   * year, in its last extension to 7 April 2021 (§10.4, §12.1); the new contract commences on 8
   * April 2021 (SeedTimetable).
   */
  static Contract seedContract(ContractService contracts, String reference) {
    contracts.create(
        draft(reference, incumbent(contracts).id())
            .about(
                "Direct Payments Support and Payroll Service",
                "Adult social care",
                "Direct payments")
            .running("2017-04-08", "2021-04-07", "225000.00", "900000.00"));
    return contracts.findByReference(reference).orElseThrow();
  }

  /**
   * The seed's timetable (SeedTimetable: §6.5 in dates) as the officer enters it on the timetable
   * form, under the seed's regime, the light touch regime of PCR 2015 (§10.6).
   */
  static Map<String, Object> seedPlan() {
    SeedTimetable seed = SeedTimetable.seed();
    Map<String, Object> plan = FormValues.load("procurement/timetable");
    plan.put("regime", seed.regime);
    plan.put("procedure", seed.procedure);
    plan.put("marketEngagementStart", seed.marketEngagementStart.toString());
    plan.put("marketEngagementEnd", seed.marketEngagementEnd.toString());
    plan.put("tenderNoticeDate", seed.tenderNoticeDate.toString());
    plan.put("tenderCloseDate", seed.tenderCloseDate.toString());
    plan.put("evaluationEnd", seed.evaluationEnd.toString());
    plan.put("awardAuthorisationEnd", seed.awardAuthorisationEnd.toString());
    plan.put("awardNoticeDate", seed.awardNoticeDate.toString());
    plan.put("contractSignatureDate", seed.contractSignatureDate.toString());
    plan.put("commencementDate", seed.commencementDate.toString());
    // Standstill is the law's under this regime (reg 87 through reg 85), not a choice.
    plan.put("voluntaryStandstill", false);
    return plan;
  }

  /** The officer's reason for marking a procurement key (seed 000 front sheet). */
  static final String KEY_DECISION_REASON =
      "Significant for service users across the borough: the Executive decides (seed 000 §2.3)";

  static Map<String, Object> request(
      String replaces, String regime, double value, boolean keyDecision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Direct Payments Support and Payroll Service");
    variables.put("serviceArea", "Adult social care");
    variables.put("estimatedValue", value);
    variables.put("keyDecisionByOfficer", keyDecision);
    if (keyDecision) {
      variables.put("keyDecisionReason", KEY_DECISION_REASON);
    }
    variables.put("regime", regime);
    variables.put("replacesContractReference", replaces);
    variables.put(
        "procurementStrategy",
        "Open tender, one lot, 5 years + 1 + 1, price 60% quality 40% (seed 000 §6)");
    return variables;
  }

  /**
   * A lawful open-procedure timetable under the Procurement Act 2023, planned on Monday 2 March
   * 2026: a 32-day tender period (minimum 25, s54) and signature well after the 8-working-day
   * standstill.
   */
  static Map<String, Object> plan(String regime) {
    Map<String, Object> plan = FormValues.load("procurement/timetable");
    plan.put("regime", regime);
    return plan;
  }

  /** Two stage 2 questions; Birch wins on price (hand-worked in ProcurementProcessTest). */
  static Map<String, Object> evaluation(String bids) {
    Map<String, Object> sheet = FormValues.load("procurement/evaluation");
    sheet.put("evaluationBids", bids);
    return sheet;
  }

  static final String THREE_BIDS =
      String.join(
          "\n",
          "Acme Care | £100,000 | PASS | 4 | 3",
          "Birch Support | £90,000 | PASS | 3 | 3",
          "Cedar Ltd | £80,000 | FAIL | No insurance certificate");
}
