package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.meetings.ScheduleDraft.ContractToMeet;
import uk.gov.council.commissioning.meetings.ScheduleDraft.DraftMeeting;
import uk.gov.council.commissioning.testkit.TestCalendars;

/**
 * Seed 001 Part 3.1 §1: the year's meetings drafted from each contract's priority level, with the
 * default levels (GREEN yearly, AMBER half-yearly, RED quarterly) and the bank holidays of England
 * and Wales. Dates worked by hand for 2027.
 */
class ScheduleDraftTest {

  static final Year YEAR = Year.of(2027);
  static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
  static final LocalDate FROM = LocalDate.of(2020, 1, 1);
  static final LocalDate TO = LocalDate.of(2035, 3, 31);

  final MeetingsProperties levels = properties(null, "GREEN");
  final WorkingDayCalendar calendar = TestCalendars.englandAndWales();

  @Test
  void eachLevelMeetsAsOftenAsConfiguredOnTheFirstWorkingDayFromThe15th() {
    List<DraftMeeting> draft =
        draft(
            DECEMBER,
            contract(1, "C-GREEN", "GREEN"),
            contract(2, "C-AMBER", "AMBER"),
            contract(3, "C-RED", "RED"));

    // 15 Jan 2027 is a Friday; 15 May a Saturday (Mon 17); 15 Aug a Sunday (Mon 16).
    assertThat(dates(draft, "C-GREEN")).containsExactly(LocalDate.of(2027, 1, 15));
    assertThat(dates(draft, "C-AMBER"))
        .containsExactly(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 7, 15));
    assertThat(dates(draft, "C-RED"))
        .containsExactly(
            LocalDate.of(2027, 1, 15),
            LocalDate.of(2027, 4, 15),
            LocalDate.of(2027, 7, 15),
            LocalDate.of(2027, 10, 15));
    assertThat(draft).allMatch(m -> calendar.isWorkingDay(m.date()));
    assertThat(draft.stream().filter(m -> m.reference().equals("C-RED")))
        .allMatch(m -> m.priority().equals("RED"));
  }

  @Test
  void contractsOfOneLevelAreSpreadOverTheMonthsOfItsInterval() {
    List<DraftMeeting> draft =
        draft(
            DECEMBER,
            contract(1, "A-1", "GREEN"),
            contract(2, "A-2", "GREEN"),
            contract(3, "A-3", "AMBER"),
            contract(4, "A-4", "AMBER"),
            contract(5, "A-5", "GREEN"));

    // In reference order: yearly ones in January, February, March; half-yearly Jan/Jul, Feb/Aug.
    assertThat(dates(draft, "A-1")).containsExactly(LocalDate.of(2027, 1, 15));
    assertThat(dates(draft, "A-2")).containsExactly(LocalDate.of(2027, 2, 15));
    assertThat(dates(draft, "A-5")).containsExactly(LocalDate.of(2027, 3, 15));
    assertThat(dates(draft, "A-3"))
        .containsExactly(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 7, 15));
    assertThat(dates(draft, "A-4"))
        .containsExactly(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 8, 16));
  }

  @Test
  void aBankHolidayOnThe15thMovesTheMeetingPastTheEasterWeekend() {
    // Good Friday fell on 15 April 2022 and Easter Monday on the 18th: Tuesday 19 April.
    List<DraftMeeting> draft =
        ScheduleDraft.draft(
            Year.of(2022),
            LocalDate.of(2021, 12, 1),
            List.of(contract(1, "EASTER", "RED")),
            levels,
            calendar::isWorkingDay);

    assertThat(dates(draft, "EASTER"))
        .containsExactly(
            LocalDate.of(2022, 1, 17),
            LocalDate.of(2022, 4, 19),
            LocalDate.of(2022, 7, 15),
            LocalDate.of(2022, 10, 17));
  }

  @Test
  void datesOutsideTheContractsTermOrAlreadyPastAreLeftOut() {
    List<DraftMeeting> draft =
        draft(
            LocalDate.of(2027, 5, 1),
            new ContractToMeet(1, "ENDS", FROM, LocalDate.of(2027, 8, 31), "RED", List.of()),
            new ContractToMeet(2, "STARTS", LocalDate.of(2027, 6, 1), TO, "RED", List.of()));

    // Drafted in May (a late start): ENDS (Jan, Apr, Jul, Oct) has January and April past and
    // October after its end. STARTS, the second RED contract, meets Feb, May, Aug, Nov: February
    // and May are before its start; 15 August 2027 is a Sunday.
    assertThat(dates(draft, "ENDS")).containsExactly(LocalDate.of(2027, 7, 15));
    assertThat(dates(draft, "STARTS"))
        .containsExactly(LocalDate.of(2027, 8, 16), LocalDate.of(2027, 11, 15));
  }

  @Test
  void aContractWithMeetingsAlreadyPlannedInTheYearKeepsThem() {
    LocalDate planned = LocalDate.of(2027, 3, 3);
    List<DraftMeeting> draft =
        draft(
            DECEMBER,
            new ContractToMeet(
                1, "PLANNED", FROM, TO, "RED", List.of(LocalDate.of(2026, 3, 3), planned)));

    assertThat(dates(draft, "PLANNED")).containsExactly(planned);
  }

  @Test
  void aCouncilsOwnLevelsAreUsedAndALevelNotConfiguredIsRefusedByName() {
    MeetingsProperties own = properties(Map.of("LOW", 1, "HIGH", 6), "LOW");
    List<DraftMeeting> draft =
        ScheduleDraft.draft(
            YEAR,
            DECEMBER,
            List.of(new ContractToMeet(1, "H", FROM, TO, "HIGH", List.of())),
            own,
            calendar::isWorkingDay);
    assertThat(draft).hasSize(6);

    assertThatThrownBy(
            () ->
                ScheduleDraft.draft(
                    YEAR,
                    DECEMBER,
                    List.of(new ContractToMeet(1, "G", FROM, TO, "GREEN", List.of())),
                    own,
                    calendar::isWorkingDay))
        .hasMessageContaining("priority level GREEN is not configured");
  }

  @Test
  void theLevelsAreCheckedWhenTheSettingsAreRead() {
    assertThatThrownBy(() -> properties(Map.of("GREEN", 5), "GREEN"))
        .hasMessageContaining("GREEN must have 1, 2, 3, 4, 6 or 12 meetings a year, not 5");
    assertThatThrownBy(() -> properties(Map.of("GREEN", 1), "BLUE"))
        .hasMessageContaining("default-priority BLUE is not one of the priority levels [GREEN]");
    assertThatThrownBy(() -> properties(Map.of("green", 1), "green"))
        .hasMessageContaining("priority level green must be capital letters");
    assertThat(properties(null, "GREEN").priorityLevels())
        .containsExactly(Map.entry("GREEN", 1), Map.entry("AMBER", 2), Map.entry("RED", 4));
  }

  private List<DraftMeeting> draft(LocalDate today, ContractToMeet... contracts) {
    return ScheduleDraft.draft(YEAR, today, List.of(contracts), levels, calendar::isWorkingDay);
  }

  private static ContractToMeet contract(long id, String reference, String priority) {
    return new ContractToMeet(id, reference, FROM, TO, priority, List.of());
  }

  private static List<LocalDate> dates(List<DraftMeeting> draft, String reference) {
    return draft.stream()
        .filter(m -> m.reference().equals(reference))
        .map(DraftMeeting::date)
        .toList();
  }

  static MeetingsProperties properties(Map<String, Integer> levels, String defaultLevel) {
    return new MeetingsProperties(
        levels == null ? null : new LinkedHashMap<>(levels),
        defaultLevel,
        "0 0 7 1 12 *",
        10,
        10,
        "0 0 7 1 * *");
  }
}
