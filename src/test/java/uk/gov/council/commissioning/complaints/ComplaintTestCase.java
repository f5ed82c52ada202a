package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintTestData.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * Starts complaints as their users would and gives the answers that take them from step to step,
 * for the complaint process tests on H2 and on PostgreSQL. Unless a test says otherwise complaints
 * are received on Monday 2 March 2026 at 08:30 (GMT).
 */
abstract class ComplaintTestCase extends ProcessTestCase {

  static final String RECEIVED = "2026-03-02T08:30:00Z";

  @Autowired ComplaintRepository complaints;

  ProcessInstance start(String user, Map<String, Object> form) {
    return startSignedIn(user, "complaint", form);
  }

  /** The provider's user records a complaint about the contract that reveals a concern. */
  ProcessInstance startWithSafeguardingConcern(String contractReference, String summary) {
    Map<String, Object> form = complaint(RECEIVED, null, contractReference);
    form.put("safeguardingConcern", true);
    form.put("safeguardingSummary", summary);
    return start(ALPHA_USER, form);
  }

  void councilAcknowledges(ProcessInstance instance, String acknowledgedAt) {
    complete(instance, "Task_AcknowledgeComplaint", Map.of("acknowledgedAt", acknowledgedAt));
  }

  void providerAcknowledges(ProcessInstance instance, String acknowledgedAt) {
    complete(
        instance, "Task_ProviderAcknowledgeComplaint", Map.of("acknowledgedAt", acknowledgedAt));
  }

  /** The provider tells the council the complaint could not be resolved locally. */
  void unresolved(ProcessInstance instance, String discussionsSummary) {
    complete(
        instance,
        "Task_ResolveComplaint",
        Map.of("resolution", "UNRESOLVED", "discussionsSummary", discussionsSummary));
  }

  Complaint complaintOf(ProcessInstance instance) {
    return complaints.findByProcessInstance(instance.getId()).orElseThrow();
  }

  List<DeadlineBreach> breachesOf(Complaint c) {
    return breaches.ofCase("COMPLAINT", c.number());
  }

  /** The complaint's breaches as (requirement, kind) rows. */
  List<Tuple> breachKinds(Complaint c) {
    return breachKinds("COMPLAINT", c.number());
  }

  /** The council's answer to the complaint, as a form that can still be added to. */
  static Map<String, Object> respond(String respondedAt) {
    return new HashMap<>(
        Map.of(
            "responseDecision",
            "RESPOND",
            "respondedAt",
            respondedAt,
            "responseSummary",
            "Apology; the visit times are now fixed"));
  }

  /** A new response date the complainant has been told of, as a form that can be changed. */
  static Map<String, Object> extend(String newDate) {
    return new HashMap<>(
        Map.of(
            "responseDecision",
            "EXTEND",
            "newResponseDate",
            newDate,
            "extensionReason",
            "Waiting for the provider's call records",
            "complainantTold",
            true));
  }

  static Map<String, Object> resolved(String resolvedAt) {
    return Map.of(
        "resolution",
        "RESOLVED",
        "resolvedAt",
        resolvedAt,
        "resolutionOutcome",
        "New visit times agreed");
  }
}
