package uk.gov.council.commissioning.qaf;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The seven core objectives of the QAF (seed 001 Part 3.3 §1). */
enum QafObjective {
  C1_1("C1.1", "Needs and Risk Assessment"),
  C1_2("C1.2", "Support Planning"),
  C1_3("C1.3", "Security, Health and Safety"),
  C1_4("C1.4", "Protection from Abuse"),
  C1_5("C1.5", "Fair Access, Diversity and Inclusion"),
  C1_6("C1.6", "Complaints"),
  C1_7("C1.7", "Consulting and Involving Service Users");

  private final String code;
  private final String title;

  QafObjective(String code, String title) {
    this.code = code;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  /** Form fields of the objective start with this, e.g. {@code c13Grade}, {@code c13EvidenceB}. */
  public String fieldPrefix() {
    return "c" + code.substring(1).replace(".", "");
  }

  /** The provider's claimed grade. */
  public String gradeField() {
    return fieldPrefix() + "Grade";
  }

  /** Written evidence for one performance level, C, B or A. */
  public String evidenceField(char level) {
    return fieldPrefix() + "Evidence" + level;
  }

  /** The reviewing officer's grade (desk-top review, visit, discussion). */
  public String officerGradeField() {
    return fieldPrefix() + "OfficerGrade";
  }

  public String officerCommentsField() {
    return fieldPrefix() + "OfficerComments";
  }

  /** Why a grade differs from the provider's claim (§3.4). */
  public String explanationField() {
    return fieldPrefix() + "Explanation";
  }

  /** The contracts manager's final grade when no agreement was reached. */
  public String finalGradeField() {
    return fieldPrefix() + "FinalGrade";
  }

  /**
   * The objectives a variant asks for: QAF LITE for an alarm service leaves out C1.1 and C1.2 (seed
   * 001 Part 3.4: "Alarm services are not required to complete these sections").
   */
  public static List<QafObjective> of(String variant) {
    if ("LITE_ALARM".equals(variant)) {
      return Arrays.stream(values()).filter(o -> o != C1_1 && o != C1_2).toList();
    }
    return List.of(values());
  }

  public static Optional<QafObjective> byCode(String code) {
    return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
  }
}
