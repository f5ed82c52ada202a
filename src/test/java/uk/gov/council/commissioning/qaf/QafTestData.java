package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.testkit.ContractDraft.draft;
import static uk.gov.council.commissioning.testkit.TestUsers.providerUser;

import java.util.HashMap;
import java.util.Map;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.AccessSetup;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.TestUsers;

/** Providers, users, contracts and completed forms for QAF tests. */
final class QafTestData {

  static final String ALPHA_GROUP = "provider-qaf-alpha";
  static final String BETA_GROUP = "provider-qaf-beta";
  static final String ALPHA_USER = "qaf-alpha-user";
  static final String BETA_USER = "qaf-beta-user";
  static final String OFFICER = "qaf-officer";
  static final String MANAGER = "qaf-manager";
  static final String EVIDENCE =
      "Written evidence: policy reviewed March 2026, staff trained, audit results attached.";

  private QafTestData() {}

  static void users(AccessSetup access) {
    TestUsers.user(access, OFFICER, Roles.COMMISSIONING_OFFICERS);
    TestUsers.user(access, MANAGER, Roles.CONTRACTS_MANAGERS);
    providerUser(access, ALPHA_USER, ALPHA_GROUP, "Alpha Supported Living");
    providerUser(access, BETA_USER, BETA_GROUP, "Beta Support");
  }

  static Provider alpha(ContractService contracts) {
    return contracts.createProvider("Alpha Supported Living", "qaf@alpha.example", ALPHA_GROUP);
  }

  static Provider beta(ContractService contracts) {
    return contracts.createProvider("Beta Support", "qaf@beta.example", BETA_GROUP);
  }

  static void contract(
      ContractService contracts, Provider provider, String reference, String officer) {
    contracts.create(
        draft(reference, provider.id())
            .about("Supported Living (South)", "Supported living", "Supported Living")
            .running("2024-04-01", "2029-03-31", "300000.00", "1500000.00", 12));
    contracts.assignContractOfficer(reference, officer);
  }

  /**
   * A complete return claiming {@code grade} on every objective of the variant, with its evidence.
   */
  static Map<String, Object> qafReturn(String variant, String grade) {
    Map<String, Object> v = new HashMap<>();
    for (QafObjective o : QafObjective.of(variant)) {
      claim(v, o, grade);
    }
    v.put("summarySignedBy", "Pat Manager, Alpha");
    v.put("summaryDate", "2026-03-01");
    return v;
  }

  static void claim(Map<String, Object> v, QafObjective o, String grade) {
    v.put(o.gradeField(), grade);
    for (char level : QafEvidenceRule.levelsToEvidence(grade)) {
      v.put(o.evidenceField(level), EVIDENCE);
    }
  }

  /** The officer's grades: as claimed unless given otherwise (then explained). */
  static Map<String, Object> officerGrades(
      String variant, String claimed, Map<String, String> adjusted) {
    Map<String, Object> v = new HashMap<>();
    for (QafObjective o : QafObjective.of(variant)) {
      String grade = adjusted.getOrDefault(o.code(), claimed);
      v.put(o.officerGradeField(), grade);
      v.put(o.officerCommentsField(), "Evidence seen for each level");
      if (!grade.equals(claimed)) {
        v.put(
            o.explanationField(),
            "Level " + claimed + " evidence describes intentions, not practice");
      }
    }
    return v;
  }

  static Map<String, Object> deskReview(
      String variant, String claimed, Map<String, String> adjusted) {
    Map<String, Object> v = officerGrades(variant, claimed, adjusted);
    v.put("concernsOverService", false);
    // The provider of these tests is shared, so the pre-answer (§3.3 trigger 3) depends on what
    // other tests left behind: the officer's answer stands with a reason whichever it is.
    v.put("concernsOverrideReason", "Already addressed at the last contract management meeting");
    v.put("procurementReview", false);
    v.put("partialValidation", false);
    return v;
  }
}
