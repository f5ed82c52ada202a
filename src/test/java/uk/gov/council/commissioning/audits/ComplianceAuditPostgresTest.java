package uk.gov.council.commissioning.audits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.CSG;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.LEAD;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.audits.ComplianceAudit.ClauseRisk;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * An audit on PostgreSQL (the V23 migration and the audit's SQL): the seeded checklist, a clause
 * added for the provider, the desk-top risks written and rewritten, a refused entry writing
 * nothing, the reports once each, the audit with the provider, the revised risks and the Contracts
 * Update.
 */
@PostgresProcessTest
class ComplianceAuditPostgresTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("capg", LEAD, MANAGER, CSG).withProviders("CAPG Alpha", "CAPG Beta");

  @Autowired ComplianceAudits audits;

  @Test
  void anAuditFromDeskTopToTheContractsUpdate() {
    TestClock.set(LocalDateTime.of(2073, 5, 4, 9, 0));
    Contract contract = AuditTestData.contract(contracts, TEAM.alpha(), uniqueReference("CAPG-"));
    long meeting = AuditTestData.meeting(jdbc, contract, LocalDate.of(2073, 6, 10));
    Instant recent = TestClock.now().minusSeconds(86400 * 30);
    breaches.record(
        "COMPLAINT",
        uniqueReference("CP-PG-"),
        TEAM.alpha().id(),
        "ACKNOWLEDGEMENT",
        Kind.LATE,
        recent,
        recent,
        "Acknowledged late");

    long audit = audits.openFor(meeting, "pg-test");
    assertThat(audits.openFor(meeting, "pg-test")).isEqualTo(audit);
    assertThat(audits.checklistFor(TEAM.alpha().id())).hasSize(52);
    ClauseRisk added =
        audits.addClause(TEAM.alpha().id(), "other", "Recent change of manager", TEAM.user(LEAD));
    assertThat(audits.checklistFor(TEAM.alpha().id())).hasSize(53).last().isEqualTo(added);
    assertThat(audits.checklistFor(TEAM.beta().id())).hasSize(52);

    long returned = AuditTestData.clause(jdbc, "PERFORMANCE_INDICATORS", 1);
    long crb = AuditTestData.clause(jdbc, "CRB_CHECKS", 2);
    assertThatThrownBy(
            () ->
                audits.assess(
                    audit,
                    List.of(
                        new RiskEntry(returned, null, List.of("CLAUSE_NOT_COMPLIED"), null, null),
                        new RiskEntry(crb, null, List.of(), "EXTREME", null)),
                    TEAM.user(LEAD)))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(audits.find(audit, Actor.engine()).orElseThrow().concerns()).isEmpty();

    audits.assess(
        audit,
        List.of(new RiskEntry(returned, "Late", List.of("LOW_FINANCIAL_LOSS"), null, null)),
        TEAM.user(LEAD));
    audits.assess(
        audit,
        List.of(
            new RiskEntry(returned, "Late twice", List.of("CLAUSE_NOT_COMPLIED"), null, null),
            new RiskEntry(crb, "Not evidenced", List.of("POSSIBLE_DEFAULT_NOTICE"), null, null),
            new RiskEntry(added.clauseId(), "Settled", List.of(), "LOW", null)),
        TEAM.user(LEAD));
    ComplianceAudit assessed = audits.find(audit, Actor.engine()).orElseThrow();
    assertThat(assessed.concerns())
        .extracting(ClauseRisk::clauseId, ClauseRisk::riskLevel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(returned, RiskLevel.MEDIUM),
            org.assertj.core.groups.Tuple.tuple(crb, RiskLevel.HIGH));
    assertThat(audits.deskTop(assessed).deadlineBreaches()).hasSize(1);

    assertThat(audits.completeDeskTop(audit)).isEqualTo(2);
    assertThat(audits.reportRisks(audit)).isEqualTo(2);
    audits.reportRisks(audit);
    assertThat(outboxCount("audits:audit-" + audit + ":risks-reported")).isEqualTo(1);

    audits.planProviderAudit(audit, "2073-06-01", "CRB checks, PI returns", TEAM.user(LEAD));
    audits.revise(
        audit,
        List.of(
            new RiskEntry(returned, "Still late", List.of(), "HIGH", null),
            new RiskEntry(crb, "System now in place", List.of(), "LOW", null)),
        "CRB system seen; PI returns still late",
        TEAM.user(LEAD));
    assertThat(audits.completeProviderAudit(audit)).isEqualTo(1);
    assertThat(audits.reportRaised(audit)).isEqualTo(1);
    assertThat(outboxCount("audits:audit-" + audit + ":raised-to-high")).isEqualTo(1);

    ContractsUpdate update = audits.contractsUpdate(YearMonth.of(2073, 5));
    assertThat(update.risks())
        .filteredOn(l -> l.auditId() == audit)
        .extracting(ContractsUpdate.Line::level)
        .containsExactly(RiskLevel.MEDIUM, RiskLevel.HIGH);
    assertThat(update.raisedToHigh())
        .filteredOn(l -> l.auditId() == audit)
        .extracting(ContractsUpdate.Line::clause)
        .containsExactly("Returned on time (%)");
    assertThat(audits.contractsUpdate(YearMonth.of(2073, 6)).risks())
        .filteredOn(l -> l.auditId() == audit)
        .isEmpty();
    assertThat(audits.find(audit, Actor.of(TEAM.betaUser(), groupsOf(TEAM.betaUser())))).isEmpty();
  }

  @Test
  void theDeskTopViewReadsEachCapabilitysRecordOfTheLastTwelveMonths() {
    TestClock.set(LocalDateTime.of(2074, 5, 4, 9, 0));
    Contract contract = AuditTestData.contract(contracts, TEAM.beta(), uniqueReference("CAPG-D-"));
    long audit =
        audits.openFor(AuditTestData.meeting(jdbc, contract, LocalDate.of(2074, 6, 10)), "pg");
    Instant recent = TestClock.now().minusSeconds(86400L * 40);
    Instant old = TestClock.now().minusSeconds(86400L * 400);
    long recentQaf = qaf(contract, recent, "B");
    qaf(contract, old, "D");
    jdbc.sql(
            "INSERT INTO qaf_improvement_plan (assessment_id, objective, plan_due_at)"
                + " VALUES (:a, 'C1.1', :due)")
        .param("a", recentQaf)
        .param("due", java.sql.Timestamp.from(recent))
        .update();
    String recentIncident = incident(contract, recent);
    incident(contract, old);
    jdbc.sql(
            """
            INSERT INTO safeguarding_alert (source_type, source_reference, provider_id, raised_by,
                                            aware_at, alerted_at)
            VALUES ('SERIOUS_INCIDENT', :ref, :p, 'PROVIDER', :t, :t)
            """)
        .param("ref", recentIncident)
        .param("p", TEAM.beta().id())
        .param("t", java.sql.Timestamp.from(recent))
        .update();

    DeskTopView view = audits.deskTop(audits.find(audit, Actor.engine()).orElseThrow());

    assertThat(view.qafGrades()).extracting(g -> g.finalGrade()).containsExactly("B");
    assertThat(view.openImprovementPlans()).extracting(p -> p.objective()).containsExactly("C1.1");
    assertThat(view.seriousIncidents())
        .extracting(i -> i.incidentNumber())
        .containsExactly(recentIncident);
    assertThat(view.safeguardingAlerts())
        .extracting(a -> a.sourceReference())
        .containsExactly(recentIncident);
    assertThat(view.complaints()).isEmpty();
  }

  private long qaf(Contract contract, Instant issued, String grade) {
    org.springframework.jdbc.support.GeneratedKeyHolder key =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO qaf_assessment (qaf_number, contract_id, provider_id, financial_year, variant,
                                        meeting_date, issue_at, return_due_at)
            VALUES (:n, :c, :p, 2074, 'FULL', DATE '2074-06-10', :t, :t)
            """)
        .param("n", uniqueReference("QAF-PG-"))
        .param("c", contract.id())
        .param("p", contract.provider().id())
        .param("t", java.sql.Timestamp.from(issued))
        .update(key, "id");
    long id = key.getKey().longValue();
    jdbc.sql(
            "INSERT INTO qaf_grade (assessment_id, objective, final_grade) VALUES (:a, 'C1.1', :g)")
        .param("a", id)
        .param("g", grade)
        .update();
    return id;
  }

  private String incident(Contract contract, Instant occurred) {
    String number = uniqueReference("SI-PG-");
    jdbc.sql(
            """
            INSERT INTO serious_incident (incident_number, provider_id, contract_id, source, category,
                                          occurred_at, opened_at, initial_report_due_at,
                                          reporting_form_due_at)
            VALUES (:n, :p, :c, 'PROVIDER_REPORT', 'FALL', :t, :t, :t, :t)
            """)
        .param("n", number)
        .param("p", contract.provider().id())
        .param("c", contract.id())
        .param("t", java.sql.Timestamp.from(occurred))
        .update();
    return number;
  }
}
