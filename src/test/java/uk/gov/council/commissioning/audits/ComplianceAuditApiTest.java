package uk.gov.council.commissioning.audits;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.CSG;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.LEAD;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestUsers.as;
import static uk.gov.council.commissioning.testkit.TestUsers.password;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The audits API and pages (seed 001 Part 3.1 §3.2-§3.4) over HTTP: the desk-top risks by the
 * Appendix 2 rule or overridden with a reason; refusals naming the field with nothing written (a
 * level outside Low/Medium/High above all); the desk-top view; provider-specific clauses; the audit
 * with the provider and its revised risks from the page form; the Contracts Update; and provider
 * isolation. Each test works in a month of its own, far ahead.
 */
@ProcessTest
class ComplianceAuditApiTest extends HttpProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("caapi", LEAD, MANAGER, CSG).withProviders("CAAPI Alpha", "CAAPI Beta");

  private static final AtomicInteger MONTHS = new AtomicInteger();

  @Autowired ComplianceAudits audits;

  YearMonth month;
  Contract alpha;
  long alphaAudit;
  long betaAudit;
  long returnedOnTime;
  long staffing;

  @BeforeEach
  void setUp() {
    month = YearMonth.of(2072, 1).plusMonths(MONTHS.getAndIncrement());
    TestClock.set(month.atDay(2).atTime(9, 0));
    alpha = AuditTestData.contract(contracts, TEAM.alpha(), uniqueReference("CAAPI-A-"));
    Contract beta = AuditTestData.contract(contracts, TEAM.beta(), uniqueReference("CAAPI-B-"));
    alphaAudit = audits.openFor(AuditTestData.meeting(jdbc, alpha, month.atDay(25)), "api-test");
    betaAudit = audits.openFor(AuditTestData.meeting(jdbc, beta, month.atDay(26)), "api-test");
    returnedOnTime = AuditTestData.clause(jdbc, "PERFORMANCE_INDICATORS", 1);
    staffing = AuditTestData.clause(jdbc, "PERFORMANCE_INDICATORS", 2);
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    for (String path :
        List.of("/api/audits", "/api/audits/" + alphaAudit, "/api/audits/contracts-update")) {
      assertThat(http.get(path).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void theLevelIsWhatTheCriteriaGiveOrTheOfficersWithAReason() {
    JsonNode audit =
        answer(
            http.putJson(
                risks(alphaAudit),
                """
                {"risks": [
                  {"clauseId": %d, "comments": "Two returns late", "criteria": ["MINOR_INTERNAL_DISRUPTION"]},
                  {"clauseId": %d, "criteria": ["CLAUSE_NOT_COMPLIED", "POSSIBLE_LOSS_OF_SERVICE"]}
                ]}
                """
                    .formatted(returnedOnTime, staffing),
                as(TEAM.user(LEAD))),
            200);
    JsonNode first = clause(audit, returnedOnTime);
    assertThat(first.get("suggestedLevel").asText()).isEqualTo("MEDIUM");
    assertThat(first.get("riskLevel").asText()).isEqualTo("MEDIUM");
    assertThat(first.get("assessedBy").asText()).isEqualTo(TEAM.user(LEAD));
    assertThat(clause(audit, staffing).get("riskLevel").asText()).isEqualTo("HIGH");

    JsonNode overridden =
        answer(
            http.putJson(
                risks(alphaAudit),
                """
                {"risks": [{"clauseId": %d, "criteria": ["MINOR_INTERNAL_DISRUPTION"],
                            "riskLevel": "Low", "reason": "Late by a day, once"}]}
                """
                    .formatted(returnedOnTime),
                as(TEAM.user(MANAGER))),
            200);
    assertThat(clause(overridden, returnedOnTime).get("suggestedLevel").asText())
        .isEqualTo("MEDIUM");
    assertThat(clause(overridden, returnedOnTime).get("riskLevel").asText()).isEqualTo("LOW");
    assertThat(clause(overridden, returnedOnTime).get("overrideReason").asText())
        .isEqualTo("Late by a day, once");
  }

  @Test
  void aLevelOutsideLowMediumHighAndOtherBadEntriesAreRefusedByNameAndNothingIsWritten() {
    JsonNode refused =
        problem(
            http.putJson(
                risks(alphaAudit),
                """
                {"risks": [
                  {"clauseId": %d, "criteria": ["CLAUSE_NOT_COMPLIED"]},
                  {"clauseId": %d, "riskLevel": "Severe", "reason": "Bad"}
                ]}
                """
                    .formatted(returnedOnTime, staffing),
                as(TEAM.user(LEAD))),
            400);
    assertThat(refused.findValuesAsText("field")).containsExactly("risks[1].riskLevel");
    assertThat(refused.at("/errors/0/message").asText()).isEqualTo("must be Low, Medium or High");

    assertField(
        http.putJson(
            risks(alphaAudit),
            "{\"risks\": [{\"clauseId\": %d, \"riskLevel\": \"HIGH\"}]}".formatted(returnedOnTime),
            as(TEAM.user(LEAD))),
        "risks[0].reason");
    assertField(
        http.putJson(
            risks(alphaAudit),
            "{\"risks\": [{\"clauseId\": %d, \"criteria\": [\"GOSSIP\"]}]}"
                .formatted(returnedOnTime),
            as(TEAM.user(LEAD))),
        "risks[0].criteria");
    assertField(
        http.putJson(
            risks(alphaAudit), "{\"risks\": [{\"clauseId\": 999999}]}", as(TEAM.user(LEAD))),
        "risks[0].clauseId");
    assertField(http.putJson(risks(alphaAudit), "{}", as(TEAM.user(LEAD))), "risks");
    assertField(http.get("/api/audits/abc", as(TEAM.user(LEAD))), "id");
    assertField(
        http.get("/api/audits/contracts-update?month=2072-13", as(TEAM.user(CSG))), "month");

    assertThat(riskRows(alphaAudit)).isZero();
  }

  @Test
  void aProviderSeesOnlyItsOwnAuditsAndChangesNothing() {
    assertThat(valuesListed("/api/audits", TEAM.alphaUser(), "providerName"))
        .contains(TEAM.alpha().name())
        .doesNotContain(TEAM.beta().name());
    assertThat(http.get("/api/audits/" + betaAudit, as(TEAM.alphaUser())).status()).isEqualTo(404);
    assertThat(http.get("/api/audits/" + betaAudit + "/desk-top", as(TEAM.alphaUser())).status())
        .isEqualTo(404);
    assertThat(
            answer(http.get("/api/audits/" + alphaAudit, as(TEAM.alphaUser())), 200)
                .get("providerName")
                .asText())
        .isEqualTo(TEAM.alpha().name());
    assertThat(signedIn(TEAM.alphaUser()).get("/audits/" + betaAudit).status()).isEqualTo(404);

    for (long audit : List.of(alphaAudit, betaAudit)) {
      Response response =
          http.putJson(
              risks(audit),
              "{\"risks\": [{\"clauseId\": %d, \"riskLevel\": \"LOW\"}]}".formatted(returnedOnTime),
              as(TEAM.alphaUser()));
      assertThat(response.status()).isEqualTo(403);
    }
    assertThat(
            http.postJson(
                    "/api/audits/checklist/clauses",
                    "{\"providerId\": %d, \"section\": \"OTHER\", \"text\": \"Ours\"}"
                        .formatted(TEAM.alpha().id()),
                    as(TEAM.alphaUser()))
                .status())
        .isEqualTo(403);
    assertThat(http.get("/api/audits/contracts-update", as(TEAM.alphaUser())).status())
        .isEqualTo(403);
    assertThat(riskRows(alphaAudit)).isZero();
    assertThat(riskRows(betaAudit)).isZero();
  }

  @Test
  void aClauseAddedForOneProviderIsInItsAuditsOnly() {
    JsonNode added =
        answer(
            http.postJson(
                "/api/audits/checklist/clauses",
                "{\"providerId\": %d, \"section\": \"STAFF\", \"text\": \"Agency staff use this quarter\"}"
                    .formatted(TEAM.alpha().id()),
                as(TEAM.user(LEAD))),
            201);
    long clauseId = added.get("clauseId").asLong();
    assertThat(added.get("providerSpecific").asBoolean()).isTrue();
    assertThat(added.get("section").asText()).isEqualTo("Staff");

    assertThat(clauseIds(answer(http.get("/api/audits/" + alphaAudit, as(TEAM.user(LEAD))), 200)))
        .contains(clauseId);
    assertThat(clauseIds(answer(http.get("/api/audits/" + betaAudit, as(TEAM.user(LEAD))), 200)))
        .doesNotContain(clauseId)
        .contains(returnedOnTime);
    // Another provider's clause is not one of this audit's.
    assertField(
        http.putJson(
            risks(betaAudit),
            "{\"risks\": [{\"clauseId\": %d}]}".formatted(clauseId),
            as(TEAM.user(LEAD))),
        "risks[0].clauseId");

    JsonNode refused =
        problem(
            http.postJson(
                "/api/audits/checklist/clauses",
                "{\"providerId\": 0, \"section\": \"NOWHERE\", \"text\": \" \"}",
                as(TEAM.user(LEAD))),
            400);
    assertThat(refused.findValuesAsText("field")).containsExactly("providerId", "section", "text");
  }

  @Test
  void theDeskTopViewShowsTheProvidersLastTwelveMonths() {
    Instant recent = month.atDay(1).atStartOfDay(TestClock.UK).minusMonths(2).toInstant();
    Instant old = month.atDay(1).atStartOfDay(TestClock.UK).minusMonths(14).toInstant();
    String recentComplaint = complaint(TEAM.alpha().id(), recent);
    String oldComplaint = complaint(TEAM.alpha().id(), old);
    breaches.record(
        "COMPLAINT",
        recentComplaint,
        TEAM.alpha().id(),
        "ACKNOWLEDGEMENT",
        Kind.MISSED,
        recent,
        recent,
        "Not acknowledged in time");

    JsonNode view =
        answer(http.get("/api/audits/" + alphaAudit + "/desk-top", as(TEAM.user(LEAD))), 200);
    assertThat(view.get("complaints").findValuesAsText("complaintNumber"))
        .contains(recentComplaint)
        .doesNotContain(oldComplaint);
    assertThat(view.get("deadlineBreaches").findValuesAsText("caseReference"))
        .containsExactly(recentComplaint);
    assertThat(view.get("seriousIncidents").isArray()).isTrue();
    assertThat(view.get("safeguardingAlerts").isArray()).isTrue();
    assertThat(view.get("qafGrades").isArray()).isTrue();
    assertThat(view.get("openImprovementPlans").isArray()).isTrue();

    String page = signedIn(TEAM.user(LEAD)).get("/audits/" + alphaAudit).text();
    assertThat(page).contains(recentComplaint).doesNotContain(oldComplaint);
    assertThat(page).contains("Returned on time (%)");
  }

  @Test
  void theAuditWithTheProviderIsPlannedThenRevisedOnThePageAndReachesTheContractsUpdate() {
    audits.assess(
        alphaAudit,
        List.of(new RiskEntry(returnedOnTime, "Late", List.of("CLAUSE_NOT_COMPLIED"), null, null)),
        TEAM.user(LEAD));
    audits.completeDeskTop(alphaAudit);
    audits.reportRisks(alphaAudit);

    assertField(
        http.postJson(
            "/api/audits/" + alphaAudit + "/provider-audit",
            "{\"auditDate\": \"%s\", \"areasToEvidence\": \"PI returns\"}"
                .formatted(month.atDay(27)),
            as(TEAM.user(LEAD))),
        "auditDate");
    assertField(
        http.postJson(
            "/api/audits/" + alphaAudit + "/provider-audit",
            "{\"auditDate\": \"%s\"}".formatted(month.atDay(10)),
            as(TEAM.user(LEAD))),
        "areasToEvidence");
    JsonNode planned =
        answer(
            http.postJson(
                "/api/audits/" + alphaAudit + "/provider-audit",
                "{\"auditDate\": \"%s\", \"areasToEvidence\": \"PI returns for the year\"}"
                    .formatted(month.atDay(10)),
                as(TEAM.user(LEAD))),
            200);
    assertThat(planned.get("status").asText()).isEqualTo("PROVIDER_AUDIT");
    String key = "audits:audit-" + alphaAudit + "-" + month.atDay(10) + ":areas-to-evidence";
    assertThat(outbox(key)).contains(TEAM.alphaUser());
    assertThat(outboxBody(key)).contains("PI returns for the year");

    HttpTestClient browser = signedIn(TEAM.user(LEAD));
    Response page = browser.get("/audits/" + alphaAudit);
    assertThat(page.text()).contains("Save the revised risks and summary");
    String token = HttpTestClient.csrfTokenIn(page);

    Map<String, String> bad = new HashMap<>();
    bad.put("_csrf", token);
    bad.put("evidence-" + returnedOnTime, "Seen");
    bad.put("revised-" + returnedOnTime, "CRITICAL");
    Response refused = browser.postForm("/audits/" + alphaAudit + "/revised", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("must be Low, Medium or High");
    assertThat(revisedLevel(alphaAudit, returnedOnTime)).isNull();

    Map<String, String> form = new HashMap<>();
    form.put("_csrf", token);
    form.put("evidence-" + returnedOnTime, "Three returns late in the year");
    form.put("revised-" + returnedOnTime, "HIGH");
    form.put("summary", "PI returns remain late");
    Response saved = browser.postForm("/audits/" + alphaAudit + "/revised", form);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(revisedLevel(alphaAudit, returnedOnTime)).isEqualTo("HIGH");

    audits.completeProviderAudit(alphaAudit);
    assertThat(audits.reportRaised(alphaAudit)).isEqualTo(1);

    JsonNode update =
        answer(http.get("/api/audits/contracts-update?month=" + month, as(TEAM.user(CSG))), 200);
    assertThat(lineFor(update.get("risks")).get("level").asText()).isEqualTo("MEDIUM");
    assertThat(lineFor(update.get("raisedToHigh")).get("level").asText()).isEqualTo("HIGH");
    String updatePage =
        signedIn(TEAM.user(CSG)).get("/audits/contracts-update?month=" + month).text();
    assertThat(updatePage).contains(alpha.reference()).contains("Medium risks moved to High");
    assertThat(signedIn(TEAM.alphaUser()).get("/audits/contracts-update?month=" + month).status())
        .isEqualTo(403);
  }

  private JsonNode lineFor(JsonNode lines) {
    for (JsonNode line : lines) {
      if (line.get("auditId").asLong() == alphaAudit) {
        return line;
      }
    }
    throw new AssertionError("no line for audit " + alphaAudit + " in " + lines);
  }

  private static String risks(long audit) {
    return "/api/audits/" + audit + "/risks";
  }

  private static JsonNode clause(JsonNode audit, long clauseId) {
    for (JsonNode c : audit.get("checklist")) {
      if (c.get("clauseId").asLong() == clauseId) {
        return c;
      }
    }
    throw new AssertionError("no clause " + clauseId);
  }

  private static List<Long> clauseIds(JsonNode audit) {
    return audit.get("checklist").findValues("clauseId").stream().map(JsonNode::asLong).toList();
  }

  private void assertField(Response response, String field) {
    JsonNode body = problem(response, 400);
    assertThat(body.findValuesAsText("field")).as(response.text()).containsExactly(field);
  }

  private long riskRows(long audit) {
    return jdbc.sql("SELECT COUNT(*) FROM compliance_audit_risk WHERE audit_id = :a")
        .param("a", audit)
        .query(Long.class)
        .single();
  }

  private String revisedLevel(long audit, long clauseId) {
    return jdbc.sql(
            "SELECT revised_level FROM compliance_audit_risk WHERE audit_id = :a AND clause_id = :c")
        .param("a", audit)
        .param("c", clauseId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private String complaint(long providerId, Instant received) {
    String number = uniqueReference("CP-AUD-");
    jdbc.sql(
            """
            INSERT INTO complaint (complaint_number, route, provider_id, received_at, opened_at,
                                   acknowledge_due_at, respond_due_at, original_respond_due_at)
            VALUES (:n, 'PROVIDER', :p, :r, :r, :r, :r, :r)
            """)
        .param("n", number)
        .param("p", providerId)
        .param("r", java.sql.Timestamp.from(received))
        .update();
    return number;
  }

  private HttpTestClient signedIn(String user) {
    HttpTestClient client = new HttpTestClient(port);
    assertThat(client.signIn(user, password(user)).status()).isEqualTo(302);
    return client;
  }
}
