package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.testkit.ContractDraft.draft;
import static uk.gov.council.commissioning.testkit.TestUsers.providerUser;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.AccessSetup;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.FormValues;
import uk.gov.council.commissioning.testkit.TestUsers;

/** Providers, users, contracts and completed forms for complaint tests. */
final class ComplaintTestData {

  static final String ALPHA_GROUP = "provider-cp-alpha";
  static final String BETA_GROUP = "provider-cp-beta";
  static final String ALPHA_USER = "cp-alpha-user";
  static final String BETA_USER = "cp-beta-user";
  static final String OFFICER = "cp-officer";
  static final String MANAGER = "cp-manager";
  static final String QUALITY = "cp-quality";
  static final String CONTRACT_OFFICER = "cp-contract-officer";

  private ComplaintTestData() {}

  static void users(AccessSetup access) {
    TestUsers.user(access, OFFICER, Roles.COMMISSIONING_OFFICERS);
    TestUsers.user(access, CONTRACT_OFFICER, Roles.COMMISSIONING_OFFICERS);
    TestUsers.user(access, MANAGER, Roles.CONTRACTS_MANAGERS);
    TestUsers.user(access, QUALITY, Roles.QUALITY_ASSURANCE);
    providerUser(access, ALPHA_USER, ALPHA_GROUP, "Alpha Home Care");
    providerUser(access, BETA_USER, BETA_GROUP, "Beta Support");
  }

  static Provider alpha(ContractService contracts) {
    return contracts.createProvider("Alpha Home Care", "complaints@alpha.example", ALPHA_GROUP);
  }

  static Provider beta(ContractService contracts) {
    return contracts.createProvider("Beta Support", "complaints@beta.example", BETA_GROUP);
  }

  static void contract(ContractService contracts, Provider provider, String reference) {
    String title = "Domiciliary Care Service (North Locality)";
    contracts.create(
        draft(reference, provider.id())
            .about(title, "Home care", "Home Care - Older People")
            .running("2024-04-01", "2029-03-31", "640000.00", "3200000.00", 12));
    contracts.assignContractOfficer(reference, CONTRACT_OFFICER);
  }

  /** A complete start form, as Tasklist would submit it. */
  static Map<String, Object> complaint(String receivedAt, String route, String contractReference) {
    Map<String, Object> v = FormValues.load("complaints/complaint");
    v.put("receivedAt", receivedAt);
    if (route != null) {
      v.put("route", route);
    }
    if (contractReference != null) {
      v.put("contractReference", contractReference);
    }
    return v;
  }

  /**
   * A complaint as the register holds it: received 2 March 2026, acknowledged the next day, due
   * three weeks after it was received.
   */
  static Complaint registeredComplaint(String route, String providerGroup) {
    Instant received = Instant.parse("2026-03-02T08:30:00Z");
    Instant due = received.plus(Duration.ofDays(21));
    return new Complaint(
        1,
        "CP-2026-000001",
        "pi",
        route,
        7L,
        "Alpha Care",
        providerGroup,
        "AC-01",
        received,
        received,
        "officer",
        received.plus(Duration.ofDays(1)),
        null,
        due,
        due,
        0,
        null,
        null,
        null,
        null,
        1,
        false,
        "OPEN",
        null,
        null,
        null,
        null);
  }
}
