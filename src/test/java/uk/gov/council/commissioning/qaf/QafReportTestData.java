package uk.gov.council.commissioning.qaf;

import static uk.gov.council.commissioning.testkit.ContractDraft.draft;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.AccessSetup;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestUsers;

/**
 * Providers, contracts and QAF rows written straight into the register (V6), for the moderation and
 * report tests. Names are made unique per call, since test classes share one database.
 */
final class QafReportTestData {

  static final ZoneId UK = ZoneId.of("Europe/London");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private QafReportTestData() {}

  static String unique(String prefix) {
    return prefix + SEQUENCE.incrementAndGet() + "-" + (System.nanoTime() % 100000);
  }

  static void user(AccessSetup access, String id, String... groups) {
    TestUsers.user(access, id, groups);
  }

  static String password(String user) {
    return TestUsers.password(user);
  }

  static Provider provider(
      ContractService contracts, AccessSetup access, String name, String group) {
    access.ensureGroup(group, name, "PROVIDER");
    return contracts.createProvider(name, "qaf@" + group + ".example", group);
  }

  /**
   * @return the contract's id
   */
  static long contract(ContractService contracts, Provider provider, String reference) {
    contracts.create(
        draft(reference, provider.id())
            .about("Floating Support Service", "Housing support", "Floating Support")
            .running("2024-04-01", "2029-03-31", "120000.00", "600000.00", 12));
    return contracts.findByReference(reference).orElseThrow().id();
  }

  /** A QAF row; its number is {@code QAF-<year>-<id>} as the assessment process sets it. */
  record Qaf(
      long contractId,
      long providerId,
      int financialYear,
      String variant,
      LocalDate meetingDate,
      String reviewingOfficer,
      Instant issueAt,
      Instant issuedAt,
      Instant returnDueAt,
      Instant returnedAt,
      Instant gradesSentAt,
      String status) {

    /** Issued, returned, grades sent and agreed: a QAF whose grades are final. */
    static Qaf agreed(long contractId, long providerId, int year, String officer) {
      LocalDate meeting = LocalDate.of(year, 9, 15);
      Instant issue = uk(meeting.minusMonths(3).atStartOfDay());
      Instant due = uk(meeting.minusDays(42).atStartOfDay());
      return new Qaf(
          contractId,
          providerId,
          year,
          "FULL",
          meeting,
          officer,
          issue,
          issue,
          due,
          due.minusSeconds(86400),
          due.plusSeconds(10 * 86400),
          "AGREED");
    }

    Qaf withStatus(
        String newStatus, Instant newIssuedAt, Instant newReturnedAt, Instant newGradesSentAt) {
      return new Qaf(
          contractId,
          providerId,
          financialYear,
          variant,
          meetingDate,
          reviewingOfficer,
          issueAt,
          newIssuedAt,
          returnDueAt,
          newReturnedAt,
          newGradesSentAt,
          newStatus);
    }

    Qaf withDates(LocalDate meeting, Instant issue, Instant due) {
      return new Qaf(
          contractId,
          providerId,
          financialYear,
          variant,
          meeting,
          reviewingOfficer,
          issue,
          issuedAt,
          due,
          returnedAt,
          gradesSentAt,
          status);
    }

    Qaf withVariant(String newVariant) {
      return new Qaf(
          contractId,
          providerId,
          financialYear,
          newVariant,
          meetingDate,
          reviewingOfficer,
          issueAt,
          issuedAt,
          returnDueAt,
          returnedAt,
          gradesSentAt,
          status);
    }
  }

  /**
   * @return the assessment id
   */
  static long insert(JdbcClient jdbc, Qaf q) {
    // One QAF per contract and meeting (V7): several QAFs of one contract in one test sit on
    // consecutive days; what the reports compute depends on the issue and return dates, not on
    // this.
    LocalDate meeting = q.meetingDate();
    while (jdbc.sql(
                "SELECT COUNT(*) FROM qaf_assessment WHERE contract_id = :contract AND meeting_date = :meeting")
            .param("contract", q.contractId())
            .param("meeting", meeting)
            .query(Long.class)
            .single()
        > 0) {
      meeting = meeting.plusDays(1);
    }
    jdbc.sql(
            """
            INSERT INTO qaf_assessment (contract_id, provider_id, financial_year, variant, meeting_date,
                reviewing_officer, issue_at, issued_at, return_due_at, returned_at, grades_sent_at,
                grades_agreed_at, status)
            VALUES (:contract, :provider, :year, :variant, :meeting, :officer, :issueAt, :issuedAt, :due,
                :returnedAt, :sentAt, :agreedAt, :status)
            """)
        .param("contract", q.contractId())
        .param("provider", q.providerId())
        .param("year", q.financialYear())
        .param("variant", q.variant())
        .param("meeting", meeting)
        .param("officer", q.reviewingOfficer())
        .param("issueAt", utc(q.issueAt()))
        .param("issuedAt", utc(q.issuedAt()))
        .param("due", utc(q.returnDueAt()))
        .param("returnedAt", utc(q.returnedAt()))
        .param("sentAt", utc(q.gradesSentAt()))
        .param("agreedAt", "AGREED".equals(q.status()) ? utc(q.gradesSentAt()) : null)
        .param("status", q.status())
        .update();
    long id =
        jdbc.sql("SELECT MAX(id) FROM qaf_assessment WHERE contract_id = :contract")
            .param("contract", q.contractId())
            .query(Long.class)
            .single();
    jdbc.sql("UPDATE qaf_assessment SET qaf_number = :number WHERE id = :id")
        .param("number", "QAF-" + q.financialYear() + "-" + id)
        .param("id", id)
        .update();
    return id;
  }

  static String number(JdbcClient jdbc, long assessmentId) {
    return jdbc.sql("SELECT qaf_number FROM qaf_assessment WHERE id = :id")
        .param("id", assessmentId)
        .query(String.class)
        .single();
  }

  static void grade(
      JdbcClient jdbc,
      long assessmentId,
      String objective,
      String claimed,
      String officer,
      String finalGrade) {
    jdbc.sql(
            """
            INSERT INTO qaf_grade (assessment_id, objective, provider_grade, officer_grade, final_grade, explanation)
            VALUES (:id, :objective, :claimed, :officer, :final, :explanation)
            """)
        .param("id", assessmentId)
        .param("objective", objective)
        .param("claimed", claimed)
        .param("officer", officer)
        .param("final", finalGrade)
        .param(
            "explanation",
            claimed != null && !claimed.equals(officer)
                ? "Evidence did not support " + claimed
                : null)
        .update();
  }

  /**
   * @return the plan's id
   */
  static long plan(
      JdbcClient jdbc,
      long assessmentId,
      String objective,
      Instant planDue,
      Instant submitted,
      Instant validationDue,
      Instant validated,
      String outcome,
      String newGrade,
      String status) {
    jdbc.sql(
            """
            INSERT INTO qaf_improvement_plan (assessment_id, objective, plan_due_at, submitted_at,
                validation_due_at, validated_at, outcome, new_grade, status)
            VALUES (:id, :objective, :planDue, :submitted, :validationDue, :validated, :outcome, :newGrade, :status)
            """)
        .param("id", assessmentId)
        .param("objective", objective)
        .param("planDue", utc(planDue))
        .param("submitted", utc(submitted))
        .param("validationDue", utc(validationDue))
        .param("validated", utc(validated))
        .param("outcome", outcome)
        .param("newGrade", newGrade)
        .param("status", status)
        .update();
    return jdbc.sql(
            "SELECT id FROM qaf_improvement_plan WHERE assessment_id = :id AND objective = :objective")
        .param("id", assessmentId)
        .param("objective", objective)
        .query(Long.class)
        .single();
  }

  /** An open plan not yet submitted, due at {@code planDue}. */
  static long openPlan(JdbcClient jdbc, long assessmentId, String objective, Instant planDue) {
    return submittedPlan(jdbc, assessmentId, objective, planDue, null, null);
  }

  /** An open plan submitted and waiting for validation. */
  static long submittedPlan(
      JdbcClient jdbc,
      long assessmentId,
      String objective,
      Instant planDue,
      Instant submitted,
      Instant validationDue) {
    return plan(
        jdbc, assessmentId, objective, planDue, submitted, validationDue, null, null, null, "OPEN");
  }

  static Instant uk(LocalDateTime time) {
    return time.atZone(UK).toInstant();
  }

  static void setClock(LocalDateTime ukTime) {
    TestClock.set(Date.from(uk(ukTime)));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
