package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 001 Part 3.1 §4: further meetings of a provider moving into RED. */
class RedMeetingsTest {

  static final LocalDate HELD = LocalDate.of(2030, 3, 12);
  static final LocalDate END = LocalDate.of(2040, 1, 1);

  @Test
  void quarterlyMeansFourMoreInTheTwelveMonthsAfterEachOnAWorkingDay() {
    assertThat(RedMeetings.dates(HELD, 4, List.of(), END, RedMeetingsTest::weekday))
        .containsExactly(
            LocalDate.of(2030, 6, 12),
            LocalDate.of(2030, 9, 12),
            LocalDate.of(2030, 12, 12),
            // 12 March 2031 is a Wednesday.
            LocalDate.of(2031, 3, 12));
    // 12 October 2030 is a Saturday: the Monday after.
    assertThat(RedMeetings.dates(HELD.plusMonths(4), 12, List.of(), END, RedMeetingsTest::weekday))
        .contains(LocalDate.of(2030, 10, 14));
  }

  @Test
  void aMeetingAlreadyPlannedNearADateOrTheContractsEndLeavesItOut() {
    assertThat(
            RedMeetings.dates(
                HELD,
                4,
                List.of(LocalDate.of(2030, 7, 1)),
                LocalDate.of(2030, 12, 31),
                RedMeetingsTest::weekday))
        .containsExactly(LocalDate.of(2030, 9, 12), LocalDate.of(2030, 12, 12));
  }

  private static boolean weekday(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
