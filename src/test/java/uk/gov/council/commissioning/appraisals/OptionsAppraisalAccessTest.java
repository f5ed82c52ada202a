package uk.gov.council.commissioning.appraisals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The confidential annex of an options appraisal (seed 003: "a corresponding private report which
 * detailed confidential aspects of the proposals") is read only by the council teams the report
 * names: through its own endpoint, never in the public answer, the engine's REST API, Cockpit's
 * variables, emails or the decision notice. Bad reports are refused naming the field, with nothing
 * written.
 */
@ProcessTest
class OptionsAppraisalAccessTest extends AppraisalTestCase {

  private String annex;
  private String reference;
  private ProcessInstance instance;

  @BeforeEach
  void atTheDecision() {
    annex = "Private report " + System.nanoTime() + ": sub-contracting rates";
    reference = submit(coventry(annex, new BigDecimal("250000.00"), null, "PROCURE"));
    instance = runningCase(AppraisalSteps.PROCESS_KEY, reference);
    completeAs(OFFICER, instance, "Task_CheckReport", Map.of("reportCheck", "READY"));
    completeAs(
        DIRECTOR, instance, "Task_ChiefOfficerAgreement", Map.of("chiefOfficerAgreement", "AGREE"));
  }

  private long annexReads() {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM options_appraisal_annex_read r
            JOIN options_appraisal a ON a.id = r.appraisal_id WHERE a.reference = :ref""")
        .param("ref", reference)
        .query(Long.class)
        .single();
  }

  @Test
  void aTeamTheReportNamesReadsTheAnnexAndTheReadIsRecorded() {
    JsonNode read = answer(http.get(annexPath(), as(OFFICER)), 200);
    assertThat(read.path("confidentialAnnex").asText()).isEqualTo(annex);
    JsonNode member = answer(http.get(annexPath(), as(MEMBER)), 200);
    assertThat(member.path("confidentialAnnex").asText()).isEqualTo(annex);
    assertThat(annexReads()).isEqualTo(2);
  }

  @Test
  void anyoneElseIsRefusedWith403AndNothingIsWritten() {
    assertThat(http.get(annexPath(), as(BUYER)).status()).isEqualTo(403);
    assertThat(http.get(annexPath(), as(CLERK)).status()).isEqualTo(403);
    assertThat(http.get(annexPath(), as(ADMIN)).status()).isEqualTo(403);
    assertThat(http.get(annexPath(), as(PROVIDER.user())).status()).isEqualTo(403);
    assertThat(http.get(annexPath()).status()).isEqualTo(401);
    assertThat(http.get(annexPath(), as(BUYER)).text()).doesNotContain(annex);
    assertThat(annexReads()).isZero();
    assertThat(http.get("/api/options-appraisals/OA-NONE/annex", as(OFFICER)).status())
        .isEqualTo(404);
  }

  @Test
  void thePublicPartShowsTheOptionsButNeverTheAnnex() {
    Response one = http.get("/api/options-appraisals/" + reference, as(BUYER));
    JsonNode view = answer(one, 200);
    assertThat(one.text()).doesNotContain(annex);
    assertThat(view.path("options")).hasSize(3);
    assertThat(view.path("preferredOption").asInt()).isEqualTo(1);
    assertThat(view.path("options").get(0).path("recommended").asBoolean()).isTrue();
    assertThat(view.path("options").get(1).path("recommended").asBoolean()).isFalse();
    assertThat(view.path("decisionMaker").asText()).isEqualTo("Cabinet Member for Adult Services");
    assertThat(view.path("decisionRoute").asText()).isEqualTo("PORTFOLIO_HOLDER");
    assertThat(valuesListed("/api/options-appraisals?size=100", OFFICER, "reference"))
        .contains(reference);

    Response notice =
        http.get("/api/options-appraisals/" + reference + "/decision-notice", as(BUYER));
    assertThat(notice.status()).isEqualTo(200);
    assertThat(notice.contentType()).startsWith("application/pdf");
    assertThat(pdfText(notice.body()).replaceAll("\\s+", " "))
        .contains("Option 2 (not recommended)")
        .doesNotContain("sub-contracting rates");

    for (String path :
        List.of(
            "/api/options-appraisals",
            "/api/options-appraisals/" + reference,
            "/api/options-appraisals/" + reference + "/decision-notice")) {
      assertThat(http.get(path, as(PROVIDER.user())).status()).as(path).isEqualTo(403);
    }
  }

  @Test
  void theAnnexIsInNoVariableTheEngineApiOrCockpitShows() {
    String sub =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(instance.getId())
            .singleResult()
            .getId();
    String task = taskAt(reference, "Task_RecordDecision").getId();
    List<String> reads =
        List.of(
            "/engine-rest/variable-instance?processInstanceIdIn=" + instance.getId() + "," + sub,
            "/engine-rest/history/variable-instance?processInstanceIdIn="
                + instance.getId()
                + ","
                + sub,
            "/engine-rest/history/detail?processInstanceId=" + instance.getId(),
            "/engine-rest/process-instance/" + instance.getId() + "/variables",
            "/engine-rest/task/" + task + "/form-variables",
            "/engine-rest/task/" + task + "/variables");
    for (String user : List.of(OFFICER, ADMIN, MEMBER)) {
      boolean sawVariables = false;
      for (String path : reads) {
        Response answer = http.get(path, as(user));
        assertThat(answer.status()).as(user + " " + path).isLessThan(500);
        assertThat(answer.text()).as(user + " " + path).doesNotContain(annex);
        sawVariables |= answer.status() == 200 && answer.text().contains("appraisalTitle");
      }
      if (!MEMBER.equals(user)) {
        assertThat(sawVariables).as(user + " reads the case's variables").isTrue();
      }
    }
    // Cockpit reads the same variables through the web apps' engine API with a session.
    signInToWebApps(ADMIN, "/camunda/api/engine/engine/default/task/count");
    Response cockpit =
        http.get(
            "/camunda/api/engine/engine/default/variable-instance?processInstanceIdIn="
                + instance.getId()
                + ","
                + sub);
    assertThat(cockpit.status()).isEqualTo(200);
    assertThat(cockpit.text()).contains("appraisalTitle").doesNotContain(annex);
  }

  @Test
  void badReportsAreRefusedNamingTheFieldAndNothingIsWritten() {
    long before = appraisals();
    AppraisalRequest seed = coventry(annex, new BigDecimal("250000.00"), null, "PROCURE");

    JsonNode missing = problem(http.postJson("/api/options-appraisals", "{}", as(OFFICER)), 400);
    assertThat(missing.path("errors").findValuesAsText("field"))
        .contains("title", "publicSummary", "confidentialAnnex", "annexRoles", "options");

    AppraisalRequest badRoles =
        new AppraisalRequest(
            seed.title(),
            seed.serviceArea(),
            seed.reportOf(),
            seed.decisionMaker(),
            seed.publicSummary(),
            seed.confidentialAnnex(),
            List.of("providers"),
            seed.decisionValue(),
            seed.contractTermMonths(),
            null,
            false,
            null,
            false,
            seed.options());
    assertThat(
            problem(http.postJson("/api/options-appraisals", body(badRoles), as(OFFICER)), 400)
                .path("errors")
                .findValuesAsText("field"))
        .containsExactly("annexRoles[0]");

    List<AppraisalRequest.Option> twoRecommended = new java.util.ArrayList<>(seed.options());
    AppraisalRequest.Option second = twoRecommended.get(1);
    twoRecommended.set(
        1,
        new AppraisalRequest.Option(
            second.description(),
            second.opportunities(),
            second.risks(),
            true,
            second.reasons(),
            second.effect()));
    AppraisalRequest twoPreferred =
        new AppraisalRequest(
            seed.title(),
            seed.serviceArea(),
            seed.reportOf(),
            seed.decisionMaker(),
            seed.publicSummary(),
            seed.confidentialAnnex(),
            seed.annexRoles(),
            seed.decisionValue(),
            seed.contractTermMonths(),
            null,
            false,
            null,
            false,
            twoRecommended);
    assertThat(
            problem(http.postJson("/api/options-appraisals", body(twoPreferred), as(OFFICER)), 400)
                .path("errors")
                .findValuesAsText("message"))
        .anyMatch(m -> m.contains("exactly one option must be recommended"));

    AppraisalRequest extendWithoutContract =
        coventry(annex, new BigDecimal("250000.00"), null, "EXTEND");
    assertThat(
            problem(
                    http.postJson(
                        "/api/options-appraisals", body(extendWithoutContract), as(OFFICER)),
                    400)
                .path("errors")
                .findValuesAsText("field"))
        .containsExactly("contractReference");

    AppraisalRequest negative = coventry(annex, new BigDecimal("-1"), null, "PROCURE");
    assertThat(
            problem(http.postJson("/api/options-appraisals", body(negative), as(OFFICER)), 400)
                .path("errors")
                .findValuesAsText("field"))
        .containsExactly("decisionValue");

    // Only the teams that start options appraisals may submit one.
    assertThat(http.postJson("/api/options-appraisals", body(seed), as(BUYER)).status())
        .isEqualTo(403);
    assertThat(http.postJson("/api/options-appraisals", body(seed), as(PROVIDER.user())).status())
        .isEqualTo(403);
    assertThat(appraisals()).isEqualTo(before);
  }

  private long appraisals() {
    return jdbc.sql("SELECT COUNT(*) FROM options_appraisal").query(Long.class).single();
  }

  private String annexPath() {
    return "/api/options-appraisals/" + reference + "/annex";
  }
}
