package uk.gov.council.commissioning.qaf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Roles;

/**
 * The QAF's emails to the provider and its reviewing officer, and the Core Strategy Group report;
 * their texts are the templates in {@code mail/qaf/}. Addresses come from the register.
 */
@Component
@RequiredArgsConstructor
class QafNotifications {

  private static final String TEMPLATES = "qaf/";

  private final CaseMail mail;
  private final RecipientDirectory recipients;
  private final QafRepository repository;

  /** §2: the QAF to complete, its return date and the year's target Performance Level. */
  void issued(DelegateExecution execution, QafAssessment q) {
    Map<String, Object> values = withReturnDue(q);
    values.put("variant", variantName(q.variant()));
    values.put("meetingDate", QafDeadlines.describe(q.meetingDate()));
    values.put(
        "targetPerformanceLevel", String.valueOf(execution.getVariable("targetPerformanceLevel")));
    mail.send(execution, TEMPLATES + "issued", providerAndOfficer(q), values);
  }

  /** §3: back to the provider as incomplete, the {@code round}-th time, with every reason. */
  void sentBack(DelegateExecution execution, QafAssessment q, int round, String reasons) {
    Map<String, Object> values = withReturnDue(q);
    values.put("reasons", reasons);
    mail.send(execution, TEMPLATES + "sent-back", round, providerAndOfficer(q), values);
  }

  void returnOverdue(DelegateExecution execution, QafAssessment q) {
    mail.send(execution, TEMPLATES + "return-overdue", providerAndOfficer(q), withReturnDue(q));
  }

  /** §3.4: the officer's grades, the {@code round}-th time they are sent. */
  void grades(DelegateExecution execution, QafAssessment q, int round) {
    Map<String, Object> values = values(q);
    values.put("gradeLines", gradeLines(repository.grades(q.id()), false));
    mail.send(execution, TEMPLATES + "grades", round, providerAndOfficer(q), values);
  }

  /** §3.4 b): no agreement; the decided grades and the provider's concerns. */
  void csgReport(DelegateExecution execution, QafAssessment q) {
    Map<String, Object> values = values(q);
    values.put("providerName", q.providerName());
    values.put("gradeLines", gradeLines(repository.grades(q.id()), false));
    values.put("concerns", String.valueOf(q.concernsToCsg()));
    mail.send(
        execution,
        TEMPLATES + "csg-report",
        recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
        values);
  }

  /** The final grades; any D also tells the provider an improvement plan is due. */
  void finalGrades(DelegateExecution execution, QafAssessment q, boolean anyD) {
    Map<String, Object> values = values(q);
    values.put("gradeLines", gradeLines(repository.grades(q.id()), true));
    values.put(
        "improvementPlanNote",
        anyD
            ? "\nAn improvement plan is expected within two weeks for every standard"
                + " graded D (seed 001 Part 3.3 §3.4); a task for it is in Tasklist."
            : "");
    mail.send(execution, TEMPLATES + "final-grades", providerAndOfficer(q), values);
  }

  /** The grades one per line, and why each was adjusted from the claim. */
  static String gradeLines(List<QafGrade> grades, boolean finalGrades) {
    StringBuilder lines = new StringBuilder();
    for (QafGrade g : grades) {
      String grade = finalGrades ? g.finalGrade() : g.officerGrade();
      String title = QafObjective.byCode(g.objective()).map(QafObjective::title).orElse("");
      lines
          .append(g.objective())
          .append(' ')
          .append(title)
          .append(": ")
          .append(grade)
          .append(" (you claimed ")
          .append(g.providerGrade())
          .append(')');
      if (g.explanation() != null && grade != null && !grade.equals(g.providerGrade())) {
        lines.append(". Why it was adjusted: ").append(g.explanation());
      }
      lines.append('\n');
    }
    return lines.toString();
  }

  private List<String> providerAndOfficer(QafAssessment q) {
    List<String> to = new ArrayList<>();
    if (q.providerEmail() != null) {
      to.add(q.providerEmail());
    }
    if (q.reviewingOfficer() != null) {
      recipients.emailOfUser(q.reviewingOfficer()).ifPresent(to::add);
    }
    return to;
  }

  private static Map<String, Object> withReturnDue(QafAssessment q) {
    Map<String, Object> values = values(q);
    values.put("returnDue", QafDeadlines.describe(q.returnDueAt()));
    return values;
  }

  private static Map<String, Object> values(QafAssessment q) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("qafNumber", q.number());
    values.put("contractReference", q.contractReference());
    values.put("contractTitle", q.contractTitle());
    return values;
  }

  private static String variantName(String variant) {
    return switch (variant) {
      case "LITE" -> "QAF LITE";
      case "LITE_ALARM" -> "QAF LITE (alarm service: sections C1.1 and C1.2 are not required)";
      default -> "7 Core QAF";
    };
  }
}
