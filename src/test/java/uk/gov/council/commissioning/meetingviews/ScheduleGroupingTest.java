package uk.gov.council.commissioning.meetingviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.meetings.Meeting;
import uk.gov.council.commissioning.meetingviews.ScheduleGrouping.Count;
import uk.gov.council.commissioning.meetingviews.ScheduleGrouping.MonthGroup;

/** The schedule views' arithmetic: month headings, counts per officer and per priority level. */
class ScheduleGroupingTest {

  private static final List<String> LEVELS = List.of("GREEN", "AMBER", "RED");

  private final List<Meeting> meetings =
      List.of(
          meeting(1, "C-2", "2027-03-20", "RED", Meeting.HELD, "pat"),
          meeting(2, "C-1", "2027-03-20", "RED", Meeting.PLANNED, "pat"),
          meeting(3, "C-3", "2027-01-05", "GREEN", Meeting.HELD, null),
          meeting(4, "C-4", "2027-12-31", "AMBER", Meeting.PLANNED, "alex"),
          meeting(5, "C-5", "2028-01-01", "OLD", Meeting.PLANNED, "alex"));

  @Test
  void everyMonthOfTheYearHasAHeadingAndItsMeetingsInDateThenContractOrder() {
    List<MonthGroup> months = ScheduleGrouping.byMonth(Year.of(2027), null, meetings);

    assertThat(months).hasSize(12);
    assertThat(months.get(0).month()).isEqualTo("2027-01");
    assertThat(months.get(0).name()).isEqualTo("January 2027");
    assertThat(months.get(0).meetings()).extracting(Meeting::id).containsExactly(3L);
    assertThat(months.get(1).meetings()).isEmpty();
    assertThat(months.get(1).planned()).isZero();
    assertThat(months.get(2).meetings()).extracting(Meeting::id).containsExactly(2L, 1L);
    assertThat(months.get(2).planned()).isEqualTo(2);
    assertThat(months.get(2).held()).isEqualTo(1);
    assertThat(months.get(11).meetings()).extracting(Meeting::id).containsExactly(4L);
    // The meeting of the next year falls under no heading.
    assertThat(months.stream().mapToInt(MonthGroup::planned).sum()).isEqualTo(4);
  }

  @Test
  void oneMonthAloneHasOneHeading() {
    List<MonthGroup> months =
        ScheduleGrouping.byMonth(Year.of(2027), YearMonth.of(2027, 3), meetings);

    assertThat(months).singleElement().satisfies(g -> assertThat(g.planned()).isEqualTo(2));
  }

  @Test
  void officersAreCountedInNameOrderWithThoseWithoutAnOfficerLast() {
    assertThat(ScheduleGrouping.byOfficer(meetings))
        .containsExactly(
            new Count("alex", 2, 0),
            new Count("pat", 2, 1),
            new Count(ScheduleGrouping.NO_OFFICER, 1, 1));
  }

  @Test
  void everyConfiguredLevelIsCountedInItsOrderAndALevelNoLongerConfiguredFollows() {
    assertThat(ScheduleGrouping.byPriority(meetings, LEVELS))
        .containsExactly(
            new Count("GREEN", 1, 1),
            new Count("AMBER", 1, 0),
            new Count("RED", 2, 1),
            new Count("OLD", 1, 0));
    assertThat(ScheduleGrouping.byPriority(List.of(), LEVELS))
        .extracting(Count::planned)
        .containsExactly(0, 0, 0);
  }

  @Test
  void daysOverdueCountFromTheDueDayAndAreNeverNegative() {
    LocalDate today = LocalDate.of(2027, 3, 15);
    assertThat(ScheduleGrouping.daysOverdue(LocalDate.of(2027, 3, 14), today)).isEqualTo(1);
    assertThat(ScheduleGrouping.daysOverdue(LocalDate.of(2027, 2, 15), today)).isEqualTo(28);
    assertThat(ScheduleGrouping.daysOverdue(LocalDate.of(2027, 3, 16), today)).isZero();
  }

  private static Meeting meeting(
      long id, String contract, String date, String priority, String status, String officer) {
    LocalDate day = LocalDate.parse(date);
    return new Meeting(
        id,
        contract,
        "Service " + contract,
        1,
        "Provider",
        "provider-group",
        day,
        priority,
        status,
        Meeting.HELD.equals(status) ? day : null,
        null,
        officer);
  }
}
