package uk.gov.council.commissioning.qaf;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/**
 * What the QAF register says for the reports of seed 001 3.3 §4 ("reports with regard to QAF return
 * and overall performance will be forwarded to the Contracts Manager"): each provider's grades over
 * the years, open "D" improvement plans, and overdue QAFs. "Now" is the engine's clock. Who may see
 * what is the controller's business.
 */
@Service
@RequiredArgsConstructor
class QafReports {

  private final JdbcClient jdbc;

  private final Clock clock;

  public record ProviderRef(long id, String name) {}

  /**
   * @param improvementPlanGrade the grade an improvement plan's validation recorded for the
   *     standard (§3.4)
   */
  public record ObjectiveGrade(
      String objective,
      String claimed,
      String officer,
      String finalGrade,
      String improvementPlanGrade,
      String improvementPlanOutcome) {}

  public record QafGrades(
      int financialYear,
      String financialYearLabel,
      String qafNumber,
      String contractReference,
      String contractTitle,
      String variant,
      LocalDate meetingDate,
      String status,
      Instant gradesSentAt,
      List<ObjectiveGrade> grades) {}

  public record ProviderGrades(ProviderRef provider, List<QafGrades> qafs) {}

  /** Why an open plan is overdue: PLAN_NOT_SUBMITTED, NOT_VALIDATED. */
  public record OpenPlan(
      long planId,
      String qafNumber,
      String objective,
      ProviderRef provider,
      String contractReference,
      Instant planDueAt,
      Instant submittedAt,
      Instant validationDueAt,
      Instant validatedAt,
      boolean overdue,
      List<String> overdueReasons) {}

  public record OverdueQaf(
      String qafNumber,
      ProviderRef provider,
      String contractReference,
      String reviewingOfficer,
      int financialYear,
      LocalDate meetingDate,
      Instant issueAt,
      Instant issuedAt,
      Instant returnDueAt,
      long daysOverdue) {}

  /**
   * @param notReturned issued, still open, not returned and past the return deadline (§2: six weeks
   *     before the meeting)
   * @param notIssued not issued although the date to issue it (§2: three months before the meeting)
   *     has passed
   */
  public record OverdueQafs(
      Instant asAt, List<OverdueQaf> notReturned, List<OverdueQaf> notIssued) {}

  /**
   * Every QAF of the provider, oldest first.
   *
   * @param gradesOnceSent a provider's own users see the officer's and final grades only once the
   *     grades were sent to them (§3.4), not the officer's work in progress
   */
  @Transactional(readOnly = true)
  public ProviderGrades providerGrades(
      long providerId, String providerName, boolean gradesOnceSent) {
    Map<Long, QafGrades> qafs = new LinkedHashMap<>();
    Map<Long, List<ObjectiveGrade>> grades = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT q.id, q.financial_year, q.qaf_number, c.reference, c.title, q.variant, q.meeting_date,
                   q.status, q.grades_sent_at
              FROM qaf_assessment q JOIN contract c ON c.id = q.contract_id
             WHERE q.provider_id = :provider
             ORDER BY q.financial_year, q.meeting_date, q.id
            """)
        .param("provider", providerId)
        .query(
            (rs, n) -> {
              long id = rs.getLong(1);
              List<ObjectiveGrade> list = new ArrayList<>();
              grades.put(id, list);
              return qafs.put(
                  id,
                  new QafGrades(
                      rs.getInt(2),
                      QafModerationQuota.label(rs.getInt(2)),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getObject(7, LocalDate.class),
                      rs.getString(8),
                      instant(rs, 9),
                      list));
            })
        .list();
    jdbc.sql(
            """
            SELECT g.assessment_id, g.objective, g.provider_grade, g.officer_grade, g.final_grade,
                   p.new_grade, p.outcome
              FROM qaf_grade g
              JOIN qaf_assessment q ON q.id = g.assessment_id
              LEFT JOIN qaf_improvement_plan p ON p.assessment_id = g.assessment_id AND p.objective = g.objective
             WHERE q.provider_id = :provider
             ORDER BY g.assessment_id, g.objective
            """)
        .param("provider", providerId)
        .query(
            (rs, n) -> {
              long id = rs.getLong(1);
              boolean hidden = gradesOnceSent && qafs.get(id).gradesSentAt() == null;
              return grades
                  .get(id)
                  .add(
                      new ObjectiveGrade(
                          rs.getString(2),
                          trim(rs.getString(3)),
                          hidden ? null : trim(rs.getString(4)),
                          hidden ? null : trim(rs.getString(5)),
                          trim(rs.getString(6)),
                          rs.getString(7)));
            })
        .list();
    return new ProviderGrades(
        new ProviderRef(providerId, providerName), List.copyOf(qafs.values()));
  }

  /**
   * Open improvement plans, soonest due first; of the given provider groups only, unless null
   * (staff).
   */
  @Transactional(readOnly = true)
  public List<OpenPlan> openPlans(Collection<String> onlyProviderGroups) {
    if (onlyProviderGroups != null && onlyProviderGroups.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    String sql =
        """
        SELECT p.id, q.qaf_number, p.objective, pr.id, pr.name, c.reference, p.plan_due_at, p.submitted_at,
               p.validation_due_at, p.validated_at
          FROM qaf_improvement_plan p
          JOIN qaf_assessment q ON q.id = p.assessment_id
          JOIN provider pr ON pr.id = q.provider_id
          JOIN contract c ON c.id = q.contract_id
         WHERE p.status = 'OPEN'
        """
            + (onlyProviderGroups == null ? "" : " AND pr.organisation_group IN (:groups)")
            + " ORDER BY p.plan_due_at, q.qaf_number, p.objective";
    var statement = jdbc.sql(sql);
    if (onlyProviderGroups != null) {
      statement = statement.param("groups", List.copyOf(onlyProviderGroups));
    }
    return statement
        .query(
            (rs, n) -> {
              Instant planDue = instant(rs, 7);
              Instant submitted = instant(rs, 8);
              Instant validationDue = instant(rs, 9);
              Instant validated = instant(rs, 10);
              List<String> reasons = new ArrayList<>();
              if (submitted == null && planDue.isBefore(now)) {
                reasons.add("PLAN_NOT_SUBMITTED");
              }
              if (validated == null && validationDue != null && validationDue.isBefore(now)) {
                reasons.add("NOT_VALIDATED");
              }
              return new OpenPlan(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  new ProviderRef(rs.getLong(4), rs.getString(5)),
                  rs.getString(6),
                  planDue,
                  submitted,
                  validationDue,
                  validated,
                  !reasons.isEmpty(),
                  List.copyOf(reasons));
            })
        .list();
  }

  @Transactional(readOnly = true)
  public OverdueQafs overdue() {
    Instant now = clock.instant();
    String select =
        """
        SELECT q.qaf_number, pr.id, pr.name, c.reference, q.reviewing_officer, q.financial_year, q.meeting_date,
               q.issue_at, q.issued_at, q.return_due_at
          FROM qaf_assessment q
          JOIN provider pr ON pr.id = q.provider_id
          JOIN contract c ON c.id = q.contract_id
         WHERE q.status = 'OPEN' AND
        """;
    List<OverdueQaf> notReturned =
        jdbc.sql(
                select
                    + " q.issued_at IS NOT NULL AND q.returned_at IS NULL AND q.return_due_at < :now"
                    + " ORDER BY q.return_due_at, q.qaf_number")
            .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
            .query((rs, n) -> overdueQaf(rs, instant(rs, 10), now))
            .list();
    List<OverdueQaf> notIssued =
        jdbc.sql(
                select
                    + " q.issued_at IS NULL AND q.issue_at < :now ORDER BY q.issue_at, q.qaf_number")
            .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
            .query((rs, n) -> overdueQaf(rs, instant(rs, 8), now))
            .list();
    return new OverdueQafs(now, notReturned, notIssued);
  }

  private static OverdueQaf overdueQaf(ResultSet rs, Instant due, Instant now) throws SQLException {
    return new OverdueQaf(
        rs.getString(1),
        new ProviderRef(rs.getLong(2), rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getInt(6),
        rs.getObject(7, LocalDate.class),
        instant(rs, 8),
        instant(rs, 9),
        instant(rs, 10),
        daysBetween(due, now));
  }

  /** Calendar days (UK) from the day the deadline fell to today. */
  static long daysBetween(Instant due, Instant now) {
    return ChronoUnit.DAYS.between(
        due.atZone(WorkingDayCalendar.UK).toLocalDate(),
        now.atZone(WorkingDayCalendar.UK).toLocalDate());
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  // CHAR(1) columns come back padded on some databases.
  private static String trim(String grade) {
    return grade == null ? null : grade.trim();
  }
}
