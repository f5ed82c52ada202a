package uk.gov.council.commissioning.meetingviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.audits.DeskTopView;
import uk.gov.council.commissioning.meetingplans.MeetingPlan;
import uk.gov.council.commissioning.meetingplans.MeetingPlan.Action;
import uk.gov.council.commissioning.qaf.QafHistory.GradedObjective;

/** Seed 001 Part 3.1 §3.5 and §5: the counts and plan progress a meeting's agenda shows. */
class AgendaFiguresTest {

  @Test
  void theAgendaCountsTheDeskTopViewByKindAndTheQafGradesByGrade() {
    DeskTopView view =
        new DeskTopView(
            Instant.parse("2026-03-01T00:00:00Z"),
            List.of(
                graded("B"),
                graded("D"),
                graded("B"),
                new GradedObjective("Q-1", "C-1", 2026, "OPEN", "o", null)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());

    assertThat(AgendaFigures.performance(view))
        .isEqualTo(
            "since 1 Mar 2026: QAF objectives graded B 2, D 1; QAF improvement plans open 0;"
                + " complaints 0; serious incidents 0; safeguarding alerts 0; deadlines missed 0");
  }

  @Test
  void withNothingGradedTheAgendaSaysSo() {
    DeskTopView view =
        new DeskTopView(
            Instant.parse("2026-03-01T00:00:00Z"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());

    assertThat(AgendaFigures.performance(view)).contains("no QAF objective graded");
  }

  @Test
  void eachOpenPlanShowsItsProgressAndItsOverdueActions() {
    MeetingPlan plan =
        plan(
            LocalDate.of(2026, 6, 10),
            List.of(
                action(1, Action.COMPLETE, false),
                action(2, Action.OPEN, true),
                action(3, Action.VALIDATION_REQUESTED, false),
                action(4, Action.OPEN, false)));

    assertThat(AgendaFigures.planProgress(List.of(plan)))
        .isEqualTo("plan of " + dayOf(plan) + " 1 of 4 complete (25.0%), 1 overdue");
    assertThat(AgendaFigures.planProgress(List.of()))
        .isEqualTo("no plan from an earlier meeting open");
  }

  private static String dayOf(MeetingPlan plan) {
    return uk.gov.council.commissioning.reports.ReportFormat.day(plan.meetingDate());
  }

  private static GradedObjective graded(String grade) {
    return new GradedObjective("Q-1", "C-1", 2026, "COMPLETE", "objective", grade);
  }

  private static Action action(int number, String status, boolean overdue) {
    return new Action(
        number,
        "action " + number,
        "owner",
        LocalDate.of(2026, 9, 1),
        status,
        null,
        null,
        0,
        null,
        null,
        overdue);
  }

  private static MeetingPlan plan(LocalDate meetingDate, List<Action> actions) {
    return new MeetingPlan(
        7L,
        "MIP-7",
        meetingDate,
        "C-1",
        "Contract",
        "Provider",
        "provider-group",
        MeetingPlan.AGREED,
        1,
        null,
        null,
        null,
        actions);
  }
}
