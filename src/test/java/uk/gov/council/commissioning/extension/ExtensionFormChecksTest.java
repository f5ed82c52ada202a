package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.gov.council.commissioning.testkit.FormRefusals.problemsOf;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.council.commissioning.deadlines.EngineClock;
import uk.gov.council.commissioning.decisions.DecisionProperties;
import uk.gov.council.commissioning.decisions.DecisionProperties.ExtensionValueBasis;
import uk.gov.council.commissioning.decisions.KeyDecisionSteps;
import uk.gov.council.commissioning.extension.FakeScopes.Variables;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.testkit.TestCalendars;
import uk.gov.council.commissioning.testkit.TestClock;

/** The server-side checks of the extension forms, called as the engine would call the listeners. */
@ExtendWith(TestClock.class)
class ExtensionFormChecksTest {

  private final ExtensionFormChecks checks = new ExtensionFormChecks();

  /**
   * The decision, publication, call-in and scrutiny forms are the key-decision sub-process's now;
   * their checks are tested here with the extension's data, as before.
   */
  private final KeyDecisionSteps steps =
      new KeyDecisionSteps(
          new EngineClock(),
          TestCalendars.englandAndWales(),
          new DecisionProperties(
              new BigDecimal("500000"), new BigDecimal("100000"), 5, ExtensionValueBasis.EXTENSION),
          null);

  @BeforeEach
  void theDayAfterTheSeedReport() {
    TestClock.set(
        Date.from(
            LocalDateTime.of(2019, 9, 20, 9, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
  }

  @Nested
  class GatewayReport {

    private final GatewayReportValidator validator = new GatewayReportValidator();

    @Test
    void aCompleteReportPassesAndRecordsTheRecommendedOption() {
      Map<String, Object> report = ExtensionTestData.gatewayReport(true);
      report.put("option1Recommended", false);
      report.put("option3Recommended", true);
      Variables vars = Variables.of(report);

      validator.notify(FakeScopes.task(vars));

      assertThat(vars.process).containsEntry("recommendedOption", 3);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "reportNumber",
          "contactOfficer",
          "ward",
          "impactOnVulnerableAdults",
          "rationale",
          "serviceReviews",
          "qafOutcome",
          "kpiSummary",
          "satisfaction",
          "priceChange",
          "option1Description",
          "option1Reasons",
          "option2Description",
          "option2Reasons",
          "option3Description",
          "option3Reasons",
          "budgetHead",
          "sourceOfFunding",
          "legalImplications"
        })
    void eachMissingOrBlankSectionIsNamed(String field) {
      Map<String, Object> missing = ExtensionTestData.gatewayReport(true);
      missing.remove(field);
      Map<String, Object> blank = ExtensionTestData.gatewayReport(true);
      blank.put(field, "  ");

      assertThat(problems(missing)).containsExactly(field + ": is required");
      assertThat(problems(blank)).containsExactly(field + ": is required");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"costOfProposal", "ongoingCosts", "totalCurrentBudget", "estimatedUsers"})
    void eachFigureMustBeANonNegativeNumber(String field) {
      Map<String, Object> negative = ExtensionTestData.gatewayReport(true);
      negative.put(field, -1.0);
      Map<String, Object> text = ExtensionTestData.gatewayReport(true);
      text.put(field, "225000");
      Map<String, Object> missing = ExtensionTestData.gatewayReport(true);
      missing.remove(field);
      Map<String, Object> notANumber = ExtensionTestData.gatewayReport(true);
      notANumber.put(field, Double.NaN);

      assertThat(problems(negative)).containsExactly(field + ": must be at least 0");
      assertThat(problems(text)).containsExactly(field + ": must be a number");
      assertThat(problems(missing)).containsExactly(field + ": is required");
      assertThat(problems(notANumber)).containsExactly(field + ": must be a number");
    }

    @Test
    void zeroIsAnAcceptableFigure() {
      Map<String, Object> report = ExtensionTestData.gatewayReport(true);
      report.put("ongoingCosts", 0L);

      assertThat(problems(report)).isEmpty();
    }

    @Test
    void noRecommendedOptionIsRefused() {
      Map<String, Object> report = ExtensionTestData.gatewayReport(true);
      report.put("option1Recommended", false);

      assertThat(problems(report))
          .containsExactly("option1Recommended: recommend exactly one option (0 recommended)");
    }

    @Test
    void twoRecommendedOptionsAreRefusedAndNoOptionIsRecorded() {
      Map<String, Object> report = ExtensionTestData.gatewayReport(true);
      report.put("option2Recommended", true);
      Variables vars = Variables.of(report);

      TaskFormException refused =
          catchThrowableOfType(
              TaskFormException.class, () -> validator.notify(FakeScopes.task(vars)));

      assertThat(refused.problems())
          .containsExactly("option1Recommended: recommend exactly one option (2 recommended)");
      assertThat(refused).hasMessageStartingWith("Gateway report cannot be completed");
      assertThat(vars.process).doesNotContainKey("recommendedOption");
    }

    @Test
    void anUnansweredKeyDecisionIsRecordedAsNotTheOfficersJudgement() {
      Map<String, Object> report = ExtensionTestData.gatewayReport(false);
      report.put("keyDecisionByOfficer", null);
      Variables vars = Variables.of(report);

      validator.notify(FakeScopes.task(vars));

      // The decision-route table's key-decision test reads it as a boolean.
      assertThat(vars.process)
          .containsEntry("keyDecisionByOfficer", false)
          .containsEntry("twoOrMoreWards", false)
          // Seed 000 §10.2 "for an extension this value": the cost of the extension period.
          .containsEntry("extensionValue", 225000.0);
    }

    @Test
    void theOfficersKeyDecisionNeedsAReason() {
      Map<String, Object> report = ExtensionTestData.gatewayReport(true);
      report.remove("keyDecisionReason");

      assertThat(problems(report))
          .containsExactly("keyDecisionReason: say why the decision is key");
    }

    @Test
    void aFlagThatIsNotTrueOrFalseIsNamed() {
      Map<String, Object> report = ExtensionTestData.gatewayReport(true);
      report.put("keyDecisionByOfficer", "yes");

      assertThat(problems(report))
          .containsExactly("keyDecisionByOfficer: must be ticked or not (true/false)");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
      Map<String, Object> report = ExtensionTestData.gatewayReport(true);
      report.remove("ward");
      report.put("ongoingCosts", -3.0);
      report.put("option1Recommended", false);

      assertThat(problems(report))
          .containsExactlyInAnyOrder(
              "ward: is required",
              "ongoingCosts: must be at least 0",
              "option1Recommended: recommend exactly one option (0 recommended)");
    }

    private List<String> problems(Map<String, Object> report) {
      DelegateTask task = FakeScopes.task(Variables.of(report));
      TaskFormException refused =
          catchThrowableOfType(TaskFormException.class, () -> validator.notify(task));
      return refused == null ? List.of() : refused.problems();
    }
  }

  @Nested
  class Agreement {

    @Test
    void agreeingNeedsNoComment() {
      assertThatCode(
              () ->
                  checks.agreement(
                      task("chiefOfficerDecision", "AGREE"),
                      "chiefOfficerDecision",
                      "chiefOfficerComments"))
          .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RETURN", "REFUSE"})
    void returningOrRefusingNeedsAComment(String decision) {
      assertThat(
              problemsOf(
                  () ->
                      checks.agreement(
                          task("governanceDecision", decision, "governanceComments", " "),
                          "governanceDecision",
                          "governanceComments")))
          .containsExactly("governanceComments: say why when returning or refusing");
      assertThatCode(
              () ->
                  checks.agreement(
                      task(
                          "governanceDecision",
                          decision,
                          "governanceComments",
                          "Not value for money"),
                      "governanceDecision",
                      "governanceComments"))
          .doesNotThrowAnyException();
    }

    @Test
    void anUnknownDecisionIsNamed() {
      assertThat(
              problemsOf(
                  () ->
                      checks.agreement(
                          task("chiefOfficerDecision", "MAYBE"),
                          "chiefOfficerDecision",
                          "chiefOfficerComments")))
          .containsExactly("chiefOfficerDecision: must be one of AGREE, REFUSE, RETURN");
    }
  }

  @Nested
  class Approval {

    @Test
    void approvingNeedsADecisionReference() {
      assertThatCode(
              () ->
                  steps.decision(
                      task("approvalDecision", "APPROVE", "decisionReference", "PH-2019-117")))
          .doesNotThrowAnyException();
      assertThat(problemsOf(() -> steps.decision(task("approvalDecision", "APPROVE"))))
          .containsExactly("decisionReference: is required");
    }

    @Test
    void anOverlongDecisionReferenceIsRefusedBeforeItReachesTheRegister() {
      assertThat(
              problemsOf(
                  () ->
                      steps.decision(
                          task(
                              "approvalDecision",
                              "APPROVE",
                              "decisionReference",
                              "X".repeat(101)))))
          .containsExactly("decisionReference: must be at most 100 characters");
    }

    @Test
    void refusingNeedsReasons() {
      TaskFormException refused =
          catchThrowableOfType(
              TaskFormException.class,
              () ->
                  steps.decision(
                      task(
                          "approvalDecision",
                          "REFUSE",
                          "decisionReference",
                          "PH-2019-117",
                          "approvalComments",
                          "")));

      assertThat(refused.problems())
          .containsExactly("approvalComments: give the reasons for refusing");
      assertThat(refused).hasMessageStartingWith("Decision cannot be completed");
    }

    @Test
    void anAgreementWordIsNotAnApprovalDecision() {
      assertThat(
              problemsOf(
                  () ->
                      steps.decision(
                          task("approvalDecision", "AGREE", "decisionReference", "PH-2019-117"))))
          .containsExactly("approvalDecision: must be one of APPROVE, REFUSE");
    }
  }

  @Nested
  class Publication {

    @Test
    void todayOrEarlierIsAccepted() {
      assertThatCode(() -> steps.publication(task("publicationDate", "2019-09-20")))
          .doesNotThrowAnyException();
      assertThatCode(() -> steps.publication(task("publicationDate", " 2019-09-19 ")))
          .doesNotThrowAnyException();
    }

    @Test
    void aDateInTheFutureIsRefused() {
      assertThat(problemsOf(() -> steps.publication(task("publicationDate", "2019-09-21"))))
          .containsExactly("publicationDate: cannot be in the future");
    }

    @Test
    void todayIsTheUkDayNotTheServerDay() {
      // 23:30 UTC on 20 September is already 21 September in London (BST).
      TestClock.set(Date.from(java.time.Instant.parse("2019-09-20T23:30:00Z")));

      assertThatCode(() -> steps.publication(task("publicationDate", "2019-09-21")))
          .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"next week", "19/09/2019", "2019-02-30"})
    void somethingThatIsNotADateIsRefused(String value) {
      assertThat(problemsOf(() -> steps.publication(task("publicationDate", value))))
          .containsExactly("publicationDate: must be a date (YYYY-MM-DD)");
    }

    @Test
    void aMissingDateIsRequired() {
      assertThat(problemsOf(() -> steps.publication(task())))
          .containsExactly("publicationDate: is required");
    }
  }

  @Nested
  class CallIn {

    @Test
    void aReceivedCallInWithAReasonPasses() {
      assertThatCode(
              () ->
                  steps.callIn(
                      task("callInReceived", true, "callInReason", "Called in by three members")))
          .doesNotThrowAnyException();
    }

    @Test
    void theTaskIsOnlyCompletedWhenACallInWasReceived() {
      assertThat(
              problemsOf(
                  () ->
                      steps.callIn(
                          task("callInReceived", false, "callInReason", "Thought about it"))))
          .containsExactly("callInReceived: complete this task only when a call-in was received");
    }

    @Test
    void theReasonIsRequired() {
      assertThat(problemsOf(() -> steps.callIn(task("callInReceived", true))))
          .containsExactly("callInReason: is required");
    }
  }

  @Nested
  class NextStep {

    @ParameterizedTest
    @ValueSource(strings = {"PROCURE", "DECOMMISSION"})
    void aKnownStepWithNotesPasses(String step) {
      assertThatCode(
              () ->
                  checks.nextStep(
                      task("nextStep", step, "nextStepNotes", "Tender to start by end 2019")))
          .doesNotThrowAnyException();
    }

    @Test
    void anUnknownStepIsRefused() {
      assertThat(
              problemsOf(
                  () -> checks.nextStep(task("nextStep", "EXTEND_ANYWAY", "nextStepNotes", "n/a"))))
          .containsExactly("nextStep: must be one of DECOMMISSION, PROCURE");
    }

    @Test
    void notesAreRequired() {
      assertThat(problemsOf(() -> checks.nextStep(task("nextStep", "PROCURE"))))
          .containsExactly("nextStepNotes: is required");
    }
  }

  @Test
  void scrutinyNeedsCommitteeDateAndComments() {
    assertThatCode(
            () -> steps.scrutiny(FakeScopes.task(Variables.of(ExtensionTestData.scrutiny()))))
        .doesNotThrowAnyException();
    assertThat(problemsOf(() -> steps.scrutiny(task("scrutinyDate", "17 September"))))
        .containsExactly(
            "scrutinyCommittee: is required",
            "scrutinyDate: must be a date (YYYY-MM-DD)",
            "scrutinyComments: is required");
  }

  private static DelegateTask task(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return FakeScopes.task(Variables.of(variables));
  }
}
