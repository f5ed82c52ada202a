package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

  /** As {@link #allD()}, with the given fields (name, value, name, value...) set. */
  static Map<String, Object> allDBut(Object... namesAndValues) {
    Map<String, Object> v = allD();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      v.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return v;
  }

  @Test
  void allDNeedsNoEvidence() {
    assertThat(rule.check("FULL", allD()::get)).isEmpty();
  }

  static Stream<Arguments> claims() {
    return Stream.of(
        arguments(
            "c13Grade",
            "C",
            List.of(),
            List.of("c13EvidenceC: C1.3 level C evidence: written evidence is required")),
        arguments(
            "c13Grade",
            "B",
            List.of("c13EvidenceC"),
            List.of("c13EvidenceB: C1.3 level B evidence: written evidence is required")),
        arguments(
            "c14Grade",
            "A",
            List.of(),
            List.of(
                "c14EvidenceC: C1.4 level C evidence: written evidence is required",
                "c14EvidenceB: C1.4 level B evidence: written evidence is required",
                "c14EvidenceA: C1.4 level A evidence: written evidence is required")));
  }

  /**
   * A claimed grade needs evidence at its own level and every level below: each one missing is
   * named, and the return passes once each named field is filled in.
   */
  @ParameterizedTest(name = "{0} {1} with evidence in {2}")
  @MethodSource("claims")
  void aClaimedGradeNeedsEvidenceAtItsLevelAndEachBelow(
      String gradeField, String grade, List<String> evidenced, List<String> missing) {
    Map<String, Object> v = allDBut(gradeField, grade);
    evidenced.forEach(field -> v.put(field, EVIDENCE));

    assertThat(texts(v)).containsExactlyElementsOf(missing);
    missing.forEach(text -> v.put(text.substring(0, text.indexOf(':')), EVIDENCE));
    assertThat(texts(v)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "✓", "✔", "☑", "x", "X", "yes", "Yes.", "y", "n/a", "N/A", "tick", "Ticked", "done",
        "Done!", "ok", "-", " ✓ ✓ "
      })
  void aTickIsNotEvidence(String tick) {
    assertThat(texts(allDBut("c15Grade", "C", "c15EvidenceC", tick)))
        .containsExactly(
            "c15EvidenceC: C1.5 level C evidence: written evidence is required (a tick is not evidence)");
  }

  @Test
  void tooShortANoteIsNotEvidenceAndTheMinimumIsConfigurable() {
    Map<String, Object> v = allDBut("c16Grade", "C", "c16EvidenceC", "Policy in place");
    assertThat(texts(v))
        .containsExactly(
            "c16EvidenceC: C1.6 level C evidence: written evidence of at least 20"
                + " characters is required (a tick is not evidence)");
    assertThat(new QafEvidenceRule(10).check("FULL", v::get)).isEmpty();
  }

  @Test
  void blankEvidenceIsMissing() {
    assertThat(texts(allDBut("c17Grade", "C", "c17EvidenceC", "   ")))
        .containsExactly("c17EvidenceC: C1.7 level C evidence: written evidence is required");
  }

  @Test
  void gradesAreOnlyAToD() {
    Map<String, Object> v =
        allDBut(
            "c11Grade",
            "E",
            "c12Grade",
            null,
            "c13Grade",
            "b",
            "c13EvidenceC",
            EVIDENCE,
            "c13EvidenceB",
            EVIDENCE);
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
