package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.council.commissioning.qaf.QafEvidenceRule.Problem;

/** The completeness rule of seed 001 Part 3.3 §3, rule by rule. */
class QafEvidenceRuleTest {

  static final String EVIDENCE =
      "Needs assessments are completed at referral and reviewed quarterly; file audit 2026.";

  private final QafEvidenceRule rule = new QafEvidenceRule(20);

  /** Every objective graded D (no evidence needed) and the summary sheet completed. */
  static Map<String, Object> allD() {
    Map<String, Object> v = new HashMap<>();
    for (QafObjective o : QafObjective.values()) {
      v.put(o.gradeField(), "D");
    }
    v.put("summarySignedBy", "Pat Manager");
    v.put("summaryDate", "2026-03-01");
    return v;
  }

  @Test
  void allDNeedsNoEvidence() {
    assertThat(rule.check("FULL", allD()::get)).isEmpty();
  }

  @Test
  void aClaimedCNeedsLevelCEvidenceOnly() {
    Map<String, Object> v = allD();
    v.put("c13Grade", "C");
    assertThat(texts(v))
        .containsExactly("c13EvidenceC: C1.3 level C evidence: written evidence is required");
    v.put("c13EvidenceC", EVIDENCE);
    assertThat(texts(v)).isEmpty();
  }

  @Test
  void aClaimedBNeedsCAndB() {
    Map<String, Object> v = allD();
    v.put("c13Grade", "B");
    v.put("c13EvidenceC", EVIDENCE);
    assertThat(texts(v))
        .containsExactly("c13EvidenceB: C1.3 level B evidence: written evidence is required");
    v.put("c13EvidenceB", EVIDENCE);
    assertThat(texts(v)).isEmpty();
  }

  @Test
  void aClaimedANeedsCBAndA() {
    Map<String, Object> v = allD();
    v.put("c14Grade", "A");
    assertThat(texts(v))
        .containsExactly(
            "c14EvidenceC: C1.4 level C evidence: written evidence is required",
            "c14EvidenceB: C1.4 level B evidence: written evidence is required",
            "c14EvidenceA: C1.4 level A evidence: written evidence is required");
    v.put("c14EvidenceC", EVIDENCE);
    v.put("c14EvidenceB", EVIDENCE);
    v.put("c14EvidenceA", EVIDENCE);
    assertThat(texts(v)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "✓", "✔", "☑", "x", "X", "yes", "Yes.", "y", "n/a", "N/A", "tick", "Ticked", "done",
        "Done!", "ok", "-", " ✓ ✓ "
      })
  void aTickIsNotEvidence(String tick) {
    Map<String, Object> v = allD();
    v.put("c15Grade", "C");
    v.put("c15EvidenceC", tick);
    assertThat(texts(v))
        .containsExactly(
            "c15EvidenceC: C1.5 level C evidence: written evidence is required (a tick is not evidence)");
  }

  @Test
  void tooShortANoteIsNotEvidenceAndTheMinimumIsConfigurable() {
    Map<String, Object> v = allD();
    v.put("c16Grade", "C");
    v.put("c16EvidenceC", "Policy in place");
    assertThat(texts(v))
        .containsExactly(
            "c16EvidenceC: C1.6 level C evidence: written evidence of at least 20"
                + " characters is required (a tick is not evidence)");
    assertThat(new QafEvidenceRule(10).check("FULL", v::get)).isEmpty();
  }

  @Test
  void blankEvidenceIsMissing() {
    Map<String, Object> v = allD();
    v.put("c17Grade", "C");
    v.put("c17EvidenceC", "   ");
    assertThat(texts(v))
        .containsExactly("c17EvidenceC: C1.7 level C evidence: written evidence is required");
  }

  @Test
  void gradesAreOnlyAToD() {
    Map<String, Object> v = allD();
    v.put("c11Grade", "E");
    v.put("c12Grade", null);
    v.put("c13Grade", "b");
    v.put("c13EvidenceC", EVIDENCE);
    v.put("c13EvidenceB", EVIDENCE);
    assertThat(texts(v))
        .containsExactly(
            "c11Grade: C1.1 grade: must be A, B, C or D, not \"E\"",
            "c12Grade: C1.2 grade: a grade is required (A, B, C or D)");
  }

  @Test
  void alarmServicesAreExemptFromC11AndC12() {
    Map<String, Object> v = allD();
    v.remove("c11Grade");
    v.remove("c12Grade");
    assertThat(rule.check("LITE_ALARM", v::get)).isEmpty();
    assertThat(rule.check("LITE", v::get))
        .extracting(Problem::field)
        .containsExactly("c11Grade", "c12Grade");
    // Nothing asked of an exempt objective, even a stray claim without evidence.
    v.put("c11Grade", "A");
    assertThat(rule.check("LITE_ALARM", v::get)).isEmpty();
    assertThat(QafObjective.of("LITE_ALARM"))
        .extracting(QafObjective::code)
        .containsExactly("C1.3", "C1.4", "C1.5", "C1.6", "C1.7");
  }

  @Test
  void theSummarySheetMustBeCompleted() {
    Map<String, Object> v = allD();
    v.remove("summarySignedBy");
    v.put("summaryDate", "next week");
    assertThat(texts(v))
        .containsExactly(
            "summarySignedBy: summary sheet: the name of whoever completed it is required",
            "summaryDate: summary sheet: must be a date (YYYY-MM-DD)");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, Object> v = new HashMap<>();
    v.put("c11Grade", "A");
    assertThat(rule.check("FULL", v::get)).hasSize(3 + 6 + 2);
  }

  @Test
  void theLargestChangeInGradeSteps() {
    assertThat(QafEvidenceRule.largestChange(Map.of(), Map.of("C1.1", "A"))).isNull();
    assertThat(
            QafEvidenceRule.largestChange(
                Map.of("C1.1", "C", "C1.2", "B"), Map.of("C1.1", "A", "C1.2", "B")))
        .isEqualTo(2);
    assertThat(QafEvidenceRule.largestChange(Map.of("C1.1", "A"), Map.of("C1.1", "D")))
        .isEqualTo(3);
    assertThat(QafEvidenceRule.largestChange(Map.of("C1.1", "B"), Map.of("C1.1", "C", "C1.3", "A")))
        .isEqualTo(1);
  }

  private List<String> texts(Map<String, Object> v) {
    return rule.check("FULL", v::get).stream().map(Problem::text).toList();
  }
}
