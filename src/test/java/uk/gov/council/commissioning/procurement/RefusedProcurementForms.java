package uk.gov.council.commissioning.procurement;

import uk.gov.council.commissioning.testkit.TestUsers;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * Procurement forms that their checks refuse, sent the ways a form reaches the engine: the engine
 * REST API and Tasklist's own API. What is said of a refusal (its answer, the log) is each test's
 * own business; these only send.
 */
public final class RefusedProcurementForms {

  /** Where Tasklist's own API keeps a task. */
  public static final String TASKLIST_TASK = "/camunda/api/engine/engine/default/task/";

  private RefusedProcurementForms() {}

  /** A start form with an amount that is not money and no service area, through the REST API. */
  public static Response startThroughTheRestApi(HttpTestClient http, String user) {
    return http.postJson(
        "/engine-rest/process-definition/key/procurement/submit-form",
        """
        {"variables": {"title": {"value": "Advocacy", "type": "String"},
                       "estimatedValue": {"value": "12,5", "type": "String"},
                       "regime": {"value": "PA2023", "type": "String"},
                       "procurementStrategy": {"value": "Open tender", "type": "String"}}}""",
        TestUsers.as(user));
  }

  /**
   * A start form marked key in the officer's judgement without the reason, otherwise sound, through
   * the REST API.
   */
  public static Response keyWithoutReasonThroughTheRestApi(HttpTestClient http, String user) {
    return http.postJson(
        "/engine-rest/process-definition/key/procurement/submit-form",
        """
        {"variables": {"title": {"value": "Advocacy", "type": "String"},
                       "serviceArea": {"value": "Adult social care", "type": "String"},
                       "estimatedValue": {"value": "£80,000", "type": "String"},
                       "keyDecisionByOfficer": {"value": true, "type": "Boolean"},
                       "regime": {"value": "PA2023", "type": "String"},
                       "procurementStrategy": {"value": "Open tender", "type": "String"}}}""",
        TestUsers.as(user));
  }

  /** Governance declining without saying why, through the REST API. */
  public static Response governanceDeclineThroughTheRestApi(
      HttpTestClient http, String taskId, String user) {
    return http.postJson(
        "/engine-rest/task/" + taskId + "/submit-form",
        """
        {"variables": {"governanceAgreement": {"value": "DECLINE", "type": "String"}}}""",
        TestUsers.as(user));
  }

  /**
   * Finance declining without saying why, in Tasklist: {@code http} holds the signed-in session and
   * {@code token} its XSRF token (see {@code HttpProcessTestCase#signInToWebApps}).
   */
  public static Response financeDeclineInTasklist(
      HttpTestClient http, String taskId, String token) {
    return http.postJson(
        TASKLIST_TASK + taskId + "/submit-form",
        "{\"variables\": {\"financeAgreement\": {\"value\": \"DECLINE\", \"type\": \"String\"}}}",
        "X-XSRF-TOKEN",
        token);
  }
}
