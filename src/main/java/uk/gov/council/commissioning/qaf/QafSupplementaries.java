package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.cases.RegisterColumns.date;
import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.text;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The supplementary QAF (seed 001 Part 3.3 §2): "A supplementary QAF may be introduced following
 * the approval of the CSG in any given year in order to reinforce good practice." The contracts
 * manager proposes one for a financial year (its supplementary service objectives, Part 3.6 §3.1);
 * the Core Strategy Group approves it or not; once approved, every QAF of that year issued after
 * the approval carries it, and the provider answers it with written evidence. It is not graded: the
 * seed grades the core objectives only.
 */
@Component("qafSupplementarySteps")
@RequiredArgsConstructor
public class QafSupplementaries {

  static final String PROCESS_KEY = "qaf-supplementary";
  static final String PROPOSAL_FORM = "qaf-supplementary-proposal";
  static final String DECISION_FORM = "qaf-supplementary-decision";
  static final String APPROVE = "APPROVE";
  static final String NOT_APPROVE = "NOT_APPROVE";
  static final String APPROVED = "APPROVED";
  static final String NOT_APPROVED = "NOT_APPROVED";
  static final String PROPOSED = "PROPOSED";

  private final JdbcClient jdbc;
  private final Clock clock;

  /** A supplementary QAF as the register holds it. */
  public record Supplementary(
      long id,
      String reference,
      String processInstanceId,
      int financialYear,
      String title,
      String objectives,
      String status,
      String proposedBy,
      Instant proposedAt,
      LocalDate csgMeetingDate,
      String csgMinuteReference,
      String csgComments,
      String decidedBy,
      Instant decidedAt) {

    /** What the provider reads on its QAF. */
    String providerText() {
      return title + " (" + reference + ", approved by the Core Strategy Group)\n" + objectives;
    }
  }

  /**
   * The proposal's checks, before anything is created: the financial year (its starting year), a
   * title and the supplementary objectives; one proposed or approved supplementary QAF per year.
   */
  public void checkProposal(VariableScope request, Actor starter) {
    FormChecks checks = new FormChecks("Supplementary QAF", request).againstForm(PROPOSAL_FORM);
    Object year = request.getVariable("financialYear");
    Integer financialYear = year(year);
    if (financialYear == null) {
      checks.problem("financialYear", "give the financial year's first year, e.g. 2026");
    } else {
      forYear(financialYear)
          .ifPresent(
              s ->
                  checks.problem(
                      "financialYear",
                      "the supplementary QAF "
                          + s.reference()
                          + " is already "
                          + s.status().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                          + " for "
                          + financialYear));
    }
    checks.text("title", 300);
    checks.text("objectives", 4000);
    checks.throwIfAny();
  }

  static Integer year(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && d >= 2000 && d <= 2100 ? (int) d : null;
    }
    try {
      int year = Integer.parseInt(value.toString().trim());
      return year >= 2000 && year <= 2100 ? year : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** First step: the proposal in the register, numbered QS-(year)-(id), the case's business key. */
  public void register(DelegateExecution execution) {
    checkProposal(execution, null);
    int year = year(execution.getVariable("financialYear"));
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO qaf_supplementary
              (process_instance_id, financial_year, title, objectives, proposed_by, proposed_at)
            VALUES (:pid, :year, :title, :objectives, :by, :at)""")
        .param("pid", execution.getProcessInstanceId())
        .param("year", year)
        .param("title", execution.getVariable("title").toString().trim())
        .param("objectives", execution.getVariable("objectives").toString().trim())
        .param("by", text((String) execution.getVariable("proposedBy")))
        .param("at", utc(clock.instant()))
        .update(key, "id");
    long id = key.getKey().longValue();
    String reference = "QS-" + year + "-" + String.format("%04d", id);
    jdbc.sql("UPDATE qaf_supplementary SET reference = :ref WHERE id = :id")
        .param("ref", reference)
        .param("id", id)
        .update();
    execution.setProcessBusinessKey(reference);
    execution.setVariable("supplementaryReference", reference);
    execution.setVariable(
        "financialYearText", year + "/" + String.format("%02d", (year + 1) % 100));
  }

  /**
   * The Core Strategy Group's decision: approve or not, the meeting it was taken at (not in the
   * future), its minute reference, and comments, required when it is not approved.
   */
  public void csgDecided(DelegateTask task) {
    TaskAnswers.moveOntoTask(
        task,
        java.util.List.of("csgDecision", "csgMeetingDate", "csgMinuteReference", "csgComments"));
    FormChecks checks =
        new FormChecks("Core Strategy Group decision", task).againstForm(DECISION_FORM);
    String decision = checks.oneOf("csgDecision", java.util.Set.of(APPROVE, NOT_APPROVE));
    LocalDate meeting = checks.date("csgMeetingDate");
    if (meeting != null
        && meeting.isAfter(
            clock
                .instant()
                .atZone(uk.gov.council.commissioning.calendar.WorkingDayCalendar.UK)
                .toLocalDate())) {
      checks.problem("csgMeetingDate", "cannot be in the future");
    }
    String minute = checks.text("csgMinuteReference", 100);
    String comments = checks.optionalText("csgComments", 2000);
    checks.textIf(
        NOT_APPROVE.equals(decision), "csgComments", "say why the group did not approve it");
    checks.throwIfAny();
    TaskAnswers.passOn(task, java.util.List.of("csgDecision"));
    CompletedTask.handOver(task, "csgMeetingDate", meeting == null ? null : meeting.toString());
    CompletedTask.handOver(task, "csgMinuteReference", minute);
    CompletedTask.handOver(task, "csgComments", comments);
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  /** Records the decision once; a repeat (a retried job) keeps the first. */
  public void recordCsgDecision(DelegateExecution execution) {
    boolean approved = APPROVE.equals(execution.getVariable("csgDecisionMade"));
    String meeting = CompletedTask.get(execution, "csgMeetingDate");
    jdbc.sql(
            """
            UPDATE qaf_supplementary
               SET status = :status, csg_meeting_date = :meeting, csg_minute_reference = :minute,
                   csg_comments = :comments, decided_by = :by, decided_at = :at
             WHERE process_instance_id = :pid AND status = 'PROPOSED'""")
        .param("status", approved ? APPROVED : NOT_APPROVED)
        .param("meeting", date(meeting == null ? null : LocalDate.parse(meeting)))
        .param("minute", text(CompletedTask.get(execution, "csgMinuteReference")))
        .param("comments", text(CompletedTask.get(execution, "csgComments")))
        .param("by", text(CompletedTask.get(execution, "by")))
        .param("at", utc(clock.instant()))
        .param("pid", execution.getProcessInstanceId())
        .update();
    execution.setVariable("supplementaryApproved", approved);
  }

  /** The year's supplementary QAF proposed or approved, if any (one a year). */
  public Optional<Supplementary> forYear(int financialYear) {
    return jdbc
        .sql(
            "SELECT * FROM qaf_supplementary WHERE financial_year = :year"
                + " AND status IN ('PROPOSED', 'APPROVED') ORDER BY id")
        .param("year", financialYear)
        .query(QafSupplementaries::row)
        .list()
        .stream()
        .findFirst();
  }

  /** The year's approved supplementary QAF, which QAFs issued from now carry. */
  Optional<Supplementary> approvedFor(int financialYear) {
    return forYear(financialYear).filter(s -> APPROVED.equals(s.status()));
  }

  public Optional<Supplementary> find(String reference) {
    return jdbc.sql("SELECT * FROM qaf_supplementary WHERE reference = :ref")
        .param("ref", reference)
        .query(QafSupplementaries::row)
        .optional();
  }

  Optional<Supplementary> byId(long id) {
    return jdbc.sql("SELECT * FROM qaf_supplementary WHERE id = :id")
        .param("id", id)
        .query(QafSupplementaries::row)
        .optional();
  }

  private static Supplementary row(ResultSet rs, int n) throws SQLException {
    return new Supplementary(
        rs.getLong("id"),
        rs.getString("reference"),
        rs.getString("process_instance_id"),
        rs.getInt("financial_year"),
        rs.getString("title"),
        rs.getString("objectives"),
        rs.getString("status"),
        rs.getString("proposed_by"),
        instant(rs, "proposed_at"),
        date(rs, "csg_meeting_date"),
        rs.getString("csg_minute_reference"),
        rs.getString("csg_comments"),
        rs.getString("decided_by"),
        instant(rs, "decided_at"));
  }
}
