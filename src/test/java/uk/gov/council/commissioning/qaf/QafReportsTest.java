package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.gov.council.commissioning.qaf.QafReportTestData.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.qaf.QafModerationQuota.OfficerQuota;
import uk.gov.council.commissioning.qaf.QafReports.OpenPlan;
import uk.gov.council.commissioning.qaf.QafReports.OverdueQaf;
import uk.gov.council.commissioning.qaf.QafReports.OverdueQafs;
import uk.gov.council.commissioning.qaf.QafReports.ProviderGrades;
import uk.gov.council.commissioning.qaf.QafReports.QafGrades;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/**
 * The QAF reports against hand-made register rows with known answers. "Now" is the engine clock,
 * fixed at Thursday 20 May 2027 10:00 (BST), in financial year 2027/28.
 */
@ProcessTest
class QafReportsTest extends ProcessTestCase {

  @Autowired QafReports reports;
  @Autowired QafModerationQuota quota;

  Provider provider;
  Provider other;
  long contractId;
  long otherContractId;
  String officer;

  @BeforeEach
  void setUp() {
    String name = unique("qr-");
    provider = provider(contracts, access, "QR Care " + name, "provider-qr-" + name);
    other = provider(contracts, access, "QR Other " + name, "provider-qr-other-" + name);
    contractId = contract(contracts, provider, unique("QR-"));
    otherContractId = contract(contracts, other, unique("QR-"));
    officer = unique("qr-officer-");
    setClock(LocalDateTime.of(2027, 5, 20, 10, 0));
  }

  @Test
  void aProvidersGradesOverTheYearsWithTheRegradeOfAnImprovementPlan() {
    long y2025 =
        insert(jdbc, Qaf.agreed(contractId, provider.id(), 2025, officer).withVariant("LITE"));
    grade(jdbc, y2025, "C1.1", "B", "C", "C");
    grade(jdbc, y2025, "C1.2", "C", "D", "D");
    plan(
        jdbc,
        y2025,
        "C1.2",
        uk(LocalDateTime.of(2025, 10, 1, 9, 0)),
        uk(LocalDateTime.of(2025, 9, 30, 9, 0)),
        uk(LocalDateTime.of(2025, 11, 1, 9, 0)),
        uk(LocalDateTime.of(2025, 11, 3, 9, 0)),
        "IMPROVED",
        "C",
        "CLOSED");
    long y2026 = insert(jdbc, Qaf.agreed(contractId, provider.id(), 2026, officer));
    grade(jdbc, y2026, "C1.1", "B", "B", "B");
    grade(jdbc, y2026, "C1.2", "C", "C", "C");
    // This year's: returned, the officer has graded, nothing sent to the provider yet.
    long y2027 =
        insert(
            jdbc,
            Qaf.agreed(contractId, provider.id(), 2027, officer)
                .withStatus("OPEN", ukMidnight(2027, 6, 15), ukMidnight(2027, 7, 20), null));
    grade(jdbc, y2027, "C1.1", "A", "B", null);
    insert(jdbc, Qaf.agreed(otherContractId, other.id(), 2026, officer));

    ProviderGrades staff = reports.providerGrades(provider.id(), provider.name(), false);

    assertThat(staff.provider().id()).isEqualTo(provider.id());
    assertThat(staff.qafs())
        .extracting(QafGrades::qafNumber)
        .containsExactly(number(jdbc, y2025), number(jdbc, y2026), number(jdbc, y2027));
    QafGrades first = staff.qafs().get(0);
    assertThat(first.financialYear()).isEqualTo(2025);
    assertThat(first.financialYearLabel()).isEqualTo("2025/26");
    assertThat(first.variant()).isEqualTo("LITE");
    assertThat(first.meetingDate()).isEqualTo(LocalDate.of(2025, 9, 15));
    assertThat(first.grades())
        .extracting(
            "objective",
            "claimed",
            "officer",
            "finalGrade",
            "improvementPlanGrade",
            "improvementPlanOutcome")
        .containsExactly(
            tuple("C1.1", "B", "C", "C", null, null),
            tuple("C1.2", "C", "D", "D", "C", "IMPROVED"));
    assertThat(staff.qafs().get(1).grades())
        .extracting("objective", "finalGrade")
        .containsExactly(tuple("C1.1", "B"), tuple("C1.2", "C"));
    assertThat(staff.qafs().get(2).grades())
        .extracting("claimed", "officer", "finalGrade")
        .containsExactly(tuple("A", "B", null));

    // The provider's own view hides the officer's grading until the grades are sent (§3.4).
    ProviderGrades own = reports.providerGrades(provider.id(), provider.name(), true);
    assertThat(own.qafs().get(2).grades())
        .extracting("claimed", "officer", "finalGrade")
        .containsExactly(tuple("A", null, null));
    assertThat(own.qafs().get(0).grades()).extracting("officer").containsExactly("C", "D");
  }

  @Test
  void openImprovementPlansWithTheirDueDatesAndWhetherOverdue() {
    long qaf = insert(jdbc, Qaf.agreed(contractId, provider.id(), 2026, officer));
    long notSubmitted = openPlan(jdbc, qaf, "C1.3", nineAm(2027, 5, 10));
    long onTime =
        submittedPlan(
            jdbc, qaf, "C1.4", nineAm(2027, 5, 1), nineAm(2027, 4, 30), nineAm(2027, 5, 30));
    long notValidated =
        submittedPlan(
            jdbc, qaf, "C1.5", nineAm(2027, 4, 1), nineAm(2027, 3, 30), nineAm(2027, 5, 1));
    long dueLaterToday = openPlan(jdbc, qaf, "C1.7", uk(LocalDateTime.of(2027, 5, 20, 17, 0)));
    plan(jdbc, qaf, "C1.6", nineAm(2027, 1, 1), null, null, null, "NOT_IMPROVED", "D", "CLOSED");
    long othersQaf = insert(jdbc, Qaf.agreed(otherContractId, other.id(), 2026, officer));
    long othersPlan = openPlan(jdbc, othersQaf, "C1.1", nineAm(2027, 5, 1));

    List<OpenPlan> own = reports.openPlans(List.of(provider.organisationGroup()));

    assertThat(own)
        .extracting(
            OpenPlan::planId, OpenPlan::objective, OpenPlan::overdue, OpenPlan::overdueReasons)
        .containsExactly(
            tuple(notValidated, "C1.5", true, List.of("NOT_VALIDATED")),
            tuple(onTime, "C1.4", false, List.of()),
            tuple(notSubmitted, "C1.3", true, List.of("PLAN_NOT_SUBMITTED")),
            tuple(dueLaterToday, "C1.7", false, List.of()));
    assertThat(own.get(0).qafNumber()).isEqualTo(number(jdbc, qaf));
    assertThat(own.get(0).provider().name()).isEqualTo(provider.name());
    assertThat(own.get(0).planDueAt()).isEqualTo(Instant.parse("2027-04-01T08:00:00Z"));
    assertThat(own.get(0).validationDueAt()).isEqualTo(Instant.parse("2027-05-01T08:00:00Z"));

    List<OpenPlan> staff = reports.openPlans(null);
    assertThat(staff)
        .extracting(OpenPlan::planId)
        .contains(notSubmitted, onTime, notValidated, othersPlan);
    assertThat(reports.openPlans(List.of())).isEmpty();
  }

  @Test
  void qafsNotReturnedByTheirDeadlineAndQafsNotIssuedOnTime() {
    Qaf base = Qaf.agreed(contractId, provider.id(), 2027, officer);
    Instant issued = uk(LocalDateTime.of(2027, 3, 1, 9, 0));
    long late = open(base, LocalDate.of(2027, 6, 12), issued, ukMidnight(2027, 5, 1), null);
    open(base, LocalDate.of(2027, 6, 12), issued, ukMidnight(2027, 5, 1), ukMidnight(2027, 5, 2));
    open(base, LocalDate.of(2027, 8, 11), issued, ukMidnight(2027, 6, 30), null);
    insert(
        jdbc,
        base.withDates(LocalDate.of(2027, 6, 12), issued, ukMidnight(2027, 5, 1))
            .withStatus("NOT_RETURNED", issued, null, null));
    long notIssued =
        unissued(base, LocalDate.of(2027, 8, 15), ukMidnight(2027, 5, 15), ukMidnight(2027, 7, 4));
    unissued(base, LocalDate.of(2027, 9, 15), ukMidnight(2027, 6, 15), ukMidnight(2027, 8, 4));

    OverdueQafs overdue = reports.overdue();

    assertThat(overdue.asAt()).isEqualTo(Instant.parse("2027-05-20T09:00:00Z"));
    List<OverdueQaf> notReturned = mine(overdue.notReturned());
    assertThat(notReturned)
        .extracting(OverdueQaf::qafNumber, OverdueQaf::daysOverdue)
        .containsExactly(tuple(number(jdbc, late), 19L));
    assertThat(notReturned.get(0).reviewingOfficer()).isEqualTo(officer);
    assertThat(notReturned.get(0).returnDueAt()).isEqualTo(Instant.parse("2027-04-30T23:00:00Z"));
    assertThat(mine(overdue.notIssued()))
        .extracting(OverdueQaf::qafNumber, OverdueQaf::daysOverdue)
        .containsExactly(tuple(number(jdbc, notIssued), 5L));
  }

  @Test
  void moderationPerOfficerAgainstTheTargetOfTwo() {
    String busy = unique("qr-busy-");
    String single = unique("qr-single-");
    String done = unique("qr-done-");
    long b1 = agreed(2026, busy);
    long b2 = agreed(2026, busy);
    agreed(2026, busy);
    insert(
        jdbc,
        Qaf.agreed(contractId, provider.id(), 2026, busy).withStatus("OPEN", null, null, null));
    agreed(2025, busy);
    moderated(b1, busy, "CONFIRMED", null);
    putForward(b2, busy);
    long s1 = agreed(2026, single);
    moderated(s1, single, "ADJUSTED", "Read the evidence for C1.4 again");
    moderated(agreed(2026, done), done, "CONFIRMED", null);
    moderated(agreed(2026, done), done, "ADJUSTED", "Explain every changed grade");

    QafModerationQuota.YearQuota year = quota.forYear(2026);

    assertThat(year.financialYearLabel()).isEqualTo("2026/27");
    assertThat(year.target()).isEqualTo(2);
    assertThat(
            year.officers().stream()
                .filter(o -> List.of(busy, single, done).contains(o.reviewingOfficer())))
        .extracting(
            OfficerQuota::reviewingOfficer,
            OfficerQuota::completed,
            OfficerQuota::putForward,
            OfficerQuota::moderated,
            OfficerQuota::confirmed,
            OfficerQuota::adjusted,
            OfficerQuota::shortfall,
            OfficerQuota::targetMet,
            OfficerQuota::targetAttainable)
        .containsExactlyInAnyOrder(
            tuple(busy, 3, 2, 1, 1, 0, 1, false, true),
            tuple(single, 1, 1, 1, 0, 1, 1, false, false),
            tuple(done, 2, 2, 2, 1, 1, 0, true, true));
    OfficerQuota singleQuota =
        year.officers().stream()
            .filter(o -> o.reviewingOfficer().equals(single))
            .findFirst()
            .orElseThrow();
    assertThat(singleQuota.moderations())
        .extracting("qafNumber", "outcome", "findings", "moderatedBy")
        .containsExactly(
            tuple(number(jdbc, s1), "ADJUSTED", "Read the evidence for C1.4 again", "qr-manager"));
    assertThat(quota.forYear(2025).officers())
        .extracting(
            OfficerQuota::reviewingOfficer, OfficerQuota::completed, OfficerQuota::moderated)
        .contains(tuple(busy, 1, 0));
  }

  @Test
  void financialYearsRunFromAprilUkTime() {
    assertThat(QafModerationQuota.financialYearOf(Instant.parse("2027-03-31T22:59:59Z")))
        .isEqualTo(2026);
    // 00:00 on 1 April 2027 BST is 23:00 the day before in UTC.
    assertThat(QafModerationQuota.financialYearOf(Instant.parse("2027-03-31T23:00:00Z")))
        .isEqualTo(2027);
    assertThat(QafModerationQuota.financialYearOf(Instant.parse("2027-01-15T12:00:00Z")))
        .isEqualTo(2026);
    assertThat(QafModerationQuota.label(2026)).isEqualTo("2026/27");
    assertThat(QafModerationQuota.label(2099)).isEqualTo("2099/00");
  }

  private List<OverdueQaf> mine(List<OverdueQaf> all) {
    return all.stream().filter(q -> q.provider().id() == provider.id()).toList();
  }

  private long agreed(int year, String reviewingOfficer) {
    return insert(jdbc, Qaf.agreed(contractId, provider.id(), year, reviewingOfficer));
  }

  private void putForward(long assessmentId, String reviewingOfficer) {
    jdbc.sql(
            "INSERT INTO qaf_moderation (assessment_id, reviewing_officer, financial_year)"
                + " SELECT id, :officer, financial_year FROM qaf_assessment WHERE id = :id")
        .param("officer", reviewingOfficer)
        .param("id", assessmentId)
        .update();
  }

  private void moderated(
      long assessmentId, String reviewingOfficer, String outcome, String findings) {
    putForward(assessmentId, reviewingOfficer);
    jdbc.sql(
            "UPDATE qaf_moderation SET moderated_by = 'qr-manager', moderated_at = :at, outcome = :outcome,"
                + " findings = :findings WHERE assessment_id = :id")
        .param("at", utc(uk(LocalDateTime.of(2026, 11, 2, 10, 0))))
        .param("outcome", outcome)
        .param("findings", findings)
        .param("id", assessmentId)
        .update();
  }

  /** An open QAF issued at {@code issued}, due back at {@code due}; returned if given. */
  private long open(Qaf base, LocalDate meeting, Instant issued, Instant due, Instant returned) {
    return insert(
        jdbc, base.withDates(meeting, issued, due).withStatus("OPEN", issued, returned, null));
  }

  /** An open QAF that was to be issued at {@code issue} and has not been. */
  private long unissued(Qaf base, LocalDate meeting, Instant issue, Instant due) {
    return insert(jdbc, base.withDates(meeting, issue, due).withStatus("OPEN", null, null, null));
  }

  /** The start of the day, UK time. */
  private static Instant ukMidnight(int year, int month, int day) {
    return uk(LocalDateTime.of(year, month, day, 0, 0));
  }

  /** 09:00 UK time on the day. */
  private static Instant nineAm(int year, int month, int day) {
    return uk(LocalDateTime.of(year, month, day, 9, 0));
  }
}
