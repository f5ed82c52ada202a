package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.testkit.ContractDraft.draft;
import static uk.gov.council.commissioning.testkit.TestUsers.providerUser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.AccessSetup;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.FormValues;
import uk.gov.council.commissioning.testkit.TestUsers;

/** Providers, users, contracts and QAFs with a final "D" for improvement plan tests. */
final class ImprovementPlanTestData {

  static final String ALPHA_GROUP = "provider-ip-alpha";
  static final String BETA_GROUP = "provider-ip-beta";
  static final String ALPHA_USER = "ip-alpha-user";
  static final String BETA_USER = "ip-beta-user";
  static final String OFFICER = "ip-officer";
  static final String MANAGER = "ip-manager";
  static final String CONTRACT_OFFICER = "ip-contract-officer";

  private ImprovementPlanTestData() {}

  static void users(AccessSetup access) {
    TestUsers.user(access, OFFICER, Roles.COMMISSIONING_OFFICERS);
    TestUsers.user(access, CONTRACT_OFFICER, Roles.COMMISSIONING_OFFICERS);
    TestUsers.user(access, MANAGER, Roles.CONTRACTS_MANAGERS);
    providerUser(access, ALPHA_USER, ALPHA_GROUP, "Alpha Supported Living");
    providerUser(access, BETA_USER, BETA_GROUP, "Beta Housing Support");
  }

  /**
   * Takes the test's council users out of the staff groups again: test classes share a Spring
   * context, and other classes expect only their own users in those groups (emails to a group).
   */
  static void removeStaff(org.camunda.bpm.engine.IdentityService identity) {
    identity.deleteMembership(OFFICER, Roles.COMMISSIONING_OFFICERS);
    identity.deleteMembership(CONTRACT_OFFICER, Roles.COMMISSIONING_OFFICERS);
    identity.deleteMembership(MANAGER, Roles.CONTRACTS_MANAGERS);
  }

  static Provider provider(ContractService contracts, String group, String name, String email) {
    return contracts.findAllProviders().stream()
        .filter(p -> p.organisationGroup().equals(group))
        .findFirst()
        .orElseGet(() -> contracts.createProvider(name, email, group));
  }

  static Provider alpha(ContractService contracts) {
    return provider(contracts, ALPHA_GROUP, "IP Alpha Supported Living", "quality@alpha.example");
  }

  static Provider beta(ContractService contracts) {
    return provider(contracts, BETA_GROUP, "Beta Housing Support", "quality@beta.example");
  }

  static Contract contract(ContractService contracts, Provider provider, String reference) {
    contracts.create(
        draft(reference, provider.id())
            .about("Floating Support Service", "Housing support", "Supporting People")
            .running("2024-04-01", "2029-03-31", "250000.00", "1250000.00", 12));
    contracts.assignContractOfficer(reference, CONTRACT_OFFICER);
    return contracts.findByReference(reference).orElseThrow();
  }

  /**
   * A QAF for the contract whose grades are final, as the qaf-assessment process leaves it (V6):
   * the given objectives graded D, the others C.
   *
   * @return the assessment id
   */
  static long agreedQaf(
      JdbcClient jdbc, Contract contract, String qafNumber, String... dObjectives) {
    jdbc.sql(
            """
            INSERT INTO qaf_assessment (qaf_number, contract_id, provider_id, financial_year, variant, meeting_date,
                                        reviewing_officer, issue_at, issued_at, return_due_at, returned_at,
                                        grades_agreed_at, agreement, status)
            VALUES (:number, :contract, :provider, 2025, 'FULL', :meeting, :officer, :issueAt, :issueAt, :dueAt,
                    :dueAt, :dueAt, 'PROVIDER_AGREED', 'AGREED')""")
        .param("number", qafNumber)
        .param("contract", contract.id())
        .param("provider", contract.provider().id())
        .param("meeting", LocalDate.of(2026, 4, 15))
        .param("officer", OFFICER)
        .param("issueAt", Instant.parse("2026-01-15T09:00:00Z").atOffset(ZoneOffset.UTC))
        .param("dueAt", Instant.parse("2026-02-25T09:00:00Z").atOffset(ZoneOffset.UTC))
        .update();
    long id =
        jdbc.sql("SELECT id FROM qaf_assessment WHERE qaf_number = :number")
            .param("number", qafNumber)
            .query(Long.class)
            .single();
    List<String> ds = List.of(dObjectives);
    for (String objective : List.of("C1.1", "C1.2", "C1.3", "C1.4", "C1.5", "C1.6", "C1.7")) {
      String grade = ds.contains(objective) ? "D" : "C";
      jdbc.sql(
              "INSERT INTO qaf_grade (assessment_id, objective, provider_grade, officer_grade, final_grade)"
                  + " VALUES (:id, :objective, 'C', :grade, :grade)")
          .params(Map.of("id", id, "objective", objective, "grade", grade))
          .update();
    }
    return id;
  }

  static Map<String, Object> plan() {
    return FormValues.load("qaf/improvement-plan");
  }
}
