package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.testkit.ContractDraft.draft;

import java.util.HashMap;
import java.util.Map;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.AccessSetup;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.FormValues;
import uk.gov.council.commissioning.testkit.TestUsers;

/** Providers, contracts and completed forms for serious-incident tests (seed 002 §12). */
final class IncidentTestData {

  static final String VIBRANCE_GROUP = "provider-vibrance";
  static final String BRIGHTPATH_GROUP = "provider-brightpath";

  private IncidentTestData() {}

  /** Vibrance and Brightpath Home Care as provider organisations, with a user of each. */
  static void providerUsers(AccessSetup access, String vibranceUser, String brightpathUser) {
    access.ensureGroup(VIBRANCE_GROUP, "Vibrance", "PROVIDER");
    access.ensureGroup(BRIGHTPATH_GROUP, "Brightpath Home Care", "PROVIDER");
    TestUsers.user(access, vibranceUser, Roles.PROVIDERS, VIBRANCE_GROUP);
    TestUsers.user(access, brightpathUser, Roles.PROVIDERS, BRIGHTPATH_GROUP);
  }

  static Provider vibrance(ContractService contracts) {
    return contracts.createProvider("Vibrance", "contracts@vibrance.example", VIBRANCE_GROUP);
  }

  static Provider brightpath(ContractService contracts) {
    return contracts.createProvider(
        "Brightpath Home Care", "contracts@brightpath.example", BRIGHTPATH_GROUP);
  }

  /**
   * Vibrance and Brightpath, each with its user, and a home care contract of Vibrance's under
   * {@code reference}, so that an incident on it has an owner and a rival; returns Vibrance.
   */
  static Provider vibranceWithAContract(
      AccessSetup access,
      ContractService contracts,
      String vibranceUser,
      String brightpathUser,
      String reference) {
    providerUsers(access, vibranceUser, brightpathUser);
    Provider vibrance = vibrance(contracts);
    brightpath(contracts);
    homeCareContract(contracts, vibrance, reference);
    return vibrance;
  }

  static Contract homeCareContract(ContractService contracts, Provider provider, String reference) {
    return contracts.create(
        draft(reference, provider.id())
            .about("Domiciliary Care Service", "Home care", "Home Care")
            .running("2024-04-01", "2027-03-31", "640000.00", "1920000.00", 12));
  }

  /** A provider's complete initial report (seed 002 §12.4) that opens the case. */
  static Map<String, Object> providerReport(
      String contractReference, String occurredAt, String awareAt) {
    Map<String, Object> v = reportItems();
    v.put("contractReference", contractReference);
    v.put("category", "EMERGENCY_HOSPITAL_ADMISSION");
    v.put("occurredAt", occurredAt);
    v.put("providerAwareAt", awareAt);
    v.put("safeguardingSuspected", false);
    v.put("riddorReportable", false);
    return v;
  }

  /** An officer's log of an incident learnt from the hospital, before the provider reported it. */
  static Map<String, Object> officerLog(String contractReference, String occurredAt) {
    Map<String, Object> v = FormValues.load("incidents/officer-log");
    v.put("contractReference", contractReference);
    v.put("occurredAt", occurredAt);
    return v;
  }

  /** The provider's initial report on a case the council logged. */
  static Map<String, Object> initialReport(String awareAt) {
    Map<String, Object> v = reportItems();
    v.put("providerAwareAt", awareAt);
    v.put("safeguardingSuspected", false);
    v.put("riddorReportable", true);
    return v;
  }

  static Map<String, Object> reportItems() {
    return FormValues.load("incidents/report-items");
  }

  /** Seed 002 §12.5. */
  static Map<String, Object> reportingForm() {
    return FormValues.load("incidents/reporting-form");
  }

  /**
   * The quality assurance team enters an initial report the provider phoned or emailed (seed 002
   * §12.4).
   */
  static Map<String, Object> initialReportReceived(
      String channel, String receivedAt, String awareAt) {
    Map<String, Object> v = initialReport(awareAt);
    v.put("initialReportChannel", channel);
    v.put("initialReportReceivedAt", receivedAt);
    return v;
  }

  /**
   * The quality assurance team enters the reporting form the provider emailed (seed 002 §12.5), as
   * pasted text.
   */
  static Map<String, Object> reportingFormReceived(String receivedAt) {
    Map<String, Object> v = new HashMap<>();
    v.put("reportingFormChannel", "EMAIL");
    v.put("reportingFormReceivedAt", receivedAt);
    v.put(
        "reportingFormText",
        "SERIOUS INCIDENT REPORTING FORM. Chronology: 07:55 carer arrived, found the service"
            + " user on the floor. Contributory factors: rug in the hallway. Actions: home hazard check at every review.");
    return v;
  }

  /** A chase task's answer: the provider was chased. */
  static Map<String, Object> chased(String action) {
    return Map.of("chaseDecision", "CHASED", "escalationAction", action);
  }

  /**
   * A chase task's answer: the report had reached the council another way, entered with the answer.
   */
  static Map<String, Object> receivedAnotherWay(Map<String, Object> entry) {
    Map<String, Object> v = new HashMap<>(entry);
    v.put("chaseDecision", "RECEIVED_ANOTHER_WAY");
    return v;
  }

  static Map<String, Object> update(String summary, boolean last) {
    Map<String, Object> v = new HashMap<>();
    v.put("updateSummary", summary);
    v.put("updateFinal", last);
    return v;
  }

  static Map<String, Object> close() {
    return FormValues.load("incidents/close");
  }

  static Map<String, Object> escalate(String route) {
    return Map.of(
        "reviewDecision",
        "ESCALATE",
        "escalationRoute",
        route,
        "reviewNotes",
        "Escalated: " + route);
  }
}
