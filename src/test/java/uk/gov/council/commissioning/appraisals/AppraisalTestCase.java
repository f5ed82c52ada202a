package uk.gov.council.commissioning.appraisals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestProvider;
import uk.gov.council.commissioning.testkit.TestUsers;

/**
 * What the options-appraisal tests share: the council's people on the Coventry route (seed 003),
 * the report submitted through the API, and readers of the emails and decision notices.
 */
abstract class AppraisalTestCase extends HttpProcessTestCase {

  static final String OFFICER = "oa-officer";
  static final String DIRECTOR = "oa-director";
  static final String MEMBER = "oa-member";
  static final String CLERK = "oa-clerk";
  static final String BUYER = "oa-buyer";
  static final String ADMIN = "oa-admin";
  static final TestProvider PROVIDER = TestProvider.named("oa", "alpha", "OA Provider");

  @BeforeEach
  void people() {
    BpmnAwareTests.init(engine);
    TestUsers.user(access, OFFICER, Roles.COMMISSIONING_OFFICERS);
    TestUsers.user(access, DIRECTOR, Roles.CHIEF_OFFICERS);
    TestUsers.user(access, MEMBER, Roles.PORTFOLIO_HOLDERS);
    TestUsers.user(access, CLERK, Roles.DEMOCRATIC_SERVICES);
    TestUsers.user(access, BUYER, Roles.PROCUREMENT);
    TestUsers.user(access, ADMIN, Roles.ADMIN);
    PROVIDER.setUpUser(access);
    // Seed 003's decision was taken in the autumn of 2017 (the contract expired on 31 March 2018).
    TestClock.set(LocalDateTime.of(2017, 10, 2, 9, 0));
  }

  /** The Coventry report with a unique annex (to search for) and the given changes. */
  static AppraisalRequest coventry(
      String annex, BigDecimal value, String contractReference, String preferredEffect) {
    AppraisalRequest seed = CoventryAppraisal.report();
    List<AppraisalRequest.Option> options = new ArrayList<>(seed.options());
    AppraisalRequest.Option first = options.get(0);
    options.set(
        0,
        new AppraisalRequest.Option(
            first.description(),
            first.opportunities(),
            first.risks(),
            true,
            first.reasons(),
            preferredEffect));
    return new AppraisalRequest(
        seed.title(),
        seed.serviceArea(),
        seed.reportOf(),
        seed.decisionMaker(),
        seed.publicSummary(),
        annex,
        seed.annexRoles(),
        value,
        seed.contractTermMonths(),
        contractReference,
        false,
        null,
        false,
        options);
  }

  /** Submits the report as the officer; returns its reference. */
  String submit(AppraisalRequest report) {
    JsonNode view =
        answer(http.postJson("/api/options-appraisals", body(report), as(OFFICER)), 201);
    return view.path("reference").asText();
  }

  String body(Object report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String[] as(String user) {
    return TestUsers.as(user);
  }

  Map<String, Object> appraisalRow(String reference) {
    return singleRow("SELECT * FROM options_appraisal WHERE reference = :ref", "ref", reference);
  }

  static String pdfText(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of the email queued when the case published its resolution. */
  String publishedEmail(String processInstanceId) {
    String body = outboxBody(publishedKey(processInstanceId));
    assertThat(body).as("the published decision's email").isNotNull();
    return body;
  }

  /** The decision notice attached to that email. */
  byte[] publishedNotice(String processInstanceId) {
    return jdbc.sql(
            "SELECT attachment_content FROM notification_outbox WHERE idempotency_key = :key")
        .param("key", publishedKey(processInstanceId))
        .query(byte[].class)
        .single();
  }

  static String publishedKey(String processInstanceId) {
    return "options-appraisal:" + processInstanceId + ":resolution-published";
  }
}
