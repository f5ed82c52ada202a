package uk.gov.council.commissioning.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.cases.DuplicateCaseException;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * A quarter's return on PostgreSQL (the V28 and V29 tables and their SQL): late with a reminder and
 * its breach, received late with a KPI below trigger, explained, monitored and logged; a second
 * start refused; the register's page and the late-returns list.
 */
@PostgresProcessTest
class PerformanceReturnPostgresTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("prpg", OFFICER, MANAGER).withProviders("PRPG Alpha", "PRPG Beta");

  static final int YEAR = 2059;

  @Autowired CaseStarts caseStarts;
  @Autowired LateReturns lateReturns;
  @Autowired PerformanceReturns returns;

  @Test
  void aLateReturnBelowTriggerIsExplainedMonitoredAndLogged() {
    BpmnAwareTests.init(engine);
    TestClock.set(LocalDateTime.of(YEAR, 7, 1, 9, 0));
    Contract contract = TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("PRPG-"));
    String prefix = contract.reference();
    TestReturns.standardCatalogues(jdbc, contract, YEAR, prefix);
    TestReturns.contractPage(jdbc, contract, YEAR, 40);
    String ref = PerformanceReturnSteps.businessKey(contract.reference(), YEAR, 1);
    Map<String, Object> variables =
        Map.of(
            "contractReference",
            contract.reference(),
            "reportingYear",
            YEAR,
            "quarter",
            1,
            "dueDate",
            Date.from(deadlines.endOf(LocalDate.of(YEAR, 7, 28)).minusSeconds(1)));
    ProcessInstance instance =
        caseStarts.startAsSystem(PerformanceReturnSteps.PROCESS_KEY, ref, variables);
    assertThatThrownBy(
            () -> caseStarts.startAsSystem(PerformanceReturnSteps.PROCESS_KEY, ref, variables))
        .hasRootCauseInstanceOf(DuplicateCaseException.class);

    fire(timer(instance, "Timer_ReturnDeadline"));
    assertThat(breachKinds(PerformanceReturnSteps.CASE_TYPE, ref))
        .containsExactly(tuple("RETURN", DeadlineBreach.Kind.MISSED));
    assertThat(
            lateReturns.of(
                new ReportingYear(YEAR).quarter(1),
                LocalDate.ofInstant(TestClock.now(), TestClock.UK)))
        .extracting(LateReturns.LateReturn::caseReference)
        .contains(ref);
    completeAs(
        TEAM.user(OFFICER), instance, "Task_RecordMitigation", Map.of("mitigation", "IT failure"));

    Submission submission =
        new Submission(
            40,
            null,
            "Late, sorry",
            List.of(
                new Submission.Value(prefix + "-SP", "KPI 1", new BigDecimal("87.5"), null),
                new Submission.Value(prefix + "-SP", "SPI 2", new BigDecimal("12"), null),
                new Submission.Value(prefix + "-LOCAL", "LPI 1", new BigDecimal("3"), null)));
    assertThat(returns.submit(ref, submission, auth(TEAM.alphaUser())).changed()).isTrue();
    assertThat(returns.submit(ref, submission, auth(TEAM.alphaUser())).changed()).isFalse();
    completeAs(
        TEAM.user(OFFICER), instance, "Task_CheckReturn", Map.of("checkDecision", "COMPLETE"));
    returns.explain(
        ref,
        List.of(new PerformanceReturns.Explanation(prefix + "-SP", "KPI 1", "Staff shortage")),
        auth(TEAM.alphaUser()));
    completeAs(
        TEAM.user(OFFICER), instance, "Task_AssessExplanation", Map.of("outcome", "MONITOR"));

    assertThat(instance).isEnded();
    PerformanceReturn r = returns.find(ref, Actor.engine()).orElseThrow();
    assertThat(r.status()).isEqualTo(PerformanceReturn.ACCEPTED);
    assertThat(r.late()).isTrue();
    assertThat(r.mitigation()).isEqualTo("IT failure");
    assertThat(returns.values(r))
        .extracting(
            PerformanceReturn.Value::kpi,
            PerformanceReturn.Value::belowTrigger,
            PerformanceReturn.Value::explanation)
        .contains(tuple("KPI 1", true, "Staff shortage"));
    assertThat(
            returns
                .page(
                    contract.reference(),
                    YEAR,
                    Actor.engine(),
                    new uk.gov.council.commissioning.web.PageQuery(0, 10, true))
                .items())
        .extracting(PerformanceReturn::caseReference)
        .containsExactly(ref);
    assertThat(
            returns
                .page(
                    null,
                    YEAR,
                    Actor.of(TEAM.betaUser(), groupsOf(TEAM.betaUser())),
                    new uk.gov.council.commissioning.web.PageQuery(0, 10, false))
                .items())
        .extracting(PerformanceReturn::caseReference)
        .doesNotContain(ref);
  }

  private Authentication auth(String user) {
    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
    groupsOf(user).forEach(g -> authorities.add(new SimpleGrantedAuthority(Roles.authority(g))));
    return new UsernamePasswordAuthenticationToken(user, "n/a", authorities);
  }
}
