package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every form field the listeners write to a register column declares a maxLength no larger than the
 * column (db/migration), so the form's limit, which the listeners check, keeps the register from
 * refusing a long answer.
 */
class FormRegisterColumnsTest {

  @ParameterizedTest(name = "{0}.{1} fits {2} characters")
  @CsvSource({
    "qaf-complete, summarySignedBy, 200",
    "qaf-late-explanation, lateExplanation, 2000",
    "qaf-desk-review, concernsDetails, 2000",
    "qaf-contracts-manager-decision, concernsToCsg, 2000",
    "qaf-desk-review, c13Explanation, 2000",
    "qaf-desk-review, c13OfficerComments, 4000",
    "qaf-discuss, c13Explanation, 2000",
    "qaf-discuss, c13OfficerComments, 4000",
    "qaf-validation-visit, c13Explanation, 2000",
    "qaf-validation-visit, c13OfficerComments, 4000",
    "qaf-contracts-manager-decision, c13Explanation, 2000",
    "qaf-improvement-plan-submit, planActions, 4000",
    "qaf-improvement-plan-submit, responsiblePerson, 200",
    "qaf-improvement-plan-submit, targetDates, 2000",
    "qaf-improvement-plan-submit, evidenceOfImprovement, 4000",
    "qaf-improvement-plan-review-officer, officerComments, 2000",
    "qaf-improvement-plan-review-manager, managerComments, 2000",
    "qaf-improvement-plan-validate, validationFindings, 4000",
    "qaf-improvement-plan-csg, csgReport, 4000",
    "qaf-improvement-plan-csg, defaultNoticeReasons, 2000",
    "key-decision-record, decisionReference, 200",
    "serious-incident-review, outcome, 2000",
    "complaint-acknowledge, safeguardingSummary, 2000",
    "complaint-start, safeguardingSummary, 2000",
    "complaint-assign-investigator, investigator, 64"
  })
  void theFormsLimitFitsTheColumn(String form, String field, int column) {
    Integer maxLength = FormSchema.ofFile(form).field(field).orElseThrow().maxLength();

    assertThat(maxLength).as(form + " " + field).isNotNull().isLessThanOrEqualTo(column);
  }
}
