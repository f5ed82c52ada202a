package uk.gov.council.commissioning.meetingviews;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.OFFICER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.meetings.Meeting;
import uk.gov.council.commissioning.meetingviews.MeetingViews.MeetingRecord;
import uk.gov.council.commissioning.meetingviews.MeetingViews.OverdueMeetingAction;
import uk.gov.council.commissioning.meetingviews.MeetingViews.OverduePlanAction;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestMeetings;
import uk.gov.council.commissioning.testkit.TestTeam;

/**
 * The views' queries on PostgreSQL: the year's schedule with the contract's officer, a provider's
 * history newest first, and the overdue list (meetings still planned after their day, actions past
 * their target date), each as a provider's user sees it.
 */
@PostgresProcessTest
class MeetingViewsPostgresTest extends ProcessTestCase {

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("mviewpg", OFFICER).withProviders("MVIEWPG Alpha", "MVIEWPG Beta");

  @Autowired MeetingViews views;

  @Test
  void theScheduleHistoryAndOverdueListReadWhatTheCasesLeft() {
    TestClock.set(LocalDateTime.of(2064, 6, 15, 9, 0));
    Contract alpha =
        TestMeetings.contract(contracts, TEAM.alpha(), uniqueReference("MVIEWPG-A-"), "Views");
    Contract beta =
        TestMeetings.contract(contracts, TEAM.beta(), uniqueReference("MVIEWPG-B-"), "Views");
    jdbc.sql("UPDATE contract SET contract_officer = 'mviewpg-officer' WHERE id = :c")
        .param("c", alpha.id())
        .update();
    long held = TestMeetings.meeting(jdbc, alpha, LocalDate.of(2064, 2, 10));
    MeetingViewTestData.held(jdbc, held);
    MeetingViewTestData.action(jdbc, held, "Review the rota", LocalDate.of(2064, 3, 1));
    long withPlan = TestMeetings.meeting(jdbc, alpha, LocalDate.of(2064, 1, 10));
    MeetingViewTestData.held(jdbc, withPlan);
    long plan = MeetingViewTestData.agreedPlan(jdbc, withPlan);
    MeetingViewTestData.planAction(
        jdbc, plan, 1, "Train the night staff", LocalDate.of(2064, 4, 1), "OPEN");
    long late = TestMeetings.meeting(jdbc, alpha, LocalDate.of(2064, 5, 10));
    long betaLate = TestMeetings.meeting(jdbc, beta, LocalDate.of(2064, 5, 11));
    Actor staff = Actor.of(TEAM.user(OFFICER), List.of("commissioning-officers"));
    Actor alphaUser =
        Actor.of(TEAM.alphaUser(), List.of("providers", TEAM.alpha().organisationGroup()));

    MeetingViews.YearSchedule schedule =
        views.schedule(Year.of(2064), null, "mviewpg-officer", null, staff);
    assertThat(schedule.months().get(1).meetings())
        .extracting(Meeting::id, Meeting::contractOfficer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(held, "mviewpg-officer"));
    assertThat(schedule.planned()).isEqualTo(3);
    assertThat(schedule.held()).isEqualTo(2);

    assertThat(views.history(TEAM.alpha().id(), alphaUser).orElseThrow().meetings())
        .extracting(r -> r.meeting().id())
        .containsExactly(late, held, withPlan);
    assertThat(views.history(TEAM.alpha().id(), alphaUser).orElseThrow().meetings())
        .filteredOn(r -> r.meeting().id() == withPlan)
        .extracting(MeetingRecord::plan)
        .allSatisfy(p -> assertThat(p.caseReference()).isEqualTo("MIP-" + withPlan));
    assertThat(views.history(TEAM.beta().id(), alphaUser)).isEmpty();

    MeetingViews.Overdue overdue = views.overdue(alphaUser);
    assertThat(overdue.meetingsNotHeld())
        .extracting(Meeting::id)
        .contains(late)
        .doesNotContain(betaLate);
    assertThat(overdue.meetingActions())
        .extracting(
            OverdueMeetingAction::meetingId,
            o -> o.action().description(),
            OverdueMeetingAction::daysOverdue)
        .contains(org.assertj.core.groups.Tuple.tuple(held, "Review the rota", 106L));
    assertThat(overdue.planActions())
        .extracting(OverduePlanAction::caseReference, OverduePlanAction::daysOverdue)
        .contains(org.assertj.core.groups.Tuple.tuple("MIP-" + withPlan, 75L));
    assertThat(views.overdue(staff).meetingsNotHeld())
        .extracting(Meeting::id)
        .contains(late, betaLate);
  }
}
