package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.forms.MarkdownText;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Actors;
import uk.gov.council.commissioning.security.Roles;

/**
 * The steps of {@code qaf-moderation} (seed 001 3.3 §3.2), called from the BPMN, e.g. {@code
 * ${qafModerationSteps.moderate(task)}}. The QAF and its grades are always read from the register
 * by the moderation case, never from process variables a form could overwrite.
 */
@Component("qafModerationSteps")
@RequiredArgsConstructor
public class QafModerationSteps {

  public static final String OUTCOME = "moderationOutcome";
  public static final String FINDINGS = "moderationFindings";

  /** Display only: the QAF's grades as a table, a task-local variable. */
  public static final String GRADES = "moderationGrades";

  public static final Set<String> OUTCOMES = Set.of("CONFIRMED", "ADJUSTED");
  static final int MAX_FINDINGS = 2000;

  private final JdbcClient jdbc;
  private final Deadlines deadlines;
  private final QafProperties properties;
  private final IdentityService identityService;
  private final Actors actors;
  private final CaseMail mail;
  private final RecipientDirectory recipients;

  private final Clock clock;

  /** The moderated QAF, from the register. */
  record Case(
      long moderationId,
      long assessmentId,
      String qafNumber,
      String reviewingOfficer,
      int financialYear,
      String variant,
      String providerName,
      String contractReference,
      String contractTitle,
      Instant moderatedAt) {}

  record Grade(
      String objective, String claimed, String officer, String finalGrade, String explanation) {}

  /** Task_ModerateQaf is due by the end of the configured working days after today (UK). */
  public Date dueDate(DelegateExecution execution) {
    return deadlines.taskDue(properties.moderation().dueWorkingDays());
  }

  /** On creating the task: what the contracts manager is to look at, for the form. */
  public void show(DelegateTask task) {
    Case c = moderationCase(task.getExecution());
    task.setVariableLocal("providerName", c.providerName());
    task.setVariableLocal("contractReference", c.contractReference());
    task.setVariableLocal("contractTitle", c.contractTitle());
    task.setVariableLocal("variant", c.variant());
    task.setVariableLocal(GRADES, gradeTable(grades(c.assessmentId())));
  }

  /** On completing the task: checks the form and records the moderation, once. */
  public void moderate(DelegateTask task) {
    Case c = moderationCase(task.getExecution());
    FormChecks checks = new FormChecks("Moderation", task);
    String outcome = checks.oneOf(OUTCOME, OUTCOMES);
    checks.textIf(
        "ADJUSTED".equals(outcome),
        FINDINGS,
        "is required when the grades are adjusted: say what the reviewing officer should do differently");
    Object findingsValue = task.getVariable(FINDINGS);
    String findings =
        findingsValue == null || findingsValue.toString().isBlank()
            ? null
            : findingsValue.toString().trim();
    if (findings != null && findings.length() > MAX_FINDINGS) {
      checks.problem(FINDINGS, "at most " + MAX_FINDINGS + " characters");
    }
    String moderator = completingUser();
    if (moderator == null) {
      checks.problem("moderatedBy", "the signed-in user is unknown; complete the task in Tasklist");
    } else if (moderator.equals(c.reviewingOfficer())) {
      checks.problem(
          "moderatedBy", "the reviewing officer cannot moderate their own QAF (seed 001 3.3 §3.2)");
    } else if (!actors.isMemberOfAny(moderator, Roles.CONTRACTS_MANAGERS)) {
      checks.problem("moderatedBy", moderator + " is not a contracts manager (seed 001 3.3 §3.2)");
    }
    if (c.moderatedAt() != null) {
      checks.problem(OUTCOME, "QAF " + c.qafNumber() + " was already moderated");
    }
    checks.throwIfAny();
    int updated =
        jdbc.sql(
                """
            UPDATE qaf_moderation
               SET moderated_by = :by, moderated_at = :at, outcome = :outcome, findings = :findings
             WHERE id = :id AND moderated_at IS NULL
            """)
            .param("by", moderator)
            .param("at", utc(clock.instant()))
            .param("outcome", outcome)
            .param("findings", findings)
            .param("id", c.moderationId())
            .update();
    if (updated != 1) {
      throw new IllegalStateException(
          "QAF " + c.qafNumber() + " was moderated by someone else meanwhile");
    }
  }

  /** The reviewing officer hears the outcome and the findings. */
  public void tellOfficer(DelegateExecution execution) {
    Case c = moderationCase(execution);
    var row =
        jdbc.sql("SELECT outcome, findings, moderated_by FROM qaf_moderation WHERE id = :id")
            .param("id", c.moderationId())
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
    String outcome = row[0];
    String findings = row[1];
    List<String> to =
        recipients
            .emailOfUser(c.reviewingOfficer())
            .map(List::of)
            // Findings that reach nobody would defeat moderation: the contracts managers pass them
            // on.
            .orElseGet(() -> recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("qafNumber", c.qafNumber());
    values.put("outcome", outcome.toLowerCase(Locale.ROOT));
    values.put("moderator", row[2]);
    values.put("providerName", c.providerName());
    values.put("contractReference", c.contractReference());
    values.put("financialYear", QafModerationQuota.label(c.financialYear()));
    values.put(
        "verdict",
        "CONFIRMED".equals(outcome) ? "confirmed your grading" : "adjusted your grading");
    values.put(
        "findings",
        findings == null
            ? "No findings were recorded.\n"
            : "Findings, what to do differently:\n" + findings + "\n");
    mail.send(execution, "qaf-moderation/findings", to, values);
  }

  // --- register -------------------------------------------------------------------------------

  /**
   * By the case's process instance; while the case is still being started its row does not have the
   * process instance id yet, so then by the business key, which the starter set to the QAF number.
   */
  Case moderationCase(DelegateExecution execution) {
    return jdbc.sql(
            """
            SELECT m.id, q.id, q.qaf_number, m.reviewing_officer, m.financial_year, q.variant,
                   p.name, c.reference, c.title, m.moderated_at
              FROM qaf_moderation m
              JOIN qaf_assessment q ON q.id = m.assessment_id
              JOIN contract c ON c.id = q.contract_id
              JOIN provider p ON p.id = q.provider_id
             WHERE m.process_instance_id = :pid
                OR (m.process_instance_id IS NULL AND q.qaf_number = :key)
            """)
        .param("pid", execution.getProcessInstanceId())
        .param("key", execution.getProcessBusinessKey())
        .query(
            (rs, n) -> {
              OffsetDateTime at = rs.getObject(10, OffsetDateTime.class);
              return new Case(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  at == null ? null : at.toInstant());
            })
        .optional()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No QAF moderation is registered for case "
                        + execution.getProcessBusinessKey()));
  }

  List<Grade> grades(long assessmentId) {
    return jdbc.sql(
            """
            SELECT objective, provider_grade, officer_grade, final_grade, explanation
              FROM qaf_grade WHERE assessment_id = :id ORDER BY objective
            """)
        .param("id", assessmentId)
        .query(
            (rs, n) ->
                new Grade(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  static String gradeTable(List<Grade> grades) {
    if (grades.isEmpty()) {
      return "No grades are recorded for this QAF.";
    }
    StringBuilder table =
        new StringBuilder(
            "| Objective | Claimed | Officer | Final | Explanation |\n|---|---|---|---|---|\n");
    for (Grade g : grades) {
      table
          .append("| ")
          .append(g.objective())
          .append(" | ")
          .append(dash(g.claimed()))
          .append(" | ")
          .append(dash(g.officer()))
          .append(" | ")
          .append(dash(g.finalGrade()))
          .append(" | ")
          .append(MarkdownText.inline(g.explanation()))
          .append(" |\n");
    }
    return table.toString();
  }

  private static String dash(String grade) {
    return grade == null ? "-" : grade;
  }

  /**
   * The signed-in user completing the task: Tasklist and the REST API authenticate the engine call.
   */
  private String completingUser() {
    Authentication signedIn = identityService.getCurrentAuthentication();
    if (signedIn != null && signedIn.getUserId() != null) {
      return signedIn.getUserId();
    }
    return null;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
